from odoo.exceptions import AccessError, ValidationError

from .common_appeal import AppealCase


class TestSettings(AppealCase):

    def test_office_head_changes_the_answer_term(self):
        Settings = self.env['deputat.settings'].sudo(self.user_head)
        settings = Settings.create({})
        self.assertEqual(settings.answer_days, 30)
        self.assertEqual(settings.deputy_user_id, self.user_deputy)
        settings.answer_days = 25
        settings.action_save()
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.assertEqual(appeal.date_deadline_planned, '2026-03-27')

    def test_bad_terms_are_refused_and_nothing_saved(self):
        settings = self.env['deputat.settings'].sudo(self.user_head).create({})
        settings.write({'answer_days': 0, 'reminder_days': 7})
        with self.assertRaisesRegex(ValidationError, 'positive'):
            settings.action_save()
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            'deputat_crm.reminder_days'), '5')

    def test_only_the_office_head(self):
        for user in (self.user_assistant, self.user_deputy, self.user_plain):
            with self.assertRaises(AccessError):
                self.env['deputat.settings'].sudo(user).create({'answer_days': 10}).action_save()
