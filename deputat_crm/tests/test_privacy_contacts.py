"""Consent that cannot be bypassed, mass mailings for the office, special categories, and a
person's data (export and deletion request)."""
import base64
import json

from odoo.exceptions import AccessError, UserError

from .common_privacy import PrivacyCase


class TestMailingConsent(PrivacyCase):

    def setUp(self):
        super(TestMailingConsent, self).setUp()
        Partner = self.env['res.partner']
        self.no_consent = Partner.create([{
            'name': 'Без согласия %d' % i, 'email': 'noconsent%d@example.ru' % i}
            for i in range(3)]) if hasattr(Partner, '_create_multi') else Partner
        if not self.no_consent:
            for i in range(3):
                self.no_consent |= Partner.create({
                    'name': 'Без согласия %d' % i, 'email': 'noconsent%d@example.ru' % i})
        self.consenting = Partner.create({'name': 'С согласием', 'email': 'yes@example.ru',
                                          'mailing_opt_in': True})

    def wizard(self, user, domain_text):
        return self.rpc(user, 'deputat.mailing.list.wizard', 'create', {
            'scope': 'search', 'search_domain': domain_text,
            'new_list_name': 'Список для проверки'})

    def contacts_added(self):
        return self.env['mail.mass_mailing.contact'].search(
            [('email', 'in', self.no_consent.mapped('email_normalized'))])

    def test_domain_injection_adds_nobody_without_consent(self):
        ids = (self.no_consent | self.consenting).ids
        # the unbalanced '|' used to swallow the consent term
        wizard_id = self.wizard(self.user_assistant, "['|', ('id', 'in', %r)]" % ids)
        with self.assertRaisesRegex(UserError, 'not well formed'):
            self.rpc(self.user_assistant, 'deputat.mailing.list.wizard', 'action_apply',
                     [wizard_id])
        self.assertFalse(self.contacts_added())
        for text in ("['|', '|', ('id', 'in', %r)]" % ids, "[('id', 'in', %r), '|']" % ids,
                     "[('id', 'in', %r)] + ['|']" % ids, "__import__('os')", "'|'",
                     "[('id', 'in', %r), 'x']" % ids):
            with self.assertRaises(UserError, msg=text):
                wizard_id = self.wizard(self.user_assistant, text)
                self.rpc(self.user_assistant, 'deputat.mailing.list.wizard', 'action_apply',
                         [wizard_id])
        self.assertFalse(self.contacts_added())
        # a well-formed OR over everybody still adds only the consenting contact
        wizard_id = self.wizard(self.user_assistant,
                                "['|', ('id', 'in', %r), ('id', '=', 0)]" % ids)
        self.rpc(self.user_assistant, 'deputat.mailing.list.wizard', 'action_apply',
                 [wizard_id])
        self.assertFalse(self.contacts_added())
        self.assertTrue(self.env['mail.mass_mailing.contact'].search(
            [('email', '=', 'yes@example.ru')]))


