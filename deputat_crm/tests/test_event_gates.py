from odoo.exceptions import UserError

from .common_event import DeputatEventCase


class TestEventGates(DeputatEventCase):

    def setUp(self):
        super(TestEventGates, self).setUp()
        self.event = self.make_event(10)  # straight to approval
        self.assertEqual(self.event.stage_id, self.stage['approval'])

    def move(self, event, code, user=None, **values):
        """A kanban drag-and-drop (a write of the stage with the other values), the stage's
        checklist ticked first (a drag leaving open items is refused: test_event_checklist)."""
        event.checklist_line_ids.filtered(lambda l: l.stage_id == event.stage_id).write(
            {'done': True})
        values['stage_id'] = self.stage[code].id
        return event.sudo(user or self.user_deputy).write(values)

    def walk(self, event, codes, **values):
        for code in codes:
            self.move(event, code, **values)

    # --- approval -------------------------------------------------------------------------
    def test_assistant_cannot_approve(self):
        with self.assertRaisesRegex(UserError, 'deputy or the office head'):
            self.move(self.event, 'programme', self.user_assistant)
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        with self.assertRaises(UserError):
            self.move(self.event, 'programme', self.user_lawyer)

    def test_deputy_and_head_approve(self):
        self.move(self.event, 'programme', self.user_deputy)
        self.assertEqual(self.event.stage_id, self.stage['programme'])
        other = self.make_event(10, name='Other')
        self.move(other, 'programme', self.user_head)
        self.assertEqual(other.stage_id, self.stage['programme'])

    def test_assistant_cannot_skip_approval(self):
        event = self.make_event(60)
        with self.assertRaises(UserError):
            self.move(event, 'programme', self.user_assistant)
        with self.assertRaises(UserError):
            self.make_event(60, env=self.env(user=self.user_assistant.id),
                            stage_id=self.stage['programme'].id)
        # moving on after approval is the assistant's job
        self.move(event, 'approval', self.user_assistant)
        self.move(event, 'programme', self.user_deputy)
        self.move(event, 'trip', self.user_assistant, accompanying_user_id=self.user_lawyer.id)
        self.assertEqual(event.stage_id, self.stage['trip'])
        # and so is going back, one stage at a time, to the approval stage
        with self.assertRaisesRegex(UserError, 'cannot move'):
            self.move(event, 'approval', self.user_assistant)
        self.move(event, 'programme', self.user_assistant)
        self.move(event, 'approval', self.user_assistant)
        self.assertEqual(event.stage_id, self.stage['approval'])

    def test_restoring_a_cancelled_event_past_approval_needs_the_deputy(self):
        self.move(self.event, 'programme')
        self.move(self.event, 'cancel', self.user_assistant, cancel_reason_id=self.reason_busy.id)
        with self.assertRaises(UserError):  # a restored event starts over
            self.move(self.event, 'programme', self.user_deputy)
        self.move(self.event, 'creation', self.user_assistant)
        self.move(self.event, 'approval', self.user_assistant)
        with self.assertRaises(UserError):
            self.move(self.event, 'programme', self.user_assistant)
        self.move(self.event, 'programme', self.user_deputy)
        self.assertEqual(self.event.stage_id, self.stage['programme'])

    # --- accompanying person and results --------------------------------------------------
    def test_trip_needs_accompanying(self):
        self.move(self.event, 'programme')
        with self.assertRaisesRegex(UserError, 'Accompanying person'):
            self.move(self.event, 'trip', self.user_assistant)
        self.assertEqual(self.event.stage_id, self.stage['programme'])
        self.assertFalse(self.event.checklist_line_ids.filtered(
            lambda l: l.stage_id == self.stage['trip']), 'nothing half-saved')
        self.move(self.event, 'trip', self.user_assistant, accompanying_user_id=self.user_lawyer.id)
        self.assertEqual(self.event.stage_id, self.stage['trip'])
        with self.assertRaises(UserError):
            self.event.sudo(self.user_assistant).write({'accompanying_user_id': False})
        self.assertEqual(self.event.accompanying_user_id, self.user_lawyer)

    def test_results_stage_needs_results(self):
        self.event.accompanying_user_id = self.user_lawyer
        self.walk(self.event, ['programme', 'trip', 'transfer', 'event', 'return', 'after'])
        with self.assertRaisesRegex(UserError, 'results'):
            self.move(self.event, 'results', self.user_assistant)
        with self.assertRaises(UserError):
            self.move(self.event, 'results', self.user_assistant, results='   ')
        self.move(self.event, 'results', self.user_assistant, results='120 participants')
        self.assertEqual(self.event.stage_id, self.stage['results'])
        with self.assertRaises(UserError):
            self.event.write({'results': False})

    def test_gates_checked_on_create(self):
        with self.assertRaises(UserError):
            self.make_event(60, stage_id=self.stage['trip'].id)
        with self.assertRaises(UserError):
            self.make_event(60, stage_id=self.stage['cancel'].id)

    # --- cancellation ---------------------------------------------------------------------
    def test_cancel_requires_reason(self):
        with self.assertRaisesRegex(UserError, 'cancellation reason'):
            self.move(self.event, 'cancel', self.user_assistant)
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        self.move(self.event, 'cancel', self.user_assistant, cancel_reason_id=self.reason_busy.id)
        self.assertEqual(self.event.stage_id, self.stage['cancel'])
        # no robot activity is left open on a cancelled event
        self.assertFalse(self.robot_activities(self.event))

    def test_other_reason_requires_detail(self):
        with self.assertRaisesRegex(UserError, 'in detail'):
            self.move(self.event, 'cancel', self.user_assistant,
                      cancel_reason_id=self.reason_other.id)
        self.assertFalse(self.event.cancel_reason_id, 'nothing half-saved')
        with self.assertRaises(UserError):
            self.move(self.event, 'cancel', self.user_assistant,
                      cancel_reason_id=self.reason_other.id, cancel_reason_detail=' ')
        self.move(self.event, 'cancel', self.user_assistant,
                  cancel_reason_id=self.reason_other.id,
                  cancel_reason_detail='The hall is closed for repairs')
        self.assertEqual(self.event.stage_id, self.stage['cancel'])
        with self.assertRaises(UserError):
            self.event.write({'cancel_reason_detail': ''})
        with self.assertRaises(UserError):
            self.event.write({'cancel_reason_id': False})

    def test_gate_message_in_russian(self):
        if not self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.skipTest('ru_RU not loaded')
        self.user_assistant.lang = 'ru_RU'
        with self.assertRaisesRegex(UserError, 'Причина отмены мероприятия'):
            self.move(self.event, 'cancel', self.user_assistant)

    def test_dates_and_amounts_validated(self):
        from odoo.exceptions import ValidationError
        with self.assertRaises(ValidationError):
            self.make_event(60, date_end='%s 08:00:00' % self.day(60))
        with self.assertRaises(ValidationError):
            self.make_event(60, participant_count=-1)
        with self.assertRaises(ValidationError):
            self.make_event(60, budget_planned=-10)


class TestEventCancelWizard(DeputatEventCase):

    def test_wizard_cancels_with_reason(self):
        event = self.make_event(10)
        Wizard = self.env['deputat.event.cancel'].sudo(self.user_assistant).with_context(
            active_model='deputat.event', active_ids=event.ids)
        wizard = Wizard.create({'reason_id': self.reason_other.id})
        self.assertEqual(wizard.event_ids, event)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(event.stage_id, self.stage['approval'])
        wizard.detail = 'The venue burnt down'
        wizard.action_confirm()
        self.assertEqual(event.stage_id, self.stage['cancel'])
        self.assertEqual(event.cancel_reason_id, self.reason_other)
        self.assertEqual(event.cancel_reason_detail, 'The venue burnt down')
        self.assertFalse(event.calendar_event_id.active)
