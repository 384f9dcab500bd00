from odoo import fields, models


class DeputatContactSource(models.Model):
    """How the office obtained a contact: personal reception, appeal, event, social networks,
    import... The office head maintains the list."""
    _name = 'deputat.contact.source'
    _description = 'Contact source'
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This contact source already exists.'),
    ]
