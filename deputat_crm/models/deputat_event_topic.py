from odoo import fields, models


class DeputatEventTopic(models.Model):
    """«Тематика» of an event (education, housing and utilities, …), configurable."""
    _name = 'deputat.event.topic'
    _table = 'deputat_conf_event_topic'  # field XML ids: see readme/DEVELOP.md
    _description = 'Event topic'
    _order = 'sequence, name'

    name = fields.Char(string='Topic', required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer(string='Color index')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'This topic already exists.'),
    ]

