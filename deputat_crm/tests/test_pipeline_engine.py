"""The pipeline engine driven by its data: the office head edits a transition and the dialog
and the check follow; approvals of proposed moves; the tasks every stage gives."""
from odoo.exceptions import UserError, ValidationError

from .common_appeal import AppealCase, add_days

DEPUTY_STAGES = ('deputy_resolution', 'request_approval', 'request_review', 'answer_approval')


class TestTransitionsAsData(AppealCase):

    def transition(self, source, target):
        return self.env['deputat.appeal.transition'].search([
            ('from_stage_id', '=', self.stage(source).id),
            ('to_stage_id', '=', self.stage(target).id)])

    def dialog_moves(self, appeal, user):
        """The moves the «Move to stage…» dialog offers ``user`` (the field's domain)."""
        Wizard = self.env['deputat.appeal.move.wizard'].sudo(user).with_context(
            default_res_id=appeal.id)
        domain = Wizard.fields_get(['transition_id'])['transition_id']['domain']
        return self.env['deputat.appeal.transition'].search(domain).mapped('to_stage_id.code')

    def test_dialog_lists_the_moves_of_the_role(self):
        appeal = self.new_appeal()
        self.assertEqual(sorted(self.dialog_moves(appeal, self.user_assistant)),
                         ['contact_wait', 'deputy_resolution'])
        self.assertEqual(sorted(self.dialog_moves(appeal, self.user_deputy)),
                         ['contact_wait', 'deputy_resolution', 'forwarded', 'refused'])
        self.assertTrue(appeal.sudo(self.user_assistant).pipeline_can_move)
        self.move(appeal, 'deputy_resolution')
        self.assertFalse(appeal.sudo(self.user_assistant).pipeline_can_move,
                         "the deputy's stage offers the assistant nothing")
        with self.assertRaisesRegex(UserError, 'no move'):
            appeal.sudo(self.user_assistant).action_pipeline_move_dialog()
        action = appeal.sudo(self.user_deputy).action_pipeline_move_dialog()
        self.assertEqual(action['res_model'], 'deputat.appeal.move.wizard')

    def test_office_head_edits_a_transition(self):
        appeal = self.new_appeal()
        refuse = self.transition('new', 'refused')
        self.assertNotIn('refused', self.dialog_moves(appeal, self.user_assistant))
        # the office head lets assistants refuse: the dialog and the check follow
        refuse.sudo(self.user_head).write(
            {'group_ids': [(4, self.env.ref('deputat_crm.group_assistant').id)]})
        self.assertIn('refused', self.dialog_moves(appeal, self.user_assistant))
        # … and asks for one more field
        refuse.sudo(self.user_head).write({'required_field_ids': [(4, self.env.ref(
            'deputat_crm.field_deputat_appeal_employee_comment').id)]})
        with self.assertRaisesRegex(UserError, 'Employee comment'):
            self.move(appeal, 'refused', refusal_ground_id=self.env.ref(
                'deputat_crm.ground_11_1').id)
        self.assertEqual(appeal.stage_id, self.stage('new'))
        appeal.employee_comment = 'Анонимное обращение без адреса.'
        self.move(appeal, 'refused',
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_1').id)
        self.assertEqual(appeal.stage_id, self.stage('refused'))
        # an archived move is offered to nobody and refused on a drag-and-drop
        other = self.new_appeal()
        self.transition('new', 'contact_wait').sudo(self.user_head).active = False
        self.assertNotIn('contact_wait', self.dialog_moves(other, self.user_assistant))
        with self.assertRaisesRegex(UserError, 'cannot move'):
            other.sudo(self.user_assistant).write({'stage_id': self.stage('contact_wait').id})
        # a new move appears at once
        self.env['deputat.appeal.transition'].sudo(self.user_head).create({
            'name': 'Сразу готовить ответ', 'from_stage_id': self.stage('new').id,
            'to_stage_id': self.stage('answer_prepare').id,
            'group_ids': [(6, 0, [self.env.ref('deputat_crm.group_assistant').id])]})
        self.assertIn('answer_prepare', self.dialog_moves(other, self.user_assistant))
        self.move(other, 'answer_prepare')
        self.assertEqual(other.stage_id, self.stage('answer_prepare'))

    def test_configuration_is_the_office_heads(self):
        refuse = self.transition('new', 'refused')
        for user in (self.user_assistant, self.user_deputy):
            with self.assertRaises(Exception):
                refuse.sudo(user).write({'group_ids': [(5,)]})
        with self.assertRaisesRegex(UserError, 'set once'):
            self.stage('new').sudo(self.user_head).write({'code': 'registration'})
        with self.assertRaisesRegex(ValidationError, 'not a valid domain'):
            refuse.sudo(self.user_head).write({'condition': "[('id', '=',"})
        for xmlid in ('stage_new', 'transition_new_refused', 'stage_new_task_responsible'):
            data = self.env['ir.model.data'].search([('module', '=', 'deputat_crm'),
                                                     ('name', '=', xmlid)])
            self.assertTrue(data.noupdate, '%s survives an upgrade' % xmlid)

    def test_move_needing_the_deputys_approval(self):
        appeal = self.new_appeal()
        forward = self.transition('new', 'forwarded')
        forward.write({'need_approval': True, 'group_ids': [
            (4, self.env.ref('deputat_crm.group_assistant').id)]})
        self.move(appeal, 'forwarded', forward_partner_id=self.authority.id)
        self.assertEqual(appeal.stage_id, self.stage('new'), 'only proposed')
        self.assertEqual(appeal.pipeline_pending_name, forward.name)
        approval = self.activities(appeal, user=self.user_deputy).filtered(
            lambda a: a.deputat_robot == 'approval')
        self.assertEqual(len(approval), 1)
        self.assertIn(appeal, self.Appeal.sudo(self.user_deputy).search(
            [('waiting_my_decision', '=', True)]))
        with self.assertRaises(Exception):
            appeal.sudo(self.user_assistant).action_pipeline_approve()
        appeal.sudo(self.user_deputy).action_pipeline_approve()
        self.assertEqual(appeal.stage_id, self.stage('forwarded'))
        self.assertFalse(appeal.pipeline_pending_transition)
        self.assertFalse(approval.exists())
        # a rejected proposal leaves the appeal where it was
        other = self.new_appeal()
        self.move(other, 'forwarded', forward_partner_id=self.authority.id)
        other.sudo(self.user_head).action_pipeline_reject()
        self.assertEqual(other.stage_id, self.stage('new'))
        self.assertFalse(other.pipeline_pending_name)


class TestStageTasks(AppealCase):

    def open_tasks(self, record, **domain):
        tasks = self.env['mail.activity'].search([('res_model', '=', record._name),
                                                  ('res_id', '=', record.id)])
        for key, value in domain.items():
            tasks = tasks.filtered(lambda a: a[key] == value)
        return tasks

    def test_deputy_has_a_task_at_every_deputy_stage(self):
        appeal = self.new_appeal()
        self.env['deputat.appeal.request'].create({'appeal_id': appeal.id,
                                                   'partner_id': self.authority.id})
        path = [('deputy_resolution', self.user_assistant, {}),
                ('request_prepare', self.user_deputy, {'deputy_comment': 'Запрос.'}),
                ('request_approval', self.user_assistant, {}),
                ('request_sent', self.user_deputy, {}),
                ('request_review', self.user_assistant,
                 {'authority_answer_date': self.today, 'authority_answer': 'Ответ.'}),
                ('answer_prepare', self.user_deputy, {}),
                ('answer_approval', self.user_assistant, {})]
        for code, user, vals in path:
            self.move(appeal, code, user, **vals)
            stage_tasks = self.open_tasks(appeal, deputat_robot='stage')
            owner = self.user_deputy if code in DEPUTY_STAGES else self.user_assistant
            self.assertEqual(stage_tasks.mapped('user_id'), owner, code)
            self.assertIn(appeal, self.Appeal.sudo(owner).search(
                [('waiting_my_decision', '=', True)]), code)
        self.assertEqual(self.stage('deputy_resolution').owner_role, 'deputy')

    def test_next_step_goes_to_the_stage_owner_and_closes_on_a_move(self):
        appeal = self.new_appeal()
        self.move(appeal, 'deputy_resolution')
        self.open_tasks(appeal).unlink()
        self.Appeal._cron_next_step(today=self.today)
        task = self.open_tasks(appeal, deputat_robot='next_step')
        self.assertEqual(task.user_id, self.user_deputy, "the deputy's stage, the deputy's step")
        self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить.')
        self.assertFalse(task.exists(), 'a stage change closes «Define the next step»')
        self.assertEqual(self.open_tasks(appeal).mapped('deputat_robot'), ['stage'])

    def test_request_reminder_closes_with_the_answer(self):
        appeal = self.new_appeal()
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id,
            'date_sent': '2026-03-02'})
        self.env['deputat.appeal.request']._cron_request_without_answer(
            today=add_days('2026-03-02', 25))
        reminder = self.open_tasks(appeal, deputat_robot='request')
        self.assertEqual(len(reminder), 1)
        request.write({'date_answer': '2026-03-30', 'answer': 'Ответ получен.'})
        self.assertFalse(reminder.exists(), 'the answer closes the reminder')

    def test_closed_record_keeps_no_open_robot_task(self):
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id, 'date_sent': '2026-03-02'})
        self.env['deputat.appeal.request']._cron_request_without_answer(today='2026-03-30')
        self.Appeal._cron_answer_deadlines(today='2026-03-28')
        self.Appeal._cron_answer_deadlines(today='2026-04-03')
        kinds = set(self.open_tasks(appeal).mapped('deputat_robot'))
        self.assertEqual(kinds, {'stage', 'request', 'reminder', 'escalation'})
        self.move(appeal, 'deputy_resolution')
        self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить.')
        self.move(appeal, 'no_answer', self.user_deputy, no_answer_reason='Отозвано.')
        self.assertTrue(appeal.is_closed)
        self.assertFalse(self.open_tasks(appeal), 'closed: every robot task closed')
        self.assertEqual(self.Appeal._cron_next_step(today='2026-04-04'), 0)

    def test_robot_tasks_in_the_assignees_language(self):
        if not self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.skipTest('ru_RU not loaded')
        self.user_deputy.lang = 'ru_RU'
        appeal = self.new_appeal()
        self.move(appeal, 'deputy_resolution')
        task = self.open_tasks(appeal, deputat_robot='stage')
        self.assertEqual(task.user_id, self.user_deputy)
        self.assertEqual(task.summary, self.stage('deputy_resolution').task_ids.with_context(
            lang='ru_RU').summary)
        self.assertNotEqual(task.summary, self.stage('deputy_resolution').task_ids.with_context(
            lang='en_US').summary)
