# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class DeputatEventStage(models.Model):
    """A stage of the events pipeline («Создание» … «Подведение итогов», «Отменено»).

    The flags drive the robots and the gates, so the office head may rename, reorder or add
    stages without touching code."""
    _name = 'deputat.event.stage'
    _inherit = 'deputat.pipeline.stage.mixin'
    _table = 'deputat_conf_event_stage'  # field XML ids: see readme/DEVELOP.md
    _description = 'Event stage'
    _record_model = 'deputat.event'

    is_approval = fields.Boolean(
        string='Approval stage',
        help='The daily robot moves events of the first stage here a configurable number of '
             'weeks before their date.')
    is_cancel = fields.Boolean(
        string='Cancellation stage',
        help='Entering this stage requires a cancellation reason.')
    is_final = fields.Boolean(
        string='Final stage',
        help='The event is complete here once its tasks are done: the «next step» robot '
             'leaves it alone.')
    checklist_template_ids = fields.One2many(
        'deputat.event.checklist.template', 'stage_id', string='Checklist')
    task_ids = fields.One2many('deputat.event.stage.task', 'stage_id', string='Stage tasks')
    transition_ids = fields.One2many('deputat.event.transition', 'from_stage_id',
                                     string='Allowed moves')


class DeputatEventStageTask(models.Model):
    """The task an event stage gives one role (the role's checklist items are added)."""
    _name = 'deputat.event.stage.task'
    _inherit = 'deputat.pipeline.task.mixin'
    _table = 'deputat_conf_event_stage_task'
    _description = 'Event stage task'
    _record_model = 'deputat.event'

    stage_id = fields.Many2one('deputat.event.stage', required=True,
                               ondelete='cascade', index=True)


class DeputatEventTransition(models.Model):
    """An allowed move of an event between two stages."""
    _name = 'deputat.event.transition'
    _inherit = 'deputat.pipeline.transition.mixin'
    _table = 'deputat_conf_event_transition'
    _description = 'Event stage transition'
    _record_model = 'deputat.event'

    from_stage_id = fields.Many2one('deputat.event.stage', string='From stage', required=True,
                                    ondelete='cascade', index=True)
    to_stage_id = fields.Many2one('deputat.event.stage', string='To stage', required=True,
                                  ondelete='cascade')
