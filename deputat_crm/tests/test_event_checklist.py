from odoo.exceptions import AccessError, UserError

from .common_event import DeputatEventCase


class TestEventChecklist(DeputatEventCase):
    """Ticking checklist items on the form and from the task; leaving a stage with open items
    asks (the dialog), refuses (a person's drag) or records (every move, robots included)."""

    def setUp(self):
        super(TestEventChecklist, self).setUp()
        # 60 days ahead: stays in «Creation» (no robot move to approval)
        self.event = self.make_event(60, accompanying_user_id=self.user_lawyer.id)
        self.assertEqual(self.event.stage_id, self.stage['creation'])

    def current_lines(self, event=None):
        event = event or self.event
        return event.checklist_line_ids.filtered(lambda l: l.stage_id == event.stage_id)

    def stage_task(self, user, event=None):
        tasks = self.robot_activities(event or self.event).filtered(lambda a: a.user_id == user)
        self.assertLessEqual(len(tasks), 1)
        return tasks

    def notes(self, event=None):
        return (event or self.event).message_ids.mapped('body')

    # --- ticking --------------------------------------------------------------------------
    def test_tick_on_the_form_in_read_mode(self):
        line = self.current_lines()[0]
        line.sudo(self.user_assistant).action_toggle_done()
        self.assertTrue(line.done)
        self.assertEqual(line.done_by_id, self.user_assistant)
        self.assertTrue(line.done_date)
        line.sudo(self.user_assistant).action_toggle_done()
        self.assertFalse(line.done)
        self.assertFalse(line.done_by_id)
        with self.assertRaises(AccessError):
            line.sudo(self.user_plain).action_toggle_done()
        self.assertFalse(line.done)

    def test_tick_from_the_task_and_the_task_gets_done(self):
        self.walk(self.event, ['approval', 'programme', 'trip'])
        task = self.stage_task(self.user_assistant).sudo(self.user_assistant)
        self.assertTrue(task)
        # the task shows the assistant's items of the stage, the lawyer's task the lawyer's
        mine = task.deputat_checklist_line_ids
        self.assertTrue(mine)
        self.assertEqual(set(mine.mapped('role')), {'responsible'})
        self.assertEqual(task.deputat_checklist_open, len(mine))
        lawyer_task = self.stage_task(self.user_lawyer).sudo(self.user_lawyer)
        self.assertEqual(set(lawyer_task.deputat_checklist_line_ids.mapped('role')),
                         {'accompanying'})
        # ticked from the task: the item is done, the task stays while items are open
        first = mine[0].sudo(self.user_assistant).with_context(deputat_activity_id=task.id)
        action = first.action_toggle_done()
        # the task's dialog shows again with the item ticked
        self.assertEqual((action['res_model'], action['res_id'], action['target']),
                         ('mail.activity', task.id, 'new'))
        self.assertTrue(first.done)
        self.assertEqual(first.done_by_id, self.user_assistant)
        task.invalidate_cache()
        self.assertEqual(task.deputat_checklist_open, len(mine) - 1)
        self.assertTrue(task.exists())
        # the last item: the task is marked done (and its dialog closes)
        for line in mine[1:-1]:
            line.sudo(self.user_assistant).action_toggle_done()
        self.assertTrue(task.exists())
        action = mine[-1].sudo(self.user_assistant).action_toggle_done()
        self.assertEqual(action, {'type': 'ir.actions.act_window_close'})
        self.assertFalse(task.exists())
        self.assertFalse(self.stage_task(self.user_assistant))
        self.assertTrue(self.stage_task(self.user_lawyer), "the lawyer's task stays")
        done = self.event.message_ids.filtered(
            lambda m: 'All the checklist items are done.' in (m.body or ''))
        self.assertEqual(len(done), 1)
        self.assertEqual(done.author_id, self.user_assistant.partner_id)

    def test_progress_per_stage_and_overall(self):
        lines = self.current_lines()
        self.assertEqual(self.event.checklist_open_count, len(lines))
        self.assertEqual(self.event.checklist_progress, 0)
        self.assertEqual(self.event.checklist_progress_total, 0)
        lines[0].done = True
        total = len(self.env['deputat.event.checklist.template'].search(
            [('stage_id.is_cancel', '=', False)]))
        self.assertAlmostEqual(self.event.checklist_progress, 100.0 / len(lines))
        self.assertAlmostEqual(self.event.checklist_progress_total, 100.0 / total)
        self.assertEqual(self.event.checklist_open_count, len(lines) - 1)
        self.assertEqual(self.event.checklist_summary,
                         '%s 1/%d' % (self.stage['creation'].name, len(lines)))

    # --- leaving a stage with open items --------------------------------------------------
    def dialog(self, code, user=None, **values):
        target = self.stage[code]
        transition = self.env['deputat.event.transition'].search([
            ('from_stage_id', '=', self.event.stage_id.id), ('to_stage_id', '=', target.id)])
        values['transition_id'] = transition.id
        return self.env['deputat.event.move.wizard'].sudo(user or self.user_assistant) \
            .with_context(default_res_id=self.event.id).create(values)

    def test_dialog_asks_and_the_chatter_records(self):
        lines = self.current_lines()
        lines[0].done = True
        wizard = self.dialog('approval')
        self.assertEqual(wizard.checklist_open_count, len(lines) - 1)
        self.assertEqual(wizard.checklist_open_line_ids, lines[1:])
        with self.assertRaisesRegex(UserError, 'Move on despite the open checklist items'):
            wizard.action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['creation'])
        self.dialog('approval', checklist_confirm=True).action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        note = self.event.message_ids.filtered(lambda m: 'checklist items open' in (m.body or ''))
        self.assertEqual(len(note), 1)
        self.assertIn('Test Assistant moved the event from «Creation» to «Approval» with %d of %d '
                      'checklist items open (confirmed)' % (len(lines) - 1, len(lines)), note.body)
        self.assertEqual(note.author_id, self.user_assistant.partner_id)

    def test_dialog_does_not_ask_when_all_done_nor_back_nor_cancel(self):
        self.current_lines().write({'done': True})
        wizard = self.dialog('approval')
        self.assertEqual(wizard.checklist_open_count, 0)
        wizard.action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        self.assertFalse([b for b in self.notes() if 'checklist items open' in b])
        # back to creation with approval's items open: no question
        self.dialog('creation', self.user_deputy).action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['creation'])
        # cancelling: no question either
        self.dialog('cancel', cancel_reason_id=self.reason_busy.id).action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['cancel'])

    def test_drag_with_open_items(self):
        # the assistant's drag cannot ask: refused, pointing to the dialog
        with self.assertRaisesRegex(UserError, 'Move on despite the open checklist items'):
            self.event.sudo(self.user_assistant).write({'stage_id': self.stage['approval'].id})
        self.assertEqual(self.event.stage_id, self.stage['creation'])
        # the items done, the drag goes
        self.current_lines().write({'done': True})
        self.event.sudo(self.user_assistant).write({'stage_id': self.stage['approval'].id})
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        # the deputy's drag is the deputy's decision: made, and recorded
        open_count = len(self.current_lines())
        self.event.sudo(self.user_deputy).write({'stage_id': self.stage['programme'].id})
        self.assertEqual(self.event.stage_id, self.stage['programme'])
        note = [b for b in self.notes() if 'checklist items open' in b]
        self.assertEqual(len(note), 1)
        self.assertIn('Test Deputy moved the event from «Approval» to «%s» with %d of %d '
                      'checklist items open.' % (self.stage['programme'].name, open_count,
                                                 open_count), note[0])

    def test_robot_moves_are_not_blocked_and_recorded(self):
        open_count = len(self.current_lines())
        self.assertTrue(open_count)
        self.assertTrue(self.Event._cron_move_to_approval(today=self.day(50)))
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        note = [b for b in self.notes() if 'checklist items open' in b]
        self.assertEqual(len(note), 1)
        self.assertIn('The robot moved the event from «Creation» to «Approval» with %d of %d '
                      'checklist items open.' % (open_count, open_count), note[0])

    def test_approved_move_is_recorded_with_the_approver(self):
        transition = self.env['deputat.event.transition'].search([
            ('from_stage_id', '=', self.stage['creation'].id),
            ('to_stage_id', '=', self.stage['approval'].id)])
        transition.need_approval = True
        open_count = len(self.current_lines())
        self.dialog('approval', checklist_confirm=True).action_confirm()
        self.assertEqual(self.event.stage_id, self.stage['creation'], 'proposed only')
        self.event.sudo(self.user_deputy).action_pipeline_approve()
        self.assertEqual(self.event.stage_id, self.stage['approval'])
        note = [b for b in self.notes() if 'checklist items open' in b]
        self.assertEqual(len(note), 1)
        self.assertIn('Test Deputy moved the event from «Creation» to «Approval» with %d of %d '
                      'checklist items open.' % (open_count, open_count), note[0])
