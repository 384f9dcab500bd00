"""Home screens per role (issue 12 item 3): the home action (res.users.action_id) follows the
office role, for the demo users and for the users the office head creates later."""
from .common import DeputatCase


class TestHomeAction(DeputatCase):

    def action(self, xmlid):
        # res.users.action_id is an ir.actions.actions: compare the generic records
        action = self.env.ref('deputat_crm.%s' % xmlid)
        return self.env['ir.actions.actions'].browse(action.id)

    def test_role_users(self):
        self.assertEqual(self.user_deputy.action_id,
                         self.action('action_deputat_appeal_waiting_me'))
        self.assertEqual(self.user_head.action_id, self.action('action_deputat_dashboard'))
        self.assertEqual(self.user_assistant.action_id, self.action('action_deputat_appeal_my'))
        self.assertEqual(self.user_lawyer.action_id, self.action('action_deputat_appeal_my'))
        self.assertFalse(self.user_plain.action_id)

    def test_demo_users(self):
        for login, xmlid in (('deputy', 'action_deputat_appeal_waiting_me'),
                             ('head', 'action_deputat_dashboard'),
                             ('assistant', 'action_deputat_appeal_my'),
                             ('lawyer', 'action_deputat_appeal_my')):
            user = self.env['res.users'].search([('login', '=', login)])
            if user:  # the demo data is installed
                self.assertEqual(user.action_id, self.action(xmlid), login)

    def test_role_change_follows(self):
        """A user given another role later lands on that role's screen; a home action chosen
        by hand is kept."""
        user = self.user_plain
        user.write({'groups_id': [(4, self.env.ref('deputat_crm.group_assistant').id)]})
        self.assertEqual(user.action_id, self.action('action_deputat_appeal_my'))
        user.write({'groups_id': [(4, self.env.ref('deputat_crm.group_deputy').id)]})
        self.assertEqual(user.action_id, self.action('action_deputat_appeal_waiting_me'))
        user.write({'groups_id': [(3, self.env.ref('deputat_crm.group_deputy').id)]})
        # the implied lawyer group stays: lawyer's screen
        self.assertEqual(user.action_id, self.action('action_deputat_appeal_my'))
        other = self.action('action_deputat_event')
        user.write({'action_id': other.id})
        user.write({'groups_id': [(4, self.env.ref('deputat_crm.group_office_head').id)]})
        self.assertEqual(user.action_id, other)

    def test_user_created_by_head(self):
        """The office head creates a user through the form's role selector."""
        Users = self.env['res.users'].with_context(no_reset_password=True)
        group = self.env.ref('deputat_crm.group_deputy')
        user = Users.create({'name': 'Новый депутат', 'login': 't_new_deputy',
                             'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                                   group.id])]})
        self.assertEqual(user.action_id, self.action('action_deputat_appeal_waiting_me'))

    def test_home_actions_in_russian(self):
        names = {xmlid: self.env.ref('deputat_crm.' + xmlid).with_context(lang='ru_RU').name
                 for xmlid in ('action_deputat_appeal_waiting_me', 'action_deputat_dashboard',
                               'action_deputat_appeal_my')}
        self.assertEqual(names, {'action_deputat_appeal_waiting_me': 'Ждут моего решения',
                                 'action_deputat_dashboard': 'Сводка приёмной',
                                 'action_deputat_appeal_my': 'Мои обращения'})

    def test_root_menu_opens_appeals(self):
        root = self.env.ref('deputat_crm.menu_deputat_root')
        self.assertEqual(root.action._name, 'ir.actions.act_window')
        self.assertEqual(root.action.res_model, 'deputat.appeal')
