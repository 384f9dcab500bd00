from odoo import api, fields, models

PIPELINES = [
    ('review', 'Appeal review'),
    ('request', 'Request on the appeal'),
    ('answer', 'Answer to the applicant'),
]


class DeputatAppealStage(models.Model):
    """A stage of one of the three appeal pipelines (направления).

    The stage carries its own rules: the stages an appeal may move to next, the time limit, the
    role that owns the stage and the activity template the stage robot gives that role."""
    _name = 'deputat.appeal.stage'
    _table = 'deputat_conf_appeal_stage'  # field XML ids: see readme/DEVELOP.md
    _description = 'Appeal stage'
    _order = 'pipeline_sequence, sequence, id'

    name = fields.Char(string='Stage name', required=True, translate=True)
    code = fields.Char(string='Technical code', required=True,
                       help="Stable key used by the pipeline rules (e.g. 'new', 'request_sent').")
    sequence = fields.Integer(string='Sequence', default=10)
    pipeline = fields.Selection(PIPELINES, string='Pipeline', required=True, default='review')
    pipeline_sequence = fields.Integer(string='Pipeline order', compute='_compute_pipeline_sequence',
                                       store=True)
    fold = fields.Boolean(string='Folded in kanban')
    is_closed = fields.Boolean(string='Closing stage',
                               help='Appeals in this stage are finished: no robots, no deadlines.')
    next_stage_ids = fields.Many2many(
        'deputat.appeal.stage', 'deputat_appeal_stage_next_rel', 'stage_id', 'next_stage_id',
        string='Allowed next stages',
        help='The stages an appeal in this stage may be moved to (buttons and kanban drag-and-drop).')
    time_limit_days = fields.Integer(
        string='Time limit (days)',
        help='An appeal staying in this stage longer than this number of days notifies its '
             'responsible employee. 0 = no limit.')
    owner_role = fields.Selection([
        ('assistant', 'Assistant'),
        ('lawyer', 'Lawyer'),
        ('deputy', 'Deputy'),
        ('responsible', 'Responsible employee'),
    ], string='Stage owner', required=True, default='responsible',
        help='Who gets the activity created when an appeal enters the stage.')
    activity_summary = fields.Char(string='Activity summary', translate=True)
    activity_note = fields.Html(string='Regulation / checklist', translate=True,
                                help='Mini-regulation or checklist put into the stage activity.')
    activity_days = fields.Integer(string='Activity due in (days)', default=1)
    description = fields.Text(string='Description', translate=True)
    active = fields.Boolean(string='Active', default=True)

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'The technical code of a stage must be unique.'),
    ]

    @api.depends("pipeline")
    def _compute_pipeline_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(PIPELINES)}
        for stage in self:
            stage.pipeline_sequence = order.get(stage.pipeline, 99)

