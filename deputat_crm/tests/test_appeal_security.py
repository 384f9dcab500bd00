from odoo.exceptions import AccessError, UserError

from .common_appeal import AppealCase


class TestAppealSecurity(AppealCase):

    def setUp(self):
        super(TestAppealSecurity, self).setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True)
        self.user_assistant2 = Users.create({
            'name': 'Second Assistant', 'login': 't_assistant2', 'email': 'a2@test.example',
            'groups_id': [(6, 0, [self.env.ref('deputat_crm.group_assistant').id])]})
        self.user_lawyer2 = Users.create({
            'name': 'Second Lawyer', 'login': 't_lawyer2', 'email': 'l2@test.example',
            'groups_id': [(6, 0, [self.env.ref('deputat_crm.group_lawyer').id])]})
        self.secret = self.new_appeal(confidential=True, lawyer_id=self.user_lawyer.id,
                                      subject='Личная ситуация')
        self.public = self.new_appeal()

    def visible(self, user):
        return self.Appeal.sudo(user).search([('id', 'in', (self.secret | self.public).ids)])

    def test_confidential_visibility(self):
        both = self.secret | self.public
        self.assertEqual(self.visible(self.user_assistant), both, 'responsible')
        self.assertEqual(self.visible(self.user_lawyer), both, 'assigned lawyer')
        self.assertEqual(self.visible(self.user_deputy), both)
        self.assertEqual(self.visible(self.user_head), both)
        self.assertEqual(self.visible(self.user_assistant2), self.public)
        self.assertEqual(self.visible(self.user_lawyer2), self.public)
        with self.assertRaises(AccessError):
            self.secret.sudo(self.user_assistant2).read(['subject'])
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': self.secret.id, 'partner_id': self.authority.id})
        self.assertFalse(self.env['deputat.appeal.request'].sudo(self.user_assistant2).search(
            [('id', '=', request.id)]))
        self.assertTrue(self.env['deputat.appeal.request'].sudo(self.user_lawyer).search(
            [('id', '=', request.id)]))

    def test_plain_employee_has_no_access(self):
        with self.assertRaises(AccessError):
            self.Appeal.sudo(self.user_plain).search([])

    def test_delete_and_configure_by_office_head(self):
        with self.assertRaises(AccessError):
            self.public.sudo(self.user_assistant).unlink()
        with self.assertRaises(AccessError):
            self.stage('new').sudo(self.user_deputy).write({'time_limit_days': 5})
        self.stage('new').sudo(self.user_head).write({'time_limit_days': 5})
        self.env['deputat.appeal.topic'].sudo(self.user_head).create({
            'name': 'Местная тема', 'code': '9999.0001.0000.0000'})
        self.public.sudo(self.user_head).unlink()

    def test_approvals_by_deputy_only(self):
        self.move(self.public, 'deputy_resolution')
        with self.assertRaises(UserError):
            self.move(self.public, 'answer_prepare', self.user_head, deputy_comment='Да.')
        self.public.sudo(self.user_deputy).write({'deputy_comment': 'Ответить.'})
        with self.assertRaisesRegex(UserError, 'Your role does not allow'):
            self.public.sudo(self.user_lawyer).write(
                {'stage_id': self.stage('answer_prepare').id})
        self.move(self.public, 'answer_prepare', self.user_deputy, deputy_comment='Ответить.')
        self.assertEqual(self.public.stage_id, self.stage('answer_prepare'))
