from odoo import fields, models


class DeputatAppealChannel(models.Model):
    """Channel an appeal came in by (личный приём, почта, e-mail, сайт ...)."""
    _name = 'deputat.appeal.channel'
    _table = 'deputat_conf_appeal_channel'  # field XML ids: see readme/DEVELOP.md
    _description = 'Appeal channel'
    _order = 'sequence, name'

    name = fields.Char(string='Channel', required=True, translate=True)
    code = fields.Char(string='Technical code')
    sequence = fields.Integer(default=10)
    appeal_form = fields.Selection([
        ('written', 'Written'),
        ('oral', 'Oral'),
        ('electronic', 'Electronic'),
    ], string='Default form of appeal')
    active = fields.Boolean(default=True)
