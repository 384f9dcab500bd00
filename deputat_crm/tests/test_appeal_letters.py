"""Letters an office signs (issue 13): the printed answer letter and request letter are letters
of the outgoing-letters register on the office's letterhead (real wkhtmltopdf, read with
pdftotext); names declined for the request; a notice closes only the task of its kind."""
import subprocess
import tempfile
import time
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

from .common_appeal import AppealCase
from .common_mail import free_port


class LetterCase(AppealCase):

    def setUp(self):
        super(LetterCase, self).setUp()
        # wkhtmltopdf asks the server for the CSS: nothing listens there in these tests
        self.env['ir.config_parameter'].sudo().set_param(
            'report.url', 'http://127.0.0.1:%d' % free_port())
        self.user_deputy.write({'name': 'Сергей Александрович Иванов'})
        self.applicant.write({'name': 'Петров Василий Иванович'})

    def print_as(self, report_xmlid, records, user):
        """The PDF a user prints (real wkhtmltopdf), as text on one line (pdftotext)."""
        report = self.env.ref(report_xmlid)
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {'test_report_directory': tmp}):
            pdf, fmt = report.sudo(user).with_context(
                force_report_rendering=True).render_qweb_pdf(records.ids)
        self.assertEqual(fmt, 'pdf')
        with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
            f.write(pdf)
            f.flush()
            text = subprocess.check_output(['pdftotext', '-enc', 'UTF-8', f.name, '-']).decode()
        return ' '.join(text.split())

    def file_name(self, report_xmlid, record):
        report = self.env.ref(report_xmlid)
        return safe_eval(report.print_report_name, {'object': record, 'time': time})

    def assert_letterhead(self, text):
        """The Russian demo office, the deputy's title, name and signature, the page counter;
        nothing of Odoo's default layout."""
        company = self.env.user.company_id
        self.assertIn('Приёмная депутата Законодательного Собрания', company.name)
        self.assertIn(company.name, text)
        self.assertIn('ул. Ленина, 34, каб. 12', text)
        self.assertIn('+7 (34377) 3-12-45', text)
        self.assertIn('Депутат Законодательного Собрания Свердловской области', text)
        self.assertEqual(text.count('Сергей Александрович Иванов'), 2, 'letterhead, signature')
        self.assertIn('Страница 1 из 1', text)
        for foreign in ('YourCompany', 'Page:', '€', 'Ref.'):
            self.assertNotIn(foreign, text)


class TestAnswerLetter(LetterCase):

    def test_answer_letter_for_petrov(self):
        """«Петров Василий Иванович»: «Уважаемый Василий Иванович!» exactly once (typed by the
        assistant or not), the letter's own outgoing number and date, the Russian letterhead;
        registered and logged in the appeal; a reprint keeps the number."""
        typed = self.new_appeal(answer_text='<p>Уважаемый Василий Иванович!</p>'
                                            '<p>Ремонт дороги включён в план на 2027 год.</p>')
        plain = self.new_appeal(answer_text='<p>Ремонт дороги включён в план на 2027 год.</p>')
        for appeal in (typed, plain):
            text = self.print_as('deputat_crm.action_report_appeal_answer', appeal,
                                 self.user_assistant)
            self.assertEqual(text.count('Уважаемый Василий Иванович!'), 1, text)
            self.assertNotIn('Уважаемый(ая)', text)
            self.assertIn('Ремонт дороги включён в план на 2027 год.', text)
            letter = appeal.letter_ids
            self.assertEqual((len(letter), letter.kind), (1, 'answer'))
            self.assertRegex(letter.name, r'^\d+/\d{4}$')
            self.assertNotEqual(letter.name, appeal.name)
            reference = 'Исх. № %s от %s' % (letter.name, appeal._deputat_fmt(letter.date))
            self.assertIn(reference, text)
            self.assertIn('На № %s от' % appeal.name, text)
            self.assertIn('Исполнитель: Test Assistant', text)
            self.assert_letterhead(text)
            self.assertTrue(appeal.message_ids.filtered(lambda m: reference in m.body))
            # a reprint is the same letter
            again = self.print_as('deputat_crm.action_report_appeal_answer', appeal,
                                  self.user_assistant)
            self.assertEqual(appeal.letter_ids, letter)
            self.assertIn(reference, again)
        self.assertNotEqual(typed.letter_ids.name, plain.letter_ids.name, 'own numbers')
        self.assertEqual(self.file_name('deputat_crm.action_report_appeal_answer', typed),
                         'Ответ %s' % typed.name)
        self.assertEqual(self.file_name('deputat_crm.action_report_appeal_card', typed),
                         'Карточка обращения %s' % typed.name)

    def test_only_the_staff_prints_letters(self):
        appeal = self.new_appeal(answer_text='<p>Ответ.</p>')
        with self.assertRaises(AccessError):
            self.print_as('deputat_crm.action_report_appeal_answer', appeal, self.user_plain)
        self.assertFalse(appeal.letter_ids, 'no number taken')


