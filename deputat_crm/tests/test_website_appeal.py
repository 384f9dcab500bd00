# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The appeal of the public website form (issue 10) on the real ORM: applicant matching, the
registered appeal with its consent, material and channel, the access code and the status a
citizen sees; the office head's settings of the form. The pages themselves (refusals, the real
browser) are tested against the running server in tests/browser/test_website_appeal.py."""
from odoo.exceptions import AccessError, ValidationError

from ..lib import website_form
from .common import DeputatCase

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'


class TestWebsiteAppeal(DeputatCase):

    def values(self, **kw):
        values = {
            'surname': 'Белова', 'first_name': 'Ирина', 'patronymic': 'Олеговна',
            'name': 'Белова Ирина Олеговна', 'address': 'г. Самара, ул. Лесная, д. 5, кв. 2',
            'email': 'belova.web@example.ru', 'phone': '+7 927 000-11-22',
            'text': 'Прошу отремонтировать детскую площадку\nво дворе дома 5.',
            'co_signatories': [], 'territory_id': self.territory_village.id,
            'consent_text': 'Согласие на обработку (тест)',
        }
        values.update(kw)
        return values

    def submit(self, **kw):
        return self.env['deputat.appeal'].sudo()._website_create(
            self.values(**kw), [('plan.pdf', PDF, 'application/pdf')], '10.0.0.1')

    def test_registered_appeal_with_consent_material_and_channel(self):
        appeal, code = self.submit()
        self.assertNotEqual(appeal.name, '/')
        self.assertEqual(appeal.stage_id, appeal._pipeline_first_stage())
        self.assertEqual(appeal.channel_id, self.env.ref('deputat_crm.channel_website'))
        self.assertEqual(appeal.appeal_form, 'electronic')
        self.assertEqual(appeal.consent_text, 'Согласие на обработку (тест)')
        self.assertTrue(appeal.consent_date)
        self.assertEqual(appeal.attachment_ids.mapped('datas_fname'), ['plan.pdf'])
        self.assertEqual(appeal.partner_id.name, 'Белова Ирина Олеговна')
        self.assertEqual(appeal.territory_id, self.territory_village)
        self.assertIn('ул. Лесная', appeal.description)
        # the code itself is nowhere in the database, only its keyed hash
        self.assertEqual(len(code), 10)
        self.assertNotIn(code, appeal.access_code_hash)
        self.assertEqual(self.env['deputat.website.submission'].search_count(
            [('ip_address', '=', '10.0.0.1')]), 1)

    def test_existing_contact_matched_not_overwritten(self):
        known = self.env['res.partner'].create({
            'name': 'Белова Ирина', 'email': 'Belova.Web@example.ru', 'phone': '+7 900 1'})
        appeal, _code = self.submit(name='Совсем Другое Имя', phone='+7 999 999-99-99')
        self.assertEqual(appeal.partner_id, known)
        self.assertEqual((known.name, known.phone), ('Белова Ирина', '+7 900 1'))
        by_phone = self.env['res.partner'].create({'name': 'Кротов', 'phone': '8 (927) 555-44-33'})
        appeal2, _code = self.submit(email='', phone='+7 927 555 44 33')
        self.assertEqual(appeal2.partner_id, by_phone)
        self.assertEqual(appeal2.answer_method_id, self.env.ref('deputat_crm.answer_method_post'))

    def test_collective_appeal_has_co_applicants(self):
        appeal, _code = self.submit(co_signatories=['Петров Пётр', 'Сидорова Анна'])
        self.assertEqual(appeal.appeal_kind, 'collective')
        self.assertEqual(sorted(appeal.co_applicant_ids.mapped('name')),
                         ['Петров Пётр', 'Сидорова Анна'])

    def test_status_by_number_and_code_only(self):
        appeal, code = self.submit()
        Appeal = self.env['deputat.appeal']
        self.assertEqual(Appeal._website_find(appeal.name, code.lower()), appeal)
        self.assertFalse(Appeal._website_find(appeal.name, 'WRONGCODE1'))
        self.assertFalse(Appeal._website_find(appeal.name, ''))
        self.assertFalse(Appeal._website_find('99999/1999', code))
        status = appeal._website_status()
        self.assertEqual(set(status), {'number', 'status', 'planned', 'answer'})
        self.assertEqual(status['status'], 'Обращение получено и регистрируется')
        self.assertRegex(status['planned'], r'^\d\d\.\d\d\.\d{4}$')
        self.assertEqual(status['answer'], '')
        # an appeal typed in by staff has no code: no pair finds it
        staff_appeal = Appeal.create({'partner_id': appeal.partner_id.id, 'description': 'x'})
        self.assertFalse(Appeal._website_find(staff_appeal.name, code))

    def test_status_of_an_answered_appeal_shows_the_answer_sent_by_email(self):
        appeal, code = self.submit()
        appeal.write({'date_answer': appeal.date_registered,
                      'answer_text': '<p>Площадку отремонтируют <b>в мае</b>.</p>'})
        status = appeal._website_status()
        self.assertTrue(status['status'].startswith('Ответ направлен '))
        self.assertEqual(status['answer'], 'Площадку отремонтируют *в мае*.')
        self.assertEqual(status['planned'], '')
        # answered by post: the text stays in the office
        post_appeal, _code = self.submit(email='')
        post_appeal.write({'date_answer': post_appeal.date_registered,
                           'answer_text': '<p>Ответ по почте</p>'})
        self.assertEqual(post_appeal._website_status()['answer'], '')

    def test_rate_limit_counts_ip_and_email(self):
        Log = self.env['deputat.website.submission']
        self.env['ir.config_parameter'].set_param('deputat_crm.website_rate_limit', '2')
        self.assertFalse(Log._deputat_over_limit('10.0.0.9', 'a@example.ru'))
        Log.create({'kind': 'appeal', 'ip_address': '10.0.0.9', 'email': 'a@example.ru'})
        Log.create({'kind': 'appeal', 'ip_address': '10.0.0.8', 'email': 'a@example.ru'})
        self.assertTrue(Log._deputat_over_limit('10.0.0.7', 'a@example.ru'))
        self.assertFalse(Log._deputat_over_limit('10.0.0.9', 'b@example.ru'))
        Log.create({'kind': 'appeal', 'ip_address': '10.0.0.9'})
        self.assertTrue(Log._deputat_over_limit('10.0.0.9', 'b@example.ru'))

    def test_form_checks_without_orm(self):
        mb = 1024 * 1024
        self.assertIn('10 МБ', website_form.check_files([('big.pdf', 30 * mb)]))
        self.assertIn('допустимы только', website_form.check_files([('virus.exe', 10)]))
        self.assertIn('25 МБ', website_form.check_files([('a.pdf', 9 * mb)] * 3))
        self.assertIn('не более 5', website_form.check_files([('a.pdf', 1)] * 6))
        self.assertIsNone(website_form.check_files([('Скан.JPG', mb), ('b.docx', mb)]))
        self.assertEqual(website_form.strip_html('<b>Текст</b><script>alert(1)</script> &amp; ещё'),
                         'Текст & ещё')
        stamp = website_form.sign_stamp('s', now=1000)
        self.assertEqual(website_form.stamp_age('s', stamp, now=1004), 4)
        self.assertIsNone(website_form.stamp_age('s', '900.' + stamp.split('.')[1], now=1004))
        self.assertIsNone(website_form.stamp_age('other', stamp, now=1004))

    def test_settings_consent_text_and_limits(self):
        Settings = self.env['deputat.settings']
        with self.assertRaises(AccessError):
            Settings.sudo(self.user_assistant).create({})
        settings = Settings.sudo(self.user_head).create({})
        self.assertIn('152-ФЗ', settings.website_consent_text)
        self.assertEqual(settings.website_rate_limit, 5)
        self.assertEqual(settings.website_text_limit, 20000)
        settings.write({'website_consent_text': 'Новый текст согласия', 'website_rate_limit': 7})
        settings.action_save()
        self.assertEqual(self.env['deputat.appeal']._website_consent_text(),
                         'Новый текст согласия')
        self.assertEqual(self.env['deputat.appeal']._website_limits()['rate'], 7)
        settings = Settings.sudo(self.user_head).create({'website_consent_text': ' '})
        with self.assertRaises(ValidationError):
            settings.action_save()
