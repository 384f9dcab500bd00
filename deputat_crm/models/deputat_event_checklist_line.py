from odoo import api, fields, models

from .deputat_event_checklist_template import CHECKLIST_ROLES


class DeputatEventChecklistLine(models.Model):
    """An event's own checklist item, created when the event enters the item's stage."""
    _name = 'deputat.event.checklist.line'
    _description = 'Event checklist item'
    _order = 'event_id, stage_sequence, sequence, id'

    event_id = fields.Many2one('deputat.event', required=True,
                               ondelete='cascade', index=True)
    stage_id = fields.Many2one('deputat.event.stage', required=True,
                               ondelete='restrict', index=True)
    stage_sequence = fields.Integer(related='stage_id.sequence', store=True, readonly=True)
    template_id = fields.Many2one('deputat.event.checklist.template', string='Template item',
                                  ondelete='set null')
    name = fields.Char(string='Checklist item', required=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(CHECKLIST_ROLES, string='Who does it', required=True,
                            default='responsible')
    done = fields.Boolean()
    done_by_id = fields.Many2one('res.users', string='Done by', readonly=True)
    done_date = fields.Datetime(string='Done on', readonly=True)

    _sql_constraints = [
        ('event_template_uniq', 'unique(event_id, template_id)',
         'This checklist item is already on the event.'),
    ]

    @api.model
    def create(self, vals):
        if vals.get('done'):
            vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
        return super(DeputatEventChecklistLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'done' in vals:
            if vals['done']:
                vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
            else:
                vals.update(done_by_id=False, done_date=False)
        return super(DeputatEventChecklistLine, self).write(vals)
