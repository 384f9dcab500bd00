from .common_appeal import AppealCase, add_days

NEXT = 'deputat_crm.mail_activity_type_next_step'
REMIND = 'deputat_crm.mail_activity_type_reminder'
ESCALATE = 'deputat_crm.mail_activity_type_escalation'
REQUEST = 'deputat_crm.mail_activity_type_request_overdue'
STUCK = 'deputat_crm.mail_activity_type_stage_overdue'


class TestAppealRobots(AppealCase):

    def messages(self, appeal, text):
        return appeal.message_ids.filtered(lambda m: text in (m.body or ''))

    def test_stage_robot_closes_previous_task(self):
        appeal = self.new_appeal()
        first = self.activities(appeal, 'deputat_crm.mail_activity_type_stage')
        self.move(appeal, 'deputy_resolution')
        self.assertFalse(first.exists(), 'robot task of the previous stage closed')
        task = self.activities(appeal, 'deputat_crm.mail_activity_type_stage')
        self.assertEqual(task.user_id, self.user_deputy)
        self.assertEqual(task.summary, self.stage('deputy_resolution').task_ids.summary)
        # a manual activity is not touched by the robot
        manual = self.env['mail.activity'].create({
            'res_model_id': self.env.ref('deputat_crm.model_deputat_appeal').id,
            'res_id': appeal.id, 'user_id': self.user_assistant.id, 'summary': 'Позвонить',
            'activity_type_id': self.env.ref('mail.mail_activity_data_call').id})
        self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить.')
        self.assertTrue(manual.exists())
        self.assertEqual(self.activities(appeal, 'deputat_crm.mail_activity_type_stage').user_id,
                         self.user_assistant)
        # a write without a change of stage creates nothing
        appeal.subject = 'Ремонт дороги и тротуара'
        self.assertEqual(len(self.activities(appeal, 'deputat_crm.mail_activity_type_stage')), 1)

    def test_next_step_job(self):
        appeal = self.new_appeal()
        closed = self.new_appeal()
        self.move(closed, 'refused', self.user_deputy,
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_1').id)
        self.activities(appeal).unlink()
        self.activities(closed).unlink()
        Appeal = self.Appeal
        found = Appeal._cron_next_step(today=self.today)
        self.assertGreaterEqual(found, 1)
        task = self.activities(appeal, NEXT)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.user_assistant)
        self.assertFalse(self.activities(closed), 'closed appeals are left alone')
        Appeal._cron_next_step(today=self.today)
        self.assertEqual(len(self.activities(appeal, NEXT)), 1, 'idempotent')
        # the real cron job
        self.activities(appeal).unlink()
        self.env.ref('deputat_crm.cron_appeal_next_step').method_direct_trigger()
        self.assertEqual(len(self.activities(appeal, NEXT)), 1)

    def test_reminder_five_days_before(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        deadline = appeal.date_deadline_planned
        self.assertEqual(deadline, '2026-04-01')
        Appeal = self.Appeal
        Appeal._cron_answer_deadlines(today=add_days(deadline, -6))
        self.assertFalse(self.activities(appeal, REMIND), 'day before the trigger: nothing')
        Appeal._cron_answer_deadlines(today=add_days(deadline, -5))
        reminder = self.activities(appeal, REMIND)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.user_assistant)
        self.assertEqual(reminder.date_deadline, deadline)
        Appeal._cron_answer_deadlines(today=add_days(deadline, -5))
        Appeal._cron_answer_deadlines(today=add_days(deadline, -4))
        self.assertEqual(len(self.activities(appeal, REMIND)), 1, 'idempotent, once per date')

    def test_reminder_after_trigger_and_deputy(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.move(appeal, 'deputy_resolution')  # waiting for the deputy's resolution
        deadline = appeal.date_deadline_planned
        self.Appeal._cron_answer_deadlines(today=add_days(deadline, -3))
        self.assertEqual(len(self.activities(appeal, REMIND, self.user_assistant)), 1)
        self.assertEqual(len(self.activities(appeal, REMIND, self.user_deputy)), 1)

    def test_reminder_again_after_extension(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.Appeal._cron_answer_deadlines(today='2026-03-28')
        appeal.sudo(self.user_lawyer)._extend_deadline(10, 'Запрос документов')
        self.assertEqual(appeal.date_deadline_planned, '2026-04-11')
        self.Appeal._cron_answer_deadlines(today='2026-03-28')
        self.assertEqual(len(self.activities(appeal, REMIND)), 1)
        self.Appeal._cron_answer_deadlines(today='2026-04-07')
        self.assertEqual(len(self.activities(appeal, REMIND)), 2, 'new date, new reminder')

    def test_escalation_after_the_date(self):
        """Overdue appeals: one open task for the office head, the escalation date as the
        robot's bookkeeping, and no chatter post nor e-mail per appeal (the head's digest
        lists them)."""
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        deadline = appeal.date_deadline_planned
        Appeal = self.Appeal
        messages_before = len(appeal.message_ids)
        last_mail = self.env['mail.mail'].sudo().search([], order='id desc', limit=1).id
        last_notification = self.env['mail.notification'].sudo().search(
            [], order='id desc', limit=1).id
        Appeal._cron_answer_deadlines(today=deadline)
        self.assertFalse(self.activities(appeal, ESCALATE), 'on the date: not overdue yet')
        self.assertFalse(appeal.escalation_date)
        day_after = add_days(deadline, 1)
        Appeal._cron_answer_deadlines(today=day_after)
        escalation = self.activities(appeal, ESCALATE)
        self.assertEqual(escalation.user_id, self.user_head)
        self.assertIn('.'.join(reversed(deadline.split('-'))), escalation.summary)  # ДД.ММ.ГГГГ
        self.assertEqual(appeal.escalation_date, day_after)
        Appeal._cron_answer_deadlines(today=day_after)
        self.assertEqual(len(self.activities(appeal, ESCALATE)), 1, 'idempotent the same day')
        self.assertEqual(appeal.escalation_date, day_after)
        Appeal._cron_answer_deadlines(today=add_days(deadline, 2))
        self.assertEqual(appeal.escalation_date, add_days(deadline, 2), 'daily escalation')
        self.assertEqual(len(self.activities(appeal, ESCALATE)), 1, 'one open task for the head')
        # no chatter post and no e-mail per overdue appeal
        self.assertFalse(self.messages(appeal, 'Overdue'))
        self.assertEqual(len(appeal.message_ids), messages_before)
        # answered appeals stop escalating
        appeal.date_answer = add_days(deadline, 2)
        Appeal._cron_answer_deadlines(today=add_days(deadline, 3))
        self.assertEqual(appeal.escalation_date, add_days(deadline, 2))
        self.assertFalse(self.env['mail.mail'].sudo().search([
            ('id', '>', last_mail), ('model', '=', 'deputat.appeal'), ('res_id', '=', appeal.id)]))
        self.assertFalse(self.env['mail.notification'].sudo().search(
            [('id', '>', last_notification), ('res_partner_id', '=', self.user_head.partner_id.id)]))

    def test_overdue_filter(self):
        appeal = self.new_appeal(date_received='2020-03-02', date_registered='2020-03-02')
        fresh = self.new_appeal()
        overdue = self.Appeal.search([('is_overdue', '=', True)])
        self.assertIn(appeal, overdue)
        self.assertNotIn(fresh, overdue)
        self.assertTrue(appeal.is_overdue)

    def test_request_without_answer(self):
        appeal = self.new_appeal()
        Request = self.env['deputat.appeal.request']
        request = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority.id,
                                  'date_sent': '2026-03-02'})
        answered = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority2.id,
                                   'date_sent': '2026-03-02', 'date_answer': '2026-03-10'})
        Request._cron_request_without_answer(today=add_days('2026-03-02', 24))
        self.assertFalse(self.activities(appeal, REQUEST), 'day before: nothing')
        found = Request._cron_request_without_answer(today=add_days('2026-03-02', 25))
        self.assertEqual(found, 1)
        task = self.activities(appeal, REQUEST)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.user_assistant)
        self.assertIn(request.name, task.summary)
        Request._cron_request_without_answer(today=add_days('2026-03-02', 25))
        Request._cron_request_without_answer(today=add_days('2026-03-02', 26))
        self.assertEqual(len(self.activities(appeal, REQUEST)), 1, 'idempotent')
        self.assertTrue(answered.exists())

    def test_request_warning_days_configurable(self):
        self.env['ir.config_parameter'].sudo().set_param('deputat_crm.request_warning_days', '10')
        appeal = self.new_appeal()
        self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id, 'date_sent': '2026-03-02'})
        self.env['deputat.appeal.request']._cron_request_without_answer(today='2026-03-12')
        self.assertEqual(len(self.activities(appeal, REQUEST)), 1)

    def test_stage_time_limit(self):
        appeal = self.new_appeal()
        limit = self.stage('new').time_limit_days
        self.assertEqual(limit, 3)
        appeal._pipeline_mark('date_stage_entered', '2026-03-02')
        Appeal = self.Appeal
        Appeal._cron_stage_time_limit(today=add_days('2026-03-02', limit))
        self.assertFalse(self.activities(appeal, STUCK), 'on the limit: not beyond it yet')
        Appeal._cron_stage_time_limit(today=add_days('2026-03-02', limit + 1))
        self.assertEqual(len(self.activities(appeal, STUCK)), 1)
        Appeal._cron_stage_time_limit(today=add_days('2026-03-02', limit + 1))
        Appeal._cron_stage_time_limit(today=add_days('2026-03-02', limit + 2))
        self.assertEqual(len(self.activities(appeal, STUCK)), 1, 'idempotent')
        # a new stage restarts the clock
        self.move(appeal, 'deputy_resolution')
        self.assertEqual(appeal.date_stage_entered, self.today)
        self.assertFalse(appeal.stage_overdue_notified)

    def test_cron_records(self):
        for xmlid in ('cron_appeal_next_step', 'cron_appeal_answer_deadlines',
                      'cron_appeal_request_without_answer', 'cron_appeal_stage_time_limit'):
            cron = self.env.ref('deputat_crm.%s' % xmlid)
            self.assertTrue(cron.active)
            cron.method_direct_trigger()
