from odoo import fields, models


class DeputatEventStage(models.Model):
    """A stage of the events pipeline («Создание» … «Подведение итогов», «Отменено»).

    The flags drive the robots and the gates, so the office head may rename, reorder or add
    stages without touching code."""
    _name = 'deputat.event.stage'
    _table = 'deputat_conf_event_stage'  # field XML ids: see readme/DEVELOP.md
    _description = 'Event stage'
    _order = 'sequence, id'

    name = fields.Char(string='Stage name', required=True, translate=True)
    sequence = fields.Integer(string='Sequence', default=10)
    fold = fields.Boolean(string='Folded in kanban')
    active = fields.Boolean(string='Active', default=True)
    description = fields.Text(string='What to do at this stage', translate=True,
                              help='Shown as the column legend and in the robot activities.')
    is_start = fields.Boolean(
        string='Creation stage',
        help='New events start here; the daily robot moves them to the approval stage '
             'a configurable number of weeks before their date.')
    is_approval = fields.Boolean(
        string='Approval stage',
        help='Only the deputy or the office head may move an event past this stage.')
    is_cancel = fields.Boolean(
        string='Cancellation stage',
        help='Entering this stage requires a cancellation reason.')
    is_final = fields.Boolean(
        string='Final stage',
        help='The event is complete here once its robot activities are done: the «next step» '
             'robot leaves it alone.')
    require_accompanying = fields.Boolean(
        string='Requires an accompanying person',
        help='An event cannot enter this stage without «Accompanying person».')
    require_results = fields.Boolean(
        string='Requires the results',
        help='An event cannot enter this stage without «Event results».')
    time_limit_days = fields.Integer(
        string='Time limit (days)',
        help='When an event stays longer in this stage, its responsible employee is notified. '
             '0: no limit.')
    deadline_offset_days = fields.Integer(
        string='Activity due (days from the event date)',
        help='Due date of the robot activities of this stage relative to the event date '
             '(negative: before the event). Never earlier than the day of the transition.')
    checklist_template_ids = fields.One2many(
        'deputat.event.checklist.template', 'stage_id', string='Checklist')
