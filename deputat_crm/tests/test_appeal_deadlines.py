from odoo.exceptions import AccessError, UserError

from .common_appeal import AppealCase


class TestAppealDeadlines(AppealCase):

    def test_planned_answer_date(self):
        appeal = self.new_appeal(date_received='2026-03-01', date_registered='2026-03-02')
        self.assertEqual(appeal.answer_days, 30)
        self.assertEqual(appeal.date_deadline_planned, '2026-04-01')
        self.assertEqual(appeal.forward_deadline, '2026-03-09')
        self.assertEqual(appeal.registration_deadline, '2026-03-04')
        self.assertFalse(appeal.registration_late)

    def test_migration_topic_20_days(self):
        migration = self.env.ref('deputat_crm.classifier_0004_0016_0162_1212')
        self.assertTrue(migration.is_migration)
        # art. 12 part 1.1 binds a region's highest official only: off by default
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02',
                                 topic_id=migration.id)
        self.assertEqual(appeal.date_deadline_planned, '2026-04-01')
        self.env['ir.config_parameter'].sudo().set_param(
            'deputat_crm.migration_term_enabled', '1')
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02',
                                 topic_id=migration.id)
        self.assertEqual(appeal.date_deadline_planned, '2026-03-22')
        appeal.question_ids.topic_id = self.env.ref('deputat_crm.classifier_0005_0005_0056_1149')
        appeal.topic_id = self.env.ref('deputat_crm.classifier_0005_0005_0056_1149')
        self.assertEqual(appeal.date_deadline_planned, '2026-04-01')

    def test_late_registration_warning(self):
        appeal = self.new_appeal(date_received='2026-03-01', date_registered='2026-03-05')
        self.assertTrue(appeal.registration_late)
        self.assertTrue(appeal.message_ids.filtered(lambda m: 'Registered late' in (m.body or '')))

    def test_extension_once(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        with self.assertRaises(UserError):
            appeal.sudo(self.user_lawyer)._extend_deadline(30, '')
        with self.assertRaises(UserError):
            appeal.sudo(self.user_lawyer)._extend_deadline(31, 'Запрошены документы (ст. 10 ч. 2)')
        with self.assertRaises(UserError):
            appeal.write({'extension_days': 10})
        self.assertEqual(appeal.date_deadline_planned, '2026-04-01')
        with self.assertRaises(AccessError):  # the assistant does not extend terms
            self.env['deputat.appeal.extend.wizard'].sudo(self.user_assistant).create({
                'appeal_id': appeal.id, 'days': 30, 'reason': 'Причина'}).action_extend()
        wizard = self.env['deputat.appeal.extend.wizard'].sudo(self.user_lawyer).create({
            'appeal_id': appeal.id, 'days': 30, 'reason': 'Запрошены документы (ст. 10 ч. 2)'})
        wizard.action_extend()
        self.assertEqual(appeal.extension_days, 30)
        self.assertEqual(appeal.date_deadline_planned, '2026-05-01')
        notice = self.activities(appeal, 'deputat_crm.mail_activity_type_notice')
        self.assertEqual(len(notice), 1, 'notice to the applicant scheduled')
        with self.assertRaisesRegex(UserError, 'already extended'):
            appeal.sudo(self.user_lawyer)._extend_deadline(5, 'Ещё раз')
        self.assertEqual(appeal.date_deadline_planned, '2026-05-01')

    def test_day_counting_rule(self):
        Appeal = self.Appeal
        self.assertEqual(Appeal._deputat_add_days('2026-03-02', 30), '2026-04-01')
        # 2026-03-06 + 1 day = Saturday 2026-03-07
        self.assertEqual(Appeal._deputat_add_days('2026-03-06', 1), '2026-03-07')
        self.env['ir.config_parameter'].sudo().set_param(
            'deputat_crm.shift_non_working_days', '1')
        # Monday 2026-03-09 is the transferred day off of 8 March: Tuesday
        self.assertEqual(Appeal._deputat_add_days('2026-03-06', 1), '2026-03-10')

    def test_configurable_term(self):
        self.env['ir.config_parameter'].sudo().set_param('deputat_crm.answer_days', '15')
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.assertEqual(appeal.date_deadline_planned, '2026-03-17')

    def test_request_due_date(self):
        appeal = self.new_appeal()
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id, 'date_sent': '2026-03-02'})
        self.assertEqual(request.answer_days, 30)
        self.assertEqual(request.date_due, '2026-04-01')
