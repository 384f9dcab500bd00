# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An event: its fields, computes, CRUD and the deputy's calendar meeting. The pipeline
declarations are in ``deputat_event_pipeline.py``, the robots in ``deputat_event_robots.py``."""
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .deputat_pipeline import batch_memo, engine_active, memoized

OFFICE_TZ = 'Europe/Moscow'
# fields copied into the deputy's calendar.event
CALENDAR_FIELDS = ('name', 'date_start', 'date_end', 'location', 'venue_name', 'user_id',
                   'accompanying_user_id', 'goal', 'active')
# no chatter noise nor invitation mails from the meetings the robots maintain
CALENDAR_CONTEXT = dict(no_mail_to_attendees=True, active_test=False, tracking_disable=True,
                        mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True)


class DeputatEvent(models.Model):
    """An event the deputy takes part in (own or someone else's), prepared by the office
    through the stages of ``deputat.event.stage`` (the pipeline engine: the moves, gates and
    stage tasks are declared in ``deputat_event_pipeline.py`` and in the data)."""
    _name = 'deputat.event'
    _description = 'Event'
    # the engine first: its writes go on through mail.thread (tracking) to the ORM
    _inherit = ['deputat.pipeline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_start desc, id desc'

    # --- main -----------------------------------------------------------------------------
    name = fields.Char(string='Event', required=True, track_visibility='onchange')
    active = fields.Boolean(default=True)
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
    territory_id = fields.Many2one('deputat.territory', index=True,
                                   ondelete='restrict')
    company_id = fields.Many2one('res.company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one('res.currency', related='company_id.currency_id',
                                  readonly=True, string='Currency')
    stage_id = fields.Many2one('deputat.event.stage', index=True,
                               required=True, ondelete='restrict', track_visibility='onchange',
                               default=lambda self: self._pipeline_first_stage(),
                               group_expand='_read_group_stage_ids', copy=False)
    stage_is_cancel = fields.Boolean(related='stage_id.is_cancel', readonly=True)
    color = fields.Integer(string='Color index', compute='_compute_color')
    # --- programme ------------------------------------------------------------------------
    location = fields.Char(string='Venue address')
    goal = fields.Text(string='Event goal')
    audience_ids = fields.Many2many('deputat.audience', 'deputat_event_audience_rel',
                                    'event_id', 'audience_id',
                                    string='Target audience (events)')
    topic_id = fields.Many2one('deputat.event.topic', index=True,
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
    # CRUD
    # ======================================================================================
    @api.model
    def create(self, vals):
        event = super(DeputatEvent, self).create(vals)
        event._sync_calendar_event()
        event._event_move_if_due()
        return event

    @api.multi
    def write(self, vals):
        if {'accompanying_user_id', 'results', 'cancel_reason_id', 'cancel_reason_detail'} \
                & set(vals) and 'stage_id' not in vals:
            # what the current stage demands cannot be emptied: checked on the written values,
            # rolled back as a whole when refused
            with self.env.cr.savepoint():
                res = super(DeputatEvent, self).write(vals)
                self._event_check_stage_fields()
        else:
            res = super(DeputatEvent, self).write(vals)
        if 'date_start' in vals:
            self._event_move_if_due()
        if {'user_id', 'accompanying_user_id'} & set(vals) and not engine_active():
            self._pipeline_give_tasks()
        if set(CALENDAR_FIELDS) & set(vals):
            self._sync_calendar_event()
        return res

    @api.multi
    def unlink(self):
        meetings = self.mapped('calendar_event_id')
        res = super(DeputatEvent, self).unlink()
        meetings.sudo().with_context(**CALENDAR_CONTEXT).unlink()
        return res

    # ======================================================================================
    # the deputy's agenda (calendar.event)
    # ======================================================================================
    def _calendar_partners(self):
        users = self.user_id | self.accompanying_user_id
        users |= self.env['res.users'].sudo().browse(memoized(
            self.env, ('calendar_deputies',),
            lambda: self.env.ref('deputat_crm.group_deputy').sudo().users.ids))
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
        """Create or update the deputy's calendar meeting of each event. The meetings of a
        batch are read together and only what differs is written, one write per set of equal
        changes (a batch cancelled or restored: one write of ``active``)."""
        Meeting = self.env['calendar.event'].sudo().with_context(**CALENDAR_CONTEXT)
        model_id = self.env['ir.model']._get(self._name).id
        with batch_memo():
            existing = self.mapped('calendar_event_id').sudo().with_context(
                **CALENDAR_CONTEXT).exists()
            changes_of = {}
            for event in self:
                values = event._calendar_values()
                meeting = event.calendar_event_id.sudo().with_context(**CALENDAR_CONTEXT)
                if meeting and meeting in existing:
                    changes = meeting._deputat_calendar_changes(values)
                    if changes:
                        key = repr(sorted(changes.items()))
                        changes_of.setdefault(key, (changes, Meeting.browse()))
                        changes_of[key] = (changes, changes_of[key][1] | meeting)
                    continue
                values.update(res_model_id=model_id, res_id=event.id,
                              activity_ids=[(6, 0, [])])  # no extra «meeting» activity
                meeting = Meeting.create(values)
                super(DeputatEvent, event).write({'calendar_event_id': meeting.id})
            for changes, meetings in changes_of.values():
                meetings._deputat_calendar_write(changes)
        return None

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
