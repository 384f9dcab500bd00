from datetime import timedelta

from odoo import fields
from odoo.tools import html_escape

from .common_event import DeputatEventCase


class TestEventApprovalRobot(DeputatEventCase):
    """The daily robot moves events from «Создание» to «Согласование» 3 weeks ahead."""

    def run_cron(self, event, days_before):
        event_day = fields.Date.from_string(event.date_event)
        today = fields.Date.to_string(event_day - timedelta(days=days_before))
        return self.Event._cron_move_to_approval(today=today)

    def test_created_far_ahead_stays_in_creation(self):
        event = self.make_event(60)
        self.assertEqual(event.stage_id, self.stage['creation'])
        self.assertEqual(event.date_event, self.day(60))

    def test_day_minus_22_does_not_move(self):
        event = self.make_event(60)
        self.run_cron(event, 22)
        self.assertEqual(event.stage_id, self.stage['creation'])

    def test_day_minus_21_moves(self):
        event = self.make_event(60)
        self.run_cron(event, 22)
        self.assertEqual(event.stage_id, self.stage['creation'])
        moved = self.run_cron(event, 21)
        self.assertGreaterEqual(moved, 1)
        self.assertEqual(event.stage_id, self.stage['approval'])
        # the next day's run finds nothing more to do for it
        self.run_cron(event, 20)
        self.assertEqual(event.stage_id, self.stage['approval'])
        # one task for the responsible, one for the deputy who approves
        self.assertEqual(self.robot_activities(event).mapped('user_id'),
                         self.user_assistant | self.user_deputy)

    def test_day_minus_20_moves(self):
        event = self.make_event(60)
        self.run_cron(event, 20)
        self.assertEqual(event.stage_id, self.stage['approval'])

    def test_other_events_untouched(self):
        near = self.make_event(60, name='Near')
        far = self.make_event(90, name='Far')
        cancelled = self.make_event(60, name='Cancelled', cancel_reason_id=self.reason_busy.id)
        self.walk(cancelled, ['cancel'], self.user_assistant)
        self.run_cron(near, 21)
        self.assertEqual(near.stage_id, self.stage['approval'])
        self.assertEqual(far.stage_id, self.stage['creation'])
        self.assertEqual(cancelled.stage_id, self.stage['cancel'])

    def test_created_less_than_three_weeks_ahead_goes_to_approval(self):
        self.assertEqual(self.make_event(20).stage_id, self.stage['approval'])
        self.assertEqual(self.make_event(21).stage_id, self.stage['approval'])
        self.assertEqual(self.make_event(22).stage_id, self.stage['creation'])

    def test_moving_the_date_closer_moves_the_event(self):
        event = self.make_event(60)
        event.date_start = '%s 09:00:00' % self.day(5)
        self.assertEqual(event.stage_id, self.stage['approval'])

    def test_weeks_are_configurable(self):
        self.env['ir.config_parameter'].sudo().set_param('deputat_crm.event_approval_weeks', '5')
        self.assertEqual(self.make_event(30).stage_id, self.stage['approval'])
        event = self.make_event(60)
        self.run_cron(event, 36)
        self.assertEqual(event.stage_id, self.stage['creation'])
        self.run_cron(event, 35)
        self.assertEqual(event.stage_id, self.stage['approval'])

    def test_cron_batches(self):
        events = self.Event
        for i in range(5):
            events |= self.make_event(60, name='Batch %d' % i)
        from ..models import deputat_pipeline
        saved, deputat_pipeline.CRON_BATCH = deputat_pipeline.CRON_BATCH, 2
        try:
            moved = self.Event._cron_move_to_approval(today=self.day(45))
        finally:
            deputat_pipeline.CRON_BATCH = saved
        self.assertGreaterEqual(moved, 5)
        self.assertEqual(events.mapped('stage_id'), self.stage['approval'])


