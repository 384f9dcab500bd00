# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.ru_declension import of_citizen, short_name
from ..lib.ru_salutation import patronymic_gender, salutation_of, split_name

# the addressee block and the applicant of the request letter: filled from the names, editable
DECLINED_FIELDS = {'addressee_dative': ('addressee_name', 'addressee_gender'),
                   'applicant_genitive': ('appeal_id',)}


class DeputatAppealRequest(models.Model):
    """A deputy's request to an outside authority on an appeal (3-FZ art. 14). An appeal may
    have several, one after another."""
    _name = 'deputat.appeal.request'
    _description = 'Request to an authority'
    _inherit = ['mail.thread']
    _order = 'appeal_id, id'

    name = fields.Char(string='Request number', required=True, copy=False, default='/',
                       readonly=True, index=True)
    appeal_id = fields.Many2one('deputat.appeal', required=True, index=True,
                                ondelete='cascade')
    appeal_partner_id = fields.Many2one(related='appeal_id.partner_id', string='Applicant',
                                        readonly=True)
    user_id = fields.Many2one(related='appeal_id.user_id', string='Responsible', readonly=True,
                              store=True)
    partner_id = fields.Many2one('res.partner', string='Addressee', required=True,
                                 help='Ministry, administration, prosecutor ...')
    text = fields.Html(string='Request text')
    attachment_ids = fields.Many2many('ir.attachment', 'deputat_appeal_request_attachment_rel',
                                      'request_id', 'attachment_id', string='Attachments')
    date_sent = fields.Date(string='Sent on', index=True, copy=False, track_visibility='onchange')
    answer_days = fields.Integer(
        string='Answer term (days)',
        default=lambda self: self.env['deputat.appeal']._deputat_param(
            'deputat_crm.request_answer_days'))
    date_due = fields.Date(string='Answer due', compute='_compute_date_due', store=True,
                           index=True)
    date_answer = fields.Date(string='Answer received on', copy=False,
                              track_visibility='onchange')
    answer = fields.Text(string='Answer of the authority')
    deputy_resolution = fields.Text(string='Deputy resolution')
    deputy_decision = fields.Selection([
        ('answer', 'Answer the applicant'),
        ('new_request', 'Another request'),
    ], string='Deputy decision', copy=False)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('sent', 'Sent, waiting for the answer'),
        ('answered', 'Answer received'),
        ('cancelled', 'Cancelled'),
    ], string='Status', compute='_compute_state', store=True, index=True)
    cancelled = fields.Boolean(readonly=True, copy=False)
    cancel_reason = fields.Text(string='Cancellation reason', copy=False)
    overdue_notified = fields.Boolean(string='No-answer warning sent', copy=False, readonly=True)
    # the addressee block of the letter (issue 13): «Главе администрации … / Иванову И. И.»
    addressee_position = fields.Char(
        string='Addressee position (to whom)',
        help='The official\'s position in the dative, as the letter writes it: «Главе '
             'администрации Заречного городского округа». Empty: the letter is addressed to '
             'the body itself.')
    addressee_name = fields.Char(
        string='Official', help='The official\'s full name in the nominative: «Иванов Иван '
                                'Иванович». The letter declines it.')
    addressee_gender = fields.Selection(
        [('male', 'Male'), ('female', 'Female')], string='Official\'s gender',
        help='For the declension and the salutation; by default from the patronymic.')
    addressee_dative = fields.Char(
        string='Official (to whom)',
        help='«Иванову И. И.»: filled from the official\'s name; correct it when the '
             'declension is wrong.')
    applicant_genitive = fields.Char(
        string='Applicant (whose appeal)',
        help='«гражданина Петрова Василия Ивановича»: filled from the applicant of the appeal; '
             'correct it when the declension is wrong.')

    @api.depends('date_sent', 'answer_days')
    def _compute_date_due(self):
        Appeal = self.env['deputat.appeal']
        for request in self:
            request.date_due = Appeal._deputat_add_days(request.date_sent, request.answer_days)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'The number of a request must be unique.'),
    ]

    @api.depends('date_sent', 'date_answer', 'cancelled')
    def _compute_state(self):
        for request in self:
            request.state = ('cancelled' if request.cancelled
                             else 'answered' if request.date_answer
                             else 'sent' if request.date_sent else 'draft')

    @api.constrains('date_sent', 'date_answer')
    def _check_dates(self):
        for request in self:
            if request.date_answer and not request.date_sent:
                raise ValidationError(_('A request cannot be answered before it is sent.'))
            if request.date_answer and request.date_answer < request.date_sent:
                raise ValidationError(_('The answer to a request cannot be dated before the '
                                        'request was sent.'))

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('name', '/') not in ('/', False) or vals.get('cancelled'):
            raise UserError(_('The number and the cancellation of a request are set by the '
                              'office, not by hand.'))
        vals['name'] = self.env['ir.sequence'].sudo().next_by_code(
            'deputat.appeal.request') or '/'
        request = super(DeputatAppealRequest, self).create(vals)
        request._deputat_fill_declined({name for name, value in vals.items() if value})
        return request

    @api.multi
    def write(self, vals):
        if {'name', 'cancelled'} & set(vals):
            raise UserError(_('The number and the cancellation of a request are set by the '
                              'office, not by hand.'))
        if self.filtered('date_sent') and {'appeal_id', 'partner_id', 'date_sent'} & set(vals):
            if not self.env.user._is_superuser():
                raise UserError(_('A request already sent cannot change its appeal, addressee '
                                  'or sending date.'))
        res = super(DeputatAppealRequest, self).write(vals)
        self._deputat_fill_declined({name for name, value in vals.items() if value},
                                    changed=set(vals))
        if vals.get('date_answer'):
            # the answer came: the «no answer» reminders of these requests are moot
            for request in self:
                request.appeal_id._pipeline_close_tasks(
                    kinds=('request',), key=request._request_key(),
                    feedback=_('Closed automatically: the answer to the request was recorded.'))
        return res

    # ------------------------------------------------------------------ declined names
    @api.model
    def _deputat_split_official(self, name):
        """(surname, first name, patronymic) of «Иванов Иван Иванович» / «Иван Иванович
        Иванов»; «Иванов Иван» without a patronymic."""
        parts = split_name(name)
        if parts[1]:
            return parts
        words = (name or '').split()
        return (words[0] if words else None, ' '.join(words[1:]) or None, None)

    def _deputat_declined_values(self):
        """What the letter says of the official and of the applicant, declined."""
        self.ensure_one()
        surname, first, patronymic = self._deputat_split_official(self.addressee_name)
        applicant = self.appeal_id.partner_id
        if applicant.deputat_first_name and applicant.deputat_surname:
            genitive = of_citizen(applicant.deputat_surname, applicant.deputat_first_name,
                                  applicant.deputat_patronymic, applicant.deputat_gender)
        else:
            genitive = applicant.name and 'заявителя (%s)' % applicant.name
        return {
            'addressee_dative': surname and short_name(
                surname, first, patronymic, 'dative', self.addressee_gender) or False,
            'applicant_genitive': genitive or False,
        }

    def _deputat_fill_declined(self, given, changed=None):
        """Fill the declined forms the user did not give (``given``: the fields given a value):
        all of them on create, on write those whose source changed (``changed``)."""
        for field, sources in DECLINED_FIELDS.items():
            if field in given or (changed is not None and not set(sources) & changed):
                continue
            for request in self:
                value = request._deputat_declined_values()[field]
                if request[field] != value:
                    super(DeputatAppealRequest, request).write({field: value})
        return True

    @api.onchange('addressee_name')
    def _onchange_addressee_name(self):
        patronymic = self._deputat_split_official(self.addressee_name)[2]
        if patronymic_gender(patronymic):
            self.addressee_gender = patronymic_gender(patronymic)
        self.addressee_dative = self._deputat_declined_values()['addressee_dative']

    @api.onchange('addressee_gender')
    def _onchange_addressee_gender(self):
        self.addressee_dative = self._deputat_declined_values()['addressee_dative']

    @api.onchange('appeal_id')
    def _onchange_appeal_declined(self):
        self.applicant_genitive = self._deputat_declined_values()['applicant_genitive']

    def _deputat_official_salutation(self):
        """«Уважаемый Иван Иванович!» to the official named in the request; '' without one."""
        self.ensure_one()
        _surname, first, patronymic = self._deputat_split_official(self.addressee_name)
        if not (first and patronymic):
            return ''
        return salutation_of(first, patronymic, self.addressee_gender)

    @api.multi
    def unlink(self):
        if self.filtered('date_sent'):
            raise UserError(_('A request already sent to an authority cannot be deleted; '
                              'cancel it with a reason instead.'))
        return super(DeputatAppealRequest, self).unlink()

    @api.multi
    def action_cancel(self):
        """Cancel a request (e.g. sent by mistake) with the reason given on the form."""
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_lawyer')):
            raise UserError(_('Only the lawyer, the deputy or the office head cancels a '
                              'request.'))
        for request in self:
            if request.date_answer:
                raise UserError(_('The request %s is already answered.') % request.name)
            if not (request.cancel_reason or '').strip():
                raise UserError(_('Give the reason of the cancellation in «Cancellation '
                                  'reason» first.'))
        super(DeputatAppealRequest, self).write({'cancelled': True})
        for request in self:
            request.appeal_id._pipeline_close_tasks(
                kinds=('request',), key=request._request_key(),
                feedback=_('Closed automatically: the request was cancelled.'))
            request.message_post(body=_('Request cancelled: %s') % request.cancel_reason)
        return True