class TestRequestLetter(LetterCase):

    def new_request(self, appeal=None, **vals):
        values = {'appeal_id': (appeal or self.new_appeal()).id,
                  'partner_id': self.authority.id,
                  'text': '<p>Прошу сообщить сроки ремонта дороги.</p>'}
        values.update(vals)
        return self.env['deputat.appeal.request'].sudo(self.user_assistant).create(values)

    def test_request_letter_declines_names(self):
        """The request letter: «обращение гражданина Петрова Василия Ивановича», the addressee
        block in the dative, the official's salutation, its own number, the letterhead."""
        self.authority.write({'street': 'пл. Победы, 1', 'city': 'Заречный'})
        request = self.new_request(
            addressee_position='Главе администрации Заречного городского округа',
            addressee_name='Иванов Иван Иванович')
        self.assertEqual(request.addressee_dative, 'Иванову И. И.')
        self.assertEqual(request.applicant_genitive, 'гражданина Петрова Василия Ивановича')
        text = self.print_as('deputat_crm.action_report_appeal_request', request,
                             self.user_assistant)
        self.assertIn('обращение гражданина Петрова Василия Ивановича', text)
        self.assertNotIn('Петров Василий', text)
        self.assertIn('Главе администрации Заречного городского округа Иванову И. И. '
                      'Администрация Заречного района', text)
        self.assertIn('пл. Победы, 1', text)
        self.assertEqual(text.count('Уважаемый Иван Иванович!'), 1)
        self.assertIn('Прошу сообщить сроки ремонта дороги.', text)
        letter = request.appeal_id.letter_ids
        self.assertEqual((letter.kind, letter.request_id, letter.partner_id),
                         ('request', request, self.authority))
        reference = 'Исх. № %s от %s' % (letter.name, request.appeal_id._deputat_fmt(letter.date))
        self.assertIn(reference, text)
        self.assertNotIn('Исх. № %s' % request.name, text)
        self.assert_letterhead(text)
        self.assertTrue(request.appeal_id.message_ids.filtered(lambda m: reference in m.body))
        self.assertEqual(self.file_name('deputat_crm.action_report_appeal_request', request),
                         'Запрос %s' % request.name)

    def test_female_applicant_and_body_without_official(self):
        self.applicant.write({'name': 'Соколова Мария Ивановна'})
        request = self.new_request()
        self.assertEqual(request.applicant_genitive, 'гражданки Соколовой Марии Ивановны')
        self.assertFalse(request.addressee_dative)
        text = self.print_as('deputat_crm.action_report_appeal_request', request,
                             self.user_assistant)
        self.assertIn('обращение гражданки Соколовой Марии Ивановны', text)
        self.assertIn('Администрация Заречного района', text)
        self.assertNotIn('Уважаем', text, 'no official named: no salutation')

    def test_the_office_corrects_the_declension(self):
        """The declined forms are filled from the names and stay as the assistant corrects
        them, until the name they come from changes."""
        request = self.new_request(addressee_name='Шевчук Любовь Петровна')
        self.assertEqual(request.addressee_dative, 'Шевчук Л. П.')
        request.write({'addressee_dative': 'Шевчук-Ивановой Л. П.',
                       'applicant_genitive': 'гражданина Петрова В. И.'})
        request.write({'addressee_position': 'Прокурору Заречного района'})
        self.assertEqual(request.addressee_dative, 'Шевчук-Ивановой Л. П.')
        text = self.print_as('deputat_crm.action_report_appeal_request', request,
                             self.user_assistant)
        self.assertIn('Прокурору Заречного района Шевчук-Ивановой Л. П.', text)
        self.assertIn('обращение гражданина Петрова В. И.', text)
        self.assertEqual(text.count('Уважаемая Любовь Петровна!'), 1)
        request.write({'addressee_name': 'Кузнецов Пётр Ильич'})
        self.assertEqual(request.addressee_dative, 'Кузнецову П. И.')


class TestNoticeClosesItsTask(AppealCase):

    def setUp(self):
        super(TestNoticeClosesItsTask, self).setUp()
        self.env['ir.config_parameter'].sudo().set_param(
            'report.url', 'http://127.0.0.1:%d' % free_port())

    def open_notice_tasks(self, appeal):
        return self.activities(appeal, 'deputat_crm.mail_activity_type_notice')

    def test_notice_closes_only_its_kind(self):
        """An extended appeal with another «notify the applicant» task open (here a
        forwarding one): the extension notice closes the extension task only."""
        appeal = self.new_appeal()
        self.env['deputat.appeal.extend.wizard'].sudo(self.user_lawyer).create({
            'appeal_id': appeal.id, 'days': 20,
            'reason': 'Ожидается ответ администрации'}).action_extend()
        appeal._deputat_notice_task(appeal.date_deadline_planned,
                                    'Notify the applicant of the forwarding', kind='forwarding')
        tasks = self.open_notice_tasks(appeal)
        self.assertEqual(sorted(tasks.mapped('deputat_task_key')),
                         ['notice:extension', 'notice:forwarding'])
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        self.assertEqual(appeal.letter_ids.kind, 'extension')
        self.assertEqual(self.open_notice_tasks(appeal).mapped('deputat_task_key'),
                         ['notice:forwarding'], 'the other notify task stays open')
        # the acknowledgement has no task: it closes nothing
        appeal.sudo()._deputat_send_notice('acknowledgement', self.user_assistant)
        self.assertEqual(self.open_notice_tasks(appeal).mapped('deputat_task_key'),
                         ['notice:forwarding'])

    def test_refusal_task_has_its_kind(self):
        appeal = self.new_appeal()
        self.move(appeal, 'refused', self.user_deputy,
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_3').id)
        self.assertEqual(self.open_notice_tasks(appeal).mapped('deputat_task_key'),
                         ['notice:refusal'])
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        self.assertFalse(self.open_notice_tasks(appeal))

    def test_tasks_made_before_get_their_kind(self):
        """Upgrade: an open notify task without a kind gets the one its appeal is due."""
        appeal = self.new_appeal()
        self.move(appeal, 'refused', self.user_deputy,
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_3').id)
        task = self.open_notice_tasks(appeal)
        task.write({'deputat_task_key': False})
        self.Appeal._deputat_key_legacy_notice_tasks()
        self.assertEqual(task.deputat_task_key, 'notice:refusal')
        appeal.sudo(self.user_assistant).action_deputat_send_notice()
        self.assertFalse(task.exists())
