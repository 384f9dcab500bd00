# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The configuration side of the pipeline engine: stages, transitions and stage tasks.

Each pipeline (appeals, events) has its own concrete models inheriting these mixins, so the
office head edits them in «Депутат → Настройка» like any other list. The record side is in
``deputat_pipeline.py``."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.safe_eval import safe_eval


class DeputatPipelineStageMixin(models.AbstractModel):
    """A stage: who owns it, how long a record may stay, what it is for. The concrete model
    sets ``_record_model`` (the pipeline's records) and declares ``task_ids`` and
    ``transition_ids`` towards its own task and transition models."""
    _name = 'deputat.pipeline.stage.mixin'
    _description = 'Pipeline stage (mixin)'
    _order = 'sequence, id'
    _record_model = None

    name = fields.Char(string='Stage name', required=True, translate=True)
    code = fields.Char(string='Technical code', required=True,
                       help='Stable key of the stage used by the module; set once.')
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string='Folded in kanban')
    active = fields.Boolean(default=True)
    description = fields.Text(string='What to do at this stage', translate=True,
                              help='Shown as the column legend and in the stage tasks.')
    is_start = fields.Boolean(string='First stage', help='New records start here.')
    is_closed = fields.Boolean(
        string='Closing stage',
        help='Records in this stage are finished: the robots leave them alone and their open '
             'robot tasks are closed.')
    owner_role = fields.Selection(
        selection='_selection_role', string='Stage owner', required=True, default='responsible',
        help='Whose decision moves the record on: «Define the next step» and «Waiting for my '
             'decision» follow it.')
    time_limit_days = fields.Integer(
        string='Time limit (days)',
        help='A record staying longer in this stage gives its owner a task once. 0: no limit.')

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'The technical code of a stage must be unique.'),
    ]

    @api.model
    def _selection_role(self):
        return self.env[self._record_model]._pipeline_role_selection()

    @api.constrains('time_limit_days')
    def _check_time_limit(self):
        for stage in self:
            if stage.time_limit_days < 0:
                raise UserError(_('The time limit of a stage cannot be negative.'))

    @api.multi
    def write(self, vals):
        if 'code' in vals and any(stage.code != vals['code'] for stage in self):
            raise UserError(_('The technical code of a stage is set once and cannot be '
                              'changed; create a new stage instead.'))
        return super(DeputatPipelineStageMixin, self).write(vals)


class DeputatPipelineTaskMixin(models.AbstractModel):
    """The task a stage gives one role: a summary, a mini-regulation, a due date."""
    _name = 'deputat.pipeline.task.mixin'
    _description = 'Stage task (mixin)'
    _order = 'stage_id, sequence, id'
    _record_model = None

    sequence = fields.Integer(default=10)
    role = fields.Selection(selection='_selection_role', string='Who gets the task',
                            required=True, default='responsible')
    summary = fields.Char(string='Task', required=True, translate=True)
    note = fields.Html(string='Regulation / checklist', translate=True)
    deadline_days = fields.Integer(
        string='Due in (days)', default=1,
        help='Days from the day the record enters the stage; for events, from the event date '
             '(negative: before it), never earlier than the day of the move.')
    activity_type_id = fields.Many2one('mail.activity.type', string='Activity type',
                                       ondelete='restrict')
    active = fields.Boolean(default=True)

    @api.model
    def _selection_role(self):
        return self.env[self._record_model]._pipeline_role_selection()

    def _task_key(self):
        self.ensure_one()
        return '%s,%d' % (self._name, self.id)


class DeputatPipelineTransitionMixin(models.AbstractModel):
    """An allowed move between two stages: who may make it, what it asks for, whether the
    deputy approves it. The concrete model declares ``from_stage_id`` and ``to_stage_id``
    (its own stage model); the many2many tables are named after the concrete model."""
    _name = 'deputat.pipeline.transition.mixin'
    _description = 'Stage transition (mixin)'
    _order = 'sequence, id'
    _record_model = None

    name = fields.Char(string='Action', required=True, translate=True,
                       help='What the dialog «Move to stage…» offers, e.g. «Refuse (art. 11)».')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    need_approval = fields.Boolean(
        string="Needs the deputy's approval",
        help='A user who is neither the deputy nor the office head only proposes this move: '
             'the deputy gets a task to approve or reject it.')
    condition = fields.Char(
        help="Odoo domain the record must match for the move to be offered, e.g. "
             "[('request_approval_required', '=', True)]. Empty: always.")
    help_text = fields.Text(string='Hint in the dialog', translate=True)
    group_ids = fields.Many2many(
        'res.groups', string='Who may make it',
        domain=lambda self: [('category_id', '=', self.env.ref(
            'deputat_crm.module_category_deputat').id)],
        help='Office roles allowed to make this move (a role includes the roles it implies: '
             'the deputy may do what the lawyer and the assistant may).')
    required_field_ids = fields.Many2many(
        'ir.model.fields', string='Fields it asks for',
        domain=lambda self: [('model', '=', self._record_model)],
        help='The dialog asks for these fields; the move is refused while one is empty.')

    @api.constrains('condition')
    def _check_condition(self):
        for transition in self:
            try:
                transition._condition_domain()
            except UserError as error:
                raise ValidationError(error.name)

    @api.constrains('from_stage_id', 'to_stage_id')
    def _check_stages(self):
        for transition in self:
            if transition.from_stage_id == transition.to_stage_id:
                raise UserError(_('A transition must lead to another stage.'))

    def _condition_domain(self):
        self.ensure_one()
        if not self.condition:
            return []
        try:
            domain = safe_eval(self.condition)
        except Exception:
            raise UserError(_('The condition of the transition «%(transition)s» is not a valid '
                              'domain: %(condition)s')
                            % {'transition': self.name, 'condition': self.condition})
        if not isinstance(domain, list):
            raise UserError(_('The condition of the transition «%s» must be a list, e.g. '
                              "[('field', '=', value)].") % self.name)
        return domain

    def _user_may(self, user):
        """Whether ``user`` may make this move (the superuser may make any)."""
        self.ensure_one()
        if user._is_superuser():
            return True
        return bool(self.sudo().group_ids & user.sudo().groups_id)

    def _required_fields(self):
        self.ensure_one()
        return self.sudo().required_field_ids.mapped('name')
