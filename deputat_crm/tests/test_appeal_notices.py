"""Notices to applicants (issue 13): real PDFs (wkhtmltopdf, read with pdftotext), e-mailed
through a real SMTP server, logged, closing the «notify the applicant» task."""
import base64
import subprocess
import tempfile

from odoo.exceptions import UserError

from .common import DeputatCase
from .common_mail import MailCase, free_port
from .test_appeal_mail import raw_email


def pdf_to_text(data):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
        f.write(data)
        f.flush()
        text = subprocess.check_output(['pdftotext', '-enc', 'UTF-8', f.name, '-']).decode()
    return ' '.join(text.split())  # the lines as wrapped on the page do not matter


class TestAppealNotices(MailCase):

    def setUp(self):
        super(TestAppealNotices, self).setUp()
        Param = self.env['ir.config_parameter'].sudo()
        Param.set_param('mail.catchall.domain', 'deputat.example')
        # wkhtmltopdf asks the server for the CSS: nothing listens there in these tests
        Param.set_param('report.url', 'http://127.0.0.1:%d' % free_port())
        Param.set_param('deputat_crm.deputy_title', 'Депутат Законодательного Собрания')
        self.user_deputy.write({'name': 'Сергей Иванов'})
        self.env.user.company_id.write({'street': 'ул. Советская, 1', 'city': 'Заречный',
                                        'zip': '624250', 'phone': '+7 343 123-45-67'})

    def notice_tasks(self, appeal):
        return self.activities(appeal, 'deputat_crm.mail_activity_type_notice')

    def pdf_attachment(self, message):
        parts = [p for p in message.iter_attachments()
                 if p.get_content_type() == 'application/pdf']
        self.assertEqual(len(parts), 1)
        return pdf_to_text(parts[0].get_content())

    def letter_text(self, letter):
        return pdf_to_text(base64.b64decode(letter.attachment_id.datas))

    def test_email_appeal_is_acknowledged(self):
        """An appeal from the e-mail alias gets the acknowledgement with the PDF at once."""
        message = raw_email('Зуев Николай Петрович', 'zuev@example.ru', 'Нет освещения',
                            'Во дворе дома 12 не горят фонари.', 'фото.pdf', b'%PDF-1.4 x')
        thread_id = self.env['mail.thread'].message_process(False, message)
        appeal = self.Appeal.browse(thread_id)
        letter = appeal.letter_ids
        self.assertEqual(letter.kind, 'acknowledgement')
        self.assertTrue(letter.sent_by_email)
        messages = [m for m in self.flush_mail() if 'zuev@example.ru' in self.to(m)]
        self.assertEqual(len(messages), 1)
        self.assertIn(appeal.name, messages[0]['Subject'])
        self.assertIn('Уважаемый Николай Петрович!', self.text(messages[0]))
        text = self.pdf_attachment(messages[0])
        self.assertIn('Исх. № %s от ' % letter.name, text)
        self.assertIn(appeal.name, text)
        self.assertIn(appeal._deputat_fmt(appeal.date_deadline_planned), text)
        self.assertIn('Уважаемый Николай Петрович!', text)
        self.assertIn('+7 343 123-45-67', text)
        # logged in the chatter with the PDF
        logged = appeal.message_ids.filtered(lambda m: letter.attachment_id in m.attachment_ids)
        self.assertTrue(logged)

    def test_post_channel_is_not_acknowledged_automatically(self):
        appeal = self.new_appeal()
        self.assertFalse(appeal.letter_ids)
        self.assertEqual(self.flush_mail(), [])

    def test_forwarding_notice_by_post_closes_task(self):
        appeal = self.new_appeal()
        self.move(appeal, 'forwarded', self.user_deputy, forward_partner_id=self.authority.id)
        self.assertEqual(len(self.notice_tasks(appeal)), 1)
        self.flush_mail()  # the responsible heard of the task
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        letter = appeal.letter_ids
        self.assertEqual(letter.kind, 'forwarding')
        self.assertFalse(letter.sent_by_email, 'a written appeal is answered by post')
        self.assertEqual(self.flush_mail(), [])
        self.assertFalse(self.notice_tasks(appeal), 'the notify task is closed')
        text = self.letter_text(letter)
        self.assertIn('Администрация Заречного района', text)
        self.assertIn('частью 3 статьи 8', text)
        self.assertIn('Уважаемая Мария Ивановна!', text)
        self.assertIn('ул. Ленина, 5', text)  # the addressee block
        self.assertTrue(appeal.message_ids.filtered(
            lambda m: letter.attachment_id in m.attachment_ids))

    def test_extension_notice(self):
        appeal = self.new_appeal(appeal_form='electronic')
        self.env['deputat.appeal.extend.wizard'].sudo(self.user_lawyer).create({
            'appeal_id': appeal.id, 'days': 20,
            'reason': 'Ожидается ответ администрации'}).action_extend()
        self.assertEqual(len(self.notice_tasks(appeal)), 1)
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        self.assertFalse(self.notice_tasks(appeal))
        messages = self.flush_mail()
        to_applicant = [m for m in messages if 'sokolova@example.ru' in self.to(m)]
        self.assertEqual(len(to_applicant), 1)
        text = self.pdf_attachment(to_applicant[0])
        self.assertIn('продлён на 20 дней', text)
        self.assertIn(appeal._deputat_fmt(appeal.date_deadline_planned), text)
        self.assertIn('Ожидается ответ администрации', text)

    def test_refusal_notice_has_the_text_of_the_law(self):
        appeal = self.new_appeal(appeal_form='electronic')
        self.move(appeal, 'refused', self.user_deputy,
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_3').id)
        self.assertEqual(len(self.notice_tasks(appeal)), 1)
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        self.assertFalse(self.notice_tasks(appeal))
        messages = [m for m in self.flush_mail() if 'sokolova@example.ru' in self.to(m)]
        self.assertEqual(len(messages), 1)
        text = self.pdf_attachment(messages[0])
        self.assertIn('недопустимости злоупотребления правом', text)
        self.assertIn('частью 3 статьи 11', text)

    def test_letter_salutation_letterhead_number(self):
        """«Петров Василий Иванович»: «Уважаемый Василий Иванович!» exactly once, the letter's
        own outgoing number and date, the letterhead of the office, the page counter."""
        self.applicant.write({'name': 'Петров Василий Иванович'})
        appeal = self.new_appeal()
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        letter = appeal.letter_ids
        self.assertRegex(letter.name, r'^\d+/\d{4}$')
        self.assertNotEqual(letter.name, appeal.name)
        text = self.letter_text(letter)
        self.assertEqual(text.count('Уважаемый Василий Иванович!'), 1)
        self.assertNotIn('Уважаемый(ая)', text)
        self.assertIn('Исх. № %s от %s' % (letter.name, appeal._deputat_fmt(letter.date)), text)
        self.assertIn('Депутат Законодательного Собрания', text)
        self.assertIn('Сергей Иванов', text)
        self.assertIn('ул. Советская, 1', text)
        self.assertIn('Страница 1 из 1', text)
        second = appeal.sudo(self.user_assistant)
        second.action_deputat_send_notice()
        self.assertEqual(len(appeal.letter_ids), 2)
        self.assertEqual(len(set(appeal.letter_ids.mapped('name'))), 2, 'own numbers')

    def test_notice_refused_without_the_event(self):
        appeal = self.new_appeal()
        with self.assertRaises(UserError):
            appeal.sudo()._deputat_send_notice('forwarding')
        self.assertFalse(appeal.letter_ids, 'nothing half-saved')

    def test_answer_letter_salutation_once(self):
        """The answer letter for «Петров Василий Иванович» reads «Уважаемый Василий Иванович!»
        exactly once, with or without the greeting the assistant typed, with its own number."""
        self.applicant.write({'name': 'Петров Василий Иванович'})
        typed = self.new_appeal(answer_text='<p>Уважаемый Василий Иванович!</p>'
                                            '<p>Ремонт дороги включён в план на 2027 год.</p>')
        plain = self.new_appeal(answer_text='<p>Ремонт дороги включён в план на 2027 год.</p>')
        for appeal in (typed, plain):
            appeal.sudo(self.user_assistant).action_deputat_answer_letter()
            letter = appeal.letter_ids
            self.assertEqual(letter.kind, 'answer')
            text = self.letter_text(letter)
            self.assertEqual(text.count('Уважаемый Василий Иванович!'), 1, text)
            self.assertIn('Ремонт дороги включён в план на 2027 год.', text)
            self.assertIn('Исх. № %s от ' % letter.name, text)
            self.assertIn('Сергей Иванов', text)
        self.assertNotEqual(typed.letter_ids.name, plain.letter_ids.name)
        with self.assertRaises(UserError):
            self.new_appeal().sudo(self.user_assistant).action_deputat_answer_letter()

    def test_printed_answer_letter_salutation_once(self):
        """The «Answer letter to the applicant» report: the salutation from the first name and
        patronymic, once, never on top of the one the assistant typed."""
        self.applicant.write({'name': 'Петров Василий Иванович'})
        typed = self.new_appeal(answer_text='<p>Уважаемый Василий Иванович!</p><p>Ответ.</p>')
        plain = self.new_appeal(answer_text='<p>Ответ.</p>')
        for appeal in (typed, plain):
            text = ' '.join(self.pdf_text('deputat_crm.action_report_appeal_answer',
                                          appeal).split())
            self.assertEqual(text.count('Уважаемый Василий Иванович!'), 1, text)
            self.assertNotIn('Уважаемый(ая)', text)

    def test_letters_of_confidential_appeals_are_hidden(self):
        appeal = self.new_appeal(user=self.user_head, user_id=self.user_lawyer.id,
                                 confidential=True)
        appeal.sudo(self.user_lawyer).action_deputat_send_notice()
        Letter = self.env['deputat.outgoing.letter']
        self.assertEqual(Letter.sudo(self.user_lawyer).search([('appeal_id', '=', appeal.id)]),
                         appeal.letter_ids)
        self.assertFalse(Letter.sudo(self.user_assistant).search(
            [('appeal_id', '=', appeal.id)]))


class TestDemoOffice(DeputatCase):

    def test_demo_office_is_russian(self):
        """The demo letterhead is a Russian office with amounts in roubles."""
        company = self.env.ref('base.main_company')
        self.assertEqual(company.currency_id, self.env.ref('base.RUB'))
        self.assertEqual(company.country_id, self.env.ref('base.ru'))
        self.assertIn('Приёмная депутата', company.name)
        self.assertEqual(self.env['deputat.settings']._deputat_deputy_title(),
                         'Депутат Законодательного Собрания Свердловской области')


class TestPartnerNameParts(DeputatCase):

    def test_parts_and_salutation(self):
        Partner = self.env['res.partner']
        petrov = Partner.create({'name': 'Петров Василий Иванович'})
        self.assertEqual((petrov.deputat_surname, petrov.deputat_first_name,
                          petrov.deputat_patronymic, petrov.deputat_gender),
                         ('Петров', 'Василий', 'Иванович', 'male'))
        self.assertEqual(petrov._deputat_salutation(), 'Уважаемый Василий Иванович!')
        sokolova = Partner.create({'name': 'Мария Ивановна Соколова'})
        self.assertEqual(sokolova._deputat_salutation(), 'Уважаемая Мария Ивановна!')
        sokolova.write({'name': 'Соколова-Зуева Мария Ивановна'})
        self.assertEqual(sokolova.deputat_surname, 'Соколова-Зуева')
        nameless = Partner.create({'name': 'Иван'})
        self.assertEqual(nameless._deputat_salutation(), 'Уважаемый заявитель!')
        nameless.write({'deputat_gender': 'female'})
        self.assertEqual(nameless._deputat_salutation(), 'Уважаемая заявительница!')
        company = Partner.create({'name': 'ООО Ромашка Плюс Сервис', 'is_company': True})
        self.assertFalse(company.deputat_first_name)
        # the contacts made before the module get their parts once
        self.env.cr.execute('UPDATE res_partner SET deputat_first_name = NULL, '
                            'deputat_surname = NULL, deputat_patronymic = NULL WHERE id = %s',
                            (petrov.id,))
        petrov.invalidate_cache()
        Partner._deputat_fill_name_parts()
        self.assertEqual(petrov.deputat_first_name, 'Василий')
