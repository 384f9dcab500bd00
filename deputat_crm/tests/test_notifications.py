"""Task notifications and the daily digest, through a real SMTP server (issue 13)."""
from datetime import timedelta

from odoo import fields

from .common_mail import MailCase


class NotificationCase(MailCase):

    def setUp(self):
        super(NotificationCase, self).setUp()
        # nothing of the demo office in the digests of the test office
        self.env['deputat.appeal'].search([]).write({'active': False})
        self.env['deputat.event'].search([]).write({'active': False})
        self.env['mail.activity'].search([]).write({'deputat_notified': True})

    def tr(self, term):
        """``term`` in Russian as the user reads it (the source when not translated yet)."""
        return self.env['ir.translation']._get_source(None, ('code',), 'ru_RU', term) or term

    def url(self, record):
        return 'http://crm.deputat.example/mail/view?model=%s&amp;res_id=%d' % (
            record._name, record.id)

    def run_digest(self, day=None, hour=None):
        return self.env['deputat.notification']._cron_daily_digest(
            today=day or self.today, hour=hour)

    def add(self, days, day=None):
        return fields.Date.to_string(fields.Date.from_string(day or self.today)
                                     + timedelta(days=days))


class TestTaskNotifications(NotificationCase):

    def test_assistant_assigns_resolution_task(self):
        """A task the assistant gives the deputy reaches the deputy at once, in Russian, with
        what, where, by when, the instruction and the link; plus an inbox message."""
        appeal = self.new_appeal()
        self.flush_mail()
        deadline = self.add(2)
        self.env['mail.activity'].sudo(self.user_assistant).create({
            'res_model_id': self.env['ir.model']._get_id('deputat.appeal'),
            'res_id': appeal.id, 'user_id': self.user_deputy.id,
            'activity_type_id': self.env.ref('deputat_crm.mail_activity_type_stage').id,
            'summary': 'Резолюция по обращению', 'date_deadline': deadline,
            'note': '<p>Прошу наложить резолюцию до приёма.</p>'})
        messages = self.flush_mail()
        self.assertEqual(len(messages), 1)
        message = messages[0]
        self.assertIn('t_deputy@test.example', self.to(message))
        self.assertEqual(message['Subject'], self.tr('New task: %(summary)s (%(record)s)') % {
            'summary': 'Резолюция по обращению',
            'record': '%s — Мария Ивановна Соколова — %s' % (
                appeal.name, self.tr('stage «%s»') % appeal.stage_id.with_context(
                    lang='ru_RU').name)})
        body = self.text(message)
        self.assertIn('Прошу наложить резолюцию до приёма.', body)
        self.assertIn(fields.Date.from_string(deadline).strftime('%d.%m.%Y'), body)
        self.assertIn(self.url(appeal), body)
        self.assertIn('Test Assistant', body)
        inbox = self.env['mail.message'].search([
            ('needaction_partner_ids', 'in', self.user_deputy.partner_id.id)])
        self.assertIn('Резолюция по обращению', inbox[:1].subject)

    def test_robot_gives_resolution_task(self):
        """The move to «Резолюция депутата» makes the robot give the deputy a task: one
        e-mail to the deputy (a decision, sent at once in the deputy's default mode)."""
        appeal = self.new_appeal()
        self.flush_mail()
        self.move(appeal, 'deputy_resolution')
        messages = self.messages_to(self.flush_mail(), self.user_deputy)
        self.assertEqual(len(messages), 1)
        self.assertIn(appeal.name, messages[0]['Subject'])
        self.assertIn(self.url(appeal), self.text(messages[0]))

    def test_robot_run_is_one_email_per_assignee(self):
        """A robot run creating several tasks for one person sends them one e-mail."""
        appeals = [self.new_appeal() for _i in range(3)]
        self.flush_mail()
        found = self.Appeal._cron_stage_time_limit(today=self.add(60))
        self.assertGreaterEqual(found, 3)
        messages = self.messages_to(self.flush_mail(), self.user_assistant)
        self.assertEqual(len(messages), 1)
        body = self.text(messages[0])
        for appeal in appeals:
            self.assertIn(appeal.name, body)
        self.assertEqual(messages[0]['Subject'], self.tr('%d new tasks') % found)

    def test_preferences(self):
        """none: nothing; digest: nothing at once, the task in the digest; the deputy's
        default: a non-decision robot task waits for the digest, «every task at once» not."""
        appeal = self.new_appeal(user=self.user_head, user_id=self.user_lawyer.id)
        self.flush_mail()
        Activity = self.env['mail.activity'].sudo(self.user_head)

        def give(user, summary):
            return Activity.create({
                'res_model_id': self.env['ir.model']._get_id('deputat.appeal'),
                'res_id': appeal.id, 'user_id': user.id, 'summary': summary,
                'activity_type_id': self.env.ref('deputat_crm.mail_activity_type_stage').id,
                'date_deadline': self.today})
        self.user_lawyer.deputat_notify_mode = 'none'
        give(self.user_lawyer, 'Задача юристу')
        self.assertEqual(self.flush_mail(), [])
        self.user_lawyer.deputat_notify_mode = 'digest'
        give(self.user_lawyer, 'Проверить документы')
        self.assertEqual(self.flush_mail(), [])
        self.assertEqual(self.run_digest(), 1)
        messages = self.flush_mail()
        self.assertEqual(len(messages), 1)
        self.assertIn('t_lawyer@test.example', self.to(messages[0]))
        self.assertIn('Проверить документы', self.text(messages[0]))
        self.assertNotIn('Задача юристу', self.text(messages[0]), 'chosen «none» then')
        # the deputy: a reminder (not a decision) waits in the default mode ...
        reminder = self.env['mail.activity'].sudo().browse()
        values = appeal._pipeline_task_values(
            self.user_deputy, 'reminder', 'Срок ответа', False, self.today,
            'deputat_crm.mail_activity_type_reminder')
        reminder = self.Appeal._pipeline_create_tasks([values])
        self.assertEqual(self.messages_to(self.flush_mail(), self.user_deputy), [])
        self.assertFalse(reminder.deputat_notified)
        # ... and comes at once with «every task at once»
        self.user_deputy.deputat_notify_mode = 'instant'
        values['summary'] = 'Срок ответа 2'
        self.Appeal._pipeline_create_tasks([values])
        messages = self.messages_to(self.flush_mail(), self.user_deputy)
        self.assertEqual(len(messages), 1)
        self.assertIn('Срок ответа 2', messages[0]['Subject'])

    def test_confidential_appeal_does_not_leak(self):
        """An assistant given a task on a confidential appeal they may not read learns the
        number only: no applicant, no instruction."""
        appeal = self.new_appeal(user=self.user_head, user_id=self.user_lawyer.id,
                                 confidential=True)
        self.flush_mail()
        self.env['mail.activity'].sudo(self.user_head).create({
            'res_model_id': self.env['ir.model']._get_id('deputat.appeal'),
            'res_id': appeal.id, 'user_id': self.user_assistant.id, 'summary': 'Позвонить',
            'activity_type_id': self.env.ref('deputat_crm.mail_activity_type_stage').id,
            'note': '<p>Секретная подробность</p>', 'date_deadline': self.today})
        messages = self.flush_mail()
        self.assertEqual(len(messages), 1)
        text = self.text(messages[0]) + messages[0]['Subject']
        self.assertIn(appeal.name, text)
        self.assertNotIn('Соколова', text)
        self.assertNotIn('Секретная подробность', text)


