# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A citizen's appeal: its fields, deadlines and CRUD. The pipeline declarations are in
``deputat_appeal_pipeline.py``, the robots in ``deputat_appeal_robots.py``, the e-mail intake
in ``deputat_appeal_mail.py``."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import fz59
from .deputat_pipeline import engine_active, engine_writes, format_date
from .deputat_params import int_param

# 59-FZ terms and the robots' days: ir.config_parameter keys and their defaults. Offices change
# them in Settings > Technical > System parameters (see readme/APPEALS.md).
PARAM_DEFAULTS = {
    'deputat_crm.registration_days': 3,        # 59-FZ art. 8 part 2
    'deputat_crm.answer_days': 30,             # 59-FZ art. 12 part 1
    'deputat_crm.migration_answer_days': 20,   # 59-FZ art. 12 part 1.1
    'deputat_crm.extension_max_days': 30,      # 59-FZ art. 12 part 2
    'deputat_crm.forward_days': 7,             # 59-FZ art. 8 part 3
    'deputat_crm.reminder_days': 5,            # robot: reminder before the planned answer date
    'deputat_crm.request_answer_days': 30,     # 3-FZ art. 14: answer to a deputy's request
    'deputat_crm.request_warning_days': 25,    # robot: request without an answer after N days
    'deputat_crm.shift_non_working_days': 0,   # 1: a term ending on a day off moves on
    # issue 9 (settings in deputat_settings_fz59.py)
    'deputat_crm.migration_term_enabled': 0,   # 1: art. 12 part 1.1 (a region's highest official)
    'deputat_crm.email_is_electronic': 0,      # 1: alias e-mails are 59-FZ electronic appeals
    'deputat_crm.request_working_days': 0,     # 1: request terms in working days (Samara: 5)
}


