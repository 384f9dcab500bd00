"""A robot's batch move writes the same chatter as Odoo's one-by-one move: the stage tracking
message with its tracking values and the «activity done» message of each closed robot task are
the rows ``message_track`` and ``action_feedback`` make, column by column — without e-mails to
the followers; and a batch costs a constant number of queries."""
from .common_event import DeputatEventCase

# differ by nature between two records or two messages
SKIP = ('id', 'res_id', 'message_id', 'parent_id', 'date', 'mail_message_id')


class TestPipelineBulkChatter(DeputatEventCase):

    def setUp(self):
        super(TestPipelineBulkChatter, self).setUp()
        self.transition = self.env.ref('deputat_crm.event_transition_creation_approval')

    def new_events(self, count):
        events = self.Event.browse()
        for _i in range(count):
            # the same name: the same record name, task notes and bodies in both paths
            events |= self.make_event(200, name='Встреча с жителями')
        for event in events:
            self.assertEqual(event.stage_id, self.stage['creation'])
            self.assertTrue(self.robot_activities(event), 'the first stage gives its tasks')
        return events

    def last_message_id(self):
        self.env.cr.execute('SELECT COALESCE(MAX(id), 0) FROM mail_message')
        return self.env.cr.fetchone()[0]

    def messages(self, event, after):
        self.env.cr.execute('SELECT * FROM mail_message WHERE model = %s AND res_id = %s '
                            'AND id > %s ORDER BY id', ('deputat.event', event.id, after))
        return self.env.cr.dictfetchall()

    def tracking(self, message_id):
        self.env.cr.execute('SELECT * FROM mail_tracking_value WHERE mail_message_id = %s '
                            'ORDER BY id', (message_id,))
        return self.env.cr.dictfetchall()

    def first_message_id(self, event, before):
        self.env.cr.execute("SELECT id FROM mail_message WHERE model = %s AND res_id = %s "
                            "AND id <= %s ORDER BY (message_type = 'email') DESC, id LIMIT 1",
                            ('deputat.event', event.id, before))
        row = self.env.cr.fetchone()
        return row and row[0]

    def assert_same_rows(self, orm_rows, bulk_rows, what):
        self.assertEqual(len(orm_rows), len(bulk_rows), what)
        for orm_row, bulk_row in zip(orm_rows, bulk_rows):
            self.assertEqual(set(orm_row), set(bulk_row))
            for column in sorted(orm_row):
                if column not in SKIP:
                    self.assertEqual(bulk_row[column], orm_row[column],
                                     '%s: column %s differs' % (what, column))

    def test_bulk_chatter_equals_orm_chatter(self):
        # both in Russian (the robots write in their user's language, a user's move in the
        # language of the session)
        orm_event, bulk_event = self.new_events(2).with_context(lang='ru_RU')
        closed = self.robot_activities(bulk_event)
        before = self.last_message_id()
        # Odoo's way: the move of a user (message_track, action_feedback one by one)
        orm_event._pipeline_move(self.transition)
        middle = self.last_message_id()
        # the robot's batch path
        bulk_event._pipeline_move(self.transition, robot=True)
        self.assertEqual(bulk_event.stage_id, self.stage['approval'])
        self.assertFalse(closed.exists(), 'the robot tasks of the stage left are closed')

        orm_rows, bulk_rows = self.messages(orm_event, before), self.messages(bulk_event, middle)
        self.assertTrue(orm_rows)
        self.assert_same_rows(orm_rows, bulk_rows, 'mail_message')
        done = self.env.ref('mail.mt_activities').id
        self.assertEqual(len([r for r in bulk_rows if r['subtype_id'] == done]), len(closed))
        for orm_row, bulk_row in zip(orm_rows, bulk_rows):
            self.assertTrue(bulk_row['message_id'])
            self.assertNotEqual(bulk_row['message_id'], orm_row['message_id'])
            self.assertIn('%d-deputat.event' % bulk_event.id, bulk_row['message_id'])
            # a flat thread: the parent is the record's first message (when message_post set it)
            self.assertEqual(bool(bulk_row['parent_id']), bool(orm_row['parent_id']))
            if orm_row['parent_id']:
                self.assertEqual(orm_row['parent_id'], self.first_message_id(orm_event, before))
                self.assertEqual(bulk_row['parent_id'],
                                 self.first_message_id(bulk_event, middle))
            self.assert_same_rows(self.tracking(orm_row['id']), self.tracking(bulk_row['id']),
                                  'mail_tracking_value')
        # the tracking of the stage change, as the user sees it in the chatter
        tracked = self.env['mail.message'].browse([r['id'] for r in bulk_rows]).mapped(
            'tracking_value_ids').filtered(lambda t: t.field == 'stage_id')
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked.old_value_integer, self.stage['creation'].id)
        self.assertEqual(tracked.new_value_char, 'Согласование')
        self.assertIn(tracked.mail_message_id, bulk_event.message_ids)
        # no inbox line, no e-mail to the followers from the robot's chatter
        bulk_messages = self.env['mail.message'].browse([r['id'] for r in bulk_rows])
        self.assertFalse(bulk_messages.mapped('needaction_partner_ids'))
        self.assertFalse(self.env['mail.mail'].sudo().search(
            [('mail_message_id', 'in', bulk_messages.ids)]))

    def test_bulk_tracking_of_the_move_values(self):
        """A robot's move that asks for values (a cancellation and its reason): the tracking
        of the reason and of the stage in the same rows as the ORM's."""
        cancel = self.env.ref('deputat_crm.event_transition_creation_cancel')
        vals = {'cancel_reason_id': self.reason_busy.id}
        orm_event, bulk_event = self.new_events(2).with_context(lang='ru_RU')
        before = self.last_message_id()
        orm_event._pipeline_move(cancel, dict(vals))
        middle = self.last_message_id()
        bulk_event._pipeline_move(cancel, dict(vals), robot=True)
        self.assertEqual(bulk_event.stage_id, self.stage['cancel'])
        self.assertEqual(bulk_event.cancel_reason_id, self.reason_busy)
        orm_rows, bulk_rows = self.messages(orm_event, before), self.messages(bulk_event, middle)
        self.assert_same_rows(orm_rows, bulk_rows, 'mail_message')
        tracked = set()
        for orm_row, bulk_row in zip(orm_rows, bulk_rows):
            orm_values, bulk_values = self.tracking(orm_row['id']), self.tracking(bulk_row['id'])
            self.assert_same_rows(orm_values, bulk_values, 'mail_tracking_value')
            tracked |= {row['field'] for row in bulk_values}
        self.assertTrue({'cancel_reason_id', 'stage_id'} <= tracked, tracked)

    def test_batch_moves_in_constant_queries(self):
        """Moving 12 events costs what moving 3 costs (the stage write, the tracking, the
        closed tasks, the checklist lines, the new tasks are per batch)."""
        warm, small, big = self.new_events(1), self.new_events(3), self.new_events(12)
        self.Event.invalidate_cache()
        warm._pipeline_move(self.transition, robot=True)
        cr = self.env.cr
        counts = []
        for batch in (small, big):
            self.Event.invalidate_cache()
            start = cr.sql_log_count
            batch._pipeline_move(self.transition, robot=True)
            counts.append(cr.sql_log_count - start)
        self.assertLessEqual(counts[1], counts[0] + 2,
                             '12 events cost what 3 cost (%d vs %d queries)' % tuple(counts[::-1]))
        for event in small | big:
            self.assertEqual(event.stage_id, self.stage['approval'])
            self.assertEqual(event.date_stage_entered, fields_today(self))
            self.assertTrue(event.checklist_line_ids.filtered(
                lambda l: l.stage_id == self.stage['approval']))
            self.assertTrue(self.robot_activities(event), 'the approval stage gives its tasks')
            self.assertEqual(len(event.message_ids.mapped('tracking_value_ids').filtered(
                lambda t: t.field == 'stage_id'
                and t.new_value_integer == self.stage['approval'].id)), 1)

    def test_one_email_per_assignee_and_batch(self):
        """The robot's batch move: the assignee of the new tasks gets one e-mail listing them
        (and its inbox line), the followers none."""
        events = self.new_events(3)
        partner = self.user_assistant.partner_id
        self.env.cr.execute('SELECT COALESCE(MAX(id), 0) FROM mail_mail')
        last_mail = self.env.cr.fetchone()[0]
        events._pipeline_move(self.transition, robot=True)
        Mail = self.env['mail.mail'].sudo()
        mails = Mail.search([('id', '>', last_mail)])
        to_assistant = mails.filtered(lambda m: partner in m.recipient_ids)
        self.assertEqual(len(to_assistant), 1, to_assistant.mapped('subject'))
        self.assertIn(partner, to_assistant.mail_message_id.needaction_partner_ids)
        tasks = self.Activity.search([('res_model', '=', 'deputat.event'),
                                      ('res_id', 'in', events.ids),
                                      ('user_id', '=', self.user_assistant.id)])
        self.assertTrue(tasks)
        for task in tasks:
            self.assertIn(task.summary, to_assistant.body_html)
        self.assertFalse(mails.filtered(lambda m: m.model == 'deputat.event'),
                         'no e-mail about the chatter of the moved events')

    def test_calendar_sync_of_a_batch_in_constant_queries(self):
        """Cancelling a batch takes its meetings off the agenda with one write; restoring the
        values of an unchanged batch writes nothing."""
        cancel = self.env.ref('deputat_crm.event_transition_creation_cancel')
        warm, small, big = self.new_events(1), self.new_events(3), self.new_events(12)
        for events in (warm, small, big):
            self.assertEqual(len(events.mapped('calendar_event_id')), len(events))
            self.assertTrue(all(events.mapped('calendar_event_id.active')))
        cr = self.env.cr
        counts = []
        for batch in (warm, small, big):
            self.Event.invalidate_cache()
            start = cr.sql_log_count
            batch._pipeline_move(cancel, {'cancel_reason_id': self.reason_busy.id}, robot=True)
            counts.append(cr.sql_log_count - start)
            meetings = batch.mapped('calendar_event_id').with_context(active_test=False)
            self.assertEqual(len(meetings), len(batch))
            self.assertFalse(any(meetings.mapped('active')), 'cancelled: off the agenda')
        self.assertLessEqual(counts[2], counts[1] + 2,
                             '12 cancelled events cost what 3 cost (%d vs %d queries)'
                             % (counts[2], counts[1]))
        # nothing differs: nothing written
        write_date = big.mapped('calendar_event_id').with_context(
            active_test=False).mapped('write_date')
        start = cr.sql_log_count
        big._sync_calendar_event()
        self.assertLessEqual(cr.sql_log_count - start, 6)
        # a change of one event reaches its meeting only
        big[0].sudo().write({'location': 'Дом культуры'})
        meetings = big.mapped('calendar_event_id').with_context(active_test=False)
        self.assertEqual(meetings[0].location, 'Дом культуры')
        self.assertEqual(meetings[1:].mapped('write_date'), write_date[1:])


def fields_today(case):
    return case.day(0)
