"""Issue 12 item 5: the duplicate dialog offers «Open» (the existing contact) and, from an
appeal, «Use this contact» (the existing contact becomes the applicant)."""
from odoo.exceptions import AccessError, UserError

from .common_appeal import AppealCase


class TestDuplicateDialog(AppealCase):

    def setUp(self):
        super(TestDuplicateDialog, self).setUp()
        self.existing = self.env.ref('deputat_crm.deputat_partner_31')
        # the assistant enters the applicant again, the phone written another way
        self.entered = self.env['res.partner'].sudo(self.user_assistant).create({
            'name': 'М. Петрова', 'phone': '8 (916) 123-45-67'})

    def dialog(self, action, user):
        self.assertEqual(action['res_model'], 'deputat.partner.duplicate.wizard')
        self.assertEqual(action['target'], 'new')
        return self.env[action['res_model']].sudo(user).browse(action['res_id'])

    def test_use_this_contact_sets_the_applicant(self):
        appeal = self.new_appeal(partner_id=self.entered.id)
        appeal = appeal.sudo(self.user_assistant)
        self.assertGreater(appeal.applicant_duplicate_count, 0)
        wizard = self.dialog(appeal.action_deputat_applicant_duplicates(), self.user_assistant)
        self.assertEqual(wizard.partner_id, self.entered)
        self.assertEqual(wizard.appeal_id, appeal)
        self.assertIn(self.existing, wizard.line_ids.mapped('partner_id'))
        line = wizard.line_ids.filtered(lambda l: l.partner_id == self.existing)
        self.assertTrue(line.can_use)
        result = line.action_use_this_contact()
        self.assertEqual(result['type'], 'ir.actions.act_window_close')
        appeal.invalidate_cache()
        self.assertEqual(appeal.partner_id, self.existing)
        self.assertIn(self.existing.name, appeal.message_ids[0].body)
        # the appeal now points to the existing contact: its duplicates no longer include it
        self.assertNotIn(self.existing, appeal.partner_id.duplicate_ids)

    def test_open_returns_the_existing_contact(self):
        action = self.entered.sudo(self.user_assistant).action_deputat_duplicate_dialog()
        wizard = self.dialog(action, self.user_assistant)
        self.assertFalse(wizard.appeal_id)
        line = wizard.line_ids.filtered(lambda l: l.partner_id == self.existing)
        self.assertFalse(line.can_use)
        opened = line.action_open_contact()
        self.assertEqual((opened['res_model'], opened['res_id'], opened['view_mode']),
                         ('res.partner', self.existing.id, 'form'))
        # «Use this contact» needs an appeal
        with self.assertRaises(UserError):
            line.action_use_this_contact()

    def test_no_duplicates_no_dialog(self):
        lonely = self.env['res.partner'].sudo(self.user_assistant).create({
            'name': 'Совсем Новый Человек', 'email': 'lonely.person@example.com'})
        with self.assertRaises(UserError):
            lonely.action_deputat_duplicate_dialog()

    def test_staff_only(self):
        with self.assertRaises(AccessError):
            self.entered.sudo(self.user_plain).action_deputat_duplicate_dialog()

    def test_form_lists_duplicates_while_entering(self):
        """The contact being entered (not saved) lists its possible duplicates on the form."""
        draft = self.env['res.partner'].sudo(self.user_assistant).new(
            {'name': 'Новый контакт', 'phone': '+7 916 123 45 67'})
        self.assertIn(self.existing, draft.duplicate_ids)
        self.assertEqual(draft.duplicate_count, len(draft.duplicate_ids))
        arch = self.env['res.partner'].sudo(self.user_assistant).fields_view_get(
            view_type='form')['arch']
        self.assertIn('name="duplicate_ids"', arch)
        self.assertIn('action_deputat_duplicate_dialog', arch)
