"""Confidential appeals leak through nothing: activities, followers, queued mail; the flag is
tracked; the contact's legal basis does not reveal them; reads are audited."""
from odoo.exceptions import AccessError

from .common_privacy import PrivacyCase

SECRET = 'Секретный текст: жалоба на соседа-депутата'


class TestConfidentialMail(PrivacyCase):

    def setUp(self):
        super(TestConfidentialMail, self).setUp()
        self.secret = self.new_appeal(user=self.user_head, confidential=True,
                                      user_id=self.user_lawyer.id,
                                      lawyer_id=self.user_lawyer.id, subject=SECRET)
        self.public = self.new_appeal(subject='Открытое обращение')
        Activity = self.env['mail.activity']
        self.activity = Activity.create({
            'res_model_id': self.env.ref('deputat_crm.model_deputat_appeal').id,
            'res_id': self.secret.id, 'summary': '%s: %s' % (self.secret.name, SECRET),
            'note': '<p>%s</p>' % SECRET, 'user_id': self.user_lawyer.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id})
        self.public_activity = Activity.create({
            'res_model_id': self.env.ref('deputat_crm.model_deputat_appeal').id,
            'res_id': self.public.id, 'summary': 'Позвонить заявителю',
            'user_id': self.user_assistant.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id})
        self.secret.message_subscribe(partner_ids=self.applicant.ids)
        self.mail = self.env['mail.mail'].create({
            'model': 'deputat.appeal', 'res_id': self.secret.id, 'subject': SECRET,
            'body_html': '<p>%s</p>' % SECRET, 'email_to': 'sokolova@example.ru'})

    def visible(self, user, model, domain):
        return self.rpc(user, model, 'search_read', domain)

    def test_unassigned_staff_read_nothing(self):
        on_secret = [('res_model', '=', 'deputat.appeal'), ('res_id', '=', self.secret.id)]
        for user in (self.user_assistant, self.user_plain):
            self.assertEqual(self.visible(user, 'mail.activity', on_secret), [])
            everything = self.visible(user, 'mail.activity', [])
            self.assertNotIn(SECRET, repr(everything), user.login)
            self.assertNotIn(self.secret.name, repr(everything), user.login)
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.activity', 'read', [self.activity.id], ['summary', 'note'])
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.activity', 'write', [self.activity.id], {'note': 'x'})
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.activity', 'action_feedback', [self.activity.id])
            self.assertEqual(self.visible(user, 'mail.followers', on_secret), [])
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.followers', 'read',
                         self.secret.message_follower_ids.ids, ['partner_id'])
            self.assertEqual(self.visible(user, 'mail.mail', [('res_id', '=', self.secret.id),
                                                              ('model', '=', 'deputat.appeal')]),
                             [])
            self.assertNotIn(self.mail.id, self.rpc(user, 'mail.mail', 'search', []))
            with self.assertRaises(AccessError):
                self.rpc(user, 'mail.mail', 'read', self.mail.ids, ['body_html'])
            groups = self.rpc(user, 'mail.activity', 'read_group', on_secret, ['res_id'],
                              ['res_id'])
            self.assertFalse(groups)
        # the non-confidential appeal's activity stays visible to the assistant
        self.assertEqual(len(self.visible(self.user_assistant, 'mail.activity', [
            ('id', '=', self.public_activity.id)])), 1)

    def test_those_who_may_read_the_appeal_see_all(self):
        on_secret = [('res_model', '=', 'deputat.appeal'), ('res_id', '=', self.secret.id)]
        for user in (self.user_lawyer, self.user_deputy, self.user_head):
            summaries = [a['summary'] for a in self.visible(user, 'mail.activity', on_secret)]
            self.assertIn('%s: %s' % (self.secret.name, SECRET), summaries, user.login)
            followers = self.visible(user, 'mail.followers', on_secret)
            self.assertIn(self.applicant.id, [f['partner_id'][0] for f in followers])
        self.assertEqual(self.rpc(self.user_lawyer, 'mail.activity', 'read', self.activity.ids,
                                  ['note'])[0]['note'], '<p>%s</p>' % SECRET)

    def test_lifting_confidential_is_tracked_and_opens_access(self):
        self.rpc(self.user_head, 'deputat.appeal', 'write', self.secret.ids,
                 {'confidential': False})
        tracked = self.secret.sudo().message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'confidential')
        # set at creation, then lifted: both in the chatter
        self.assertEqual(sorted((t.old_value_integer, t.new_value_integer) for t in tracked),
                         [(0, 1), (1, 0)])
        self.assertEqual(len(self.visible(self.user_assistant, 'mail.activity', [
            ('id', '=', self.activity.id)])), 1)
        self.rpc(self.user_head, 'deputat.appeal', 'write', self.secret.ids,
                 {'confidential': True})
        self.assertEqual(len(self.secret.sudo().message_ids.mapped('tracking_value_ids').filtered(
            lambda t: t.field == 'confidential')), 3)


