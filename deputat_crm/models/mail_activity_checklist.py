# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An event's stage task shows the person's checklist items of the stage, ticked from the
task's dialog (the pencil of the task in the chatter)."""
from odoo import api, fields, models


class MailActivity(models.Model):
    _inherit = 'mail.activity'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_checklist_line_ids = fields.Many2many(
        'deputat.event.checklist.line', string='Checklist of the task',
        compute='_compute_deputat_checklist')
    deputat_checklist_open = fields.Integer(string='Open checklist items',
                                            compute='_compute_deputat_checklist')

    @api.depends('res_model', 'res_id', 'deputat_robot', 'deputat_task_key')
    def _compute_deputat_checklist(self):
        Event = self.env['deputat.event']
        may_read = Event.check_access_rights('read', raise_exception=False)
        for activity in self:
            lines = self.env['deputat.event.checklist.line']
            if (may_read and activity.res_model == Event._name and activity.res_id
                    and activity.deputat_robot == 'stage' and activity.deputat_task_key):
                model, _sep, task_id = activity.deputat_task_key.partition(',')
                event = Event.browse(activity.res_id).exists()
                task = self.env['deputat.event.stage.task'].sudo().browse(
                    int(task_id) if task_id.isdigit() else 0).exists()
                if model == task._name and event and task and task.stage_id == event.stage_id:
                    lines = event._event_checklist(task.role)
            activity.deputat_checklist_line_ids = lines
            activity.deputat_checklist_open = len(lines.filtered(lambda l: not l.done))
