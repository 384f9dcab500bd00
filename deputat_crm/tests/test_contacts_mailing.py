import base64

from odoo.exceptions import AccessError, UserError

from .common import DeputatCase


class TestMailingConsent(DeputatCase):
    """Contacts without the mailing consent never enter a mailing list or an ad audience."""

    def setUp(self):
        super(TestMailingConsent, self).setUp()
        self.p = {s: self.env.ref('deputat_crm.deputat_partner_%s' % s)
                  for s in ('01', '02', '09', '21', '30', '31')}
        # 01, 09, 21, 31: consent and e-mail; 02: no consent, no e-mail; 30: e-mail, no consent
        self.MailingList = self.env['mail.mass_mailing.list']
        self.Contact = self.env['mail.mass_mailing.contact']

    def partners(self, *keys):
        return self.env['res.partner'].browse([self.p[k].id for k in keys])

    def run_wizard(self, partners, user=None, **vals):
        Wizard = self.env['deputat.mailing.list.wizard'].sudo(user or self.user_assistant)
        wizard = Wizard.with_context(active_model='res.partner',
                                     active_ids=partners.ids).create(vals)
        return wizard, wizard.action_apply()

    def list_emails(self, mailing_list):
        return sorted(self.Contact.search([('list_ids', 'in', mailing_list.ids)]).mapped('email'))

    def test_wizard_adds_only_consenting_contacts(self):
        wizard, action = self.run_wizard(self.partners('01', '02', '30', '31'),
                                         new_list_name='Жители Светлогорска')
        self.assertEqual(wizard.eligible_count, 2)
        self.assertEqual(wizard.skipped_count, 2)
        mailing_list = self.MailingList.search([('name', '=', 'Жители Светлогорска')])
        self.assertEqual(len(mailing_list), 1)
        self.assertEqual(self.list_emails(mailing_list),
                         ['m.petrova@example.com', 'v.ivanova@example.com'])
        self.assertEqual(action['res_model'], 'mail.mass_mailing.contact')
        # running it again does not duplicate the entries
        self.run_wizard(self.partners('01', '31'), mailing_list_id=mailing_list.id)
        self.assertEqual(len(self.Contact.search([('list_ids', 'in', mailing_list.ids)])), 2)

    def test_wizard_on_the_whole_search(self):
        okrug = self.env.ref('deputat_crm.territory_okrug5')
        pensioner = self.env.ref('deputat_crm.social_status_pensioner')
        search = [('territory_id', 'child_of', okrug.id),
                  ('social_status_ids', 'in', pensioner.ids)]
        Wizard = self.env['deputat.mailing.list.wizard'].sudo(self.user_assistant)
        wizard = Wizard.with_context(active_model='res.partner', active_ids=self.p['01'].ids,
                                     active_domain=search).create(
            {'scope': 'search', 'new_list_name': 'Пенсионеры'})
        self.assertEqual((wizard.eligible_count, wizard.skipped_count), (4, 4))
        wizard.action_apply()
        mailing_list = self.MailingList.search([('name', '=', 'Пенсионеры')])
        self.assertEqual(self.list_emails(mailing_list), [
            'g.kuzmina@example.com', 'l.belova@example.com', 't.morozova@example.com',
            'v.ivanova@example.com'])

    def test_existing_contact_reused_and_opt_out_respected(self):
        other = self.MailingList.create({'name': 'Older list'})
        target = self.MailingList.create({'name': 'Target list'})
        known = self.Contact.create({'name': 'x', 'email': 'v.ivanova@example.com',
                                     'list_ids': [(4, other.id)]})
        unsubscribed = self.Contact.create({'name': 'y', 'email': 'd.alekseev@example.com',
                                            'opt_out': True, 'list_ids': [(4, other.id)]})
        self.run_wizard(self.partners('01', '21', '09'), mailing_list_id=target.id)
        self.assertIn(target, known.list_ids)
        self.assertNotIn(target, unsubscribed.list_ids)
        self.assertEqual(self.list_emails(target),
                         ['a.smirnov@example.com', 'v.ivanova@example.com'])

    def test_nobody_eligible_is_an_error_and_nothing_created(self):
        lists_before = self.MailingList.search_count([])
        with self.assertRaises(UserError):
            self.run_wizard(self.partners('02', '30'), new_list_name='Empty list')
        self.assertEqual(self.MailingList.search_count([]), lists_before)
        with self.assertRaises(UserError):
            self.run_wizard(self.partners('01'))  # no list chosen, no name

    def test_withdrawn_consent_opts_out_of_lists(self):
        mailing_list = self.MailingList.create({'name': 'Newsletter'})
        self.run_wizard(self.partners('01', '31'), mailing_list_id=mailing_list.id)
        self.p['01'].sudo(self.user_assistant).write({'mailing_opt_in': False})
        self.assertFalse(self.p['01'].mailing_opt_in_date)
        entry = self.Contact.search([('email', '=', 'v.ivanova@example.com')])
        self.assertTrue(entry.opt_out)
        self.assertFalse(self.Contact.search([('email', '=', 'm.petrova@example.com')]).opt_out)
        # and the wizard no longer adds her
        wizard, _action = self.run_wizard(self.partners('01', '31'), mailing_list_id=mailing_list.id)
        self.assertEqual(wizard.eligible_count, 1)

    def test_mass_mailing_to_contacts_needs_consent(self):
        mailing = self.env['mail.mass_mailing'].create({
            'name': 'Приглашение на приём',
            'reply_to_mode': 'email',
            'mailing_model_id': self.env.ref('base.model_res_partner').id,
            'mailing_domain': repr([('id', 'in', self.partners('01', '02', '30', '31').ids)]),
        })
        self.assertEqual(sorted(mailing.get_recipients()), sorted(self.partners('01', '31').ids))
        self.assertEqual(sorted(mailing.get_remaining_recipients()),
                         sorted(self.partners('01', '31').ids))

    def test_consent_is_dated(self):
        partner = self.env['res.partner'].sudo(self.user_assistant).create({
            'name': 'Consenting citizen', 'mailing_opt_in': True, 'pd_legal_basis': 'consent'})
        self.assertTrue(partner.mailing_opt_in_date)
        self.assertEqual(partner.pd_legal_basis_date, partner.mailing_opt_in_date)

    # -- ad audience CSV ------------------------------------------------------------------

    def export(self, partners, user=None):
        action = partners.sudo(user or self.user_assistant).action_deputat_export_ad_audience()
        self.assertEqual(action['type'], 'ir.actions.act_url')
        attachment_id = int(action['url'].split('/web/content/')[1].split('?')[0])
        attachment = self.env['ir.attachment'].browse(attachment_id)
        self.assertEqual(attachment.mimetype, 'text/csv')
        return base64.b64decode(attachment.datas).decode('utf-8').split('\n')

    def test_ad_audience_csv_line_by_line(self):
        lines = self.export(self.partners('01', '02', '09', '21', '30'))
        self.assertEqual(lines, [
            'phone,email,vk_id',
            '+79123055521,d.alekseev@example.com,100200321',  # Алексеев
            '+79123011101,v.ivanova@example.com,',            # Иванова
            '+79223022209,a.smirnov@example.com,100200309',   # Смирнов
            '',
        ])

    def test_ad_audience_csv_without_consent_is_empty(self):
        self.assertEqual(self.export(self.partners('02', '30')), ['phone,email,vk_id', ''])

    def test_ad_audience_csv_needs_office_staff(self):
        with self.assertRaises(AccessError):
            self.partners('01').sudo(self.user_plain).action_deputat_export_ad_audience()
