from odoo import fields, models

CHECKLIST_ROLES = [
    ('responsible', 'Responsible employee'),
    ('accompanying', 'Accompanying person'),
]


class DeputatEventChecklistTemplate(models.Model):
    """One item of a stage's checklist; copied into each event entering the stage."""
    _name = 'deputat.event.checklist.template'
    _description = 'Event checklist item (template)'
    _order = 'stage_id, sequence, id'

    name = fields.Char(string='Checklist item', required=True, translate=True)
    sequence = fields.Integer(default=10)
    stage_id = fields.Many2one('deputat.event.stage', required=True,
                               ondelete='cascade', index=True)
    role = fields.Selection(CHECKLIST_ROLES, string='Who does it', required=True,
                            default='responsible')
    active = fields.Boolean(default=True)
