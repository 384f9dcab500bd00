from odoo import fields, models


class DeputatAudience(models.Model):
    """Target audience tag («Целевая аудитория»): segments contacts and events alike."""
    _name = 'deputat.audience'
    _description = 'Target audience'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer(string='Color index')
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This target audience already exists.'),
    ]