class TestConfidentialLegalBasis(PrivacyCase):

    def test_confidential_appeal_leaves_no_trace_on_the_contact(self):
        citizen = self.env['res.partner'].create({'name': 'Пётр Тихонов'})
        self.new_appeal(user=self.user_head, partner_id=citizen.id, confidential=True,
                        user_id=self.user_lawyer.id)
        fields = ['pd_legal_basis', 'pd_legal_basis_date', 'deputat_appeal_count']
        seen = self.rpc(self.user_assistant, 'res.partner', 'read', citizen.ids, fields)[0]
        self.assertFalse(seen['pd_legal_basis'])
        self.assertFalse(seen['pd_legal_basis_date'])
        self.assertEqual(seen['deputat_appeal_count'], 0)

    def test_making_an_appeal_confidential_removes_the_basis_it_gave(self):
        citizen = self.env['res.partner'].create({'name': 'Пётр Тихонов'})
        appeal = self.new_appeal(partner_id=citizen.id)
        self.assertEqual(citizen.pd_legal_basis, 'law_59fz')
        self.rpc(self.user_head, 'deputat.appeal', 'write', appeal.ids, {'confidential': True})
        self.assertFalse(citizen.pd_legal_basis)
        self.assertFalse(citizen.pd_legal_basis_date)
        # a consent is never touched
        consenting = self.env['res.partner'].create({
            'name': 'Анна Лебедева', 'pd_legal_basis': 'consent'})
        other = self.new_appeal(partner_id=consenting.id)
        self.rpc(self.user_head, 'deputat.appeal', 'write', other.ids, {'confidential': True})
        self.assertEqual(consenting.pd_legal_basis, 'consent')


class TestAudit(PrivacyCase):

    def test_reading_a_confidential_appeal_is_logged(self):
        secret = self.new_appeal(user=self.user_head, confidential=True,
                                 user_id=self.user_lawyer.id)
        public = self.new_appeal()
        Log = self.env['deputat.audit.log']
        self.rpc(self.user_lawyer, 'deputat.appeal', 'read', (secret | public).ids,
                 ['subject'])
        entries = Log.search([('res_model', '=', 'deputat.appeal'), ('operation', '=', 'read'),
                              ('user_id', '=', self.user_lawyer.id)])
        self.assertEqual(entries.mapped('res_id'), secret.ids)
        self.assertEqual(entries.res_name, secret.display_name)
        # form view open = web client read; list = search_read
        self.rpc(self.user_head, 'deputat.appeal', 'search_read',
                 [('id', '=', secret.id)], ['name'])
        self.assertTrue(Log.search([('user_id', '=', self.user_head.id),
                                    ('res_id', '=', secret.id)]))
        # the office head reads the log; nobody edits it
        self.assertTrue(self.rpc(self.user_head, 'deputat.audit.log', 'search_read',
                                 [('id', 'in', entries.ids)], ['user_id']))
        for user in (self.user_assistant, self.user_lawyer, self.user_plain):
            with self.assertRaises(AccessError):
                self.rpc(user, 'deputat.audit.log', 'search_read', [], ['user_id'])
        for user in (self.user_head, self.user_deputy):
            with self.assertRaises(AccessError):
                self.rpc(user, 'deputat.audit.log', 'write', entries.ids, {'note': 'x'})
            with self.assertRaises(AccessError):
                self.rpc(user, 'deputat.audit.log', 'unlink', entries.ids)
            with self.assertRaises(AccessError):
                self.rpc(user, 'deputat.audit.log', 'create', {
                    'user_id': user.id, 'operation': 'read', 'res_model': 'x', 'res_id': 1})

    def test_printing_a_confidential_appeal_is_logged(self):
        secret = self.new_appeal(user=self.user_head, confidential=True)
        report = self.env.ref('deputat_crm.action_report_appeal_card')
        text = self.pdf_text_as(report, secret, self.user_head)
        self.assertIn(secret.name, text)
        self.assertTrue(self.env['deputat.audit.log'].search([
            ('operation', '=', 'report'), ('res_id', '=', secret.id),
            ('user_id', '=', self.user_head.id)]))

    def pdf_text_as(self, report, records, user):
        import subprocess
        import tempfile
        from unittest.mock import patch
        from odoo.tools import config
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {'test_report_directory': tmp}):
            pdf, _fmt = report.sudo(user).render_qweb_pdf(records.ids)
        with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
            f.write(pdf)
            f.flush()
            return subprocess.check_output(['pdftotext', '-enc', 'UTF-8', f.name, '-']).decode()
