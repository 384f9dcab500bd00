# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Notices to applicants and the register of outgoing letters.

Every notice is a letter of the office with its own outgoing number and date
(«Исх. № 45/2026 от 29.11.2026», ``deputat.outgoing.letter``), printed as a QWeb PDF
(``report/deputat_appeal_notice_templates.xml``), e-mailed with the PDF when the applicant has
an e-mail and the appeal is answered by e-mail (59-FZ art. 10 part 4), logged in the appeal's
chatter, and it closes the appeal's «notify the applicant» task of its kind. Kinds: the acknowledgement of
registration, the forwarding notice (59-FZ art. 8 part 3), the extension notice (art. 12
part 2) and the refusal notices of art. 11; the answer letter and the request letters to
authorities are letters of the same register (``models/deputat_letter_reports.py``)."""
import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from ..lib.notice_kinds import NOTICE_KINDS, notice_task_key
from .deputat_pipeline import format_date


# the openings of a salutation the assistant may have typed into the answer
SALUTATION_STARTS = ('уважаем', 'здравствуйте', 'добрый день')

# the register holds the letters to authorities too (no «notify the applicant» task for them)
LETTER_KINDS = NOTICE_KINDS + [('request', 'Request to an authority')]

# what 59-FZ art. 11 requires the notice of each ground to say (the letter is Russian)
REFUSAL_TEXTS = {
    'ст. 11 ч. 2': 'В обращении обжалуется судебное решение. В соответствии с частью 2 '
                   'статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ обращение '
                   'возвращается Вам с разъяснением порядка обжалования: судебное решение '
                   'обжалуется в порядке, установленном процессуальным законодательством '
                   'Российской Федерации.',
    'ст. 11 ч. 3': 'Обращение содержит нецензурные либо оскорбительные выражения, угрозы '
                   'жизни, здоровью и имуществу должностного лица, а также членов его семьи. '
                   'В соответствии с частью 3 статьи 11 Федерального закона от 02.05.2006 '
                   '№ 59-ФЗ обращение оставлено без ответа по существу поставленных в нём '
                   'вопросов; сообщаем Вам о недопустимости злоупотребления правом.',
    'ст. 11 ч. 4': 'Текст обращения не поддаётся прочтению. В соответствии с частью 4 '
                   'статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ ответ на обращение '
                   'не даётся, и оно не подлежит направлению на рассмотрение в государственный '
                   'орган, орган местного самоуправления или должностному лицу.',
    'ст. 11 ч. 4.1': 'Текст обращения не позволяет определить суть предложения, заявления '
                     'или жалобы. В соответствии с частью 4.1 статьи 11 Федерального закона '
                     'от 02.05.2006 № 59-ФЗ ответ на обращение не даётся, и оно не подлежит '
                     'направлению на рассмотрение в государственный орган, орган местного '
                     'самоуправления или должностному лицу.',
    'ст. 11 ч. 5': 'В обращении содержится вопрос, на который Вам неоднократно давались '
                   'письменные ответы по существу, и не приводятся новые доводы или '
                   'обстоятельства. В соответствии с частью 5 статьи 11 Федерального закона '
                   'от 02.05.2006 № 59-ФЗ принято решение о безосновательности очередного '
                   'обращения и прекращении переписки с Вами по данному вопросу.',
    'ст. 11 ч. 5.1': 'Ответ на поставленный в обращении вопрос размещён на официальном '
                     'сайте. В соответствии с частью 5.1 статьи 11 Федерального закона от '
                     '02.05.2006 № 59-ФЗ ответ по существу не даётся; сообщаем Вам адрес '
                     'страницы сайта, на которой размещён ответ.',
}


class DeputatOutgoingLetter(models.Model):
    """The register of outgoing letters: each letter its own number and date."""
    _name = 'deputat.outgoing.letter'
    _description = 'Outgoing letter'
    _order = 'date desc, id desc'

    name = fields.Char(string='Outgoing number', required=True, readonly=True, copy=False,
                       default='/')
    date = fields.Date(required=True, readonly=True,
                       default=fields.Date.context_today)
    appeal_id = fields.Many2one('deputat.appeal', required=True, readonly=True,
                                index=True, ondelete='restrict')
    partner_id = fields.Many2one('res.partner', string='Addressee', required=True,
                                 readonly=True)
    kind = fields.Selection(LETTER_KINDS, string='Kind of letter', required=True, readonly=True)
    request_id = fields.Many2one('deputat.appeal.request', readonly=True,
                                 index=True, ondelete='set null')
    sent_by_email = fields.Boolean(string='Sent by e-mail', readonly=True)
    attachment_id = fields.Many2one('ir.attachment', string='Letter (PDF)', readonly=True)
    user_id = fields.Many2one('res.users', string='Executor', readonly=True,
                              default=lambda self: self.env.user)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'The outgoing number of a letter must be unique.'),
    ]

    @api.model
    def create(self, vals):
        vals = dict(vals)
        date = vals.get('date') or fields.Date.context_today(self)
        vals['name'] = self.env['ir.sequence'].sudo().with_context(
            ir_sequence_date=date).next_by_code('deputat.outgoing.letter') or '/'
        return super(DeputatOutgoingLetter, self).create(vals)

    def _reference(self):
        """«Исх. № 45/2026 от 29.11.2026»."""
        self.ensure_one()
        return 'Исх. № %s от %s' % (self.name, format_date(self.date))

    def _salutation(self):
        """The applicant's «Уважаемый Имя Отчество!»; to an authority the official's, or none."""
        self.ensure_one()
        if self.kind == 'request':
            return self.request_id._deputat_official_salutation()
        return self.partner_id._deputat_salutation()

    def _addressee_lines(self):
        """The addressee block: to an official in the dative («Главе администрации …»,
        «Иванову И. И.»), then the body and its address; to the applicant the name, the
        address and the e-mail the letter goes to."""
        self.ensure_one()
        request = self.request_id
        lines = []
        if self.kind == 'request' and request:
            lines += [request.addressee_position, request.addressee_dative]
        lines.append(self.partner_id.name)
        lines += (self.partner_id.contact_address or '').split('\n')
        if self.kind != 'request' and self.appeal_id._deputat_may_email():
            lines.append(self.partner_id.email)
        result = []
        for line in lines:
            line = (line or '').strip()
            if line and line not in result:
                result.append(line)
        return result

    def _typed_salutation(self):
        """True when the answer text the assistant typed opens with its own salutation: the
        letter then adds none (a salutation is written once)."""
        self.ensure_one()
        return self.appeal_id._deputat_typed_salutation()

    def _refusal_text(self):
        self.ensure_one()
        ground = self.appeal_id.refusal_ground_id
        return REFUSAL_TEXTS.get((ground.article or '').strip()) or ground.with_context(
            lang='ru_RU').notice_text or ''

    def _deputy(self):
        return self.env['deputat.appeal']._pipeline_office_user('deputy')


class DeputatAppealChannel(models.Model):
    _inherit = 'deputat.appeal.channel'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    auto_acknowledge = fields.Boolean(
        string='Acknowledge registration automatically',
        help='An appeal received by this channel gets the acknowledgement of registration '
             'by e-mail as soon as it is registered, when the applicant has an e-mail.')

    @api.model
    def _deputat_default_auto_acknowledge(self):
        """Install data: the e-mail and website channels acknowledge automatically."""
        for xmlid in ('deputat_crm.channel_email', 'deputat_crm.channel_website'):
            channel = self.env.ref(xmlid, raise_if_not_found=False)
            if channel:
                channel.auto_acknowledge = True
        return True


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    letter_ids = fields.One2many('deputat.outgoing.letter', 'appeal_id',
                                 string='Outgoing letters', readonly=True)

    @api.model
    def create(self, vals):
        appeal = super(DeputatAppeal, self).create(vals)
        # the data files of an install or upgrade (demo appeals) send nothing: the registry is
        # ready only once the modules are loaded (never a context key a caller could pass)
        if (appeal.channel_id.auto_acknowledge and appeal.partner_id.email
                and self.env.registry.ready):
            appeal.sudo()._deputat_send_notice('acknowledgement', appeal.user_id)
        return appeal

    @api.model
    def _deputat_fmt(self, value):
        """ДД.ММ.ГГГГ for the letters."""
        return format_date(value)

    def _deputat_salutation(self):
        """«Уважаемый Имя Отчество!» of the applicant (issue 13: used once)."""
        self.ensure_one()
        return self.partner_id._deputat_salutation()

    def _deputat_typed_salutation(self):
        """The answer text typed by the assistant opens with its own salutation."""
        self.ensure_one()
        text = html2plaintext(self.answer_text or '').strip().lower()
        return text.startswith(SALUTATION_STARTS)

    def _deputat_notice_kind(self):
        """The notice the appeal is due now (the latest event first)."""
        self.ensure_one()
        if self.refused:
            return 'refusal'
        if self.date_forwarded:
            return 'forwarding'
        if self.date_extended and 'extension' not in self.letter_ids.mapped('kind'):
            return 'extension'
        return 'acknowledgement'

    @api.multi
    def action_deputat_send_notice(self):
        """«Notify the applicant»: produce the notice the appeal is due, send it by e-mail when
        the applicant is answered by e-mail, log it and close the notify task."""
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_assistant')):
            raise AccessError(_('Only the staff of the office sends notices to applicants.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        for appeal in self:
            appeal.sudo()._deputat_send_notice(appeal._deputat_notice_kind(), self.env.user)
        return True

    @api.multi
    def action_deputat_answer_letter(self):
        """«Answer letter»: the answer to the applicant as a letter of the office with its own
        outgoing number and date, e-mailed when the applicant is answered by e-mail."""
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_assistant')):
            raise AccessError(_('Only the staff of the office sends letters to applicants.'))
        self.check_access_rights('write')
        self.check_access_rule('write')
        for appeal in self:
            appeal.sudo()._deputat_send_notice('answer', self.env.user)
        return True

    def _deputat_may_email(self):
        """59-FZ art. 10 part 4: an electronic appeal (or one answered by e-mail) is answered
        at the e-mail address given."""
        self.ensure_one()
        email_method = self.env.ref('deputat_crm.answer_method_email', raise_if_not_found=False)
        return bool(self.partner_id.email and (
            self.appeal_form == 'electronic' or (email_method and
                                                 self.answer_method_id == email_method)))

    def _deputat_send_notice(self, kind, user=None):
        """Produce the letter ``kind`` (called after the caller's check, as sudo); ``user``:
        the executor (the appeal's responsible by default)."""
        self.ensure_one()
        if kind == 'forwarding' and not (self.forward_partner_id and self.date_forwarded):
            raise UserError(_('%s was not forwarded: there is no forwarding to notify of.')
                            % self.name)
        if kind == 'extension' and not self.date_extended:
            raise UserError(_('The answer term of %s was not extended.') % self.name)
        if kind == 'answer' and not html2plaintext(self.answer_text or '').strip():
            raise UserError(_('Write the answer text of %s first.') % self.name)
        if kind == 'refusal' and not (self.refused and self.refusal_ground_id):
            raise UserError(_('%s was not refused: there is no refusal to notify of.')
                            % self.name)
        # no savepoint here: the first PDF of a database commits its report assets (Odoo 11
        # commit_assetsbundle), which would end a savepoint; a failure rolls back the call
        letter = self.env['deputat.outgoing.letter'].create({
            'appeal_id': self.id, 'partner_id': self.partner_id.id, 'kind': kind,
            'user_id': (user or self.user_id).id})
        report = self.env.ref('deputat_crm.action_report_outgoing_letter')
        pdf, _fmt = report.render_qweb_pdf(letter.ids)
        kind_label = dict(self.env['deputat.outgoing.letter'].with_context(
            lang='ru_RU').fields_get(['kind'])['kind']['selection'])[kind]
        filename = '%s %s.pdf' % (kind_label, letter.name.replace('/', '-'))
        attachment = self.env['ir.attachment'].create({
            'name': filename, 'datas_fname': filename, 'type': 'binary',
            'datas': base64.b64encode(pdf), 'mimetype': 'application/pdf',
            'res_model': 'deputat.appeal', 'res_id': self.id})
        values = {'attachment_id': attachment.id}
        body = self.env['ir.qweb'].render(
            'deputat_crm.mail_deputat_applicant_notice',
            {'letter': letter, 'kind_label': kind_label}).decode()
        if self._deputat_may_email():
            self.env['deputat.notification']._deputat_send(
                self.partner_id, '%s: %s (%s)' % (kind_label, self.name, letter._reference()),
                body, attachments=attachment, model=self._name, res_id=self.id,
                inbox=False)
            values['sent_by_email'] = True
        else:
            self.message_post(
                body=_('%(letter)s «%(kind)s» prepared for sending by post to %(address)s.')
                % {'letter': letter._reference(), 'kind': kind_label,
                   'address': self.partner_id.contact_address.replace('\n', ', ').strip(', ')
                   or self.partner_id.name},
                attachment_ids=[attachment.id], subtype='mail.mt_note')
        letter.write(values)
        # only the «notify the applicant» task of this kind (_deputat_notice_task)
        self._pipeline_close_tasks(kinds=('notice',), key=notice_task_key(kind), feedback=_(
            'Closed automatically: %(letter)s «%(kind)s» sent.') % {
            'letter': letter._reference(), 'kind': kind_label})
        return letter

    @api.model
    def _deputat_key_legacy_notice_tasks(self):
        """Upgrade: the open «notify the applicant» tasks made before they carried their kind
        get the kind of the notice their appeal is due (refusal, forwarding, extension: before,
        a move to a closed stage closed the others, so an appeal had one)."""
        tasks = self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('deputat_robot', '=', 'notice'),
            ('deputat_task_key', '=', False)])
        by_kind = {}
        for task in tasks:
            appeal = self.sudo().browse(task.res_id).exists()
            kind = appeal and ('refusal' if appeal.refused
                               else 'forwarding' if appeal.date_forwarded
                               else 'extension' if appeal.date_extended else False)
            if kind:
                by_kind.setdefault(kind, self.env['mail.activity'].sudo())
                by_kind[kind] |= task
        for kind, kind_tasks in by_kind.items():
            kind_tasks.write({'deputat_task_key': notice_task_key(kind)})
        return True

    def _deputat_printed_letter(self, kind, user, request=None):
        """The register entry of a letter printed from the appeal (the answer) or from a
        request (called after the caller's check, as sudo; ``user``: the one printing, the
        executor): the latest one of its kind, or a new number, logged in the appeal. A reprint
        keeps the number and the date."""
        self.ensure_one()
        Letter = self.env['deputat.outgoing.letter']
        domain = [('appeal_id', '=', self.id), ('kind', '=', kind)]
        if request:
            domain.append(('request_id', '=', request.id))
        letter = Letter.search(domain, limit=1)
        if letter:
            return letter
        letter = Letter.create({
            'appeal_id': self.id, 'kind': kind,
            'partner_id': (request.partner_id if request else self.partner_id).id,
            'request_id': request and request.id or False,
            'user_id': user.id})
        kind_label = dict(Letter.with_context(lang='ru_RU').fields_get(
            ['kind'])['kind']['selection'])[kind]
        self.message_post(body=_('%(letter)s «%(kind)s» registered and printed%(to)s.') % {
            'letter': letter._reference(), 'kind': kind_label,
            'to': request and ' (%s, %s)' % (request.name, request.partner_id.name) or ''},
            subtype='mail.mt_note', author_id=user.partner_id.id)
        return letter
