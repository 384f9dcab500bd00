import logging
from collections import OrderedDict
from datetime import datetime, timedelta

import pytz

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html_escape

_logger = logging.getLogger(__name__)

APPROVAL_WEEKS_PARAM = 'deputat_crm.event_approval_weeks'
DEFAULT_APPROVAL_WEEKS = 3
OFFICE_TZ = 'Europe/Moscow'
CRON_BATCH = 200
# fields copied into the deputy's calendar.event
CALENDAR_FIELDS = ('name', 'date_start', 'date_end', 'location', 'venue_name', 'user_id',
                   'accompanying_user_id', 'goal', 'active')
# no chatter noise nor invitation mails from the meetings the robots maintain
CALENDAR_CONTEXT = dict(no_mail_to_attendees=True, active_test=False, tracking_disable=True,
                        mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True)


class DeputatEvent(models.Model):
    """An event the deputy takes part in (own or someone else's), prepared by the office
    through the stages of ``deputat.event.stage``.

    Stage changes (form, kanban drag-and-drop, robots) all go through :meth:`write`: the gates
    are checked there, before anything is saved, then the new stage's checklist lines and the
    robot activities are created (:meth:`_on_stage_entered`). This is done in code rather than
    with ``base_automation`` because a gate has to refuse the write itself (an automated action
    runs after it), and because the cron robots need the same logic in batches."""
    _name = 'deputat.event'
    _description = 'Event'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'deputat.robot.mixin']
    _order = 'date_start desc, id desc'

    # --- main -----------------------------------------------------------------------------
    name = fields.Char(string='Event', required=True, track_visibility='onchange')
    active = fields.Boolean(string='Active', default=True)
    date_start = fields.Datetime(string='Start', required=True, track_visibility='onchange',
                                 default=lambda self: fields.Datetime.now())
    date_end = fields.Datetime(string='End')
    date_event = fields.Date(
        string='Event date', compute='_compute_date_event', store=True, index=True,
        help='Day of the start in the office time zone; the robots search on it.')
    user_id = fields.Many2one('res.users', string='Responsible', index=True,
                              track_visibility='onchange',
                              default=lambda self: self.env.user)
    accompanying_user_id = fields.Many2one('res.users', string='Accompanying person',
                                           index=True, track_visibility='onchange')
    territory_id = fields.Many2one('deputat.territory', string='Territory', index=True,
                                   ondelete='restrict')
    company_id = fields.Many2one('res.company', string='Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one('res.currency', related='company_id.currency_id',
                                  readonly=True, string='Currency')
    stage_id = fields.Many2one('deputat.event.stage', string='Stage', index=True,
                               required=True, ondelete='restrict', track_visibility='onchange',
                               default=lambda self: self._default_stage_id(),
                               group_expand='_read_group_stage_ids', copy=False)
    stage_is_cancel = fields.Boolean(related='stage_id.is_cancel', readonly=True)
    date_last_stage_update = fields.Datetime(string='Stage since', index=True, copy=False,
                                             readonly=True,
                                             default=lambda self: fields.Datetime.now())
    overdue_notified = fields.Boolean(string='Stage overdue notified', copy=False, readonly=True)
    color = fields.Integer(string='Color index', compute='_compute_color')
    # --- programme ------------------------------------------------------------------------
    location = fields.Char(string='Venue address')
    goal = fields.Text(string='Event goal')
    audience_ids = fields.Many2many('deputat.audience', 'deputat_event_audience_rel',
                                    'event_id', 'audience_id',
                                    string='Target audience (events)')
    topic_id = fields.Many2one('deputat.event.topic', string='Topic', index=True,
                               ondelete='restrict')
    is_own = fields.Boolean(string='Own event')
    is_important = fields.Boolean(string='Important event', track_visibility='onchange')
    contact_ids = fields.Many2many('res.partner', 'deputat_event_contact_rel', 'event_id',
                                   'partner_id', string='Contact persons')
    speaker_ids = fields.Many2many('res.partner', 'deputat_event_speaker_rel', 'event_id',
                                   'partner_id', string='Speakers')
    participant_count = fields.Integer(string='Number of participants')
    participation_format = fields.Selection([
        ('speech', 'Speech'),
        ('greeting', 'Welcome address'),
        ('presidium', 'Presidium'),
        ('guest', 'Guest'),
        ('organizer', 'Organiser'),
        ('online', 'Online'),
    ], string='Participation format')
    venue_name = fields.Char(string='Venue (name)')
    deputy_speech_topic = fields.Char(string="Deputy's speech topic")
    venue_topic = fields.Char(string='Venue topic')
    material_ids = fields.Many2many('ir.attachment', 'deputat_event_material_rel', 'event_id',
                                    'attachment_id', string='Event materials')
    # --- press and media -------------------------------------------------------------------
    press_sent = fields.Boolean(string='Information sent to the press service')
    press_accepted = fields.Boolean(string='Information accepted by the press service')
    media_sent = fields.Boolean(string='Media: information sent')
    media_accepted = fields.Boolean(string='Media: information accepted')
    journalist_ids = fields.Many2many('res.partner', 'deputat_event_journalist_rel', 'event_id',
                                      'partner_id', string='Journalists at the event')
    media_ids = fields.Many2many('ir.attachment', 'deputat_event_media_rel', 'event_id',
                                 'attachment_id', string='Photo/video/audio from the event')
    publication_url = fields.Char(string='Publication link')
    # --- results --------------------------------------------------------------------------
    results = fields.Text(string='Event results', track_visibility='onchange')
    prospects = fields.Text(string='Prospects for cooperation')
    participant_company_ids = fields.Many2many(
        'res.partner', 'deputat_event_company_rel', 'event_id', 'partner_id',
        string='Companies taking part in the event')
    cancel_reason_id = fields.Many2one('deputat.event.cancel.reason',
                                       string='Event cancellation reason', ondelete='restrict',
                                       track_visibility='onchange')
    cancel_reason_require_detail = fields.Boolean(related='cancel_reason_id.require_detail',
                                                  readonly=True)
    cancel_reason_detail = fields.Text(string='Cancellation reason in detail')
    # --- budget ---------------------------------------------------------------------------
    budget_planned = fields.Monetary(string='Planned budget', currency_field='currency_id')
    budget_final = fields.Monetary(string='Final budget', currency_field='currency_id')
    cost_per_contact = fields.Monetary(
        string='Cost per contact', currency_field='currency_id',
        compute='_compute_cost_per_contact', store=True, group_operator='avg',
        help='Final budget (the planned one while there is no final one) divided by the '
             'number of participants; empty while the number of participants is unknown.')
    # --- checklist and agenda ---------------------------------------------------------------
    checklist_line_ids = fields.One2many('deputat.event.checklist.line', 'event_id',
                                         string='Checklist')
    checklist_progress = fields.Float(
        string='Checklist progress', compute='_compute_checklist_progress', store=True,
        group_operator='avg', help='Share of the current stage checklist done, in %.')
    calendar_event_id = fields.Many2one('calendar.event', string='Calendar meeting',
                                        readonly=True, copy=False, ondelete='set null')

    # ======================================================================================
    # defaults, computes, constraints
    # ======================================================================================
    @api.model
    def _default_stage_id(self):
        Stage = self.env['deputat.event.stage']
        return Stage.search([('is_start', '=', True)], limit=1) or Stage.search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    @api.model
    def _local_date(self, date_start, user=None):
        """The day of a UTC datetime string in the responsible's (else the office's) zone."""
        if not date_start:
            return False
        tz = pytz.timezone((user and user.tz) or OFFICE_TZ)
        start = pytz.utc.localize(fields.Datetime.from_string(date_start))
        return fields.Date.to_string(start.astimezone(tz).date())

    @api.depends('date_start', 'user_id')
    def _compute_date_event(self):
        for event in self:
            event.date_event = self._local_date(event.date_start, event.user_id)

    @api.depends('is_important')
    def _compute_color(self):
        for event in self:
            event.color = 2 if event.is_important else 0

    @api.depends('budget_planned', 'budget_final', 'participant_count')
    def _compute_cost_per_contact(self):
        for event in self:
            budget = event.budget_final or event.budget_planned
            if event.participant_count > 0:
                event.cost_per_contact = budget / event.participant_count
            else:
                event.cost_per_contact = 0.0

    @api.depends('stage_id', 'checklist_line_ids.done', 'checklist_line_ids.stage_id')
    def _compute_checklist_progress(self):
        for event in self:
            lines = event.checklist_line_ids.filtered(lambda l: l.stage_id == event.stage_id)
            if lines:
                event.checklist_progress = 100.0 * len(lines.filtered('done')) / len(lines)
            else:
                event.checklist_progress = 0.0

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for event in self:
            if event.date_end and event.date_start and event.date_end < event.date_start:
                raise ValidationError(_('The event «%s» cannot end before it starts.') % event.name)

    @api.constrains('participant_count', 'budget_planned', 'budget_final')
    def _check_amounts(self):
        for event in self:
            if event.participant_count < 0:
                raise ValidationError(_('The number of participants cannot be negative.'))
            if event.budget_planned < 0 or event.budget_final < 0:
                raise ValidationError(_('A budget cannot be negative.'))

    # ======================================================================================
    # gates
    # ======================================================================================
    @api.model
    def _approval_stage(self):
        return self.env['deputat.event.stage'].search([('is_approval', '=', True)], limit=1)

    def _is_approver(self):
        user = self.env.user
        return (self.env.uid == SUPERUSER_ID or user.has_group('deputat_crm.group_deputy')
                or user.has_group('deputat_crm.group_office_head'))

    def _check_approval_gate(self, old_stage, new_stage):
        """Moving an event past the approval stage is the deputy's or the office head's call."""
        approval = self._approval_stage()
        if not approval or new_stage.is_cancel or new_stage.sequence <= approval.sequence:
            return
        if old_stage and not old_stage.is_cancel and old_stage.sequence > approval.sequence:
            return
        if not self._is_approver():
            raise UserError(_('Only the deputy or the office head may approve an event and move '
                              'it past the stage «%s».') % approval.name)

    def _check_stage_values(self, stage, vals):
        """The data a stage demands. ``self`` is one event or empty (create); ``vals`` holds the
        values about to be written, which win over the record's."""
        def value(fname):
            if fname in vals:
                return vals[fname]
            return self[fname] if self else False
        name = value('name') or ''
        if stage.require_accompanying and not value('accompanying_user_id'):
            raise UserError(_('The event «%s» cannot move to the stage «%s» without an '
                              'accompanying person: fill in «Accompanying person» first.')
                            % (name, stage.name))
        if stage.require_results and not (value('results') or '').strip():
            raise UserError(_('The event «%s» cannot move to the stage «%s» without its results: '
                              'fill in «Event results» first.') % (name, stage.name))
        if stage.is_cancel:
            reason = value('cancel_reason_id')
            if isinstance(reason, int):
                reason = self.env['deputat.event.cancel.reason'].browse(reason)
            if not reason:
                raise UserError(_('To cancel the event «%s», choose the «Event cancellation '
                                  'reason».') % name)
            if reason.require_detail and not (value('cancel_reason_detail') or '').strip():
                raise UserError(_('The cancellation reason «%s» requires «Cancellation reason in '
                                  'detail».') % reason.name)

    # ======================================================================================
    # CRUD
    # ======================================================================================
    @api.model
    def _approval_weeks(self):
        value = self.env['ir.config_parameter'].sudo().get_param(APPROVAL_WEEKS_PARAM)
        try:
            return int(value) if value else DEFAULT_APPROVAL_WEEKS
        except ValueError:
            _logger.warning('%s is not a number of weeks: %r', APPROVAL_WEEKS_PARAM, value)
            return DEFAULT_APPROVAL_WEEKS

    @api.model
    def _today(self):
        forced = self.env.context.get('deputat_today')
        return fields.Date.from_string(forced or fields.Date.context_today(self))

    @api.model
    def _approval_limit(self, today=None):
        """Events on or before this day are due for approval."""
        today = today or self._today()
        return fields.Date.to_string(today + timedelta(weeks=self._approval_weeks()))

    @api.model
    def create(self, vals):
        vals = dict(vals)
        Stage = self.env['deputat.event.stage']
        stage = Stage.browse(vals['stage_id']) if vals.get('stage_id') else self._default_stage_id()
        if not stage:
            raise UserError(_('Configure the event stages first.'))
        if stage.is_start and vals.get('date_start'):
            user = self.env['res.users'].browse(vals['user_id']) if vals.get('user_id') else None
            day = self._local_date(vals['date_start'], user)
            approval = self._approval_stage()
            if approval and day <= self._approval_limit():
                stage = approval  # created less than N weeks ahead: straight to approval
        vals['stage_id'] = stage.id
        self._check_approval_gate(None, stage)
        self.browse()._check_stage_values(stage, vals)
        event = super(DeputatEvent, self).create(vals)
        event._on_stage_entered()
        event._sync_calendar_event()
        return event

    @api.multi
    def write(self, vals):
        moving = self.browse()
        agenda = self.browse()  # events entering or leaving the cancellation stage
        if vals.get('stage_id'):
            new_stage = self.env['deputat.event.stage'].browse(vals['stage_id'])
            moving = self.filtered(lambda e: e.stage_id != new_stage)
            agenda = moving.filtered(lambda e: e.stage_id.is_cancel != new_stage.is_cancel)
            for event in moving:
                event._check_approval_gate(event.stage_id, new_stage)
                event._check_stage_values(new_stage, vals)
        gated = {'accompanying_user_id', 'results', 'cancel_reason_id', 'cancel_reason_detail'}
        if gated & set(vals):
            for event in self - moving:
                event._check_stage_values(event.stage_id, vals)
        res = super(DeputatEvent, self).write(vals)
        if moving:
            super(DeputatEvent, moving).write({
                'date_last_stage_update': fields.Datetime.now(), 'overdue_notified': False})
            moving._on_stage_entered()
        if 'date_start' in vals and 'stage_id' not in vals:
            limit = self._approval_limit()
            due = self.filtered(lambda e: e.stage_id.is_start and e.date_event
                                and e.date_event <= limit)
            approval = self._approval_stage()
            if due and approval:
                due.write({'stage_id': approval.id})
        if {'user_id', 'accompanying_user_id'} & set(vals):
            (self - moving)._schedule_stage_activities()
        if set(CALENDAR_FIELDS) & set(vals):
            self._sync_calendar_event()
        elif agenda:
            agenda._sync_calendar_event()
        return res

    @api.multi
    def unlink(self):
        meetings = self.mapped('calendar_event_id')
        res = super(DeputatEvent, self).unlink()
        meetings.sudo().with_context(**CALENDAR_CONTEXT).unlink()
        return res

    # ======================================================================================
    # transitions: checklist lines and robot activities
    # ======================================================================================
    def _on_stage_entered(self):
        """Create the stage's checklist lines, close the robot activities of the other stages
        and give the responsible and the accompanying person their activity. Idempotent."""
        Line = self.env['deputat.event.checklist.line']
        for event in self:
            stage = event.stage_id
            templates = stage.checklist_template_ids
            existing = event.checklist_line_ids.mapped('template_id')
            lang = event.user_id.lang or self.env.lang
            for template in (templates - existing).with_context(lang=lang):
                Line.create({
                    'event_id': event.id, 'stage_id': stage.id, 'template_id': template.id,
                    'name': template.name, 'sequence': template.sequence,
                    'role': template.role,
                })
        self._close_robot_activities()
        self._schedule_stage_activities()

    def _robot_activities(self, kind=None):
        domain = [('res_model', '=', self._name), ('res_id', 'in', self.ids),
                  ('deputat_robot', '!=', False)]
        if kind:
            domain.append(('deputat_robot', '=', kind))
        return self.env['mail.activity'].sudo().search(domain)

    def _close_robot_activities(self):
        """Mark done the robot activities of stages the events have left."""
        stage_of = {event.id: event.stage_id for event in self}
        stale = self._robot_activities().filtered(
            lambda a: a.deputat_event_stage_id != stage_of[a.res_id])
        for activity in stale:
            feedback = _('Closed automatically: the event moved to the stage «%s».') \
                % stage_of[activity.res_id].name
            activity.action_feedback(feedback='<p>%s</p>' % html_escape(feedback))

    def _stage_assignments(self):
        """{user: checklist lines of the current stage} for the responsible and the accompanying
        person; without an accompanying person the responsible gets both lists."""
        self.ensure_one()
        lines = self.checklist_line_ids.filtered(lambda l: l.stage_id == self.stage_id)
        resp_lines = lines.filtered(lambda l: l.role == 'responsible')
        acc_lines = lines - resp_lines
        assignments = OrderedDict()
        responsible = self.user_id or self.create_uid
        accompanying = self.accompanying_user_id
        if responsible:
            assignments[responsible] = resp_lines
        if accompanying:
            assignments[accompanying] = assignments.get(accompanying, lines.browse()) | acc_lines
        elif responsible:
            assignments[responsible] |= acc_lines
        return OrderedDict((u, l) for u, l in assignments.items() if l)

    def _activity_deadline(self, stage):
        today = self._today()
        if not self.date_event:
            return fields.Date.to_string(today)
        due = fields.Date.from_string(self.date_event) + timedelta(days=stage.deadline_offset_days)
        return fields.Date.to_string(max(due, today))

    def _robot_note(self, stage, lines):
        """The activity text, in the language of ``self.env`` (the assignee's)."""
        items = ''.join('<li>%s</li>' % html_escape(line.template_id.name or line.name)
                        for line in lines.with_context(lang=self.env.lang))
        note = '<p>%s</p><ul>%s</ul>' % (
            html_escape(_('Checklist of the stage «%s» for the event «%s»:')
                        % (stage.name, self.name)), items)
        if stage.description:
            note = '<p>%s</p>%s' % (html_escape(stage.description), note)
        return note

    def _schedule_stage_activities(self):
        """One robot activity per person for the current stage, unless there is one already."""
        activity_type = self.env.ref('deputat_crm.mail_activity_type_event_checklist')
        open_activities = self._robot_activities('checklist')
        for event in self:
            stage = event.stage_id
            if stage.is_cancel:
                continue
            assignments = event._stage_assignments()
            mine = open_activities.filtered(
                lambda a: a.res_id == event.id and a.deputat_event_stage_id == stage)
            # the person was replaced: their activity goes away
            replaced = mine.filtered(lambda a: a.user_id not in assignments)
            replaced.unlink()
            have = (mine - replaced).mapped('user_id')
            for user, lines in assignments.items():
                if user in have:
                    continue
                local = event.with_context(lang=user.lang or self.env.lang)
                local_stage = stage.with_context(lang=local.env.lang)
                event._deputat_activity(
                    activity_type, user, event._activity_deadline(stage),
                    local._robot_summary(local_stage), local._robot_note(local_stage, lines),
                    robot='checklist', deputat_event_stage_id=stage.id)

    def _robot_summary(self, stage):
        return _('Stage «%s»: checklist') % stage.name

    # ======================================================================================
    # robots (ir.cron)
    # ======================================================================================
    def _cron_commit(self):
        if self.env.context.get('deputat_cron_commit'):
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _cron_batches(self, domain):
        """Yield the events matching ``domain`` in batches of CRON_BATCH (keyset on id, one
        domain search per batch) and commit after each processed batch when run as a cron."""
        last_id = 0
        while True:
            batch = self.search(domain + [('id', '>', last_id)], order='id', limit=CRON_BATCH)
            if not batch:
                return
            yield batch
            last_id = batch[-1].id
            self._cron_commit()

    @api.model
    def _cron_move_to_approval(self, today=None):
        """Daily: events still in the creation stage whose date is N weeks away or closer move
        to the approval stage. ``today`` (a date string) may be forced. Returns the count."""
        today = fields.Date.from_string(today) if today else self._today()
        approval = self._approval_stage()
        starts = self.env['deputat.event.stage'].search([('is_start', '=', True)])
        if not approval or not starts:
            return 0
        self = self.with_context(deputat_today=fields.Date.to_string(today))
        domain = [('stage_id', 'in', starts.ids),
                  ('date_event', '<=', self._approval_limit(today))]
        moved = 0
        for batch in self._cron_batches(domain):
            batch.write({'stage_id': approval.id})
            moved += len(batch)
        _logger.info('deputat.event: %d event(s) moved to approval', moved)
        return moved

    @api.model
    def _cron_next_step(self, today=None):
        """Daily, «no event without a planned task»: an event that is neither cancelled nor
        in its final stage and has no open activity gets «Define the next step» for its
        responsible. Idempotent (the new activity is an open activity). Returns the count."""
        today = fields.Date.to_string(fields.Date.from_string(today) if today else self._today())
        activity_type = self.env.ref('deputat_crm.mail_activity_type_event_next_step')
        domain = [('stage_id.is_cancel', '=', False), ('stage_id.is_final', '=', False),
                  ('activity_ids', '=', False)]
        found = 0
        for batch in self._cron_batches(domain):
            for event in batch:
                user = event.user_id or event.create_uid
                local = event.with_context(lang=user.lang or self.env.lang)
                event._deputat_activity(
                    activity_type, user, today, local._next_step_summary(),
                    '<p>%s</p>' % html_escape(local._next_step_note()))
            found += len(batch)
        _logger.info('deputat.event robot «next step»: %d event(s) without a planned task', found)
        return found

    def _next_step_summary(self):
        return _('Define the next step')

    def _next_step_note(self):
        return _('The event «%s» has no planned task at the stage «%s». Decide what happens '
                 'next and plan it, or move the event on.') % (self.name, self.stage_id.name)

    @api.model
    def _cron_notify_overdue(self, today=None):
        """Daily: an event staying in a stage longer than the stage's time limit gets one
        «stage overdue» activity for its responsible (once per stage visit)."""
        today = fields.Date.from_string(today) if today else self._today()
        self = self.with_context(deputat_today=fields.Date.to_string(today))
        activity_type = self.env.ref('deputat_crm.mail_activity_type_event_overdue')
        stages = self.env['deputat.event.stage'].search([
            ('time_limit_days', '>', 0), ('is_cancel', '=', False)])
        notified = 0
        for stage in stages:
            since = datetime.combine(today - timedelta(days=stage.time_limit_days),
                                     datetime.min.time())
            domain = [('stage_id', '=', stage.id), ('overdue_notified', '=', False),
                      ('date_last_stage_update', '<', fields.Datetime.to_string(since))]
            for batch in self._cron_batches(domain):
                for event in batch:
                    user = event.user_id or event.create_uid
                    local = event.with_context(lang=user.lang or self.env.lang)
                    local_stage = stage.with_context(lang=local.env.lang)
                    event._deputat_activity(
                        activity_type, user, fields.Date.to_string(today),
                        local._overdue_summary(local_stage),
                        '<p>%s</p>' % html_escape(local._overdue_note(local_stage)),
                        robot='overdue', deputat_event_stage_id=stage.id)
                super(DeputatEvent, batch).write({'overdue_notified': True})
                notified += len(batch)
        _logger.info('deputat.event: %d overdue stage notification(s)', notified)
        return notified

    def _overdue_summary(self, stage):
        return _('Stage «%s» overdue') % stage.name

    def _overdue_note(self, stage):
        return _('The event «%s» has been in the stage «%s» for more than %d days. Move it on '
                 'or update its card.') % (self.name, stage.name, stage.time_limit_days)

    # ======================================================================================
    # the deputy's agenda (calendar.event)
    # ======================================================================================
    def _calendar_partners(self):
        users = self.user_id | self.accompanying_user_id
        users |= self.env.ref('deputat_crm.group_deputy').sudo().users
        return users.mapped('partner_id')

    def _calendar_values(self):
        self.ensure_one()
        stop = self.date_end or fields.Datetime.to_string(
            fields.Datetime.from_string(self.date_start) + timedelta(hours=2))
        location = ', '.join(p for p in (self.venue_name, self.location) if p)
        return {
            'name': self.name,
            'start': self.date_start,
            'stop': stop,
            'allday': False,
            'duration': (fields.Datetime.from_string(stop)
                         - fields.Datetime.from_string(self.date_start)).total_seconds() / 3600.0,
            'location': location or False,
            'description': self.goal or False,
            'user_id': (self.user_id or self.env.user).id,
            'partner_ids': [(6, 0, self._calendar_partners().ids)],
            'active': self.active and not self.stage_id.is_cancel,
        }

    def _sync_calendar_event(self):
        """Create or update the deputy's calendar meeting of each event."""
        Meeting = self.env['calendar.event'].sudo().with_context(**CALENDAR_CONTEXT)
        model_id = self.env['ir.model']._get(self._name).id
        for event in self:
            values = event._calendar_values()
            meeting = event.calendar_event_id.sudo().with_context(**CALENDAR_CONTEXT)
            if meeting.exists():
                meeting.write(values)
            else:
                values.update(res_model_id=model_id, res_id=event.id,
                              activity_ids=[(6, 0, [])])  # no extra «meeting» activity
                meeting = Meeting.create(values)
                super(DeputatEvent, event).write({'calendar_event_id': meeting.id})

    @api.multi
    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'calendar.event',
            'res_id': self.calendar_event_id.id,
            'view_mode': 'form',
            'target': 'current',
        }
