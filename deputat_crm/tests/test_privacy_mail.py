"""Mail intake hardening: raw UTF-8 headers, sender verification, a daily limit per sender,
a clear error without a sender."""
from odoo.exceptions import UserError

from .common_privacy import PrivacyCase


def raw(sender, subject='Обращение о дороге', body='Текст обращения.', message_id='raw1',
        extra=''):
    head = ''
    if sender:
        head += 'From: %s\r\n' % sender
    text = (head + 'To: obrashenie@deputat.example\r\nSubject: %s\r\n'
            'Message-Id: <%s@example.ru>\r\nDate: Mon, 02 Mar 2026 10:00:00 +0300\r\n'
            '%sMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n'
            'Content-Transfer-Encoding: 8bit\r\n\r\n%s\r\n') % (subject, message_id, extra, body)
    return text.encode('utf-8')


class TestMailIntakeHardening(PrivacyCase):

    def setUp(self):
        super(TestMailIntakeHardening, self).setUp()
        self.env['ir.config_parameter'].sudo().set_param('mail.catchall.domain',
                                                         'deputat.example')

    def process(self, message):
        thread_id = self.env['mail.thread'].message_process(False, message)
        return self.Appeal.browse(thread_id)

    def test_raw_utf8_headers_keep_cyrillic(self):
        appeal = self.process(raw('Николай Петрович Зуев <zuev@example.ru>',
                                  subject='Обращение: нет освещения во дворе'))
        self.assertEqual(appeal.subject, 'Обращение: нет освещения во дворе')
        self.assertEqual(appeal.partner_id.name, 'Николай Петрович Зуев')
        self.assertEqual(appeal.partner_id.email, 'zuev@example.ru')
        self.assertIn('Текст обращения', appeal.description)
        self.assertNotIn('\ufffd', appeal.subject + appeal.partner_id.name)
        self.assertEqual(appeal.intake_email, 'zuev@example.ru')
        self.assertFalse(appeal.sender_unverified, 'a new sender is nobody else')

    def test_known_address_without_authentication_is_unverified(self):
        spoofed = self.process(raw('М. И. Соколова <sokolova@example.ru>', message_id='s1'))
        self.assertEqual(spoofed.partner_id, self.applicant)
        self.assertTrue(spoofed.sender_unverified)
        failed = self.process(raw('sokolova@example.ru', message_id='s2', extra=(
            'Authentication-Results: mx.deputat.example; spf=fail '
            'smtp.mailfrom=sokolova@example.ru; dkim=none\r\n')))
        self.assertTrue(failed.sender_unverified)
        # a pass written by the sender below ours counts for nothing: only the top one
        forged = self.process(raw('sokolova@example.ru', message_id='s3', extra=(
            'Authentication-Results: mx.deputat.example; spf=softfail '
            'smtp.mailfrom=example.ru\r\nAuthentication-Results: evil.example; dkim=pass '
            'header.d=example.ru\r\n')))
        self.assertTrue(forged.sender_unverified)
        genuine = self.process(raw('sokolova@example.ru', message_id='s4', extra=(
            'Authentication-Results: mx.deputat.example; spf=pass '
            'smtp.mailfrom=sokolova@example.ru; dkim=pass header.d=example.ru\r\n')))
        self.assertFalse(genuine.sender_unverified)
        spf = self.process(raw('sokolova@example.ru', message_id='s5', extra=(
            'Received-SPF: pass (mx.deputat.example: domain of example.ru designates '
            '1.2.3.4 as permitted sender) envelope-from=sokolova@example.ru\r\n')))
        self.assertFalse(spf.sender_unverified)
        # the staff confirm it; nobody writes the flag directly
        with self.assertRaisesRegex(UserError, 'Confirm sender'):
            self.rpc(self.user_assistant, 'deputat.appeal', 'write', spoofed.ids,
                     {'sender_unverified': False})
        self.rpc(self.user_assistant, 'deputat.appeal', 'action_confirm_sender', spoofed.ids)
        self.assertFalse(spoofed.sender_unverified)
        self.assertIn('Sender confirmed', spoofed.message_ids[0].body)

    def test_daily_limit_parks_the_excess(self):
        settings = self.env['deputat.settings'].sudo(self.user_head).default_get(
            ['intake_daily_limit'])
        self.assertEqual(settings['intake_daily_limit'], 200)
        self.env['ir.config_parameter'].sudo().set_param('deputat_crm.intake_daily_limit', '3')
        results = [self.env['mail.thread'].message_process(False, raw(
            'Спамер <flood@example.ru>', subject='Письмо %d' % i, message_id='f%d' % i))
            for i in range(4)]
        appeals = self.Appeal.search([('intake_email', '=', 'flood@example.ru')])
        self.assertEqual(len(appeals), 3)
        parked = self.env['deputat.appeal.parked'].search([('email_from', 'ilike', 'flood@')])
        self.assertEqual(len(parked), 1)
        self.assertEqual(parked.name, 'Письмо 3')
        self.assertEqual(results[3], parked.id)
        self.assertIn('Текст обращения', parked.message_ids[0].body)
        # another sender is not limited
        self.assertTrue(self.process(raw('other@example.ru', message_id='o1')))
        # reviewed: it becomes an appeal, marked unverified
        parked.sudo(self.user_assistant).action_create_appeal()
        self.assertEqual(parked.state, 'done')
        self.assertEqual(parked.appeal_id.subject, 'Письмо 3')
        self.assertTrue(parked.appeal_id.sender_unverified)

    def test_message_without_sender_gets_a_clear_error(self):
        count = self.Appeal.search_count([])
        with self.assertRaisesRegex(UserError, 'no sender address|нет адреса отправителя'):
            self.process(raw(None, message_id='nofrom'))
        self.assertEqual(self.Appeal.search_count([]), count)