class DeputatAppeal(models.Model):
    """A citizen's appeal (обращение гражданина) under 59-FZ."""
    _name = 'deputat.appeal'
    _description = "Citizen's appeal"
    # the engine first: its writes go on through mail.thread (tracking) to the ORM
    _inherit = ['deputat.pipeline.mixin', 'mail.thread', 'mail.activity.mixin']
    _order = 'date_received desc, id desc'

    # ------------------------------------------------------------------ fields
    name = fields.Char(string='Registration number', required=True, copy=False, default='/',
                       readonly=True, index=True, track_visibility='onchange')
    subject = fields.Char(track_visibility='onchange')
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company',
                                 default=lambda self: self.env.user.company_id)
    partner_id = fields.Many2one('res.partner', string='Applicant', required=True, index=True,
                                 track_visibility='onchange')
    co_applicant_ids = fields.Many2many('res.partner', 'deputat_appeal_co_applicant_rel',
                                        'appeal_id', 'partner_id', string='Co-applicants')
    user_id = fields.Many2one('res.users', string='Responsible', index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    lawyer_id = fields.Many2one('res.users', index=True,
                                track_visibility='onchange')
    territory_id = fields.Many2one('deputat.territory', index=True)
    confidential = fields.Boolean(
        help='Only the deputy, the lawyer, the responsible employee and the office head see a '
             'confidential appeal (59-FZ art. 6 part 2).')

    date_received = fields.Date(string='Date of receipt', required=True, index=True,
                                default=fields.Date.context_today, track_visibility='onchange')
    date_registered = fields.Date(string='Registration date', required=True, index=True,
                                  default=fields.Date.context_today)
    registration_deadline = fields.Date(string='Register by', compute='_compute_deadlines',
                                        store=True)
    registration_late = fields.Boolean(string='Registered late', compute='_compute_deadlines',
                                       store=True)
    answer_days = fields.Integer(string='Answer term (days)', compute='_compute_deadlines',
                                 store=True)
    date_deadline_planned = fields.Date(
        string='Planned answer date', compute='_compute_deadlines', store=True, index=True,
        track_visibility='onchange',
        help='Registration date + 30 days (20 for migration topics) + the extension, counted in '
             'calendar days from the day after registration.')
    forward_deadline = fields.Date(string='Forward by', compute='_compute_deadlines', store=True,
                                   help='59-FZ art. 8 part 3: 7 days from registration.')
    extension_days = fields.Integer(string='Extension (days)', readonly=True, copy=False)
    extension_reason = fields.Text(string='Extension reason', readonly=True, copy=False)
    date_extended = fields.Date(string='Extended on', readonly=True, copy=False)

    appeal_type = fields.Selection([
        ('statement', 'Statement'),
        ('proposal', 'Proposal'),
        ('complaint', 'Complaint'),
    ], string='Type of appeal', default='statement', required=True)
    appeal_kind = fields.Selection([
        ('individual', 'Individual'),
        ('collective', 'Collective'),
    ], string='Kind of appeal', default='individual', required=True)
    appeal_form = fields.Selection([
        ('written', 'Written'),
        ('oral', 'Oral'),
        ('electronic', 'Electronic'),
    ], string='Form of appeal', default='written', required=True)
    channel_id = fields.Many2one('deputat.appeal.channel', string='Channel of receipt', index=True)
    topic_id = fields.Many2one('deputat.appeal.topic', string='Topic of appeal', index=True,
                               track_visibility='onchange')
    description = fields.Text(string='Content of appeal')
    attachment_ids = fields.Many2many('ir.attachment', 'deputat_appeal_attachment_rel',
                                      'appeal_id', 'attachment_id', string='Materials of appeal')

    refused = fields.Boolean(string='Refusal of consideration', readonly=True, copy=False)
    refusal_ground_id = fields.Many2one('deputat.appeal.refusal.ground',
                                        string='Reason for refusal')
    registration_decision = fields.Selection([
        ('merits', 'Consider on the merits'),
        ('contact_request', 'Request contact data'),
        ('refusal', 'Refusal (59-FZ art. 11)'),
        ('forward', 'Forward to the competent body'),
    ], string='Decision taken at registration', copy=False, readonly=True,
        track_visibility='onchange')
    forward_partner_id = fields.Many2one('res.partner', string='Forwarded to')
    date_forwarded = fields.Date(string='Forwarding date', copy=False, readonly=True)

    request_ids = fields.One2many('deputat.appeal.request', 'appeal_id', string='Requests')
    request_count = fields.Integer(string='Number of requests', compute='_compute_request_count')
    request_partner_ids = fields.Many2many(
        'res.partner', 'deputat_appeal_request_partner_rel', 'appeal_id', 'partner_id',
        string='Addressees of requests', compute='_compute_request_partner_ids', store=True)

    date_answer = fields.Date(string='Date of answer to the applicant', copy=False,
                              track_visibility='onchange')
    answer_method_id = fields.Many2one('deputat.appeal.answer.method',
                                       string='Method of answer to the applicant')
    answer_text = fields.Html(string='Answer text')
    qualified_card = fields.Boolean(string='Qualified card')
    # the official results of consideration (ССТУ); the questions still open take it on closing
    final_result = fields.Selection([
        ('explained', 'Considered. Explained'),
        ('supported', 'Considered. Supported'),
        ('not_supported', 'Considered. Not supported'),
        ('forwarded', 'Forwarded by competence'),
        ('answered', 'Answer given to the author'),
        ('no_answer', 'Left without an answer to the author'),
    ], string='Final result', copy=False, readonly=True, track_visibility='onchange')
    employee_comment = fields.Text(string='Employee comment on the appeal')
    deputy_comment = fields.Text(string='Deputy comment on the appeal',
                                 help='Only the deputy may write it.')
    need_request = fields.Boolean(string='Request needed', readonly=True, copy=False,
                                  help="Set by the deputy's resolution.")
    request_approval_required = fields.Boolean(string='Deputy approval of the request required',
                                               default=True)
    no_answer_required = fields.Boolean(string='No answer required', readonly=True, copy=False)
    no_answer_reason = fields.Text(string='Why no answer is required')

    stage_id = fields.Many2one('deputat.appeal.stage', index=True, required=True,
                               ondelete='restrict', track_visibility='onchange', copy=False,
                               default=lambda self: self._pipeline_first_stage(),
                               group_expand='_read_group_stage_ids')
    stage_code = fields.Char(related='stage_id.code', string='Stage code', readonly=True)
    pipeline = fields.Selection(related='stage_id.pipeline', string='Pipeline', store=True,
                                readonly=True)
    is_closed = fields.Boolean(related='stage_id.is_closed', string='Closed', store=True,
                               readonly=True)
    is_overdue = fields.Boolean(string='Overdue', compute='_compute_is_overdue',
                                search='_search_is_overdue')
    color = fields.Integer(string='Color index')
    # robots' memory, so that a job run twice does nothing the second time
    reminder_deadline = fields.Date(string='Reminder sent for date', copy=False, readonly=True)
    escalation_date = fields.Date(string='Last escalation', copy=False, index=True,
                                  readonly=True)
    # the authority's answer to the last request sent, asked for by the «Answer received» move
    authority_answer_date = fields.Date(
        string="Date of the authority's answer", compute='_compute_authority_answer',
        inverse='_inverse_authority_answer')
    authority_answer = fields.Text(string="Answer of the authority",
                                 compute='_compute_authority_answer',
                                 inverse='_inverse_authority_answer')

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'The registration number of an appeal must be unique.'),
    ]

    # ------------------------------------------------------------------ 59-FZ arithmetic
    @api.model
    def _deputat_param(self, key):
        return int_param(self.env, key, PARAM_DEFAULTS[key])

    @api.model
    def _deputat_add_days(self, start, days, unit='calendar', which='planned'):
        """THE day-counting rule of the module (59-FZ gives none): ``days`` days counted from
        the day after ``start``, in calendar or working days of the production calendar
        (``deputat.calendar.day``). ``which``: 'legal' — the legal last day (a non-working last
        day moves to the next working day), 'control' — the internal control date (moves to the
        preceding working day), 'planned' — start + days, or the legal last day with the
        parameter deputat_crm.shift_non_working_days = 1 (working-day terms: the working day).
        Takes and returns Odoo date strings."""
        if not start:
            return False
        start = fields.Date.from_string(start)
        non_working, working = self.env['deputat.calendar.day']._deputat_day_sets()
        legal, control = fz59.term_dates(start, days, unit, non_working, working)
        if which == 'planned' and unit == 'calendar' and not self._deputat_param(
                'deputat_crm.shift_non_working_days'):
            result = fz59.add_days(start, days)
        else:
            result = control if which == 'control' else legal
        return fields.Date.to_string(result)

    @api.depends('date_received', 'date_registered', 'topic_id.is_migration', 'extension_days',
                 'question_ids.topic_id.is_migration')
    def _compute_deadlines(self):
        for appeal in self:
            appeal.registration_deadline = self._deputat_add_days(
                appeal.date_received, self._deputat_param('deputat_crm.registration_days'))
            appeal.registration_late = bool(
                appeal.date_registered and appeal.registration_deadline
                and appeal.date_registered > appeal.registration_deadline)
            days = self._deputat_param('deputat_crm.migration_answer_days'
                                       if appeal._deputat_migration_term()
                                       else 'deputat_crm.answer_days')
            appeal.answer_days = days
            appeal.date_deadline_planned = self._deputat_add_days(
                appeal.date_registered, days + (appeal.extension_days or 0))
            appeal.forward_deadline = self._deputat_add_days(
                appeal.date_registered, self._deputat_param('deputat_crm.forward_days'))

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for appeal in self:
            appeal.is_overdue = bool(not appeal.is_closed and not appeal.date_answer
                                     and appeal.date_deadline_planned
                                     and appeal.date_deadline_planned < today)

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = ['&', '&', ('is_closed', '=', False), ('date_answer', '=', False),
                  ('date_deadline_planned', '<', today)]
        if (operator == '=') == bool(value):
            return domain
        return ['!'] + domain

    @api.depends('request_ids')
    def _compute_request_count(self):
        for appeal in self:
            appeal.request_count = len(appeal.request_ids)

    @api.depends('request_ids.partner_id')
    def _compute_request_partner_ids(self):
        for appeal in self:
            appeal.request_partner_ids = appeal.request_ids.mapped('partner_id')

    @api.depends('request_ids.date_answer', 'request_ids.answer', 'request_ids.date_sent')
    def _compute_authority_answer(self):
        for appeal in self:
            request = appeal._last_sent_request()
            appeal.authority_answer_date = request.date_answer
            appeal.authority_answer = request.answer

    def _inverse_authority_answer(self):
        for appeal in self:
            request = appeal._last_sent_request()
            if request:
                request.write({'date_answer': appeal.authority_answer_date,
                               'answer': appeal.authority_answer})

    def _last_sent_request(self):
        self.ensure_one()
        return self.request_ids.filtered('date_sent').sorted(
            lambda r: (r.date_sent, r.id))[-1:]

    # ------------------------------------------------------------------ constraints
    @api.constrains('date_received', 'date_registered', 'date_answer', 'date_forwarded')
    def _check_dates(self):
        for appeal in self:
            if appeal.date_registered < appeal.date_received:
                raise ValidationError(_('The registration date cannot be before the date of '
                                        'receipt.'))
            if appeal.date_answer and appeal.date_answer < appeal.date_received:
                raise ValidationError(_('The date of the answer to the applicant cannot be '
                                        'before the date of receipt of the appeal.'))
            if appeal.date_forwarded and appeal.date_forwarded < appeal.date_received:
                raise ValidationError(_('The forwarding date cannot be before the date of '
                                        'receipt of the appeal.'))

    @api.constrains('appeal_kind', 'co_applicant_ids')
    def _check_co_applicants(self):
        for appeal in self:
            if appeal.co_applicant_ids and appeal.appeal_kind not in ('collective',
                                                                      'collective_repeated'):
                raise ValidationError(_('Only a collective appeal has co-applicants.'))

    # ------------------------------------------------------------------ ORM
    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.partner_id.territory_id:
            self.territory_id = self.partner_id.territory_id

    @api.onchange('channel_id')
    def _onchange_channel_id(self):
        if self.channel_id.appeal_form:
            self.appeal_form = self.channel_id.appeal_form

    @api.onchange('appeal_form')
    def _onchange_appeal_form(self):
        if not self.answer_method_id:
            self.answer_method_id = self._default_answer_method(self.appeal_form)

    @api.model
    def _default_answer_method(self, appeal_form):
        """59-FZ art. 10 part 4: an electronic appeal is answered by e-mail, others by post."""
        xmlid = ('deputat_crm.answer_method_email' if appeal_form == 'electronic'
                 else 'deputat_crm.answer_method_post')
        return self.env.ref(xmlid, raise_if_not_found=False) or self.env[
            'deputat.appeal.answer.method']

    @api.onchange('date_received', 'date_registered')
    def _onchange_registration_date(self):
        if self.date_received and self.date_registered:
            deadline = self._deputat_add_days(
                self.date_received, self._deputat_param('deputat_crm.registration_days'))
            if self.date_registered > deadline:
                return {'warning': {
                    'title': _('Late registration'),
                    'message': _('59-FZ art. 8 part 2: an appeal is registered within '
                                 '%(days)s days of receipt, i.e. by %(deadline)s.') % {
                        'days': self._deputat_param('deputat_crm.registration_days'),
                        'deadline': format_date(deadline)}}}

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('partner_id') and not vals.get('territory_id'):
            vals['territory_id'] = self.env['res.partner'].browse(
                vals['partner_id']).territory_id.id
        if 'answer_method_id' not in vals:
            vals['answer_method_id'] = self._default_answer_method(
                vals.get('appeal_form', 'written')).id or False
        if vals.get('deputy_comment'):
            self._check_deputy_only()
        # the engine checks the protected fields (a number other than the default «/» included)
        # and the first stage before anything is set; the number comes from the sequence
        self._pipeline_check_protected(vals, creating=True)
        vals.pop('name', None)
        date = vals.get('date_registered') or fields.Date.context_today(self)
        with engine_writes():
            vals['name'] = self.env['ir.sequence'].sudo().with_context(
                ir_sequence_date=date).next_by_code('deputat.appeal') or '/'
            appeal = super(DeputatAppeal, self).create(vals)
        appeal._deputat_record_legal_basis()
        if appeal.registration_late:
            appeal.message_post(body=_(
                'Registered late: 59-FZ art. 8 part 2 requires registration within %(days)s '
                'days of receipt (by %(deadline)s).') % {
                    'days': self._deputat_param('deputat_crm.registration_days'),
                    'deadline': format_date(appeal.registration_deadline)})
        return appeal

    @api.multi
    def _deputat_record_legal_basis(self):
        """152-FZ art. 6 part 1 p. 2: handling an appeal is a duty under 59-FZ. Record it as the
        legal basis of applicants who have none yet (a consent already given is kept)."""
        for appeal in self:
            applicants = (appeal.partner_id | appeal.co_applicant_ids).sudo().filtered(
                lambda partner: not partner.pd_legal_basis)
            if applicants:
                applicants.write({'pd_legal_basis': 'law_59fz',
                                  'pd_legal_basis_date': appeal.date_received})

    @api.multi
    def write(self, vals):
        if 'deputy_comment' in vals and not engine_active():
            self._check_deputy_only()
        return super(DeputatAppeal, self).write(vals)

    @api.multi
    def unlink(self):
        if self.mapped('request_ids').filtered('date_sent'):
            raise UserError(_('An appeal with a request already sent to an authority cannot be '
                              'deleted; archive it instead.'))
        return super(DeputatAppeal, self).unlink()

    def _check_deputy_only(self):
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_deputy')):
            raise UserError(_('Only the deputy may write the deputy comment on the appeal.'))
