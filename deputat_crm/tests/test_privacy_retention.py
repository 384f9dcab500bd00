"""Retention (152-FZ art. 5 part 7): closed appeals are anonymised after the retention period,
statistics kept; a dry run first; idempotent; dates frozen by the robot's parameter."""
import base64

from odoo.addons.deputat_crm.models.deputat_pipeline import engine_writes

from .common_privacy import PrivacyCase

TODAY = '2026-04-02'


class TestRetention(PrivacyCase):

    def setUp(self):
        super(TestRetention, self).setUp()
        self.Param = self.env['ir.config_parameter'].sudo()
        self.citizen = self.env['res.partner'].create({
            'name': 'Виктор Павлов', 'email': 'pavlov@example.ru', 'phone': '+7 901 111-22-33',
            'birthdate': '1960-02-03'})
        self.old = self.closed_appeal('2020-03-02', '2020-04-01', partner_id=self.citizen.id)
        self.recent = self.closed_appeal('2022-03-01', '2022-04-01')
        self.open = self.new_appeal(date_received='2020-03-02', date_registered='2020-03-02')

    def closed_appeal(self, received, closed, **vals):
        appeal = self.new_appeal(date_received=received, date_registered=received,
                                 description='Подробности о соседях и здоровье', **vals)
        attachment = self.env['ir.attachment'].create({
            'name': 'паспорт.pdf', 'datas': base64.b64encode(b'%PDF-1.4 x'),
            'res_model': 'deputat.appeal', 'res_id': appeal.id})
        appeal.sudo().write({'attachment_ids': [(4, attachment.id)]})
        appeal.message_post(body='Звонил заявитель, рассказал о болезни')
        with engine_writes():
            appeal.sudo().write({'stage_id': self.stage('done').id, 'final_result': 'explained',
                                 'date_answer': closed})
            appeal.sudo().write({'date_stage_entered': closed})
        self.assertTrue(appeal.is_closed)
        return appeal

    def run_robot(self, today=TODAY):
        return self.env['deputat.appeal']._cron_retention(today=today)

    def test_dry_run_changes_nothing(self):
        self.assertEqual(self.run_robot(), 1)
        self.assertFalse(self.old.anonymised_date)
        self.assertEqual(self.old.partner_id, self.citizen)
        action = self.env['deputat.settings'].sudo(self.user_head).create(
            {}).action_retention_dry_run()
        self.assertEqual(self.env['deputat.appeal'].search(action['domain']), self.old)

    def test_six_year_old_closed_appeal_is_anonymised_statistics_kept(self):
        self.Param.set_param('deputat_crm.retention_anonymise', '1')
        stats = {name: self.old[name] for name in (
            'name', 'date_received', 'date_registered', 'date_answer', 'topic_id',
            'final_result', 'channel_id', 'stage_id', 'territory_id')}
        attachments = self.old.attachment_ids
        self.assertEqual(self.run_robot(), 1)
        self.old.invalidate_cache()
        self.assertEqual(self.old.anonymised_date, TODAY)
        self.assertEqual(self.old.partner_id, self.env.ref('deputat_crm.partner_anonymous'))
        self.assertFalse(self.old.description)
        # written in the robot's language: Russian once ru.po is loaded
        self.assertIn(self.old.subject, ('Anonymised', 'Обезличено'))
        self.assertFalse(attachments.exists())
        self.assertFalse(self.env['mail.message'].search([
            ('model', '=', 'deputat.appeal'), ('res_id', '=', self.old.id)]))
        for name, value in stats.items():
            self.assertEqual(self.old[name], value, name)
        # the contact nothing else keeps is anonymised
        self.citizen.invalidate_cache()
        self.assertNotIn('Павлов', self.citizen.with_context(active_test=False).name)
        self.assertFalse(self.citizen.email or self.citizen.phone or self.citizen.birthdate)
        # the recent and the open appeals stay
        self.assertFalse(self.recent.anonymised_date)
        self.assertEqual(self.recent.partner_id, self.applicant)
        self.assertEqual(self.open.description, 'Прошу отремонтировать дорогу на ул. Ленина.')
        self.assertEqual(self.applicant.name, 'Мария Ивановна Соколова')
        # idempotent
        self.assertEqual(self.run_robot(), 0)
        self.assertTrue(self.env['deputat.audit.log'].search([
            ('operation', '=', 'anonymise'), ('res_id', '=', self.old.id)]))

    def test_retention_period_is_a_setting(self):
        self.Param.set_param('deputat_crm.retention_anonymise', '1')
        self.assertEqual(self.env['deputat.settings'].sudo(self.user_head).default_get(
            ['retention_years'])['retention_years'], 5)
        self.Param.set_param('deputat_crm.retention_years', '3')
        self.assertEqual(self.run_robot(), 2)
        self.assertTrue(self.recent.anonymised_date)
        self.assertFalse(self.open.anonymised_date)
