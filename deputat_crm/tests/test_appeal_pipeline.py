from odoo.exceptions import UserError, ValidationError

from .common_appeal import AppealCase

STAGE_TYPE = 'deputat_crm.activity_type_stage'


class TestAppealPipelines(AppealCase):

    def test_registration_number_and_stage_robot(self):
        appeal = self.new_appeal()
        self.assertRegex(appeal.name, r'^О-\d{4}-\d{5}$')
        self.assertEqual(appeal.stage_id, self.stage('new'))
        self.assertEqual(appeal.pipeline, 'review')
        task = self.activities(appeal, STAGE_TYPE)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.user_assistant)
        self.assertTrue(task.deputat_robot)
        self.assertIn('59-FZ', task.note)
        second = self.new_appeal()
        self.assertNotEqual(appeal.name, second.name)

    def test_route_merits_to_answer(self):
        self.assertEqual(self.new_appeal().answer_method_id,
                         self.env.ref('deputat_crm.answer_method_post'), 'written → by post')
        appeal = self.new_appeal(answer_method_id=False)
        appeal.action_accept()
        self.assertEqual(appeal.stage_id, self.stage('deputy_resolution'))
        self.assertEqual(appeal.registration_decision, 'merits')
        task = self.activities(appeal, STAGE_TYPE)
        self.assertEqual(task.user_id, self.user_deputy, 'previous robot task closed, deputy task')
        with self.assertRaises(UserError):
            appeal.action_deputy_resolve()  # the assistant cannot resolve for the deputy
        self.as_user(appeal, self.user_deputy).write({'deputy_comment': 'Ответить заявителю.'})
        self.as_user(appeal, self.user_deputy).action_deputy_resolve()
        self.assertEqual(appeal.stage_id, self.stage('answer_prepare'))
        self.assertEqual(appeal.pipeline, 'answer')
        appeal.action_answer_to_approval()
        self.assertEqual(appeal.stage_id, self.stage('answer_approval'))
        deputy_appeal = self.as_user(appeal, self.user_deputy)
        with self.assertRaises(UserError):
            deputy_appeal.action_answer_send()  # no answer method
        self.assertEqual(appeal.stage_id, self.stage('answer_approval'))
        self.assertFalse(appeal.date_answer, 'nothing saved by the rejected move')
        appeal.answer_method_id = self.env.ref('deputat_crm.answer_method_post')
        deputy_appeal.action_answer_send()
        self.assertEqual(appeal.stage_id, self.stage('answer_sent'))
        self.assertEqual(appeal.date_answer, self.today)
        with self.assertRaises(UserError):
            appeal.action_close()
        appeal.final_result = 'solved'
        appeal.action_close()
        self.assertTrue(appeal.is_closed)
        self.assertFalse(self.activities(appeal, STAGE_TYPE), 'closed appeal keeps no robot task')

    def test_route_request_with_second_request(self):
        appeal = self.new_appeal()
        appeal.action_accept()
        deputy_appeal = self.as_user(appeal, self.user_deputy)
        deputy_appeal.write({'need_request': True})
        deputy_appeal.action_deputy_resolve()
        self.assertEqual(appeal.stage_id, self.stage('request_prepare'))
        with self.assertRaises(UserError):
            appeal.action_request_to_approval()  # no request prepared yet
        Request = self.env['deputat.appeal.request'].sudo(self.user_assistant)
        first = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority.id,
                                'text': '<p>Прошу сообщить сроки ремонта.</p>'})
        self.assertEqual(first.state, 'draft')
        with self.assertRaises(UserError):
            appeal.action_request_send()  # approval required
        appeal.action_request_to_approval()
        self.assertEqual(appeal.stage_id, self.stage('request_approval'))
        with self.assertRaises(UserError):
            appeal.action_request_send()  # only the deputy approves
        deputy_appeal.action_request_send()
        self.assertEqual(appeal.stage_id, self.stage('request_sent'))
        self.assertEqual(first.date_sent, self.today)
        self.assertEqual(first.state, 'sent')
        with self.assertRaises(UserError):
            appeal.action_request_answer_received()
        first.write({'date_answer': self.today, 'answer': 'Ремонт запланирован на 2027 год.'})
        appeal.action_request_answer_received()
        self.assertEqual(appeal.stage_id, self.stage('request_review'))
        # the deputy wants another request: back to the preparation
        deputy_appeal.action_request_resolve_new_request()
        self.assertEqual(appeal.stage_id, self.stage('request_prepare'))
        self.assertEqual(first.deputy_decision, 'new_request')
        second = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority2.id})
        appeal.request_approval_required = False
        with self.assertRaises(UserError):
            appeal.action_request_to_approval()  # approval switched off
        appeal.action_request_send()  # approval skipped
        self.assertEqual(appeal.stage_id, self.stage('request_sent'))
        second.date_answer = self.today
        appeal.action_request_answer_received()
        deputy_appeal.action_request_resolve_answer()
        self.assertEqual(appeal.stage_id, self.stage('answer_prepare'))
        self.assertEqual(appeal.request_partner_ids, self.authority | self.authority2)
        self.assertEqual(appeal.request_count, 2)

    def test_route_contact_data(self):
        appeal = self.new_appeal()
        appeal.action_request_contact_data()
        self.assertEqual(appeal.stage_id, self.stage('contact_wait'))
        self.assertEqual(appeal.registration_decision, 'contact_request')
        appeal.action_back_to_registration()
        appeal.action_accept()
        self.assertEqual(appeal.stage_id, self.stage('deputy_resolution'))

    def test_refusal_with_notice(self):
        appeal = self.new_appeal()
        with self.assertRaises(UserError):
            appeal.action_refuse()
        self.assertEqual(appeal.stage_id, self.stage('new'))
        self.assertFalse(appeal.refused)
        ground = self.env.ref('deputat_crm.ground_11_4')
        appeal.write({'refusal_ground_id': ground.id, 'stage_id': self.stage('refused').id})
        self.assertTrue(appeal.refused)
        self.assertTrue(appeal.is_closed)
        self.assertEqual(appeal.final_result, 'refused')
        self.assertEqual(appeal.registration_decision, 'refusal')
        notice = self.activities(appeal, 'deputat_crm.activity_type_notice')
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.date_deadline, self.Appeal._deputat_add_days(self.today, 7))

    def test_refusal_without_notice(self):
        appeal = self.new_appeal(refusal_ground_id=self.env.ref('deputat_crm.ground_11_1').id)
        appeal.action_refuse()
        self.assertTrue(appeal.refused)
        self.assertFalse(self.activities(appeal, 'deputat_crm.activity_type_notice'))

    def test_forwarding(self):
        appeal = self.new_appeal()
        with self.assertRaises(UserError):
            appeal.action_forward()
        appeal.forward_partner_id = self.authority
        appeal.action_forward()
        self.assertEqual(appeal.stage_id, self.stage('forwarded'))
        self.assertEqual(appeal.final_result, 'forwarded')
        self.assertEqual(appeal.date_forwarded, self.today)
        notice = self.activities(appeal, 'deputat_crm.activity_type_notice')
        self.assertEqual(notice.date_deadline, appeal.forward_deadline)

    def test_close_without_answer(self):
        appeal = self.new_appeal()
        appeal.action_accept()
        self.as_user(appeal, self.user_deputy).action_deputy_resolve()
        with self.assertRaises(UserError):
            appeal.action_close_no_answer()  # no reason
        self.assertFalse(appeal.no_answer_required)
        appeal.no_answer_reason = 'Заявитель отозвал обращение.'
        appeal.action_close_no_answer()
        self.assertEqual(appeal.stage_id, self.stage('no_answer'))
        self.assertEqual(appeal.final_result, 'no_answer')

    def test_illegal_kanban_moves(self):
        appeal = self.new_appeal()
        with self.assertRaisesRegex(UserError, 'cannot move'):
            appeal.write({'stage_id': self.stage('answer_sent').id})
        self.assertEqual(appeal.stage_id, self.stage('new'))
        appeal.action_accept()
        deputy_appeal = self.as_user(appeal, self.user_deputy)
        with self.assertRaises(UserError):  # «Request needed» not ticked
            deputy_appeal.write({'stage_id': self.stage('request_prepare').id})
        deputy_appeal.write({'stage_id': self.stage('request_prepare').id, 'need_request': True})
        self.assertEqual(appeal.stage_id, self.stage('request_prepare'))
        with self.assertRaises(UserError):
            appeal.write({'stage_id': self.stage('done').id})

    def test_deputy_comment_by_deputy_only(self):
        appeal = self.new_appeal()
        with self.assertRaises(UserError):
            appeal.write({'deputy_comment': 'Не могу'})
        with self.assertRaises(UserError):
            self.as_user(appeal, self.user_head).write({'deputy_comment': 'Тоже не могу'})
        self.as_user(appeal, self.user_deputy).write({'deputy_comment': 'Взять на контроль'})
        self.assertEqual(appeal.deputy_comment, 'Взять на контроль')
        appeal.write({'employee_comment': 'Позвонила заявителю'})

    def test_bad_dates(self):
        appeal = self.new_appeal(date_received='2026-03-10', date_registered='2026-03-11')
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            appeal.write({'date_answer': '2026-03-01'})
        appeal.invalidate_cache()
        self.assertFalse(appeal.date_answer)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.new_appeal(date_received='2026-03-10', date_registered='2026-03-09')
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id, 'date_sent': '2026-03-15'})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            request.write({'date_answer': '2026-03-14'})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            appeal.write({'co_applicant_ids': [(4, self.authority.id)]})

    def test_collective_appeal(self):
        neighbour = self.env['res.partner'].create({'name': 'Пётр Васильевич Орлов'})
        appeal = self.new_appeal(appeal_kind='collective',
                                 co_applicant_ids=[(6, 0, [neighbour.id])])
        self.assertEqual(appeal.co_applicant_ids, neighbour)

    def test_new_appeal_starts_at_registration(self):
        with self.assertRaises(UserError):
            self.new_appeal(stage_id=self.stage('answer_sent').id)
        self.assertEqual(self.new_appeal(stage_id=self.stage('new').id).stage_id,
                         self.stage('new'))

    def test_russian_labels(self):
        Appeal = self.Appeal.with_context(lang='ru_RU')
        labels = Appeal.fields_get(['date_received', 'date_deadline_planned', 'need_request',
                                    'deputy_comment', 'no_answer_required'])
        self.assertEqual(labels['date_received']['string'], 'Дата поступления обращения')
        self.assertEqual(labels['date_deadline_planned']['string'],
                         'Плановая дата ответа на обращение')
        self.assertEqual(labels['need_request']['string'], 'Нужен запрос')
        self.assertEqual(labels['deputy_comment']['string'], 'Комментарий депутата по обращению')
        self.assertEqual(labels['no_answer_required']['string'], 'Ответ не требуется')
        self.assertEqual(self.stage('request_prepare').with_context(lang='ru_RU').name,
                         'Подготовка запроса')
        topic = self.env.ref('deputat_crm.topic_0004_0016_0001_0000').with_context(lang='ru_RU')
        self.assertEqual(topic.name_get()[0][1],
                         '0004.0016.0001.0000 Миграция: нарушения миграционного законодательства')
        found = topic.name_search('0004.0016.0001')
        self.assertEqual([t[0] for t in found], topic.ids)

    def test_kanban_columns_per_pipeline(self):
        self.new_appeal()
        Appeal = self.Appeal.with_context(default_pipeline='request')
        groups = Appeal.read_group([('pipeline', '=', 'request')], ['stage_id'], ['stage_id'])
        codes = {self.env['deputat.appeal.stage'].browse(g['stage_id'][0]).code for g in groups}
        self.assertEqual(codes, {'request_prepare', 'request_approval', 'request_sent',
                                 'request_review'})

    def test_late_registration_onchange_warning(self):
        appeal = self.Appeal.new({'partner_id': self.applicant.id,
                                  'date_received': '2026-03-01', 'date_registered': '2026-03-06'})
        result = appeal._onchange_registration_date()
        self.assertIn('2026-03-04', result['warning']['message'])
        appeal.date_registered = '2026-03-03'
        self.assertFalse(appeal._onchange_registration_date())