class TestMassMailingAccess(PrivacyCase):

    def mailing_values(self):
        return {'name': 'Приглашение на встречу', 'body_html': '<p>Встреча</p>',
                'mailing_model_id': self.env.ref('base.model_res_partner').id,
                'mailing_domain': "[('id', '=', %d)]" % self.applicant.id}

    def test_office_head_creates_sends_and_deletes_lists(self):
        mailing_id = self.rpc(self.user_head, 'mail.mass_mailing', 'create',
                              self.mailing_values())
        self.rpc(self.user_head, 'mail.mass_mailing', 'put_in_queue', [mailing_id])
        self.assertEqual(self.env['mail.mass_mailing'].browse(mailing_id).state, 'in_queue')
        list_id = self.rpc(self.user_head, 'mail.mass_mailing.list', 'create',
                           {'name': 'Временный'})
        self.rpc(self.user_head, 'mail.mass_mailing.list', 'unlink', [list_id])
        self.assertFalse(self.env['mail.mass_mailing.list'].browse(list_id).exists())

    def test_assistant_prepares_but_does_not_send(self):
        mailing_id = self.rpc(self.user_assistant, 'mail.mass_mailing', 'create',
                              self.mailing_values())
        self.rpc(self.user_assistant, 'mail.mass_mailing', 'write', [mailing_id],
                 {'name': 'Приглашение (черновик)'})
        with self.assertRaises(AccessError):
            self.rpc(self.user_assistant, 'mail.mass_mailing', 'put_in_queue', [mailing_id])
        with self.assertRaises(AccessError):
            self.rpc(self.user_assistant, 'mail.mass_mailing', 'write', [mailing_id],
                     {'state': 'in_queue'})
        self.assertEqual(self.env['mail.mass_mailing'].browse(mailing_id).state, 'draft')
        list_id = self.env['mail.mass_mailing.list'].create({'name': 'Постоянный'}).id
        with self.assertRaises(AccessError):
            self.rpc(self.user_assistant, 'mail.mass_mailing.list', 'unlink', [list_id])
        for user in (self.user_plain, self.user_portal):
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.mass_mailing', 'search_read', [], ['name'])

    def test_office_menu(self):
        menu = self.env.ref('deputat_crm.menu_deputat_mass_mailing')
        visible = self.env['ir.ui.menu'].sudo(self.user_assistant).search(
            [('id', '=', menu.id)])
        self.assertEqual(visible, menu)


class TestSpecialCategories(PrivacyCase):

    def setUp(self):
        super(TestSpecialCategories, self).setUp()
        self.health = self.env.ref('deputat_crm.social_status_disabled')
        self.pensioner = self.env.ref('deputat_crm.social_status_pensioner')
        self.person = self.env['res.partner'].create({
            'name': 'Иван Петров', 'birthdate': '1950-05-01',
            'social_status_ids': [(6, 0, (self.health | self.pensioner).ids)]})

    def test_health_status_is_special_by_default(self):
        self.assertTrue(self.health.special_category)

    def test_internal_user_without_role_sees_no_special_data(self):
        for field in ('birthdate', 'age_band', 'social_status_main_id'):
            with self.assertRaises(AccessError, msg=field):
                self.rpc(self.user_plain, 'res.partner', 'read', self.person.ids, [field])
        seen = self.rpc(self.user_plain, 'res.partner', 'read', self.person.ids,
                        ['social_status_ids'])[0]
        self.assertEqual(seen['social_status_ids'], self.pensioner.ids)
        self.assertNotIn(self.health.id, self.rpc(self.user_plain, 'deputat.social.status',
                                                  'search', []))
        # the form the web client loads for them has no birth date
        everything = self.rpc(self.user_plain, 'res.partner', 'read', self.person.ids)[0]
        self.assertNotIn('birthdate', everything)
        # marking another status special hides it too
        self.pensioner.special_category = True
        seen = self.rpc(self.user_plain, 'res.partner', 'read', self.person.ids,
                        ['social_status_ids'])[0]
        self.assertEqual(seen['social_status_ids'], [])

    def test_office_roles_see_them(self):
        for user in (self.user_assistant, self.user_lawyer, self.user_deputy, self.user_head):
            seen = self.rpc(user, 'res.partner', 'read', self.person.ids,
                            ['birthdate', 'social_status_ids'])[0]
            self.assertEqual(seen['birthdate'], '1950-05-01')
            self.assertIn(self.health.id, seen['social_status_ids'])


