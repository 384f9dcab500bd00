from odoo.exceptions import AccessError, UserError

from .common import DeputatCase


class TestContactMerge(DeputatCase):
    """The office head merges duplicates: references follow, the duplicate disappears."""

    def setUp(self):
        super(TestContactMerge, self).setUp()
        self.kept = self.env.ref('deputat_crm.deputat_partner_31')      # consent, e-mail
        self.duplicate = self.env.ref('deputat_crm.deputat_partner_32')  # imported copy

    def merge(self, partners, dst, user=None):
        wizard = self.env['deputat.partner.merge.wizard'].sudo(user or self.user_head) \
            .with_context(active_model='res.partner', active_ids=partners.ids).create({})
        wizard.dst_partner_id = dst
        return wizard.action_merge()

    def test_merge_moves_references_and_fills_values(self):
        self.duplicate.write({
            'birthdate': '1982-04-18', 'vk_url': '@m_petrova',
            'social_status_ids': [(6, 0, self.env.ref('deputat_crm.social_status_large_family').ids)],
            'mailing_opt_in': False})
        referred = self.env['res.partner'].create({'name': 'Referred by the copy',
                                                   'contact_referrer_id': self.duplicate.id})
        self.duplicate.message_post(body='Note on the copy')
        duplicate_id = self.duplicate.id
        action = self.merge(self.kept | self.duplicate, self.kept)
        self.assertEqual(action['res_id'], self.kept.id)
        self.assertFalse(self.env['res.partner'].browse(duplicate_id).exists())
        self.assertEqual(referred.contact_referrer_id, self.kept)
        self.assertEqual(self.kept.vk_url, 'https://vk.com/m_petrova')
        self.assertEqual(self.kept.birthdate, '1982-04-18')
        self.assertEqual(self.kept.email, 'm.petrova@example.com')
        self.assertEqual(sorted(self.kept.social_status_ids.mapped('name')),
                         ['Employed', 'Large family'])
        self.assertTrue(self.kept.mailing_opt_in, 'the kept consent stands')
        bodies = self.kept.message_ids.mapped('body')
        self.assertTrue(any('Note on the copy' in b for b in bodies))
        self.assertTrue(any('Merged with' in b and '#%d' % duplicate_id in b for b in bodies))
        self.assertFalse(self.kept.duplicate_ids)

    def test_consent_not_inherited(self):
        self.kept.write({'mailing_opt_in': False})
        self.duplicate.write({'mailing_opt_in': True})
        self.merge(self.kept | self.duplicate, self.kept)
        self.assertFalse(self.kept.mailing_opt_in)

    def test_only_office_head_merges(self):
        for user in (self.user_assistant, self.user_deputy):
            with self.assertRaises(AccessError):
                self.merge(self.kept | self.duplicate, self.kept, user=user)
        self.assertTrue(self.duplicate.exists())

    def test_bad_selections_refused(self):
        with self.assertRaises(UserError):
            self.merge(self.kept, self.kept)
        company = self.env.ref('deputat_crm.deputat_partner_25')
        journalist = self.env.ref('deputat_crm.deputat_partner_24')
        with self.assertRaises(UserError):
            self.merge(company | journalist, company)
        with self.assertRaises(UserError):
            self.merge(self.kept | self.duplicate, self.env.ref('deputat_crm.deputat_partner_01'))
        self.assertTrue(journalist.exists() and self.duplicate.exists())
