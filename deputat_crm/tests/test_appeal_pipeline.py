from odoo.exceptions import UserError, ValidationError

from .common_appeal import AppealCase

STAGE_TYPE = 'deputat_crm.mail_activity_type_stage'
NOTICE_TYPE = 'deputat_crm.mail_activity_type_notice'


class TestAppealPipelines(AppealCase):

    def test_registration_number_and_stage_robot(self):
        appeal = self.new_appeal()
        self.assertRegex(appeal.name, r'^О-\d{4}-\d{5}$')
        self.assertEqual(appeal.stage_id, self.stage('new'))
        self.assertEqual(appeal.pipeline, 'review')
        task = self.activities(appeal, STAGE_TYPE)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.user_assistant)
        self.assertEqual(task.deputat_robot, 'stage')
        self.assertIn('59-FZ', task.note)
        second = self.new_appeal()
        self.assertNotEqual(appeal.name, second.name)

    def test_route_merits_to_answer(self):
        self.assertEqual(self.new_appeal().answer_method_id,
                         self.env.ref('deputat_crm.answer_method_post'), 'written → by post')
        appeal = self.new_appeal(answer_method_id=False)
        self.move(appeal, 'deputy_resolution')
        self.assertEqual(appeal.stage_id, self.stage('deputy_resolution'))
        self.assertEqual(appeal.registration_decision, 'merits')
        task = self.activities(appeal, STAGE_TYPE)
        self.assertEqual(task.user_id, self.user_deputy, 'previous robot task closed, deputy task')
        with self.assertRaises(UserError):  # the assistant cannot resolve for the deputy
            self.move(appeal, 'answer_prepare', deputy_comment='Ответить.')
        with self.assertRaisesRegex(UserError, 'Deputy comment'):  # the resolution is asked for
            self.move(appeal, 'answer_prepare', self.user_deputy)
        self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить заявителю.')
        self.assertEqual(appeal.stage_id, self.stage('answer_prepare'))
        self.assertEqual(appeal.pipeline, 'answer')
        self.assertFalse(appeal.need_request)
        self.move(appeal, 'answer_approval')
        self.assertEqual(appeal.stage_id, self.stage('answer_approval'))
        with self.assertRaisesRegex(UserError, 'Method of answer'):
            self.move(appeal, 'answer_sent', self.user_deputy, date_answer=self.today)
        self.assertEqual(appeal.stage_id, self.stage('answer_approval'))
        self.assertFalse(appeal.date_answer, 'nothing saved by the rejected move')
        self.move(appeal, 'answer_sent', self.user_deputy, date_answer=self.today,
                  answer_method_id=self.env.ref('deputat_crm.answer_method_post').id)
        self.assertEqual(appeal.stage_id, self.stage('answer_sent'))
        self.assertEqual(appeal.date_answer, self.today)
        with self.assertRaises(UserError):
            self.move(appeal, 'done')
        self.move(appeal, 'done', final_result='explained')
        self.assertTrue(appeal.is_closed)
        self.assertEqual(appeal.final_result, 'explained')
        self.assertFalse(self.activities(appeal), 'a closed appeal keeps no open task')

    def test_route_request_with_second_request(self):
        appeal = self.new_appeal()
        self.move(appeal, 'deputy_resolution')
        self.move(appeal, 'request_prepare', self.user_deputy, deputy_comment='Сделать запрос.')
        self.assertEqual(appeal.stage_id, self.stage('request_prepare'))
        self.assertTrue(appeal.need_request)
        with self.assertRaisesRegex(UserError, 'Prepare the request'):
            self.move(appeal, 'request_approval')  # no request prepared yet
        Request = self.env['deputat.appeal.request'].sudo(self.user_assistant)
        first = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority.id,
                                'text': '<p>Прошу сообщить сроки ремонта.</p>'})
        self.assertEqual(first.state, 'draft')
        with self.assertRaises(UserError):
            self.move(appeal, 'request_sent')  # approval required: the move is not offered
        self.move(appeal, 'request_approval')
        self.assertEqual(appeal.stage_id, self.stage('request_approval'))
        with self.assertRaises(UserError):
            self.move(appeal, 'request_sent')  # only the deputy approves
        self.move(appeal, 'request_sent', self.user_deputy)
        self.assertEqual(appeal.stage_id, self.stage('request_sent'))
        self.assertEqual(first.date_sent, self.today)
        self.assertEqual(first.state, 'sent')
        with self.assertRaises(UserError):
            self.move(appeal, 'request_review')  # the answer is asked for
        self.move(appeal, 'request_review', authority_answer_date=self.today,
                  authority_answer='Ремонт запланирован на 2027 год.')
        self.assertEqual(appeal.stage_id, self.stage('request_review'))
        self.assertEqual(first.date_answer, self.today)
        self.assertEqual(first.answer, 'Ремонт запланирован на 2027 год.')
        # the deputy wants another request: back to the preparation
        self.move(appeal, 'request_prepare', self.user_deputy)
        self.assertEqual(appeal.stage_id, self.stage('request_prepare'))
        self.assertEqual(first.deputy_decision, 'new_request')
        second = Request.create({'appeal_id': appeal.id, 'partner_id': self.authority2.id})
        appeal.request_approval_required = False
        with self.assertRaises(UserError):
            self.move(appeal, 'request_approval')  # approval switched off
        self.move(appeal, 'request_sent')  # approval skipped
        self.assertEqual(appeal.stage_id, self.stage('request_sent'))
        self.move(appeal, 'request_review', authority_answer_date=self.today, authority_answer='Да.')
        self.assertEqual(second.date_answer, self.today)
        self.move(appeal, 'answer_prepare', self.user_deputy)
        self.assertEqual(appeal.stage_id, self.stage('answer_prepare'))
        self.assertEqual(second.deputy_decision, 'answer')
        self.assertEqual(appeal.request_partner_ids, self.authority | self.authority2)
        self.assertEqual(appeal.request_count, 2)

    def test_route_contact_data(self):
        appeal = self.new_appeal()
        self.move(appeal, 'contact_wait')
        self.assertEqual(appeal.stage_id, self.stage('contact_wait'))
        self.assertEqual(appeal.registration_decision, 'contact_request')
        self.move(appeal, 'new')
        self.move(appeal, 'deputy_resolution')
        self.assertEqual(appeal.stage_id, self.stage('deputy_resolution'))

    def test_refusal_with_notice(self):
        appeal = self.new_appeal()
        ground = self.env.ref('deputat_crm.ground_11_4')
        with self.assertRaises(UserError):  # the assistant alone cannot refuse
            self.move(appeal, 'refused', refusal_ground_id=ground.id)
        with self.assertRaisesRegex(UserError, 'Reason for refusal'):
            self.move(appeal, 'refused', self.user_deputy)
        self.assertEqual(appeal.stage_id, self.stage('new'))
        self.assertFalse(appeal.refused)
        self.move(appeal, 'refused', self.user_deputy, refusal_ground_id=ground.id)
        self.assertTrue(appeal.refused)
        self.assertTrue(appeal.is_closed)
        self.assertEqual(appeal.final_result, 'answered')  # the notice answers the author
        self.assertEqual(appeal.registration_decision, 'refusal')
        notice = self.activities(appeal, NOTICE_TYPE)
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.date_deadline, self.Appeal._deputat_add_days(self.today, 7))
        self.assertEqual(self.activities(appeal), notice, 'only the notice stays open')

    def test_refusal_without_notice(self):
        appeal = self.new_appeal()
        self.move(appeal, 'refused', self.user_head,
                  refusal_ground_id=self.env.ref('deputat_crm.ground_11_1').id)
        self.assertTrue(appeal.refused)
        self.assertFalse(self.activities(appeal), 'closed: no open task at all')

    def test_forwarding(self):
        appeal = self.new_appeal()
        with self.assertRaises(UserError):
            self.move(appeal, 'forwarded', forward_partner_id=self.authority.id)
        self.move(appeal, 'forwarded', self.user_deputy, forward_partner_id=self.authority.id)
        self.assertEqual(appeal.stage_id, self.stage('forwarded'))
        self.assertEqual(appeal.final_result, 'forwarded')
        self.assertEqual(appeal.date_forwarded, self.today)
        notice = self.activities(appeal, NOTICE_TYPE)
        self.assertEqual(notice.date_deadline, appeal.forward_deadline)

    def test_close_without_answer(self):
        appeal = self.new_appeal()
        self.move(appeal, 'deputy_resolution')
        self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить.')
        with self.assertRaises(UserError):  # not the assistant's decision
            self.move(appeal, 'no_answer', no_answer_reason='Заявитель отозвал обращение.')
        with self.assertRaises(UserError):  # no reason
            self.move(appeal, 'no_answer', self.user_deputy)
        self.assertFalse(appeal.no_answer_required)
        self.move(appeal, 'no_answer', self.user_deputy,
                  no_answer_reason='Заявитель отозвал обращение.')
        self.assertEqual(appeal.stage_id, self.stage('no_answer'))
        self.assertEqual(appeal.final_result, 'no_answer')
        self.assertTrue(appeal.no_answer_required)

    def test_illegal_kanban_moves(self):
        appeal = self.new_appeal()
        with self.assertRaisesRegex(UserError, 'cannot move'):
            appeal.write({'stage_id': self.stage('answer_sent').id})
        self.assertEqual(appeal.stage_id, self.stage('new'))
        # a drag-and-drop makes the same move as the dialog
        appeal.sudo(self.user_assistant).write({'stage_id': self.stage('deputy_resolution').id})
        self.assertEqual(appeal.stage_id, self.stage('deputy_resolution'))
        deputy_appeal = self.as_user(appeal, self.user_deputy)
        with self.assertRaisesRegex(UserError, 'Deputy comment'):  # the move asks for it
            deputy_appeal.write({'stage_id': self.stage('request_prepare').id})
        deputy_appeal.write({'deputy_comment': 'Запрос в администрацию.'})
        deputy_appeal.write({'stage_id': self.stage('request_prepare').id})
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
        topic = self.env.ref('deputat_crm.classifier_0004_0016_0162_1212').with_context(lang='ru_RU')
        self.assertTrue(topic.name_get()[0][1].startswith('Миграционный учет иностранных'))
        found = topic.name_search('0004.0016.0162.1212')
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
        self.assertIn('04.03.2026', result['warning']['message'])  # ДД.ММ.ГГГГ (issue 12)
        appeal.date_registered = '2026-03-03'
        self.assertFalse(appeal._onchange_registration_date())