class TestPersonalData(PrivacyCase):

    def setUp(self):
        super(TestPersonalData, self).setUp()
        self.person = self.env['res.partner'].create({
            'name': 'Ольга Смирнова', 'email': 'smirnova@example.ru', 'birthdate': '1980-01-02',
            'vk_url': 'https://vk.com/id123', 'mailing_opt_in': True,
            'social_status_ids': [(6, 0, self.env.ref(
                'deputat_crm.social_status_pensioner').ids)]})
        self.appeal = self.new_appeal(partner_id=self.person.id, subject='Детская площадка')

    def wizard(self, user, **values):
        return self.rpc(user, 'deputat.personal.data.wizard', 'create',
                        dict(values, partner_id=self.person.id))

    def test_export_contains_the_persons_appeals(self):
        wizard_id = self.wizard(self.user_head)
        self.rpc(self.user_head, 'deputat.personal.data.wizard', 'action_export', [wizard_id])
        wizard = self.env['deputat.personal.data.wizard'].browse(wizard_id)
        data = json.loads(base64.b64decode(wizard.export_file).decode('utf-8'))
        self.assertEqual(data['contact']['name'], 'Ольга Смирнова')
        self.assertEqual(data['contact']['birthdate'], '1980-01-02')
        self.assertEqual([a['name'] for a in data['appeals']], [self.appeal.name])
        self.assertEqual(data['appeals'][0]['subject'], 'Детская площадка')
        self.assertTrue(data['contact']['mailing_opt_in'])
        self.assertTrue(self.env['deputat.audit.log'].search([
            ('operation', '=', 'export'), ('res_model', '=', 'res.partner'),
            ('res_id', '=', self.person.id), ('user_id', '=', self.user_head.id)]))
        text = self.pdf_text('deputat_crm.action_report_personal_data', self.person)
        self.assertIn(self.appeal.name, text)
        self.assertIn('площадка', text)

    def test_only_the_office_head(self):
        for user in (self.user_assistant, self.user_deputy, self.user_plain):
            with self.assertRaises(AccessError):
                wizard_id = self.wizard(user, reason='x')
                self.rpc(user, 'deputat.personal.data.wizard', 'action_export', [wizard_id])
            with self.assertRaises(AccessError):
                self.env['report.deputat_crm.report_personal_data'].sudo(
                    user).get_report_values(self.person.ids)
        self.assertEqual(self.person.birthdate, '1980-01-02')

    def test_deletion_request(self):
        wizard_id = self.wizard(self.user_head)
        with self.assertRaisesRegex(UserError, 'reason'):
            self.rpc(self.user_head, 'deputat.personal.data.wizard', 'action_erase', [wizard_id])
        self.assertEqual(self.person.birthdate, '1980-01-02', 'nothing half-done')
        wizard_id = self.wizard(self.user_head, reason='Заявление от 01.03.2026, вх. 15')
        self.rpc(self.user_head, 'deputat.personal.data.wizard', 'action_erase', [wizard_id])
        self.person.invalidate_cache()
        # the open appeal must be kept (59-FZ): the person stays its applicant
        self.assertEqual(self.appeal.partner_id, self.person)
        self.assertEqual(self.person.name, 'Ольга Смирнова')
        self.assertFalse(self.person.birthdate)
        self.assertFalse(self.person.vk_url)
        self.assertFalse(self.person.mailing_opt_in)
        self.assertFalse(self.person.social_status_ids)
        log = self.env['deputat.audit.log'].search([('operation', '=', 'erase'),
                                                    ('res_id', '=', self.person.id)])
        self.assertEqual(log.note, 'Заявление от 01.03.2026, вх. 15')

    def test_deletion_of_a_person_with_nothing_to_keep(self):
        lonely = self.env['res.partner'].create({'name': 'Семён Орлов', 'email': 'o@example.ru',
                                                 'phone': '+7 900 000-00-00'})
        wizard_id = self.rpc(self.user_head, 'deputat.personal.data.wizard', 'create',
                             {'partner_id': lonely.id, 'reason': 'Заявление'})
        self.rpc(self.user_head, 'deputat.personal.data.wizard', 'action_erase', [wizard_id])
        lonely.invalidate_cache()
        self.assertNotIn('Орлов', lonely.name)
        self.assertFalse(lonely.email)
        self.assertFalse(lonely.phone)
        self.assertFalse(lonely.active)
