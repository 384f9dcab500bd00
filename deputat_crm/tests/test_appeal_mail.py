import base64
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from .common_appeal import AppealCase


def raw_email(sender_name, sender_email, subject, body, attachment_name, attachment):
    msg = MIMEMultipart()
    msg['From'] = '%s <%s>' % (Header(sender_name, 'utf-8').encode(), sender_email)
    msg['To'] = 'obrashenie@deputat.example'
    msg['Subject'] = Header(subject, 'utf-8').encode()
    msg['Message-Id'] = '<%s.test@example.ru>' % sender_email.split('@')[0]
    msg['Date'] = 'Mon, 02 Mar 2026 10:00:00 +0300'
    msg.attach(MIMEText(body, 'plain', 'utf-8'))
    part = MIMEApplication(attachment, Name=attachment_name)
    part['Content-Disposition'] = 'attachment; filename="%s"' % Header(
        attachment_name, 'utf-8').encode()
    msg.attach(part)
    return msg.as_string()


class TestAppealMailIntake(AppealCase):

    def setUp(self):
        super(TestAppealMailIntake, self).setUp()
        self.env['ir.config_parameter'].sudo().set_param('mail.catchall.domain',
                                                         'deputat.example')
        self.alias = self.env.ref('deputat_crm.mail_alias_appeal')

    def process(self, message):
        thread_id = self.env['mail.thread'].message_process(False, message)
        return self.Appeal.browse(thread_id)

    def test_alias(self):
        self.assertEqual(self.alias.alias_name, 'obrashenie')
        self.assertEqual(self.alias.alias_model_id.model, 'deputat.appeal')

    def test_new_sender_becomes_partner(self):
        message = raw_email('Николай Петрович Зуев', 'zuev@example.ru',
                            'Обращение: нет освещения во дворе',
                            'Прошу помочь: во дворе дома 12 не горят фонари.',
                            'фото.pdf', b'%PDF-1.4 test')
        appeal = self.process(message)
        self.assertTrue(appeal)
        self.assertRegex(appeal.name, r'^О-\d{4}-\d{5}$')
        self.assertEqual(appeal.partner_id.name, 'Николай Петрович Зуев')
        self.assertEqual(appeal.partner_id.email, 'zuev@example.ru')
        self.assertEqual(appeal.subject, 'Обращение: нет освещения во дворе')
        self.assertIn('не горят фонари', appeal.description)
        self.assertEqual(appeal.channel_id, self.env.ref('deputat_crm.channel_email'))
        self.assertEqual(appeal.appeal_form, 'email')  # 547-FZ: not a 59-FZ electronic appeal
        self.assertEqual(appeal.answer_method_id,
                         self.env.ref('deputat_crm.answer_method_email'), '59-FZ art. 10 part 4')
        self.assertEqual(appeal.stage_id, self.stage('new'))
        self.assertEqual(appeal.user_id, self.user_assistant)
        self.assertEqual(len(appeal.attachment_ids), 1)
        self.assertEqual(appeal.attachment_ids.name, 'фото.pdf')
        self.assertEqual(base64.b64decode(appeal.attachment_ids.datas), b'%PDF-1.4 test')
        task = self.activities(appeal, 'deputat_crm.mail_activity_type_stage')
        self.assertEqual(task.user_id, self.user_assistant, 'registration robot started')

    def test_known_sender_matched(self):
        message = raw_email('М. И. Соколова', 'sokolova@example.ru', 'Повторно о дороге',
                            'Дорогу так и не отремонтировали.', 'скан.pdf', b'%PDF-1.4 x')
        appeal = self.process(message)
        self.assertEqual(appeal.partner_id, self.applicant)
