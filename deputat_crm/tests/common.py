from odoo.tests.common import TransactionCase


class DeputatCase(TransactionCase):
    """Base class of the addon's tests: the demo users of each role, a territory tree, and
    helpers to act as a role (``self.as_assistant`` ...)."""

    def setUp(self):
        super(DeputatCase, self).setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True, tracking_disable=True)

        def user(login, name, group):
            return Users.create({
                'name': name, 'login': login, 'email': '%s@test.example' % login,
                'lang': 'en_US', 'tz': 'Europe/Moscow',
                'groups_id': [(6, 0, [self.env.ref(group).id])],
            })
        self.user_assistant = user('t_assistant', 'Test Assistant', 'deputat_crm.group_assistant')
        self.user_lawyer = user('t_lawyer', 'Test Lawyer', 'deputat_crm.group_lawyer')
        self.user_deputy = user('t_deputy', 'Test Deputy', 'deputat_crm.group_deputy')
        self.user_head = user('t_head', 'Test Head', 'deputat_crm.group_office_head')
        self.user_plain = user('t_plain', 'Plain Employee', 'base.group_user')
        Territory = self.env['deputat.territory']
        self.territory_root = Territory.create({'name': 'Test okrug', 'kind': 'constituency'})
        self.territory_district = Territory.create({
            'name': 'Test district', 'kind': 'district', 'parent_id': self.territory_root.id})
        self.territory_village = Territory.create({
            'name': 'Test village', 'parent_id': self.territory_district.id})

    def env_as(self, user):
        return self.env(user=user.id)
