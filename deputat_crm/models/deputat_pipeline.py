# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pipeline engine: one place where a record moves from stage to stage.

A model declares itself a pipeline by inheriting ``deputat.pipeline.mixin`` and setting a few
attributes (as OCA ``base_tier_validation`` is configured)::

    _pipeline_stage_model = 'deputat.appeal.stage'
    _pipeline_transition_model = 'deputat.appeal.transition'
    _pipeline_task_model = 'deputat.appeal.stage.task'
    _pipeline_role_fields = {'responsible': 'user_id', 'lawyer': 'lawyer_id'}
    _pipeline_protected_fields = ('name', 'refused', ...)

The transitions (``from → to``, who may, required fields, approval) are the next-states table
the office head edits; :meth:`_pipeline_move` is the one checker (as ``hr_holidays`` keeps a
table and one checker). A move: checks the caller's role and the transition's condition, the
required fields and the model's own gates (``_pipeline_check_gates``); writes the stage, the
stage-entry date and the model's entry values (``_pipeline_entry_values``); closes the robot
tasks the move made moot; runs the model's after-move hook; gives every role of the new stage
its task. Kanban drag-and-drop and the statusbar write ``stage_id``, which is routed here.

Nothing that changes a rule is read from the context: the engine's own writes of protected
fields are marked by a thread-local counter that no RPC caller can set."""
import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from . import mail_bulk

_logger = logging.getLogger(__name__)

CRON_BATCH = 500
# robot tasks closed by any move: they belong to the stage the record leaves
STAGE_ROBOTS = ('stage', 'next_step', 'overdue', 'approval')
ROBOT_KINDS = [
    ('stage', 'Stage task'),
    ('next_step', 'Define the next step'),
    ('overdue', 'Stage time limit'),
    ('approval', 'Approval of a move'),
    ('reminder', 'Answer deadline reminder'),
    ('escalation', 'Escalation'),
    ('request', 'Request without an answer'),
    ('notice', 'Notice to the applicant'),
]

_ENGINE = threading.local()


@contextmanager
def engine_writes():
    """Inside this block the engine may write the protected (bookkeeping) fields."""
    _ENGINE.depth = getattr(_ENGINE, 'depth', 0) + 1
    try:
        yield
    finally:
        _ENGINE.depth -= 1


def engine_active():
    return getattr(_ENGINE, 'depth', 0) > 0


@contextmanager
def batch_memo():
    """Inside this block (one move of a batch) the look-ups that cannot change during it (the
    office's users, what a stage requires) are made once: see :func:`memoized`."""
    outer = getattr(_ENGINE, 'memo', None)
    if outer is None:
        _ENGINE.memo = {}
    try:
        yield
    finally:
        if outer is None:
            _ENGINE.memo = None


def memoized(env, key, compute):
    """``compute()`` once per ``key`` (and database, user) inside :func:`batch_memo`, else at
    each call. Keep values that are not bound to an environment (ids, names)."""
    memo = getattr(_ENGINE, 'memo', None)
    if memo is None:
        return compute()
    key = (env.cr.dbname, env.uid) + tuple(key)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def keyset_batches(model, domain, autocommit=False, size=CRON_BATCH):
    """Yield the records of ``model`` matching ``domain`` in keyset batches on id (one indexed
    search per batch); commit after each processed batch when ``autocommit`` (a cron run;
    tests keep their transaction)."""
    last_id = 0
    while True:
        batch = model.search(domain + [('id', '>', last_id)], order='id', limit=size)
        if not batch:
            return
        yield batch
        last_id = batch[-1].id
        if autocommit and not getattr(threading.current_thread(), 'testing', False):
            # a cron run: one transaction per batch (as Odoo's mail queue, never in tests)
            model.env.cr.commit()  # pylint: disable=invalid-commit  # cron: commit per batch


def format_date(value):
    """ДД.ММ.ГГГГ for task titles and letters (dates are Odoo strings or dates)."""
    if not value:
        return ''
    if isinstance(value, str):
        value = fields.Date.from_string(value)
    return value.strftime('%d.%m.%Y')


class DeputatPipelineMixin(models.AbstractModel):
    _name = 'deputat.pipeline.mixin'
    _description = 'Pipeline engine (stages, transitions, robots)'

    _pipeline_stage_model = None
    _pipeline_transition_model = None
    _pipeline_task_model = None
    _pipeline_wizard_model = None  # the «Move to stage…» dialog
    # role -> field of the record holding the user; deputy and office_head are office-wide
    _pipeline_role_fields = {'responsible': 'user_id'}
    # fallback role when a role's field is empty (e.g. the lawyer → the responsible)
    _pipeline_role_fallback = {}
    # fields only the engine writes (the stage bookkeeping is always protected)
    _pipeline_protected_fields = ()
    # fields a dialog may pass along with any move (details of a required answer)
    _pipeline_move_extra_fields = ()
    # a date field the «due in» of the stage tasks counts from (else the day of the move)
    _pipeline_task_date_field = None

    date_stage_entered = fields.Date(string='In the stage since', index=True, copy=False,
                                     readonly=True, default=fields.Date.context_today)
    stage_overdue_notified = fields.Boolean(string='Stage time limit notified', copy=False,
                                            readonly=True)
    pipeline_pending_transition = fields.Integer(
        string='Move waiting for approval', copy=False, readonly=True,
        help='The transition a user proposed and the deputy has to approve.')
    pipeline_pending_name = fields.Char(string='Proposed move', copy=False, readonly=True)
    pipeline_can_move = fields.Boolean(string='Can move', compute='_compute_pipeline_can_move')
    pipeline_can_approve = fields.Boolean(string='Can approve the proposed move',
                                          compute='_compute_pipeline_can_move')
    waiting_my_decision = fields.Boolean(
        string='Waiting for my decision', compute='_compute_waiting_my_decision',
        search='_search_waiting_my_decision')

    # ================================================================== roles
    @api.model
    def _pipeline_role_selection(self):
        return [
            ('responsible', _('Responsible employee')),
            ('deputy', _('Deputy')),
            ('office_head', _('Office head')),
        ]

    # office-wide posts: (the settings' parameter naming the user, the group to fall back on)
    _pipeline_office_posts = {
        'deputy': ('deputat_crm.deputy_user_id', 'deputat_crm.group_deputy'),
        'office_head': ('deputat_crm.office_head_user_id', 'deputat_crm.group_office_head'),
        'intake': ('deputat_crm.intake_user_id', 'deputat_crm.group_assistant'),
    }

    @api.model
    def _pipeline_office_user(self, role):
        """The office's deputy, office head or intake assistant: the settings' user, else the
        first user of the group (never the superuser)."""
        Users = self.env['res.users'].sudo()
        return Users.browse(memoized(self.env, ('office_user', role),
                                     lambda: self._pipeline_office_user_id(role)))

    @api.model
    def _pipeline_office_user_id(self, role):
        key, group_xmlid = self._pipeline_office_posts[role]
        Users = self.env['res.users'].sudo()
        value = self.env['ir.config_parameter'].sudo().get_param(key)
        if value and value.isdigit():
            user = Users.browse(int(value)).exists()
            if user:
                return user.id
        group = self.env.ref(group_xmlid)
        return Users.search([('groups_id', 'in', group.id), ('id', '!=', SUPERUSER_ID)],
                            order='id', limit=1).id

    def _pipeline_role_users(self, role):
        """The users holding ``role`` on this record (an empty recordset when nobody)."""
        self.ensure_one()
        if role in ('deputy', 'office_head'):
            return self._pipeline_office_user(role)
        fname = self._pipeline_role_fields.get(role)
        users = self[fname] if fname else self.env['res.users']
        if not users and role in self._pipeline_role_fallback:
            return self._pipeline_role_users(self._pipeline_role_fallback[role])
        return users

    @api.model
    def _pipeline_is_approver(self, user=None):
        user = user or self.env.user
        return (user._is_superuser() or user.has_group('deputat_crm.group_deputy')
                or user.has_group('deputat_crm.group_office_head'))

    def _pipeline_label(self, name):
        """A field's label in the user's language, for the messages of the engine."""
        env = self.with_context(lang=self.env.lang or self.env.user.lang).env
        return self._fields[name].get_description(env)['string']

    # ================================================================== stages
    @api.model
    def _pipeline_first_stage(self):
        Stage = self.env[self._pipeline_stage_model]
        return Stage.search([('is_start', '=', True)], limit=1) or Stage.search([], limit=1)

    @api.model
    def _pipeline_stage(self, code):
        stage = self.env[self._pipeline_stage_model].search([('code', '=', code)], limit=1)
        if not stage:
            raise UserError(_('The stage «%s» is missing from the configuration.') % code)
        return stage

    def _pipeline_transitions(self, user=None):
        """The active transitions out of this record's stage that ``user`` may make and whose
        condition the record matches."""
        self.ensure_one()
        user = user or self.env.user
        Transition = self.env[self._pipeline_transition_model].sudo()
        candidates = Transition.search([('from_stage_id', '=', self.stage_id.id)])
        return candidates.filtered(
            lambda t: t._user_may(user) and self._pipeline_matches(t)).sudo(self.env.uid)

    def _pipeline_matches(self, transition):
        domain = transition._condition_domain()
        if not domain:
            return True
        return bool(self.sudo().search_count([('id', '=', self.id)] + domain))

    @api.depends('stage_id', 'pipeline_pending_transition')
    def _compute_pipeline_can_move(self):
        approver = self._pipeline_is_approver()
        for record in self:
            if not record.id:
                continue
            record.pipeline_can_move = bool(record._pipeline_transitions())
            record.pipeline_can_approve = bool(record.pipeline_pending_transition and approver)

    def _compute_waiting_my_decision(self):
        mine = set(self.search([('id', 'in', self.ids),
                                ('waiting_my_decision', '=', True)]).ids)
        for record in self:
            record.waiting_my_decision = record.id in mine

    def _search_waiting_my_decision(self, operator, value):
        """Open records whose stage is owned by a role the current user holds on them, and
        proposed moves waiting for an approver."""
        user = self.env.user
        terms = []
        for role, _label in self._pipeline_role_selection():
            if role in ('deputy', 'office_head'):
                if self._pipeline_office_user(role) == user:
                    terms.append([('stage_id.owner_role', '=', role)])
            elif self._pipeline_role_fields.get(role):
                terms.append([('stage_id.owner_role', '=', role),
                              (self._pipeline_role_fields[role], '=', user.id)])
        if self._pipeline_is_approver(user):
            terms.append([('pipeline_pending_transition', '!=', 0)])
        if not terms:
            domain = [('id', '=', 0)]
        else:
            domain = ['|'] * (len(terms) - 1)
            for term in terms:
                domain += ['&'] * (len(term) - 1) + term
            domain = ['&', ('stage_id.is_closed', '=', False)] + domain
        positive = (operator == '=') == bool(value)
        return domain if positive else ['!'] + domain

    # ================================================================== ORM guards
    @api.model
    def create(self, vals):
        if not engine_active():
            self._pipeline_check_protected(vals, creating=True)
        vals = dict(vals, stage_id=self._pipeline_first_stage().id)
        with engine_writes():
            record = super(DeputatPipelineMixin, self).create(vals)
        record._pipeline_prepare_stage()
        record._pipeline_give_tasks()
        return record

    @api.multi
    def write(self, vals):
        if engine_active():
            return super(DeputatPipelineMixin, self).write(vals)
        self._pipeline_check_protected(vals)
        if 'stage_id' not in vals:
            return super(DeputatPipelineMixin, self).write(vals)
        # a kanban drag-and-drop or a statusbar click: the same check as the dialog
        vals = dict(vals)
        target = self.env[self._pipeline_stage_model].browse(vals.pop('stage_id'))
        with self.env.cr.savepoint():
            if vals:
                super(DeputatPipelineMixin, self).write(vals)
            for record in self.filtered(lambda r: r.stage_id != target):
                record._pipeline_move(record._pipeline_transition_to(target))
        return True

    def _pipeline_check_protected(self, vals, creating=False):
        protected = set(self._pipeline_protected_fields) | {
            'date_stage_entered', 'stage_overdue_notified', 'pipeline_pending_transition',
            'pipeline_pending_name'}
        if creating:
            # a new record always starts at the first stage, with a fresh number
            defaults = self.default_get(list(protected & set(vals)) + ['stage_id'])
            touched = [name for name in protected & set(vals)
                       if vals[name] and vals[name] != defaults.get(name)]
            first = self._pipeline_first_stage()
            if vals.get('stage_id') and vals['stage_id'] != first.id:
                raise UserError(_('A new record starts at the stage «%s»; move it on from '
                                  'there.') % first.name)
        else:
            touched = sorted(protected & set(vals))
        if touched and not self.env.user._is_superuser():
            labels = ', '.join('«%s»' % self._pipeline_label(name) for name in sorted(touched))
            raise UserError(_('These fields are filled in by the pipeline and cannot be '
                              'changed by hand: %s.') % labels)

    def _pipeline_transition_to(self, target):
        """The transition from this record's stage to ``target`` for a direct stage write."""
        self.ensure_one()
        Transition = self.env[self._pipeline_transition_model].sudo()
        transition = Transition.search([('from_stage_id', '=', self.stage_id.id),
                                        ('to_stage_id', '=', target.id)], limit=1)
        if not transition:
            allowed = ', '.join('«%s»' % name for name in
                                self._pipeline_transitions().mapped('to_stage_id.name'))
            raise UserError(_('%(record)s cannot move from «%(from_stage)s» to «%(to_stage)s». '
                              'Allowed next stages: %(allowed)s.')
                            % {'record': self.display_name, 'from_stage': self.stage_id.name,
                               'to_stage': target.name, 'allowed': allowed or _('none')})
        return transition.sudo(self.env.uid)

    # ================================================================== the move
    def _pipeline_move(self, transition, vals=None, robot=False):
        """Move these records along ``transition``; ``vals`` are the values the dialog asked
        for (only the transition's required fields are accepted). ``robot``: a move made by
        the system itself (crons, automatic routing), which skips the role check. Either the
        whole move happens or nothing is saved."""
        vals = dict(vals or {})
        transition = transition.sudo()
        extra = set(vals) - set(transition._required_fields()) - set(
            self._pipeline_move_extra_fields)
        if extra:
            raise UserError(_('The move «%(move)s» does not take these values: %(fields)s.')
                            % {'move': transition.name, 'fields': ', '.join(sorted(extra))})
        user = self.env.user
        for record in self:
            if record.stage_id != transition.from_stage_id:
                raise UserError(_('%(record)s is no longer in the stage «%(stage)s».')
                                % {'record': record.display_name,
                                   'stage': transition.from_stage_id.name})
            if not robot and not transition._user_may(user):
                raise UserError(_('Your role does not allow the move «%(move)s» of %(record)s. '
                                  'Ask the deputy or the office head.')
                                % {'move': transition.name, 'record': record.display_name})
        with self.env.cr.savepoint(), batch_memo():
            if vals and robot:
                self._pipeline_write_tracked(vals, through_model=True)
            elif vals:
                with engine_writes():
                    self.write(vals)
            for record in self:
                record._pipeline_check_move(transition)
            if (transition.need_approval and not robot
                    and not self._pipeline_is_approver(user)):
                self._pipeline_propose(transition)
                return True
            self._pipeline_apply(transition, robot=robot)
        return True

    def _pipeline_missing_fields(self, names):
        """Which of the fields ``names`` are empty on this record (blank text counts as empty):
        the one emptiness rule of the moves and of what a stage keeps demanding."""
        self.ensure_one()
        return [name for name in names if not self[name]
                or (isinstance(self[name], str) and not self[name].strip())]

    def _pipeline_check_move(self, transition):
        """Condition, required fields and the model's gates, on the values after the write."""
        self.ensure_one()
        if not self._pipeline_matches(transition):
            raise UserError(_('The move «%(move)s» is not possible for %(record)s now.')
                            % {'move': transition.name, 'record': self.display_name})
        missing = self._pipeline_missing_fields(transition._required_fields())
        if missing:
            labels = ', '.join('«%s»' % self._pipeline_label(name) for name in missing)
            raise UserError(_('To «%(move)s», fill in: %(fields)s.')
                            % {'move': transition.name, 'fields': labels})
        self._pipeline_check_gates(transition)

    def _pipeline_apply(self, transition, robot=False):
        """Enter ``transition.to_stage_id``. A robot's move (``robot``) is made for the whole
        batch in a constant number of queries: the stage write and its tracking messages,
        the «activity done» messages of the closed robot tasks (the bulk chatter writer,
        ``mail_bulk.py``: no e-mail to the followers), the checklist lines and the stage tasks;
        a user's move keeps Odoo's own chatter (the followers notified)."""
        today = fields.Date.context_today(self)
        target = transition.to_stage_id
        # one write per set of equal values (a robot's batch: usually one write), the stage
        # change tracked in each record's chatter as before
        groups = {}
        for record in self:
            values = {'stage_id': target.id, 'date_stage_entered': today,
                      'stage_overdue_notified': False, 'pipeline_pending_transition': 0,
                      'pipeline_pending_name': False}
            values.update(record._pipeline_entry_values(transition))
            key = repr(sorted(values.items()))
            groups.setdefault(key, (values, []))[1].append(record.id)
        for values, ids in groups.values():
            if robot:
                self.browse(ids)._pipeline_write_tracked(values)
                continue
            with engine_writes():
                super(DeputatPipelineMixin, self.browse(ids)).write(values)
        self._pipeline_close_tasks(
            kinds=None if target.is_closed else STAGE_ROBOTS,
            feedback=_('Closed automatically: moved to the stage «%s».') % target.with_context(
                lang=self.env.lang or self.env.user.lang).name,  # the language of _()
            bulk=robot)
        self._pipeline_after_move(transition)
        self._pipeline_prepare_stage()
        self._pipeline_give_tasks()
        return None

    def _pipeline_write_tracked(self, values, through_model=False):
        """The engine's write of ``values`` on these records with the tracking of
        ``mail.thread.write`` (same initial values, changes, subtype and templates) posted by
        the bulk chatter writer: one message per changed record, in one INSERT.
        ``through_model``: the model's own ``write`` runs too (values a move asks for)."""
        track_self = self if 'lang' in self.env.context else self.with_context(
            lang=self.env.user.lang)
        context = self.env.context
        tracked = {} if context.get('tracking_disable') or context.get('mail_notrack') else \
            track_self._get_tracked_fields(list(values))
        initial = {record.id: {name: record[name] for name in tracked}
                   for record in track_self}
        with engine_writes():
            if through_model:
                self.with_context(mail_notrack=True).write(values)
            else:
                super(DeputatPipelineMixin, self.with_context(mail_notrack=True)).write(values)
        if not tracked:
            return None
        tracking, messages = {}, []
        log_only = self.env.context.get('mail_track_log_only')
        IrModelData = self.env['ir.model.data']
        for record in track_self:
            changes, tracking_values = record._message_track(tracked, initial[record.id])
            tracking[record.id] = (changes, tracking_values)
            if not changes:
                continue
            subtype = not log_only and record._track_subtype(
                {name: initial[record.id][name] for name in changes})
            subtype_id = subtype and IrModelData.xmlid_to_res_id(subtype)
            if subtype and not subtype_id:
                continue  # as message_track: an unknown subtype posts nothing
            if subtype_id or tracking_values:
                message = {'res_id': record.id, 'body': '',
                           'tracking_value_ids': [cmd[2] for cmd in tracking_values]}
                if subtype_id:
                    message['subtype_id'] = subtype_id
                messages.append(message)
        mail_bulk.post_notes(track_self, messages)
        track_self._message_track_post_template(tracking)
        return None

    def _pipeline_propose(self, transition):
        """A move that needs the deputy's approval: remember it and ask the deputy."""
        deputy = self._pipeline_office_user('deputy')
        for record in self:
            with engine_writes():
                super(DeputatPipelineMixin, record).write({
                    'pipeline_pending_transition': transition.id,
                    'pipeline_pending_name': transition.name})
            record.message_post(body=_('%(user)s proposes «%(move)s»; waiting for the '
                                       'deputy\'s approval.')
                                % {'user': self.env.user.name, 'move': transition.name})
            if deputy:
                record._pipeline_create_tasks([record._pipeline_task_values(
                    deputy, 'approval', _('Approve: %s') % transition.name,
                    '<p>%s</p>' % html_escape(transition.help_text or transition.name),
                    fields.Date.context_today(self),
                    'deputat_crm.mail_activity_type_stage')])
        return None

    @api.multi
    def action_pipeline_approve(self):
        """The deputy (or office head) approves the proposed move."""
        if not self._pipeline_is_approver():
            raise AccessError(_('Only the deputy or the office head approves a proposed move.'))
        Transition = self.env[self._pipeline_transition_model].sudo()
        for record in self:
            transition = Transition.browse(record.pipeline_pending_transition).exists()
            if not transition or transition.from_stage_id != record.stage_id:
                raise UserError(_('%s has no move waiting for approval.') % record.display_name)
            with self.env.cr.savepoint():
                record._pipeline_check_move(transition)
                record._pipeline_close_tasks(kinds=('approval',), feedback=_('Approved.'))
                record._pipeline_apply(transition)
        return True

    @api.multi
    def action_pipeline_reject(self):
        """The deputy (or office head) rejects the proposed move: the record stays."""
        if not self._pipeline_is_approver():
            raise AccessError(_('Only the deputy or the office head rejects a proposed move.'))
        for record in self.filtered('pipeline_pending_transition'):
            name = record.pipeline_pending_name
            with engine_writes():
                super(DeputatPipelineMixin, record).write({'pipeline_pending_transition': 0,
                                                           'pipeline_pending_name': False})
            record._pipeline_close_tasks(kinds=('approval',), feedback=_('Rejected.'))
            record.message_post(body=_('The proposed move «%(move)s» was rejected by %(user)s.')
                                % {'move': name, 'user': self.env.user.name})
            record._pipeline_give_tasks()
        return True

    @api.multi
    def action_pipeline_move_dialog(self):
        """«Move to stage…»: the dialog listing the moves the current user may make."""
        self.ensure_one()
        transitions = self._pipeline_transitions()
        if not transitions:
            raise UserError(_('Your role has no move from the stage «%s».')
                            % self.stage_id.name)
        return {
            'type': 'ir.actions.act_window',
            'name': _('Move to stage…'),
            'res_model': self._pipeline_wizard_model,
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_res_id': self.id},
        }

    @api.model
    def _pipeline_demo_walk(self, record_ids, codes, values=None):
        """Demo data: walk records through the real moves to the stages ``codes`` (in order);
        ``values`` maps a stage code to the values its move asks for."""
        values = values or {}
        # in the language of the user who loads the demo (the office's: res_company_demo.xml)
        for record in self.with_context(lang=self.env.lang or self.env.user.lang).browse(
                record_ids):
            for code in codes:
                target = self._pipeline_stage(code)
                transition = record._pipeline_transition_to(target)
                record._pipeline_move(transition, values.get(code), robot=True)
        return True

    # hooks of the concrete pipelines ----------------------------------------------------
    def _pipeline_check_gates(self, transition):
        """Raise a UserError when the model's own rules forbid the move (values written)."""

    def _pipeline_entry_values(self, transition):
        """Extra values the engine writes on entering ``transition.to_stage_id``."""
        return {}

    def _pipeline_after_move(self, transition):
        """What the move does besides the stage tasks (notices, dates of related records)."""

    def _pipeline_prepare_stage(self):
        """Called on entering a stage (and on create) before the stage tasks are given."""

    # ================================================================== tasks
    def _pipeline_task_values(self, user, robot, summary, note, deadline, activity_type,
                              key=False):
        """The values of one robot activity on this record (see _pipeline_create_tasks)."""
        self.ensure_one()
        if isinstance(activity_type, str):
            # the cached xmlid look-up (env.ref would check the record's existence: one query
            # per task; the foreign key checks it on insert)
            activity_type = self.env['mail.activity.type'].browse(
                self.env['ir.model.data'].xmlid_to_res_id(activity_type, raise_if_not_found=True))
        return {
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'user_id': user.id,
            'date_deadline': deadline,
            'summary': summary,
            'note': note or False,
            'deputat_robot': robot,
            'deputat_task_key': key or False,
        }

    @api.model
    def _pipeline_create_tasks(self, values_list):
        """Create robot activities (as the system: the assignee is not the caller) in bulk.

        The result is what ``mail.activity.create`` gives for each ``values`` (same columns:
        defaults, ``res_model``, ``res_name``, the HTML note sanitized, create/write uid and
        dates; the assignee's partner a follower of the record with the default subtypes; the
        systray counter refreshed by a bus message), made with one ``INSERT … RETURNING`` for
        the activities, one statement for the followers (existing followers are left as they
        are), one bus message per assignee and one cache invalidation
        (``test_pipeline_bulk_tasks.py`` compares both paths column by column). When
        mail.activity carries stored computed fields unknown here, the ORM loop is used."""
        Activity = self.env['mail.activity'].sudo()
        if not values_list:
            activities = Activity.browse()
        elif self._pipeline_bulk_unsupported(Activity):
            activities = Activity.browse()
            for values in values_list:
                activities |= Activity.create(values)
        else:
            activities = self._pipeline_insert_tasks(Activity, values_list)
        self._pipeline_tasks_created(activities)
        return activities

    @api.model
    def _pipeline_bulk_unsupported(self, Activity):
        """Stored computed fields of mail.activity the bulk path does not know how to fill."""
        return [name for name, field in Activity._fields.items()
                if field.store and field.column_type and (field.compute or field.related)
                and name not in ('res_model', 'res_name')]

    @api.model
    def _pipeline_insert_tasks(self, Activity, values_list):
        cr = self.env.cr
        columns = [name for name, field in Activity._fields.items()
                   if field.store and field.column_type and name not in models.MAGIC_COLUMNS]
        defaults = Activity.default_get(columns)
        model_names = {model.id: model.model for model in self.env['ir.model'].sudo().browse(
            list({v['res_model_id'] for v in values_list if v.get('res_model_id')}))}
        rows = []
        by_model = {}
        for values in values_list:
            row = dict(defaults)
            row.update(values)
            if not row.get('res_model') and row.get('res_model_id'):
                row['res_model'] = model_names[row['res_model_id']]
            by_model.setdefault(row['res_model'], set()).add(row['res_id'])
            rows.append(row)
        # res_name as the ORM's compute gives it: one name_get per model
        names = {}
        for model, res_ids in by_model.items():
            for res_id, name in Activity.env[model].browse(sorted(res_ids)).name_get():
                names[(model, res_id)] = name
        uid = Activity.env.uid
        template = '(%s, %s, {now}, {now}, {cols})'.format(
            now="(now() at time zone 'UTC')",
            cols=', '.join(Activity._fields[name].column_format for name in columns))
        empty = Activity.browse()
        sql_rows = []
        for row in rows:
            row['res_name'] = names.get((row['res_model'], row['res_id']))
            params = [uid, uid]
            for name in columns:
                field = Activity._fields[name]
                value = row.get(name, False if field.type == 'boolean' else None)
                if hasattr(field, 'selection') and value:
                    Activity._check_selection_field_value(name, value)
                params.append(field.convert_to_column(value, empty, row))
            sql_rows.append(cr.mogrify(template, params).decode())
        cr.execute('INSERT INTO mail_activity (create_uid, write_uid, create_date, write_date, '  # pylint: disable=sql-injection  # the model's column names; the rows mogrified
                   '%s) VALUES %s RETURNING id'
                   % (', '.join('"%s"' % name for name in columns), ', '.join(sql_rows)))
        activities = Activity.browse([row[0] for row in cr.fetchall()])
        self._pipeline_follow_and_notify(rows)
        for model, res_ids in by_model.items():
            self.env[model].invalidate_cache(ids=list(res_ids))
        return activities

    @api.model
    def _pipeline_follow_and_notify(self, rows):
        """The assignees follow their records (as ``message_subscribe`` from
        ``mail.activity.create``, skipping existing followers) and get one bus message each
        when a task is due today or earlier (the systray counter)."""
        cr = self.env.cr
        users = self.env['res.users'].sudo().browse(list({row['user_id'] for row in rows}))
        partner_of = {user.id: (user.partner_id.id, user.share) for user in users}
        Subtype = self.env['mail.message.subtype'].sudo()
        for model in {row['res_model'] for row in rows}:
            default, _internal, external = Subtype.default_subtypes(model)
            pairs = sorted({(row['res_id'], partner_of[row['user_id']][0]) for row in rows
                            if row['res_model'] == model})
            subtypes = [(pid, subtype) for pid, share in set(partner_of.values())
                        for subtype in (external if share else default).ids]
            if not subtypes:
                subtypes = [(0, 0)]
            cr.execute("""
                WITH new AS (
                    INSERT INTO mail_followers (res_model, res_id, partner_id)
                    SELECT %s, p.res_id, p.partner_id
                      FROM unnest(%s::int[], %s::int[]) AS p(res_id, partner_id)
                     WHERE NOT EXISTS (SELECT 1 FROM mail_followers f
                                        WHERE f.res_model = %s AND f.res_id = p.res_id
                                          AND f.partner_id = p.partner_id)
                    ON CONFLICT DO NOTHING
                    RETURNING id, partner_id)
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT new.id, s.subtype_id
                  FROM new JOIN unnest(%s::int[], %s::int[]) AS s(partner_id, subtype_id)
                       ON s.partner_id = new.partner_id""",
                       (model, [pair[0] for pair in pairs], [pair[1] for pair in pairs], model,
                        [sub[0] for sub in subtypes], [sub[1] for sub in subtypes]))
        today = fields.Date.today()
        due = sorted({partner_of[row['user_id']][0] for row in rows
                      if row['date_deadline'] and str(row['date_deadline']) <= today})
        if due:
            self.env['bus.bus'].sendmany([
                [(cr.dbname, 'res.partner', pid),
                 {'type': 'activity_updated', 'activity_created': True}] for pid in due])

    def _pipeline_tasks_created(self, activities):
        """Called once per batch of robot activities: their assignees are told in one message
        each (``mail.activity._deputat_notify_assignees``, by their preferences)."""
        self.env['mail.activity']._deputat_notify_assignees(activities)

    def _pipeline_open_tasks(self, kinds=None, key=None):
        domain = [('res_model', '=', self._name), ('res_id', 'in', self.ids),
                  ('deputat_robot', '!=', False)]
        if kinds:
            domain.append(('deputat_robot', 'in', list(kinds)))
        if key:
            domain.append(('deputat_task_key', '=', key))
        return self.env['mail.activity'].sudo().search(domain)

    def _pipeline_close_tasks(self, kinds=None, feedback=None, key=None, bulk=False):
        """Mark done the open robot tasks of these records (all kinds by default); ``bulk``:
        for the whole batch at once, the followers not notified (a robot)."""
        tasks = self._pipeline_open_tasks(kinds, key)
        feedback = '<p>%s</p>' % html_escape(feedback or '')
        if tasks and bulk:
            self._pipeline_tasks_done(tasks, feedback)
        elif tasks:
            tasks.action_feedback(feedback=feedback)
        return len(tasks)

    @api.model
    def _pipeline_tasks_done(self, activities, feedback):
        """``mail.activity.action_feedback`` for a batch: the feedback written once, the same
        «activity done» message in each record's chatter (one INSERT, no e-mail to the
        followers), the activities deleted by one unlink."""
        activities.write({'feedback': feedback})
        # rendered in the writer's language (the robots': their user's), not in en_US
        lang = self.env.lang or self.env.user.lang
        activities = activities.with_context(lang=lang)
        view = activities.env.ref('mail.message_activity_done').with_context(lang=lang)
        done = self.env['ir.model.data'].xmlid_to_res_id('mail.mt_activities')
        by_model = {}
        for activity in activities:
            by_model.setdefault(activity.res_model, activities.browse())
            by_model[activity.res_model] |= activity
        author_id, email_from = mail_bulk.composer_sender(activities.env)
        for model, group in by_model.items():
            records = activities.env[model].browse(group.mapped('res_id'))
            names = dict(records.sudo().name_get())
            messages = []
            bodies = {}  # the view shows only these: equal tasks, one rendering
            for activity in group:
                record = records.browse(activity.res_id)
                key = (activity.activity_type_id.id, activity.user_id.id, activity.summary,
                       activity.note, activity.feedback)
                if key not in bodies:
                    bodies[key] = mail_bulk.render_body(view, {'activity': activity,
                                                               'object': record})
                messages.append({
                    'res_id': activity.res_id,
                    'body': bodies[key],
                    'subtype_id': done,
                    'mail_activity_type_id': activity.activity_type_id.id,
                    'subject': mail_bulk.reply_subject(activities.env, names[record.id]),
                    'record_name': names[record.id],
                    'author_id': author_id,
                    'email_from': email_from,
                    'no_auto_thread': False,
                })
            mail_bulk.post_notes(records, messages)
        # the ORM's unlink deletes the batch in one statement (a bus message per task due)
        activities.unlink()
        return None

    def _pipeline_task_deadline(self, task):
        today = fields.Date.from_string(fields.Date.context_today(self))
        base = today
        if self._pipeline_task_date_field and self[self._pipeline_task_date_field]:
            base = fields.Date.from_string(self[self._pipeline_task_date_field])
        return fields.Date.to_string(max(base + timedelta(days=task.deadline_days), today))

    def _pipeline_task_note(self, task, user):
        """The task's instruction in the assignee's language (events add the checklist)."""
        return task.note or False

    def _pipeline_task_users(self, task):
        return self._pipeline_role_users(task.role)

    def _pipeline_expected_tasks(self):
        """[(task template, user)] the current stage gives."""
        self.ensure_one()
        stage = self.stage_id
        if stage.is_closed:
            return []
        expected = []
        for task in stage.task_ids:
            for user in self._pipeline_task_users(task):
                expected.append((task, user))
        return expected

    def _pipeline_give_tasks(self):
        """Give every role of the current stage its task, once: a task already open for the
        same stage task and person stays; the task of a person who no longer holds the role
        goes away."""
        open_tasks = self._pipeline_open_tasks(kinds=('stage',))
        values_list = []
        for record in self:
            mine = open_tasks.filtered(lambda a: a.res_id == record.id)
            expected = record._pipeline_expected_tasks()
            wanted = {(task._task_key(), user.id) for task, user in expected}
            stale = mine.filtered(lambda a: (a.deputat_task_key, a.user_id.id) not in wanted)
            stale.unlink()  # the person no longer holds the role: the task goes away
            have = {(a.deputat_task_key, a.user_id.id) for a in mine - stale}
            for task, user in expected:
                if (task._task_key(), user.id) in have:
                    continue
                local = record.with_context(lang=user.lang or self.env.lang)
                local_task = task.with_context(lang=local.env.lang)
                values_list.append(record._pipeline_task_values(
                    user, 'stage', local_task.summary, local._pipeline_task_note(local_task, user),
                    record._pipeline_task_deadline(task),
                    task.activity_type_id or 'deputat_crm.mail_activity_type_stage',
                    key=task._task_key()))
        return self._pipeline_create_tasks(values_list)

    # ================================================================== robots
    @api.model
    def _pipeline_batches(self, domain, autocommit=False):
        return keyset_batches(self, domain, autocommit)

    @api.model
    def _pipeline_next_step_stages(self):
        """The stages whose records must always have a planned task."""
        return self.env[self._pipeline_stage_model].search([('is_closed', '=', False)])

    @api.model
    def _cron_next_step(self, today=None, autocommit=False):
        """«No process without a task»: an open record with no open activity gets «Define the
        next step» for the owner of its stage. Returns how many were found."""
        today = today or fields.Date.context_today(self)
        self = self.sudo()
        stages = self._pipeline_next_step_stages()
        found = last_id = 0
        while stages:
            # an anti-join on the indexed (res_model, res_id) of the activities; the open
            # records found by the index on stage_id (OFFSET 0 keeps the planner from walking
            # the whole primary key in id order to serve ORDER BY … LIMIT)
            self.env.cr.execute(
                'SELECT id FROM (SELECT r.id FROM "%s" r WHERE r.active AND r.stage_id IN %%s '
                'AND r.id > %%s AND NOT EXISTS (SELECT 1 FROM mail_activity a '
                '                WHERE a.res_model = %%s AND a.res_id = r.id) OFFSET 0) due '
                'ORDER BY id LIMIT %%s' % self._table,  # nosec: the model's own table
                (tuple(stages.ids), last_id, self._name, CRON_BATCH))
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                break
            values_list = []
            for record in self.browse(ids):
                users = (record._pipeline_role_users(record.stage_id.owner_role)
                         or record._pipeline_role_users('responsible')
                         or self._pipeline_office_user('office_head'))
                for user in users[:1]:
                    local = record.with_context(lang=user.lang or self.env.lang)
                    values_list.append(record._pipeline_task_values(
                        user, 'next_step', local._next_step_summary(),
                        '<p>%s</p>' % html_escape(local._next_step_note()), today,
                        'deputat_crm.mail_activity_type_next_step'))
            self._pipeline_create_tasks(values_list)
            found += len(ids)
            last_id = ids[-1]
            if autocommit and not getattr(threading.current_thread(), 'testing', False):
                self.env.cr.commit()  # pylint: disable=invalid-commit  # cron: commit per batch
        _logger.info('%s robot «next step»: %d record(s) without a planned task',
                     self._name, found)
        return found

    def _next_step_summary(self):
        return _('Define the next step')

    def _next_step_note(self):
        return _('%(record)s has no planned task at the stage «%(stage)s». Decide what happens '
                 'next and plan it, or move it on.') % {'record': self.display_name,
                                                       'stage': self.stage_id.name}

    @api.model
    def _cron_stage_time_limit(self, today=None, autocommit=False):
        """A record staying in a stage longer than the stage's time limit gives the stage
        owner one task per stage visit. Returns the count."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        self = self.sudo()
        stages = self.env[self._pipeline_stage_model].search([('time_limit_days', '>', 0),
                                                              ('is_closed', '=', False)])
        count = 0
        for stage in stages:
            since = fields.Date.to_string(today - timedelta(days=stage.time_limit_days))
            domain = [('stage_id', '=', stage.id), ('date_stage_entered', '<', since),
                      ('stage_overdue_notified', '=', False)]
            for batch in self._pipeline_batches(domain, autocommit):
                values_list = []
                for record in batch:
                    users = (record._pipeline_role_users(stage.owner_role)
                             or record._pipeline_role_users('responsible'))
                    for user in users[:1]:
                        local = record.with_context(lang=user.lang or self.env.lang)
                        local_stage = stage.with_context(lang=local.env.lang)
                        values_list.append(record._pipeline_task_values(
                            user, 'overdue', local._overdue_summary(local_stage),
                            '<p>%s</p>' % html_escape(local._overdue_note(local_stage)),
                            fields.Date.to_string(today),
                            'deputat_crm.mail_activity_type_stage_overdue'))
                self._pipeline_create_tasks(values_list)
                batch._pipeline_mark('stage_overdue_notified', True)
                count += len(batch)
        _logger.info('%s robot «stage time limit»: %d record(s)', self._name, count)
        return count

    def _overdue_summary(self, stage):
        return _('In the stage «%(stage)s» for more than %(days)d days') % {
            'stage': stage.name, 'days': stage.time_limit_days}

    def _overdue_note(self, stage):
        return _('%(record)s has been in the stage «%(stage)s» for more than %(days)d days. '
                 'Move it on or update its card.') % {
            'record': self.display_name, 'stage': stage.name, 'days': stage.time_limit_days}

    def _pipeline_mark(self, column, value=None, expression=None):
        """Robot bookkeeping in one UPDATE (internal columns, kept out of the chatter)."""
        if not self.ids:
            return
        if expression:
            self.env.cr.execute('UPDATE "%s" SET "%s" = %s WHERE id IN %%s'  # nosec
                                % (self._table, column, expression), (tuple(self.ids),))
        else:
            self.env.cr.execute('UPDATE "%s" SET "%s" = %%s WHERE id IN %%s'  # nosec
                                % (self._table, column), (value, tuple(self.ids)))
        self.invalidate_cache([column], self.ids)
