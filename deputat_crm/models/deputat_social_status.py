from odoo import fields, models


class DeputatSocialStatus(models.Model):
    """Social status of a contact («Социальный статус»): pensioner, student, ... A contact may
    have several; the office head maintains the list."""
    _name = 'deputat.social.status'
    _description = 'Social status'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer(string='Color index')
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This social status already exists.'),
    ]