class TestEventTransitions(DeputatEventCase):
    """Checklist lines and activities for both people at each transition, no duplicates."""

    def setUp(self):
        super(TestEventTransitions, self).setUp()
        self.event = self.make_event(10, accompanying_user_id=self.user_lawyer.id)

    def test_checklist_of_programme_stage_is_the_articles(self):
        self.event.sudo(self.user_deputy).write({'stage_id': self.stage['programme'].id})
        lines = self.event.checklist_line_ids.filtered(
            lambda l: l.stage_id == self.stage['programme'])
        self.assertEqual(lines.mapped('name'), [
            'Drawing up the programme',
            'Drawing up the agenda',
            'Clarifying the list of participants',
            "Collecting the participants' theses and presentations",
            'Sending the press release to the press service',
            "Getting the press service's answer",
            "Saving the participants' contacts",
            'Preparing information materials',
            'Choosing the accompanying person and entering them in the event card',
        ])
        ru = self.stage['programme'].checklist_template_ids.with_context(lang='ru_RU')
        if self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.assertEqual(ru[0].name, 'Составление программы')
            self.assertEqual(ru[-1].name,
                             'Определение сопровождающего и внесение его в карточку мероприятия')

    def test_each_transition_creates_lines_and_activities_for_both(self):
        event = self.event
        self.assertEqual(event.stage_id, self.stage['approval'])
        # the deputy decides at «Согласование»: their task, beside the responsible's
        approval = self.robot_activities(event)
        self.assertEqual(approval.mapped('user_id'), self.user_assistant | self.user_deputy)
        path = ['programme', 'trip', 'transfer', 'event', 'return', 'after']
        event.results = 'Done well'
        path.append('results')
        for code in path:
            stage = self.stage[code]
            event.sudo(self.user_deputy).write({'stage_id': stage.id})
            self.assertEqual(event.stage_id, stage)
            templates = stage.checklist_template_ids
            lines = event.checklist_line_ids.filtered(lambda l: l.stage_id == stage)
            self.assertEqual(lines.mapped('template_id'), templates, code)
            activities = self.robot_activities(event)
            # only the current stage's tasks stay open
            keys = {task._task_key() for task in stage.task_ids}
            self.assertEqual(set(activities.mapped('deputat_task_key')), keys, code)
            # from «Подготовка программы» on, both people get a task at every stage
            self.assertEqual(activities.mapped('user_id'), self.user_assistant | self.user_lawyer,
                             code)
            self.assertEqual(len(activities), 2, code)
            for activity in activities:
                role = 'responsible' if activity.user_id == self.user_assistant else 'accompanying'
                for template in templates.filtered(lambda t: t.role == role):
                    self.assertIn(html_escape(template.name), activity.note)
                if role == 'accompanying' and not templates.filtered(
                        lambda t: t.role == 'accompanying'):
                    self.assertIn('Help the responsible employee', activity.note)
                self.assertIn(html_escape(stage.description), activity.note)
                self.assertEqual(activity.activity_type_id,
                                 self.env.ref('deputat_crm.mail_activity_type_event_checklist'))
        # the previous stages' activities were marked done: a message each in the chatter
        done = event.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertGreaterEqual(len(done), len(path))

    def test_no_duplicates_on_rerun(self):
        event = self.walk(self.event, ['programme', 'trip'])
        lines, activities = event.checklist_line_ids, self.robot_activities(event)
        self.assertEqual(len(activities), 2)
        event._pipeline_prepare_stage()
        event._pipeline_give_tasks()
        event._pipeline_give_tasks()
        event.write({'stage_id': self.stage['trip'].id})  # same stage: no transition
        self.assertEqual(event.checklist_line_ids, lines)
        self.assertEqual(self.robot_activities(event), activities)
        # leaving and coming back: lines are kept, one activity per person again
        self.walk(event, ['programme', 'trip'])
        trip_lines = event.checklist_line_ids.filtered(lambda l: l.stage_id == self.stage['trip'])
        self.assertEqual(len(trip_lines), len(self.stage['trip'].checklist_template_ids))
        self.assertEqual(len(self.robot_activities(event)), 2)

    def test_without_accompanying_the_responsible_gets_both_lists(self):
        event = self.make_event(10)
        event.accompanying_user_id = False
        self.walk(event, ['programme'])
        activities = self.robot_activities(event)
        self.assertEqual(activities.mapped('user_id'), self.user_assistant)
        # the accompanying person named later gets their activity of the current stage
        event.write({'accompanying_user_id': self.user_lawyer.id})
        self.assertEqual(self.robot_activities(event).mapped('user_id'),
                         self.user_assistant | self.user_lawyer)
        self.walk(event, ['trip'])
        event.accompanying_user_id = self.user_head
        self.assertEqual(self.robot_activities(event).mapped('user_id'),
                         self.user_assistant | self.user_head)
        # the responsible without an accompanying person gets the accompanying items too
        event.write({'stage_id': self.stage['programme'].id})
        self.assertTrue(all(html_escape(t.name) in self.robot_activities(
            event, 'stage').filtered(lambda a: a.user_id == self.user_assistant).note
            for t in self.stage['programme'].checklist_template_ids.filtered(
                lambda t: t.role == 'responsible')))

    def test_deadline_relative_to_event_date(self):
        event = self.make_event(60)
        self.walk(event, ['approval', 'programme'])
        activity = self.robot_activities(event).filtered(lambda a: a.user_id == self.user_assistant)
        self.assertEqual(activity.date_deadline, self.day(60 - 7))
        # an offset already past gives today, never a deadline in the past
        late = self.make_event(3)
        self.assertEqual(set(self.robot_activities(late).mapped('date_deadline')), {self.day(0)})

    def test_checklist_progress_and_done_by(self):
        event = self.event
        lines = event.checklist_line_ids.filtered(lambda l: l.stage_id == event.stage_id)
        self.assertEqual(event.checklist_progress, 0)
        lines[0].sudo(self.user_assistant).write({'done': True})
        self.assertEqual(lines[0].done_by_id, self.user_assistant)
        self.assertTrue(lines[0].done_date)
        self.assertAlmostEqual(event.checklist_progress, 100.0 / len(lines))
        lines.write({'done': True})
        self.assertEqual(event.checklist_progress, 100)
        lines[0].done = False
        self.assertFalse(lines[0].done_by_id)

    def test_activity_in_the_assignee_language(self):
        if not self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.skipTest('ru_RU not loaded')
        self.user_assistant.lang = 'ru_RU'
        event = self.make_event(10)
        activity = self.robot_activities(event).filtered(lambda a: a.user_id == self.user_assistant)
        self.assertIn('Согласование', activity.summary)
        self.assertIn('Представление мероприятия депутату на согласование', activity.note)


