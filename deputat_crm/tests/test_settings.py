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

    def test_letterhead_and_report_address(self):
        settings = self.env['deputat.settings'].sudo(self.user_head).create({})
        settings.write({'office_street': 'ул. Ленина, 1', 'office_city': 'Заречный',
                        'office_phone': '+7 (81370) 2-00-00',
                        'report_url': 'http://127.0.0.1:8069'})
        settings.action_save()
        company = self.env.user.company_id
        self.assertEqual(company.street, 'ул. Ленина, 1')
        self.assertEqual(company.city, 'Заречный')
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param('report.url'),
                         'http://127.0.0.1:8069')
        bad = self.env['deputat.settings'].sudo(self.user_head).create({})
        bad.write({'report_url': 'localhost:8069', 'office_city': 'Другой'})
        with self.assertRaisesRegex(ValidationError, 'http://'):
            bad.action_save()
        self.assertEqual(company.city, 'Заречный', 'nothing saved')
