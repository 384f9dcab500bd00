from lxml import etree

from odoo.exceptions import AccessError

from .common import DeputatCase


class TestContactAccess(DeputatCase):
    """Every role reads contacts; assistants and above create and edit; only the office head
    deletes contacts and manages the lists."""

    def setUp(self):
        super(TestContactAccess, self).setUp()
        self.citizen = self.env.ref('deputat_crm.deputat_partner_02')
        self.staff = [self.user_assistant, self.user_lawyer, self.user_deputy, self.user_head]

    def test_every_role_reads(self):
        for user in self.staff + [self.user_plain]:
            partner = self.citizen.sudo(user)
            self.assertEqual(partner.territory_id.name, 'пос. Лесное', user.login)
            self.assertTrue(partner.social_status_ids, user.login)

    def test_staff_create_and_edit(self):
        for user in self.staff:
            partner = self.env['res.partner'].sudo(user).create({
                'name': 'Created by %s' % user.login, 'territory_id': self.territory_village.id})
            partner.write({'city': 'Светлогорск'})
            self.citizen.sudo(user).write({'comment': 'seen by %s' % user.login})
        with self.assertRaises(AccessError):
            self.env['res.partner'].sudo(self.user_plain).create({'name': 'Not allowed'})
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.user_plain).write({'city': 'Тверь'})

    def test_only_office_head_deletes(self):
        for user in (self.user_assistant, self.user_lawyer, self.user_deputy):
            partner = self.env['res.partner'].create({'name': 'To delete'})
            with self.assertRaises(AccessError, msg=user.login):
                partner.sudo(user).unlink()
        partner = self.env['res.partner'].create({'name': 'To delete'})
        partner.sudo(self.user_head).unlink()
        self.assertFalse(partner.exists())

    def test_contact_creation_group_does_not_let_assistants_delete(self):
        # new users get base.group_partner_manager (full rights on res.partner) by default
        self.user_assistant.groups_id = [(4, self.env.ref('base.group_partner_manager').id)]
        partner = self.env['res.partner'].create({'name': 'To keep'})
        with self.assertRaises(AccessError):
            partner.sudo(self.user_assistant).unlink()
        self.assertTrue(partner.exists())

    def test_configuration_lists_by_office_head_only(self):
        for model in ('deputat.social.status', 'deputat.contact.source'):
            Model = self.env[model]
            record = Model.sudo(self.user_head).create({'name': 'New %s' % model})
            record.sudo(self.user_head).write({'name': 'Renamed %s' % model})
            self.assertTrue(Model.sudo(self.user_assistant).search([('id', '=', record.id)]))
            for user in (self.user_assistant, self.user_deputy):
                with self.assertRaises(AccessError):
                    Model.sudo(user).create({'name': 'Not allowed'})
                with self.assertRaises(AccessError):
                    record.sudo(user).write({'name': 'Not allowed'})
                with self.assertRaises(AccessError):
                    record.sudo(user).unlink()
            record.sudo(self.user_head).unlink()

    def test_config_menus_for_office_head(self):
        menu = self.env.ref('deputat_crm.menu_deputat_social_status')
        Menu = self.env['ir.ui.menu']
        self.assertIn(menu.id, Menu.sudo(self.user_head)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.sudo(self.user_deputy)._visible_menu_ids())
        contacts = self.env.ref('deputat_crm.menu_deputat_all_contacts')
        self.assertIn(contacts.id, Menu.sudo(self.user_assistant)._visible_menu_ids())

    def test_views_show_deputy_fields(self):
        Partner = self.env['res.partner'].sudo(self.user_assistant)
        form = Partner.fields_view_get(view_type='form')['arch']
        for fname in ('territory_id', 'social_status_ids', 'audience_ids', 'vk_url',
                      'contact_referrer_id', 'pd_legal_basis', 'mailing_opt_in',
                      'duplicate_count'):
            self.assertIn('name="%s"' % fname, form)
        for view_type in ('tree', 'kanban'):
            arch = Partner.fields_view_get(view_type=view_type)['arch']
            self.assertIn('name="territory_id"', arch, view_type)
            self.assertIn('name="social_status_ids"', arch, view_type)
        # the page «Депутат» is for the office staff only (Odoo 11 hides it by invisible="1")
        def page(user):
            arch = self.env['res.partner'].sudo(user).fields_view_get(view_type='form')['arch']
            return etree.fromstring(arch).xpath("//page[@name='deputat']")[0]
        self.assertFalse(page(self.user_assistant).get('invisible'))
        self.assertEqual(page(self.user_plain).get('invisible'), '1')
