import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

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
    'deputat_crm.shift_non_working_days': 0,   # 1: a term ending on Sat/Sun moves to Monday
}

# Registration decision implied by the stage an appeal leaves the registration for.
DECISION_BY_STAGE = {
    'deputy_resolution': 'merits',
    'contact_wait': 'contact_request',
    'refused': 'refusal',
    'forwarded': 'forward',
}


class DeputatAppeal(models.Model):
    """A citizen's appeal (обращение гражданина) under 59-FZ."""
    _name = 'deputat.appeal'
    _description = "Citizen's appeal"
    _inherit = ['mail.thread', 'mail.activity.mixin', 'deputat.robot.mixin']
    _order = 'date_received desc, id desc'

    # ------------------------------------------------------------------ fields
    name = fields.Char(string='Registration number', required=True, copy=False, default='/',
                       readonly=True, index=True, track_visibility='onchange')
    subject = fields.Char(string='Subject', track_visibility='onchange')
    active = fields.Boolean(string='Active', default=True)
    company_id = fields.Many2one('res.company', string='Company',
                                 default=lambda self: self.env.user.company_id)
    partner_id = fields.Many2one('res.partner', string='Applicant', required=True, index=True,
                                 track_visibility='onchange')
    co_applicant_ids = fields.Many2many('res.partner', 'deputat_appeal_co_applicant_rel',
                                        'appeal_id', 'partner_id', string='Co-applicants')
    user_id = fields.Many2one('res.users', string='Responsible', index=True,
                              default=lambda self: self.env.user, track_visibility='onchange')
    lawyer_id = fields.Many2one('res.users', string='Lawyer', index=True,
                                track_visibility='onchange')
    territory_id = fields.Many2one('deputat.territory', string='Territory', index=True)
    confidential = fields.Boolean(
        string='Confidential',
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
    ], string='Decision taken at registration', copy=False, track_visibility='onchange')
    forward_partner_id = fields.Many2one('res.partner', string='Forwarded to')
    date_forwarded = fields.Date(string='Forwarding date', copy=False)

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
    final_result = fields.Selection([
        ('solved', 'Solved'),
        ('explained', 'Explained'),
        ('supported', 'Supported'),
        ('not_supported', 'Not supported'),
        ('forwarded', 'Forwarded to the competent body'),
        ('refused', 'Refused (59-FZ art. 11)'),
        ('no_answer', 'Closed without an answer'),
    ], string='Final result', copy=False, track_visibility='onchange')
    employee_comment = fields.Text(string='Employee comment on the appeal')
    deputy_comment = fields.Text(string='Deputy comment on the appeal',
                                 help='Only the deputy may write it.')
    need_request = fields.Boolean(string='Request needed')
    request_approval_required = fields.Boolean(string='Deputy approval of the request required',
                                               default=True)
    no_answer_required = fields.Boolean(string='No answer required')
    no_answer_reason = fields.Text(string='Why no answer is required')

    stage_id = fields.Many2one('deputat.appeal.stage', string='Stage', index=True, required=True,
                               ondelete='restrict', track_visibility='onchange', copy=False,
                               default=lambda self: self._default_stage(),
                               group_expand='_read_group_stage_ids')
    stage_code = fields.Char(related='stage_id.code', string='Stage code', readonly=True)
    pipeline = fields.Selection(related='stage_id.pipeline', string='Pipeline', store=True,
                                readonly=True)
    is_closed = fields.Boolean(related='stage_id.is_closed', string='Closed', store=True,
                               readonly=True)
    date_stage_entered = fields.Date(string='In the stage since', index=True, copy=False,
                                     default=fields.Date.context_today)
    is_overdue = fields.Boolean(string='Overdue', compute='_compute_is_overdue',
                                search='_search_is_overdue')
    color = fields.Integer(string='Color index')
    # robots' memory, so that a job run twice does nothing the second time
    reminder_deadline = fields.Date(string='Reminder sent for date', copy=False)
    escalation_date = fields.Date(string='Last escalation', copy=False, index=True)
    stage_overdue_notified = fields.Boolean(string='Stage time limit notified', copy=False)

    # ------------------------------------------------------------------ defaults
    @api.model
    def _default_stage(self):
        return self._stage_by_code('new')

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        pipeline = self.env.context.get('default_pipeline')
        search_domain = [('pipeline', '=', pipeline)] if pipeline else []
        return stages.search(search_domain, order=order)

    @api.model
    def _stage_by_code(self, code):
        return self.env['deputat.appeal.stage'].search([('code', '=', code)], limit=1)

    # ------------------------------------------------------------------ 59-FZ arithmetic
    @api.model
    def _deputat_param(self, key):
        value = self.env['ir.config_parameter'].sudo().get_param(key)
        try:
            return int(value) if value not in (None, False, '') else PARAM_DEFAULTS[key]
        except ValueError:
            return PARAM_DEFAULTS[key]

    @api.model
    def _deputat_add_days(self, start, days):
        """THE day-counting rule of the module (59-FZ gives none): ``days`` calendar days counted
        from the day after ``start`` — i.e. start + days; with the parameter
        deputat_crm.shift_non_working_days = 1 a term ending on Saturday/Sunday moves to Monday.
        Takes and returns Odoo date strings."""
        if not start:
            return False
        result = fields.Date.from_string(start) + timedelta(days=days)
        if self._deputat_param('deputat_crm.shift_non_working_days'):
            while result.weekday() >= 5:
                result += timedelta(days=1)
        return fields.Date.to_string(result)

    @api.depends('date_received', 'date_registered', 'topic_id.is_migration', 'extension_days')
    def _compute_deadlines(self):
        for appeal in self:
            appeal.registration_deadline = self._deputat_add_days(
                appeal.date_received, self._deputat_param('deputat_crm.registration_days'))
            appeal.registration_late = bool(
                appeal.date_registered and appeal.registration_deadline
                and appeal.date_registered > appeal.registration_deadline)
            days = self._deputat_param('deputat_crm.migration_answer_days'
                                       if appeal.topic_id.is_migration
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
            if appeal.co_applicant_ids and appeal.appeal_kind != 'collective':
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
                    'message': _('59-FZ art. 8 part 2: an appeal is registered within %s days '
                                 'of receipt, i.e. by %s.') % (
                        self._deputat_param('deputat_crm.registration_days'), deadline)}}

    @api.model
    def create(self, vals):
        if vals.get('partner_id') and not vals.get('territory_id'):
            vals['territory_id'] = self.env['res.partner'].browse(
                vals['partner_id']).territory_id.id
        if vals.get('name', '/') in ('/', False):
            date = vals.get('date_registered') or fields.Date.context_today(self)
            vals['name'] = self.env['ir.sequence'].with_context(
                ir_sequence_date=date).next_by_code('deputat.appeal') or '/'
        if 'answer_method_id' not in vals:
            vals['answer_method_id'] = self._default_answer_method(
                vals.get('appeal_form', 'written')).id or False
        if not vals.get('stage_id'):
            vals['stage_id'] = self._default_stage().id
        elif not (self._is_superuser() or self.env.context.get('install_mode')):
            stage = self.env['deputat.appeal.stage'].browse(vals['stage_id'])
            if stage.code != 'new':
                raise UserError(_('A new appeal starts at the stage «%s»; move it on from '
                                  'there.') % self._default_stage().name)
        if 'deputy_comment' in vals and vals['deputy_comment']:
            self._check_deputy_only()
        appeal = super(DeputatAppeal, self).create(vals)
        appeal._deputat_record_legal_basis()
        if appeal.registration_late:
            appeal.message_post(body=_(
                'Registered late: 59-FZ art. 8 part 2 requires registration within %s days of '
                'receipt (by %s).') % (self._deputat_param('deputat_crm.registration_days'),
                                      appeal.registration_deadline))
        return appeal

    @api.multi
    def _deputat_record_legal_basis(self):
        """152-FZ art. 6 part 1 p. 2: handling an appeal is a duty under 59-FZ. Record it as the
        legal basis of applicants who have none yet (a consent already given is kept)."""
        for appeal in self:
            applicants = (appeal.partner_id | appeal.co_applicant_ids).filtered(
                lambda partner: not partner.pd_legal_basis)
            if applicants:
                applicants.write({'pd_legal_basis': 'law_59fz',
                                  'pd_legal_basis_date': appeal.date_received})

    @api.multi
    def write(self, vals):
        if 'deputy_comment' in vals:
            self._check_deputy_only()
        if 'extension_days' in vals and not self.env.context.get('deputat_extension'):
            raise UserError(_('Use the «Extend the term» button to extend the answer term.'))
        if 'stage_id' in vals:
            new_stage = self.env['deputat.appeal.stage'].browse(vals['stage_id'])
            moving = self.filtered(lambda a: a.stage_id != new_stage)
            for appeal in moving:
                appeal._check_transition(new_stage, vals)
            if moving:
                vals = dict(vals, **moving._stage_entry_values(new_stage, vals))
                result = super(DeputatAppeal, moving).write(vals)
                rest = self - moving
                if rest:
                    rest_vals = {k: v for k, v in vals.items() if k not in (
                        'date_stage_entered', 'stage_overdue_notified')}
                    super(DeputatAppeal, rest).write(rest_vals)
                moving._after_stage_entered(new_stage)
                return result
        return super(DeputatAppeal, self).write(vals)

    def _is_superuser(self):
        return self.env.uid == SUPERUSER_ID

    def _check_deputy_only(self):
        if not (self._is_superuser() or self.env.user.has_group('deputat_crm.group_deputy')):
            raise UserError(_('Only the deputy may write the deputy comment on the appeal.'))

    # ------------------------------------------------------------------ pipelines
    def _value(self, vals, name):
        """The value of ``name`` after a write of ``vals`` (for checks made before writing)."""
        if name in vals:
            field = self._fields[name]
            if field.type == 'many2one':
                return self.env[field.comodel_name].browse(vals[name] or [])
            return vals[name]
        return self[name]

    def _check_transition(self, new_stage, vals):
        """Raise a UserError when this appeal may not move to ``new_stage`` (buttons and kanban
        drag-and-drop both end here). Checks run before anything is written."""
        self.ensure_one()
        old = self.stage_id
        if new_stage not in old.next_stage_ids:
            allowed = ', '.join(old.next_stage_ids.mapped('name')) or _('none')
            raise UserError(_('Appeal %s cannot move from «%s» to «%s». Allowed next stages: %s.')
                            % (self.name, old.name, new_stage.name, allowed))
        if old.owner_role == 'deputy' and not (
                self._is_superuser() or self.env.user.has_group('deputat_crm.group_deputy')):
            raise UserError(_('Only the deputy can take the appeal out of the stage «%s».')
                            % old.name)
        code = new_stage.code
        if old.code == 'deputy_resolution':
            if code == 'request_prepare' and not self._value(vals, 'need_request'):
                raise UserError(_('Tick «Request needed» to send the appeal to the request '
                                  'pipeline.'))
            if code == 'answer_prepare' and self._value(vals, 'need_request'):
                raise UserError(_('«Request needed» is ticked: the appeal goes to the request '
                                  'pipeline first.'))
        if old.code == 'request_prepare' and code in ('request_approval', 'request_sent'):
            if not self.request_ids.filtered(lambda r: not r.date_sent):
                raise UserError(_('Prepare the request (addressee and text) before moving on.'))
            approval = self._value(vals, 'request_approval_required')
            if code == 'request_sent' and approval:
                raise UserError(_('The deputy must approve the request before it is sent.'))
            if code == 'request_approval' and not approval:
                raise UserError(_('The deputy\'s approval of the request is switched off: send '
                                  'the request directly.'))
        if code == 'request_review' and not self.request_ids.filtered('date_answer'):
            raise UserError(_('Record the answer to the request (date of answer) first.'))
        if code == 'refused' and not self._value(vals, 'refusal_ground_id'):
            raise UserError(_('A refusal needs its ground under 59-FZ art. 11.'))
        if code == 'forwarded' and not self._value(vals, 'forward_partner_id'):
            raise UserError(_('Choose the competent body the appeal is forwarded to.'))
        if code == 'answer_sent' and not (self._value(vals, 'date_answer')
                                          and self._value(vals, 'answer_method_id')):
            raise UserError(_('Record the date and the method of the answer to the applicant '
                              'before marking it sent.'))
        if code == 'done' and not self._value(vals, 'final_result'):
            raise UserError(_('Choose the final result before closing the appeal.'))
        if code == 'no_answer' and not (self._value(vals, 'no_answer_required')
                                        and self._value(vals, 'no_answer_reason')):
            raise UserError(_('Tick «No answer required» and give the reason to close the '
                              'appeal without an answer.'))

    def _stage_entry_values(self, new_stage, vals):
        today = fields.Date.context_today(self)
        res = {'date_stage_entered': today, 'stage_overdue_notified': False}
        code = new_stage.code
        if code in DECISION_BY_STAGE:
            res['registration_decision'] = DECISION_BY_STAGE[code]
        if code == 'refused':
            res.update(refused=True, final_result='refused')
        elif code == 'forwarded':
            res.update(final_result='forwarded', date_forwarded=vals.get('date_forwarded') or today)
        elif code == 'no_answer':
            res['final_result'] = 'no_answer'
        return res

    def _after_stage_entered(self, new_stage):
        today = fields.Date.context_today(self)
        for appeal in self:
            if new_stage.code == 'request_sent':
                appeal.request_ids.filtered(lambda r: not r.date_sent).write({'date_sent': today})
            if new_stage.code == 'refused' and appeal.refusal_ground_id.notice_required:
                ground = appeal.refusal_ground_id
                appeal._deputat_activity(
                    'deputat_crm.activity_type_notice', appeal.user_id,
                    self._deputat_add_days(appeal.date_registered, ground.notice_days),
                    _('Notify the applicant of the refusal (%s)') % (ground.article or ground.name),
                    ground.notice_text)
            if new_stage.code == 'forwarded':
                if appeal.date_forwarded > appeal.forward_deadline:
                    appeal.message_post(body=_(
                        'Forwarded late: 59-FZ art. 8 part 3 requires forwarding within %s days '
                        'of registration (by %s).') % (
                        self._deputat_param('deputat_crm.forward_days'), appeal.forward_deadline))
                appeal._deputat_activity(
                    'deputat_crm.activity_type_notice', appeal.user_id, appeal.forward_deadline,
                    _('Notify the applicant that the appeal was forwarded to %s')
                    % appeal.forward_partner_id.display_name)

    def _move_to(self, code, **vals):
        stage = self._stage_by_code(code)
        if not stage:
            raise UserError(_('The stage «%s» is missing from the configuration.') % code)
        vals['stage_id'] = stage.id
        return self.write(vals)

    # buttons ---------------------------------------------------------------
    @api.multi
    def action_accept(self):
        """Registration decision: consider on the merits → to the deputy's resolution."""
        return self._move_to('deputy_resolution')

    @api.multi
    def action_request_contact_data(self):
        return self._move_to('contact_wait')

    @api.multi
    def action_back_to_registration(self):
        return self._move_to('new')

    @api.multi
    def action_refuse(self):
        return self._move_to('refused')

    @api.multi
    def action_forward(self):
        return self._move_to('forwarded')

    @api.multi
    def action_deputy_resolve(self):
        """The deputy's resolution: «Request needed» ticked → request pipeline, else → answer."""
        for appeal in self:
            appeal._move_to('request_prepare' if appeal.need_request else 'answer_prepare')
        return True

    @api.multi
    def action_request_to_approval(self):
        return self._move_to('request_approval')

    @api.multi
    def action_request_back_to_prepare(self):
        return self._move_to('request_prepare')

    @api.multi
    def action_request_send(self):
        return self._move_to('request_sent')

    @api.multi
    def action_request_answer_received(self):
        return self._move_to('request_review')

    @api.multi
    def action_request_resolve_answer(self):
        """The deputy reviewed the authority's answer: go on to the answer to the applicant."""
        for appeal in self:
            appeal.request_ids.filtered('date_answer')[-1:].write({'deputy_decision': 'answer'})
        return self._move_to('answer_prepare', need_request=False)

    @api.multi
    def action_request_resolve_new_request(self):
        """The deputy wants another request: back to «Request preparation»."""
        for appeal in self:
            appeal.request_ids.filtered('date_answer')[-1:].write(
                {'deputy_decision': 'new_request'})
        return self._move_to('request_prepare')

    @api.multi
    def action_answer_to_approval(self):
        return self._move_to('answer_approval')

    @api.multi
    def action_answer_back_to_prepare(self):
        return self._move_to('answer_prepare')

    @api.multi
    def action_answer_send(self):
        for appeal in self:
            vals = {}
            if not appeal.date_answer:
                vals['date_answer'] = fields.Date.context_today(self)
            appeal._move_to('answer_sent', **vals)
        return True

    @api.multi
    def action_close(self):
        return self._move_to('done')

    @api.multi
    def action_close_no_answer(self):
        return self._move_to('no_answer', no_answer_required=True)

    @api.multi
    def action_open_extend_wizard(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Extend the answer term'),
            'res_model': 'deputat.appeal.extend.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_appeal_id': self.id},
        }

    @api.multi
    def extend_deadline(self, days, reason):
        """59-FZ art. 12 part 2: extend the answer term once, by at most 30 days, with a reason
        and a notice to the applicant."""
        max_days = self._deputat_param('deputat_crm.extension_max_days')
        for appeal in self:
            if appeal.extension_days or appeal.date_extended:
                raise UserError(_('The answer term of %s was already extended: 59-FZ art. 12 '
                                  'part 2 allows one extension only.') % appeal.name)
            if not days or days < 1 or days > max_days:
                raise UserError(_('An extension is from 1 to %s days.') % max_days)
            if not (reason or '').strip():
                raise UserError(_('Give the reason for the extension.'))
            if appeal.is_closed:
                raise UserError(_('A closed appeal cannot be extended.'))
        for appeal in self:
            appeal.with_context(deputat_extension=True).write({
                'extension_days': days, 'extension_reason': reason,
                'date_extended': fields.Date.context_today(self)})
            appeal.message_post(body=_('Answer term extended by %s days to %s. Reason: %s')
                                % (days, appeal.date_deadline_planned, reason))
            appeal._deputat_activity(
                'deputat_crm.activity_type_notice', appeal.user_id,
                self._deputat_add_days(fields.Date.context_today(self), 1),
                _('Notify the applicant of the extension of the answer term'),
                _('<p>59-FZ art. 12 part 2: tell the applicant the new answer date %s and the '
                  'reason of the extension.</p>') % appeal.date_deadline_planned)
        return True

    # ------------------------------------------------------------------ robots
    @api.model
    def _deputat_deputy_user(self):
        param = self._deputat_param_user('deputat_crm.deputy_user_id')
        return param or self.env['res.users'].search(
            [('groups_id', 'in', self.env.ref('deputat_crm.group_deputy').id),
             ('id', '!=', SUPERUSER_ID)], order='id', limit=1)

    @api.model
    def _deputat_office_head_user(self):
        param = self._deputat_param_user('deputat_crm.office_head_user_id')
        return param or self.env['res.users'].search(
            [('groups_id', 'in', self.env.ref('deputat_crm.group_office_head').id),
             ('id', '!=', SUPERUSER_ID)], order='id', limit=1)

    @api.model
    def _deputat_param_user(self, key):
        value = self.env['ir.config_parameter'].sudo().get_param(key)
        user = self.env['res.users'].sudo().browse(int(value)) if value and value.isdigit() else None
        return user if user and user.exists() else self.env['res.users']

    def _deputat_role_user(self, role):
        self.ensure_one()
        if role == 'deputy':
            return self._deputat_deputy_user()
        if role == 'lawyer':
            return self.lawyer_id or self.user_id
        return self.user_id

    def _deputat_open_activities(self, type_xmlid, user=None):
        activity_type = self.env.ref(type_xmlid)
        return self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', activity_type.id)]
            + ([('user_id', '=', user.id)] if user is not None else []))

    @api.multi
    def _robot_stage_entered(self, old_values=None):
        """Stage robot (called by the base_automation rules on create and on write): close the
        robot activities of the previous stage and give the new stage's owner its activity with
        the stage's regulation/checklist."""
        today = fields.Date.context_today(self)
        for appeal in self:
            if old_values is not None:
                old = old_values.get(appeal.id, {})
                if 'stage_id' not in old:
                    continue
                old_stage = old['stage_id']
                old_id = old_stage[0] if isinstance(old_stage, (list, tuple)) else old_stage
                if old_id == appeal.stage_id.id:
                    continue
            previous = self.env['mail.activity'].sudo().search([
                ('res_model', '=', self._name), ('res_id', '=', appeal.id),
                ('deputat_robot', '=', 'stage')])
            if previous:
                previous.action_feedback(feedback=_('Closed by the robot: the appeal moved to '
                                                    '«%s».') % appeal.stage_id.name)
            stage = appeal.stage_id
            if stage.is_closed or not stage.activity_summary:
                continue
            appeal._deputat_activity(
                'deputat_crm.activity_type_stage', appeal._deputat_role_user(stage.owner_role),
                self._deputat_add_days(today, stage.activity_days or 0),
                stage.activity_summary, stage.activity_note, robot='stage')
        return True

    @api.model
    def _deputat_today(self, today=None):
        return today or fields.Date.context_today(self)

    @api.model
    def _deputat_each(self, records):
        """Yield the records one by one, each with its own prefetch set: Odoo 11 prefetches a
        whole search result, and every activity or write on one record would make it re-read
        the whole batch (the quadratic cost measured on timed base_automation rules)."""
        for record_id in records.ids:
            yield records.browse(record_id)

    def _deputat_mark(self, column, value=None, expression=None):
        """Robot bookkeeping (which date was reminded, last escalation ...) in one UPDATE:
        internal columns without dependencies, kept out of the chatter and of the automated
        actions on write."""
        if not self.ids:
            return
        if expression:
            self.env.cr.execute('UPDATE "%s" SET "%s" = %s WHERE id IN %%s'
                                % (self._table, column, expression), (tuple(self.ids),))
        else:
            self.env.cr.execute('UPDATE "%s" SET "%s" = %%s WHERE id IN %%s'
                                % (self._table, column), (value, tuple(self.ids)))
        self.invalidate_cache([column], self.ids)

    @api.model
    def cron_next_step(self, today=None):
        """«No process without a task»: open appeals without any open activity get «Define the
        next step» for their responsible. Returns (and logs) how many were found."""
        today = self._deputat_today(today)
        appeals = self.sudo().search([('is_closed', '=', False), ('activity_ids', '=', False)])
        head = self._deputat_office_head_user()
        for appeal in self._deputat_each(appeals):
            appeal._deputat_activity(
                'deputat_crm.activity_type_next_step', appeal.user_id or head, today,
                _('Define the next step'),
                _('<p>The appeal has no open task. Decide what happens next and plan it.</p>'))
        _logger.info('deputat_crm robot «next step»: %d open appeal(s) without an activity',
                     len(appeals))
        return len(appeals)

    @api.model
    def cron_answer_deadlines(self, today=None):
        """Reminder N (5) days before the planned answer date to the responsible (and to the
        deputy while an approval stage is pending); after the date a daily escalation to the
        office head. Returns (reminded, escalated)."""
        today = self._deputat_today(today)
        reminder_days = self._deputat_param('deputat_crm.reminder_days')
        limit = fields.Date.to_string(fields.Date.from_string(today)
                                      + timedelta(days=reminder_days))
        base = [('is_closed', '=', False), ('date_answer', '=', False)]
        due = self.sudo().search(base + [('date_deadline_planned', '>=', today),
                                         ('date_deadline_planned', '<=', limit)])
        reminded = due.filtered(lambda a: a.reminder_deadline != a.date_deadline_planned)
        deputy = self._deputat_deputy_user()
        for appeal in self._deputat_each(reminded):
            summary = _('Answer due on %s') % appeal.date_deadline_planned
            note = _('<p>The planned answer date of appeal %s is %s (59-FZ art. 12).</p>') % (
                appeal.name, appeal.date_deadline_planned)
            appeal._deputat_activity('deputat_crm.activity_type_reminder', appeal.user_id,
                                     appeal.date_deadline_planned, summary, note)
            if appeal.stage_id.owner_role == 'deputy' and deputy != appeal.user_id:
                appeal._deputat_activity('deputat_crm.activity_type_reminder', deputy,
                                         appeal.date_deadline_planned, summary, note)
        reminded._deputat_mark('reminder_deadline', expression='date_deadline_planned')
        overdue = self.sudo().search(base + [
            ('date_deadline_planned', '<', today),
            '|', ('escalation_date', '=', False), ('escalation_date', '<', today)])
        head = self._deputat_office_head_user()
        escalation_type = self.env.ref('deputat_crm.activity_type_escalation')
        with_task = set()
        if head and overdue:
            with_task = set(self.env['mail.activity'].sudo().search([
                ('res_model', '=', self._name), ('res_id', 'in', overdue.ids),
                ('activity_type_id', '=', escalation_type.id),
                ('user_id', '=', head.id)]).mapped('res_id'))
        for appeal in self._deputat_each(overdue):
            appeal.message_post(
                body=_('Overdue: the planned answer date %s has passed (59-FZ art. 12). '
                       'Escalated to the office head.') % appeal.date_deadline_planned,
                partner_ids=head.partner_id.ids, subtype='mail.mt_note')
            if head and appeal.id not in with_task:
                appeal._deputat_activity(
                    'deputat_crm.activity_type_escalation', head, today,
                    _('Overdue appeal: answer was due on %s') % appeal.date_deadline_planned)
        overdue._deputat_mark('escalation_date', today)
        _logger.info('deputat_crm robot «answer deadlines»: %d reminder(s), %d escalation(s)',
                     len(reminded), len(overdue))
        return len(reminded), len(overdue)

    @api.model
    def cron_stage_time_limit(self, today=None):
        """Appeals staying in a stage longer than the stage's time limit notify the responsible
        once per stage visit."""
        today = fields.Date.from_string(self._deputat_today(today))
        count = 0
        stages = self.env['deputat.appeal.stage'].search([('time_limit_days', '>', 0),
                                                          ('is_closed', '=', False)])
        for stage in stages:
            since = fields.Date.to_string(today - timedelta(days=stage.time_limit_days))
            appeals = self.sudo().search([('stage_id', '=', stage.id),
                                          ('date_stage_entered', '<', since),
                                          ('stage_overdue_notified', '=', False)])
            for appeal in self._deputat_each(appeals):
                appeal._deputat_activity(
                    'deputat_crm.activity_type_stage_overdue', appeal.user_id,
                    fields.Date.to_string(today),
                    _('Stuck in «%s» for more than %s days') % (stage.name,
                                                               stage.time_limit_days))
            appeals._deputat_mark('stage_overdue_notified', True)
            count += len(appeals)
        _logger.info('deputat_crm robot «stage time limit»: %d appeal(s)', count)
        return count

    # ------------------------------------------------------------------ mail intake
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the alias becomes an appeal: sender matched to a partner or created,
        channel e-mail, the body as the content (attachments become materials in message_post)."""
        values = dict(custom_values or {})
        partner = self.env['res.partner'].browse(msg_dict.get('author_id') or [])
        if not partner and msg_dict.get('email_from'):
            partner = self._deputat_partner_from_email(msg_dict['email_from'])
        channel = self.env.ref('deputat_crm.channel_email', raise_if_not_found=False)
        values.update({
            'name': '/',
            'subject': msg_dict.get('subject') or False,
            'partner_id': partner.id,
            'description': html2plaintext(msg_dict.get('body') or ''),
            'appeal_form': 'electronic',
            'channel_id': channel.id if channel else False,
            'user_id': values.get('user_id') or self._deputat_intake_user().id,
        })
        return super(DeputatAppeal, self).message_new(msg_dict, custom_values=values)

    @api.model
    def _deputat_partner_from_email(self, email_from):
        """The partner of an e-mail sender: found by address, else created with the
        sender's display name (Odoo 11's find_or_create would name it after the address)."""
        Partner = self.env['res.partner'].sudo()
        name, email = Partner._parse_partner_name(email_from)
        partner = Partner.search([('email', '=ilike', email)], limit=1) if email else Partner
        if not partner:
            partner = Partner.create({'name': name or email or email_from, 'email': email})
        return partner.sudo(self.env.uid)

    @api.model
    def _deputat_intake_user(self):
        return (self._deputat_param_user('deputat_crm.intake_user_id')
                or self.env['res.users'].search(
                    [('groups_id', 'in', self.env.ref('deputat_crm.group_assistant').id),
                     ('id', '!=', SUPERUSER_ID)], order='id', limit=1))

    @api.multi
    def message_post(self, body='', subject=None, message_type='notification', **kwargs):
        message = super(DeputatAppeal, self).message_post(
            body=body, subject=subject, message_type=message_type, **kwargs)
        if message_type == 'email' and message.attachment_ids:
            for appeal in self:
                appeal.sudo().write({'attachment_ids': [(4, a.id) for a in message.attachment_ids]})
        return message
