from odoo import fields, models


class DeputatAppealRefusalGround(models.Model):
    """A ground of 59-FZ art. 11 for leaving an appeal without an answer on the merits."""
    _name = 'deputat.appeal.refusal.ground'
    _table = 'deputat_conf_refusal_ground'  # field XML ids: see readme/DEVELOP.md
    _description = 'Refusal ground (59-FZ art. 11)'
    _order = 'sequence, id'

    name = fields.Char(string='Ground', required=True, translate=True)
    article = fields.Char(string='Article part', help='e.g. «ст. 11 ч. 4»')
    sequence = fields.Integer(default=10)
    notice_required = fields.Boolean(string='Notice to the applicant required')
    notice_days = fields.Integer(string='Notice within (days)', default=7)
    notice_text = fields.Text(string='What the notice says', translate=True)
    active = fields.Boolean(default=True)
