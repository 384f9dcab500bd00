# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appeals from the public form of the website (issue 10): the accepted 152-FZ consent and the
access code kept with the appeal, the log of accepted submissions behind the rate limit, the
creation of the applicant and the appeal, and the plain-Russian status shown at
``/obrashenie/status``. The pages are in ``controllers/website_appeal.py``."""
import base64
import hmac
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.tools import html2plaintext

from ..lib import website_form
from ..lib.social_links import normalize_email, normalize_phone
from .deputat_params import int_param
from .deputat_pipeline import format_date

CONSENT_PARAM = 'deputat_crm.website_consent_text'
RATE_LIMIT_PARAM = 'deputat_crm.website_rate_limit'
TEXT_LIMIT_PARAM = 'deputat_crm.website_text_limit'
MIN_FILL_PARAM = 'deputat_crm.website_min_fill_seconds'
DEFAULT_RATE_LIMIT = 5         # accepted submissions per hour from one IP address or e-mail
DEFAULT_TEXT_LIMIT = 20000     # characters of the text of an appeal
DEFAULT_MIN_FILL_SECONDS = 3   # a form sent sooner is a robot's
DEFAULT_CONSENT_TEXT = (
    'Я даю согласие на обработку моих персональных данных (фамилия, имя, отчество, почтовый '
    'адрес, адрес электронной почты, номер телефона и сведения, изложенные в обращении и '
    'приложенных документах) приёмной депутата в целях рассмотрения моего обращения и '
    'направления ответа в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ '
    '«О порядке рассмотрения обращений граждан Российской Федерации» и Федеральным законом от '
    '27.07.2006 № 152-ФЗ «О персональных данных». Согласие действует до достижения целей '
    'обработки и может быть отозвано письменным заявлением.')

# the stage codes of the review pipeline as a citizen reads them
STATUS_TEXTS = {
    'new': 'Обращение получено и регистрируется',
    'contact_wait': 'Обращение зарегистрировано; для ответа нужны Ваши контактные данные',
    'refused': 'Рассмотрение обращения прекращено по основаниям статьи 11 Федерального '
               'закона № 59-ФЗ; уведомление направлено Вам',
    'no_answer': 'Рассмотрение обращения завершено',
}


class DeputatWebsiteSubmission(models.Model):
    """One accepted submission of a public form (an appeal or a booking): what the rate limit
    counts. Rejected submissions are never logged (they leave nothing in the database)."""
    _name = 'deputat.website.submission'
    _description = 'Accepted website submission'
    _order = 'id desc'

    kind = fields.Selection([('appeal', 'Appeal'), ('booking', 'Reception booking')],
                            required=True)
    ip_address = fields.Char(string='IP address', index=True)
    email = fields.Char(string='E-mail', index=True)

    @api.model
    def _deputat_over_limit(self, ip_address, email):
        """True when the IP address or the e-mail already made the allowed number of accepted
        submissions within the last hour."""
        limit = int_param(self.env, RATE_LIMIT_PARAM, DEFAULT_RATE_LIMIT)
        since = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=1))
        Log = self.sudo()
        if ip_address and Log.search_count([('ip_address', '=', ip_address),
                                            ('create_date', '>=', since)]) >= limit:
            return True
        return bool(email and Log.search_count([('email', '=', email),
                                                ('create_date', '>=', since)]) >= limit)

    @api.model
    def _cron_purge(self, today=None, autocommit=False):
        """Forget the log after a day: it only serves the hourly limit (152-FZ: no longer
        than needed)."""
        now = fields.Datetime.from_string(today) if today else datetime.utcnow()
        self.sudo().search([('create_date', '<', fields.Datetime.to_string(
            now - timedelta(days=1)))]).unlink()
        if autocommit:
            self.env.cr.commit()  # pylint: disable=invalid-commit  # a cron's own transaction


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    consent_text = fields.Text(
        string='Accepted consent to personal data processing', readonly=True, copy=False,
        help='The 152-FZ consent text the applicant accepted on the website form.')
    consent_date = fields.Datetime(string='Consent accepted on', readonly=True, copy=False)
    access_code_hash = fields.Char(string='Access code (hash)', readonly=True, copy=False,
                                  groups='base.group_system')

    # ------------------------------------------------------------------ settings
    @api.model
    def _website_consent_text(self):
        return (self.env['ir.config_parameter'].sudo().get_param(CONSENT_PARAM)
                or DEFAULT_CONSENT_TEXT)

    @api.model
    def _website_limits(self):
        return {
            'rate': int_param(self.env, RATE_LIMIT_PARAM, DEFAULT_RATE_LIMIT),
            'text': int_param(self.env, TEXT_LIMIT_PARAM, DEFAULT_TEXT_LIMIT),
            'min_fill': int_param(self.env, MIN_FILL_PARAM, DEFAULT_MIN_FILL_SECONDS),
        }

    @api.model
    def _website_secret(self):
        return self.env['ir.config_parameter'].sudo().get_param('database.secret')

    @api.model
    def _website_channel(self):
        """«Официальный сайт»: the data record, else a channel coded ``website``."""
        channel = self.env.ref('deputat_crm.channel_website', raise_if_not_found=False)
        return channel or self.env['deputat.appeal.channel'].sudo().search(
            [('code', '=', 'website')], limit=1)

    # ------------------------------------------------------------------ intake
    @api.model
    def _website_partner(self, values):
        """The applicant: an existing contact with this e-mail (else phone) — their data are
        never overwritten — or a new contact."""
        Partner = self.env['res.partner'].sudo()
        email = normalize_email(values.get('email'))
        phone = normalize_phone(values.get('phone'))
        partner = Partner._deputat_find_by_email(email) if email else Partner
        if not partner and phone:
            partner = Partner.search(['|', ('phone_normalized', '=', phone),
                                      ('mobile_normalized', '=', phone)], order='id', limit=1)
        if not partner:
            partner = Partner.create({
                'name': values['name'], 'email': values.get('email') or False,
                'phone': values.get('phone') or False,
                'street': values.get('address') or False,
                'territory_id': values.get('territory_id') or False,
                'lang': 'ru_RU' if self.env['res.lang']._lang_get('ru_RU') else False,
            })
        return partner

    @api.model
    def _website_create(self, values, files, ip_address):
        """Create the registered appeal of a validated submission (the caller checked it and
        calls as sudo). ``files``: [(filename, bytes, mimetype)]. Returns (appeal, code)."""
        partner = self._website_partner(values)
        co_applicants = self.env['res.partner'].sudo()
        for name in values.get('co_signatories') or []:
            co_applicants |= co_applicants.create({'name': name})
        code = website_form.new_access_code()
        address = values.get('address') or ''
        description = values['text']
        if address or values.get('email') or values.get('phone'):
            description += '\n\n' + '\n'.join(line for line in (
                address and 'Адрес для ответа: %s' % address,
                values.get('email') and 'E-mail: %s' % values['email'],
                values.get('phone') and 'Телефон: %s' % values['phone']) if line)
        channel = self._website_channel()
        appeal_vals = {
            'partner_id': partner.id,
            'channel_id': channel.id or False,
            'appeal_form': 'electronic',
            'appeal_kind': 'collective' if co_applicants else 'individual',
            'co_applicant_ids': [(6, 0, co_applicants.ids)],
            'territory_id': values.get('territory_id') or partner.territory_id.id or False,
            'subject': values['text'].split('\n', 1)[0][:80],
            'description': description,
            'user_id': self._deputat_intake_user().id,
            'consent_text': values['consent_text'],
            'consent_date': fields.Datetime.now(),
        }
        if not values.get('email'):
            appeal_vals['answer_method_id'] = self._default_answer_method('written').id or False
        appeal = self.create(appeal_vals)
        appeal.access_code_hash = website_form.hash_code(self._website_secret(), code)
        attachments = self.env['ir.attachment'].sudo()
        for filename, content, mimetype in files:
            attachments |= attachments.create({
                'name': filename, 'datas_fname': filename, 'datas': base64.b64encode(content),
                'mimetype': mimetype or False, 'res_model': self._name, 'res_id': appeal.id})
        if attachments:
            appeal.attachment_ids = [(6, 0, attachments.ids)]
        self.env['deputat.website.submission'].sudo().create({
            'kind': 'appeal', 'ip_address': ip_address,
            'email': normalize_email(values.get('email')) or False})
        appeal.message_post(body=_('Received from the public form of the website.'),
                            subtype='mail.mt_note')
        return appeal, code

    # ------------------------------------------------------------------ status
    @api.model
    def _website_find(self, number, code):
        """The appeal of this number whose access code is ``code``; an empty recordset for a
        wrong pair as for an unknown number."""
        number, code = (number or '').strip(), (code or '').strip()
        if not number or not code or len(number) > 64 or len(code) > 64:
            return self.browse()
        appeal = self.sudo().with_context(active_test=False).search([('name', '=', number)],
                                                                     limit=1)
        expected = website_form.hash_code(self._website_secret(), code)
        if appeal and appeal.access_code_hash and hmac.compare_digest(
                appeal.access_code_hash, expected):
            return appeal
        return self.browse()

    def _website_status(self):
        """What the status page shows, and nothing else: {'number', 'status', 'planned',
        'answer'} in plain Russian."""
        self.ensure_one()
        code = self.stage_code or ''
        answer = ''
        if code == 'refused':
            status = STATUS_TEXTS[code]
        elif code == 'forwarded':
            status = 'Обращение направлено по компетенции%s%s' % (
                ' в «%s»' % self.forward_partner_id.name if self.forward_partner_id else '',
                ' %s' % format_date(self.date_forwarded) if self.date_forwarded else '')
        elif self.date_answer:
            status = 'Ответ направлен %s' % format_date(self.date_answer)
            email_method = self.env.ref('deputat_crm.answer_method_email',
                                        raise_if_not_found=False)
            if email_method and self.answer_method_id == email_method:
                answer = html2plaintext(self.answer_text or '').strip()
        elif code in STATUS_TEXTS:
            status = STATUS_TEXTS[code]
        elif code == 'request_sent':
            names = self.request_ids.filtered('date_sent').mapped('partner_id.name')
            status = 'Зарегистрировано; направлен запрос%s, ожидается ответ' % (
                ' в ' + ', '.join('«%s»' % name for name in names) if names else '')
        else:
            status = 'Зарегистрировано %s, находится на рассмотрении' % format_date(
                self.date_registered)
        return {
            'number': self.name,
            'status': status,
            'planned': (format_date(self.date_deadline_planned)
                        if not self.is_closed and not self.date_answer else ''),
            'answer': answer,
        }
