# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An event's checklist items: ticked on the event form (a button on each line, in read mode)
or from the person's stage task; when all the items of a person's task are done, the task is
marked done."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape

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
    is_current_stage = fields.Boolean(string='Current stage', compute='_compute_is_current_stage')

    _sql_constraints = [
        ('event_template_uniq', 'unique(event_id, template_id)',
         'This checklist item is already on the event.'),
    ]

    @api.depends('stage_id', 'event_id.stage_id')
    def _compute_is_current_stage(self):
        for line in self:
            line.is_current_stage = line.stage_id == line.event_id.stage_id

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
        res = super(DeputatEventChecklistLine, self).write(vals)
        if vals.get('done'):
            self.mapped('event_id')._event_close_finished_tasks()
        return res

    @api.multi
    def action_toggle_done(self):
        """The ✓ button of a line (the event form in read mode, the person's task): tick or
        untick the item. When the tick finishes a task, the task's dialog closes."""
        if not self.env.user.has_group('deputat_crm.group_assistant'):
            raise AccessError(_('Only the office ticks checklist items.'))
        Activity = self.env['mail.activity']
        domain = [('res_model', '=', 'deputat.event'), ('deputat_robot', '=', 'stage'),
                  ('res_id', 'in', self.mapped('event_id').ids)]
        before = Activity.search_count(domain)
        for line in self:
            line.write({'done': not line.done})
        if Activity.search_count(domain) < before:
            # a task got done: close the task's dialog (the event form reloads)
            return {'type': 'ir.actions.act_window_close'}
        # ticked in the task's dialog (the key only says which dialog shows the lines): show
        # the task again, as Odoo 11 closes a dialog after a button that returns no action
        activity = Activity.browse(self.env.context.get('deputat_activity_id') or []).exists()
        if activity:
            return {
                'type': 'ir.actions.act_window',
                'name': activity.activity_type_id.name,
                'res_model': activity._name,
                'res_id': activity.id,
                'view_mode': 'form',
                'views': [[False, 'form']],
                'target': 'new',
            }
        return True


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'  # pylint: disable=consider-merging-classes-inherited  # the task side of the checklist lives with the lines

    def _event_close_finished_tasks(self):
        """Mark done the open stage tasks whose checklist (the role's items of the current
        stage) is all ticked."""
        for event in self:
            if not event.stage_id.task_ids:
                continue
            keys = []
            for task in event.stage_id.task_ids:
                lines = event._event_checklist(task.role)
                if lines and all(lines.mapped('done')):
                    keys.append(task._task_key())
            if not keys:
                continue
            tasks = self.env['mail.activity'].search([
                ('res_model', '=', self._name), ('res_id', '=', event.id),
                ('deputat_robot', '=', 'stage'), ('deputat_task_key', 'in', keys)])
            if tasks:
                tasks.action_feedback(feedback='<p>%s</p>' % html_escape(
                    _('All the checklist items are done.')))
        return None