class TestEventOverdueRobot(DeputatEventCase):

    def test_stuck_stage_notifies_the_responsible_once(self):
        event = self.make_event(10)  # approval: 5 days limit
        entered = fields.Date.from_string(event.date_stage_entered)
        day = lambda n: fields.Date.to_string(entered + timedelta(days=n))
        self.Event._cron_stage_time_limit(today=day(5))
        self.assertFalse(self.robot_activities(event, 'overdue'))
        self.Event._cron_stage_time_limit(today=day(6))
        overdue = self.robot_activities(event, 'overdue')
        self.assertEqual(len(overdue), 1)
        self.assertEqual(overdue.user_id, self.user_deputy, 'the owner of «Согласование»')
        self.assertIn('Approval', overdue.summary)
        self.Event._cron_stage_time_limit(today=day(7))
        self.assertEqual(self.robot_activities(event, 'overdue'), overdue)
        # the next stage resets the watch and closes the overdue notice
        event.sudo(self.user_deputy).write({'stage_id': self.stage['programme'].id})
        self.assertFalse(event.stage_overdue_notified)
        self.assertFalse(self.robot_activities(event, 'overdue'))

    def test_stages_without_limit_are_ignored(self):
        event = self.make_event(60)  # creation: no limit
        self.Event._cron_stage_time_limit(today=self.day(400))
        self.assertFalse(self.robot_activities(event, 'overdue'))


class TestEventNextStepRobot(DeputatEventCase):
    """«No event without a planned task»: the daily robot gives the responsible «Define the next
    step» on every open event left without an open activity, once."""

    def next_step_activities(self, events):
        return self.Activity.search([
            ('res_model', '=', 'deputat.event'), ('res_id', 'in', events.ids),
            ('activity_type_id', '=', self.env.ref(
                'deputat_crm.mail_activity_type_next_step').id)])

    def test_event_without_task_gets_one_once(self):
        event = self.make_event(60)
        busy = self.make_event(60, name='Busy event')
        self.assertTrue(event.activity_ids, 'the creation stage plans a task')
        event.activity_ids.action_feedback(feedback='done')
        self.assertFalse(event.activity_ids)
        self.assertEqual(self.Event._cron_next_step(today=self.day(0)), 1)
        task = self.next_step_activities(event)
        self.assertEqual(len(task), 1)
        self.assertEqual(task.user_id, self.user_assistant)
        self.assertEqual(task.summary, 'Define the next step')
        self.assertEqual(task.date_deadline, self.day(0))
        self.assertFalse(self.next_step_activities(busy))
        # idempotent: the event has a planned task now
        self.assertEqual(self.Event._cron_next_step(today=self.day(1)), 0)
        self.assertEqual(len(self.next_step_activities(event)), 1)

    def test_cancelled_and_final_events_are_left_alone(self):
        cancelled = self.make_event(60, name='Cancelled event')
        cancelled.write({'stage_id': self.stage['cancel'].id,
                         'cancel_reason_id': self.reason_busy.id})
        self.assertFalse(cancelled.activity_ids, 'a cancelled event keeps no open task')
        final = self.make_event(-10, name='Finished event')
        final.sudo().write({'results': 'Встреча состоялась, 40 участников.',
                            'accompanying_user_id': self.user_lawyer.id})
        self.walk(final, ['programme', 'trip', 'transfer', 'event', 'return', 'after',
                          'results'])
        (cancelled | final).mapped('activity_ids').action_feedback(feedback='done')
        self.assertEqual(self.Event._cron_next_step(today=self.day(0)), 0)
        self.assertFalse(self.next_step_activities(cancelled | final))
