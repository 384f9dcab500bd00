"""The surface of the pipeline engine as a caller over RPC sees it: only role-checked
``action_*`` methods are public, context keys change no rule, bookkeeping is the engine's."""
from psycopg2 import IntegrityError

from odoo import api
from odoo.exceptions import AccessError, UserError
from odoo.service.model import check_method_name
from odoo.tools import mute_logger

from .common_appeal import AppealCase, add_days

ROBOTS = [
    ('deputat.appeal', '_cron_next_step'), ('deputat.appeal', '_cron_answer_deadlines'),
    ('deputat.appeal', '_cron_stage_time_limit'),
    ('deputat.appeal.request', '_cron_request_without_answer'),
    ('deputat.event', '_cron_move_to_approval'), ('deputat.event', '_cron_next_step'),
    ('deputat.event', '_cron_stage_time_limit'),
]


class TestPipelineSurface(AppealCase):

    def setUp(self):
        super(TestPipelineSurface, self).setUp()
        self.user_portal = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Portal Citizen', 'login': 't_portal', 'email': 'portal@test.example',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})

    def rpc(self, user, model, method, *args, **kwargs):
        """What /web/dataset/call_kw and XML-RPC execute_kw do: refuse private names, then
        call the method as ``user`` (with the caller's context in kwargs)."""
        check_method_name(method)
        context = kwargs.pop('context', {})
        env = self.env(user=user.id, context=dict(context, lang='en_US'))
        return api.call_kw(env[model], method, list(args), kwargs)

    def test_robots_cannot_be_run_or_dated_by_users(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        for user in (self.user_portal, self.user_assistant, self.user_head):
            for model, method in ROBOTS:
                with self.assertRaises(AccessError, msg='%s.%s' % (model, method)):
                    self.rpc(user, model, method, today='2099-12-31')
            for model in ('deputat.appeal', 'deputat.appeal.request', 'deputat.event'):
                for old in ('cron_next_step', 'cron_answer_deadlines', 'cron_stage_time_limit',
                            'cron_request_without_answer'):
                    self.assertFalse(hasattr(self.env[model], old), 'no public robot %s' % old)
        self.assertFalse(appeal.escalation_date)
        self.assertFalse(appeal.message_ids.filtered(lambda m: 'Overdue' in (m.body or '')))
        # the crons call the private methods; the date is a parameter only code passes
        for xmlid in ('cron_appeal_next_step', 'cron_appeal_answer_deadlines',
                      'cron_appeal_request_without_answer', 'cron_appeal_stage_time_limit',
                      'cron_event_move_to_approval', 'cron_event_stage_time_limit',
                      'cron_event_next_step'):
            cron = self.env.ref('deputat_crm.%s' % xmlid)
            self.assertRegex(cron.code, r'^model\._cron_\w+\(autocommit=True\)$')
            self.assertNotIn('context', cron.code)

    def test_only_role_checked_actions_are_public(self):
        for model in ('deputat.appeal', 'deputat.event', 'deputat.appeal.request'):
            public = [name for name in dir(type(self.env[model]))
                      if not name.startswith('_') and name.startswith(('cron', 'extend', 'move'))]
            self.assertFalse(public, '%s: %s' % (model, public))
        # the approval of a proposed move checks the role
        with self.assertRaises(AccessError):
            self.rpc(self.user_assistant, 'deputat.appeal', 'action_pipeline_approve',
                     [self.new_appeal().id])

    def test_context_keys_change_no_rule(self):
        values = {'partner_id': self.applicant.id, 'subject': 'X',
                  'stage_id': self.stage('answer_sent').id}
        for key in ('install_mode', 'deputat_extension', 'deputat_today', 'tracking_disable'):
            with self.assertRaises(UserError, msg=key):
                self.rpc(self.user_assistant, 'deputat.appeal', 'create', values,
                         context={key: True})
        appeal = self.new_appeal()
        for days in (3650, -5, 10):
            with self.assertRaises(UserError):
                self.rpc(self.user_head, 'deputat.appeal', 'write', [appeal.id],
                         {'extension_days': days}, context={'deputat_extension': True})
        self.assertEqual(appeal.extension_days, 0)
        # an event's stage follows the real date, whatever the caller says today is
        event_id = self.rpc(self.user_assistant, 'deputat.event', 'create', {
            'name': 'Встреча', 'date_start': '%s 09:00:00' % add_days(self.today, 60)},
            context={'deputat_today': add_days(self.today, 50)})
        event = self.env['deputat.event'].browse(event_id)
        self.assertTrue(event.stage_id.is_start, 'created 60 days ahead: first stage')

    def test_bookkeeping_fields_are_the_engines(self):
        appeal = self.new_appeal()
        protected = {
            'name': 'О-2026-99999', 'escalation_date': '2099-12-31',
            'reminder_deadline': '2099-12-31', 'stage_overdue_notified': True,
            'date_stage_entered': '2020-01-01', 'refused': True, 'final_result': 'explained',
            'registration_decision': 'merits', 'need_request': True,
            'date_forwarded': self.today, 'extension_days': 5,
            'pipeline_pending_transition': 1,
        }
        for user in (self.user_assistant, self.user_deputy, self.user_head):
            for field, value in protected.items():
                with self.assertRaisesRegex(UserError, 'filled in by the pipeline', msg=field):
                    self.rpc(user, 'deputat.appeal', 'write', [appeal.id], {field: value})
        appeal.invalidate_cache()
        self.assertFalse(appeal.escalation_date)
        self.assertEqual(appeal.stage_id, self.stage('new'))
        event = self.env['deputat.event'].create({
            'name': 'Встреча', 'date_start': '%s 09:00:00' % add_days(self.today, 60)})
        with self.assertRaises(UserError):
            self.rpc(self.user_assistant, 'deputat.event', 'write', [event.id],
                     {'stage_overdue_notified': True})

    def test_numbers_are_unique(self):
        first, second = self.new_appeal(), self.new_appeal()
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.env.cr.execute('UPDATE deputat_appeal SET name = %s WHERE id = %s',
                                (first.name, second.id))
        Request = self.env['deputat.appeal.request']
        request = Request.create({'appeal_id': first.id, 'partner_id': self.authority.id})
        with self.assertRaises(UserError):
            Request.sudo(self.user_assistant).create({
                'appeal_id': first.id, 'partner_id': self.authority.id, 'name': request.name})
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            Request.create({'appeal_id': first.id, 'partner_id': self.authority.id})
            self.env.cr.execute('UPDATE deputat_appeal_request SET name = %s WHERE id != %s '
                                'AND appeal_id = %s', (request.name, request.id, first.id))

    def test_sent_request_is_cancelled_not_deleted(self):
        appeal = self.new_appeal()
        Request = self.env['deputat.appeal.request']
        draft = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority.id})
        sent = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority2.id,
                               'date_sent': self.today})
        for user in (self.user_assistant, self.user_deputy, self.user_head):
            with self.assertRaisesRegex(UserError, 'cannot be deleted'):
                self.rpc(user, 'deputat.appeal.request', 'unlink', [sent.id])
        with self.assertRaises(UserError):  # nor the appeal with it
            self.rpc(self.user_head, 'deputat.appeal', 'unlink', [appeal.id])
        self.rpc(self.user_assistant, 'deputat.appeal.request', 'unlink', [draft.id])
        self.assertFalse(draft.exists())
        with self.assertRaises(UserError):  # the assistant does not cancel
            self.rpc(self.user_assistant, 'deputat.appeal.request', 'action_cancel', [sent.id])
        with self.assertRaisesRegex(UserError, 'reason'):
            self.rpc(self.user_lawyer, 'deputat.appeal.request', 'action_cancel', [sent.id])
        with self.assertRaises(UserError):
            self.rpc(self.user_lawyer, 'deputat.appeal.request', 'write', [sent.id],
                     {'cancelled': True})
        sent.sudo(self.user_lawyer).cancel_reason = 'Направлен не тому адресату.'
        self.rpc(self.user_lawyer, 'deputat.appeal.request', 'action_cancel', [sent.id])
        self.assertEqual(sent.state, 'cancelled')
        self.assertTrue(sent.exists())