class TestDailyDigest(NotificationCase):

    def test_digest_items_once_a_day(self):
        """The deputy's digest: decisions waiting, overdue and due-soon appeals, requests
        without an answer, today's events with place and accompanying person; once a day."""
        waiting = self.new_appeal()
        self.move(waiting, 'deputy_resolution')
        overdue = self.new_appeal(date_received=self.add(-40), date_registered=self.add(-40))
        self.move(overdue, 'deputy_resolution')
        asked = self.new_appeal(date_received=self.add(-35), date_registered=self.add(-35))
        self.move(asked, 'deputy_resolution')
        self.move(asked, 'request_prepare', self.user_deputy, deputy_comment='Запрос.')
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': asked.id, 'partner_id': self.authority.id, 'text': '<p>Прошу.</p>'})
        request.sudo().write({'date_sent': self.add(-30)})
        event = self.env['deputat.event'].create({
            'name': 'Встреча с жителями', 'user_id': self.user_assistant.id,
            'accompanying_user_id': self.user_lawyer.id, 'venue_name': 'Дом культуры',
            'location': 'ул. Мира, 1',
            'date_start': fields.Datetime.to_string(
                fields.Datetime.from_string(self.today + ' 12:00:00'))})
        self.flush_mail()
        self.assertEqual(self.run_digest(hour=6), 0, 'before the digest hour (8)')
        self.run_digest(hour=9)
        messages = self.messages_to(self.flush_mail(), self.user_deputy)
        self.assertEqual(len(messages), 1)
        body = self.text(messages[0])
        self.assertIn(self.tr('Daily digest for %s') % fields.Date.from_string(
            self.today).strftime('%d.%m.%Y'), messages[0]['Subject'])
        for appeal in (waiting, overdue, asked):
            self.assertIn(appeal.name, body)
        self.assertIn(request.name, body)
        self.assertIn('Администрация Заречного района', body)
        self.assertIn('Встреча с жителями', body)
        self.assertIn('Дом культуры', body)
        self.assertIn('Test Lawyer', body)
        self.assertIn(self.url(event), body)
        # the head got the office's digest too; a re-run the same day sends nothing
        self.assertEqual(self.run_digest(hour=10), 0)
        self.assertEqual(self.flush_mail(), [])
        self.assertEqual(self.user_deputy.deputat_digest_date, self.today)

    def test_empty_day_no_digest(self):
        self.assertEqual(self.run_digest(), 0)
        self.assertEqual(self.flush_mail(), [])

    def test_274_overdue_appeals_one_digest(self):
        """274 overdue appeals: the escalation robot sends the office head nothing, the digest
        one e-mail listing them; every other person gets at most one e-mail."""
        self.user_head.deputat_notify_mode = 'instant'
        day = self.add(-60)
        appeals = self.Appeal.browse()
        for _i in range(274):
            appeals |= self.new_appeal(date_received=day, date_registered=day)
        self.flush_mail()
        reminded, escalated = self.Appeal._cron_answer_deadlines(today=self.today)
        self.assertEqual(escalated, 274)
        self.assertEqual(self.messages_to(self.flush_mail(), self.user_head), [])
        self.run_digest()
        messages = self.flush_mail()
        to_head = self.messages_to(messages, self.user_head)
        self.assertEqual(len(to_head), 1)
        body = self.text(to_head[0])
        self.assertIn(appeals[0].name, body)
        self.assertIn('224', body)  # 50 lines and «… and 224 more»
        for user in (self.user_deputy, self.user_assistant, self.user_lawyer):
            self.assertLessEqual(len(self.messages_to(messages, user)), 1)
