from odoo.exceptions import AccessError

from .common import DeputatCase


class TestSecurityGroups(DeputatCase):

    def test_roles_are_cumulative(self):
        self.assertTrue(self.user_deputy.has_group('deputat_crm.group_lawyer'))
        self.assertTrue(self.user_deputy.has_group('deputat_crm.group_assistant'))
        self.assertTrue(self.user_lawyer.has_group('deputat_crm.group_assistant'))
        self.assertFalse(self.user_lawyer.has_group('deputat_crm.group_deputy'))
        self.assertTrue(self.user_head.has_group('deputat_crm.group_lawyer'))
        self.assertFalse(self.user_head.has_group('deputat_crm.group_deputy'),
                         "the office head does not sign for the deputy")
        self.assertFalse(self.user_assistant.has_group('deputat_crm.group_office_head'))

    def test_top_menu_visible_to_staff_only(self):
        root = self.env.ref('deputat_crm.menu_deputat_root')
        visible = self.env['ir.ui.menu'].sudo(self.user_assistant)._visible_menu_ids()
        self.assertIn(root.id, visible)
        visible = self.env['ir.ui.menu'].sudo(self.user_plain)._visible_menu_ids()
        self.assertNotIn(root.id, visible)

    def test_configuration_menu_for_office_head(self):
        config = self.env.ref('deputat_crm.menu_deputat_config')
        self.assertIn(config.id, self.env['ir.ui.menu'].sudo(self.user_head)._visible_menu_ids())
        self.assertNotIn(config.id, self.env['ir.ui.menu'].sudo(self.user_deputy)._visible_menu_ids())

    def test_territory_config_by_office_head_only(self):
        Territory = self.env['deputat.territory']
        Territory.sudo(self.user_head).create({'name': 'New settlement',
                                               'parent_id': self.territory_district.id})
        self.assertTrue(Territory.sudo(self.user_assistant).search([('name', '=', 'New settlement')]))
        with self.assertRaises(AccessError):
            Territory.sudo(self.user_assistant).create({'name': 'Not allowed'})
        with self.assertRaises(AccessError):
            self.territory_village.sudo(self.user_deputy).write({'name': 'Renamed'})
