"""Issue 12 item 5: the office's contacts search shows the office's filters, not Odoo's sales
ones; the contact form hides Odoo's sales clutter from office users; «Рассылки» is a menu of
the office."""
from lxml import etree

from .common_appeal import AppealCase

OFFICE_FILTERS = ('mailing_opt_in', 'no_mailing_opt_in', 'has_territory', 'has_appeals',
                  'has_events', 'basis_59fz', 'age_60_plus')
SALES_FILTERS = ('filter_my_partners', 'customer', 'supplier', 'salesperson')


class TestContactsOfficeViews(AppealCase):

    def search_arch(self, user):
        action = self.env.ref('deputat_crm.action_deputat_contacts')
        view = self.env['res.partner'].sudo(user).fields_view_get(
            view_id=action.search_view_id.id, view_type='search')
        return etree.fromstring(view['arch'])

    def test_office_filters_only(self):
        for xmlid in ('deputat_crm.action_deputat_contacts',
                      'deputat_crm.action_deputat_contacts_opt_in'):
            self.assertEqual(self.env.ref(xmlid).search_view_id,
                             self.env.ref('deputat_crm.res_partner_view_search_office'))
        arch = self.search_arch(self.user_assistant)
        filters = {node.get('name') for node in arch.iter('filter')}
        fields = {node.get('name') for node in arch.iter('field')}
        for name in OFFICE_FILTERS:
            self.assertIn(name, filters)
        for name in SALES_FILTERS:
            self.assertNotIn(name, filters)
        for name in ('territory_id', 'social_status_ids', 'audience_ids'):
            self.assertIn(name, fields)
        self.assertNotIn('user_id', fields)
        labels = {node.get('string') for node in arch.iter('filter')}
        self.assertNotIn('Customers', labels)
        self.assertNotIn('Vendors', labels)

    def test_has_appeals_and_events_filters(self):
        appeal = self.new_appeal()
        Partner = self.env['res.partner'].sudo(self.user_assistant)
        with_appeals = Partner.search([('deputat_has_appeals', '=', True)])
        self.assertIn(appeal.partner_id, with_appeals)
        self.assertNotIn(self.authority, with_appeals)
        self.assertIn(self.authority, Partner.search([('deputat_has_appeals', '=', False)]))
        event = self.env['deputat.event'].search([('contact_ids', '!=', False)], limit=1)
        self.assertTrue(event, 'the demo has an event with contacts')
        with_events = Partner.search([('deputat_has_events', '=', True)])
        self.assertIn(event.contact_ids[0], with_events)
        self.assertNotIn(self.applicant, with_events)
        self.assertTrue(Partner.browse(appeal.partner_id.id).deputat_has_appeals)

    def test_form_hides_sales_clutter_from_the_office(self):
        arch = self.env['res.partner'].sudo(self.user_head).fields_view_get(
            view_type='form')['arch']
        tree = etree.fromstring(arch)
        # Odoo 11 marks a node of another group invisible (the client does not render it)
        for xpath in ("//field[@name='vat']", "//page[@name='sales_purchases']"):
            self.assertTrue(all(node.get('invisible') == '1' for node in tree.xpath(xpath)),
                            xpath)
        self.assertNotIn('odoo.com', arch)
        # the administrator keeps them
        admin = etree.fromstring(self.env['res.partner'].sudo(
            self.env.ref('base.user_root')).fields_view_get(view_type='form')['arch'])
        for xpath in ("//field[@name='vat']", "//page[@name='sales_purchases']"):
            self.assertEqual([node.get('invisible') for node in admin.xpath(xpath)], [None],
                             xpath)

    def test_mailings_menu_for_the_office(self):
        menu = self.env.ref('deputat_crm.menu_deputat_mailings')
        children = (self.env.ref('deputat_crm.menu_deputat_mass_mailing')
                    | self.env.ref('deputat_crm.menu_deputat_mass_mailing_lists'))
        self.assertEqual(children.mapped('parent_id'), menu)
        for user in (self.user_assistant, self.user_head):
            Menu = self.env['ir.ui.menu'].sudo(user)
            visible = Menu.browse(Menu._visible_menu_ids())
            self.assertIn(menu, visible)
            self.assertEqual(children & visible, children)
            for menu_item in children:
                model = menu_item.action.res_model
                self.env[model].sudo(user).search([], limit=1)
                self.env[model].sudo(user).fields_view_get(view_type='form')
        Menu = self.env['ir.ui.menu'].sudo(self.user_plain)
        self.assertNotIn(menu, Menu.browse(Menu._visible_menu_ids()))
