"""The robots' bulk task creation gives exactly what ``mail.activity.create`` gives: the same
columns, the assignee a follower with the same subtypes, the same systray counter and bus
message; in a constant number of queries for a batch."""
from .common_appeal import AppealCase

REMIND = 'deputat_crm.mail_activity_type_reminder'
# the note as a robot might get it from a configurable text: the ORM sanitizes it
NOTE = '<p>Ответ до 01.04.2026 <script>alert(1)</script><b>срочно</b></p>'


class TestPipelineBulkTasks(AppealCase):

    def rows(self, activities):
        self.env.cr.execute('SELECT * FROM mail_activity WHERE id IN %s ORDER BY id',
                            (tuple(activities.ids),))
        return self.env.cr.dictfetchall()

    def followers(self, appeal, partner):
        return self.env['mail.followers'].sudo().search([
            ('res_model', '=', 'deputat.appeal'), ('res_id', '=', appeal.id),
            ('partner_id', '=', partner.id)])

    def bus_messages(self, partner):
        return self.env['bus.bus'].sudo().search([
            ('channel', '=', '["%s","res.partner",%d]' % (self.env.cr.dbname, partner.id))])

    def counter(self, user):
        activities = self.env['res.users'].sudo(user).activity_user_count()
        return {a['model']: (a['total_count'], a['today_count'], a['overdue_count'])
                for a in activities}.get('deputat.appeal', (0, 0, 0))

    def test_bulk_row_equals_orm_row(self):
        orm_appeal, bulk_appeal = self.new_appeal(), self.new_appeal(subject='Освещение двора')
        lawyer = self.user_lawyer
        self.assertFalse(self.followers(orm_appeal, lawyer.partner_id))
        self.assertFalse(self.followers(bulk_appeal, lawyer.partner_id))
        Appeal = self.Appeal.sudo()

        def values(appeal):
            return appeal._pipeline_task_values(lawyer, 'reminder', 'Ответ до 01.04.2026', NOTE,
                                                self.today, REMIND, key='bench,1')

        counter = self.counter(lawyer)
        bus = len(self.bus_messages(lawyer.partner_id))
        orm = self.env['mail.activity'].sudo().create(values(orm_appeal))
        self.assertEqual(self.counter(lawyer), tuple(n + (i < 2) for i, n in enumerate(counter)))
        self.assertEqual(len(self.bus_messages(lawyer.partner_id)), bus + 1)
        # the bulk path itself (_pipeline_create_tasks = this + the notifications' hook)
        bulk = Appeal._pipeline_insert_tasks(self.env['mail.activity'].sudo(),
                                             [values(bulk_appeal)])
        self.assertEqual(len(bulk), 1)
        # the systray counter of the assignee grew the same way, with one more bus message
        self.assertEqual(self.counter(lawyer), tuple(n + 2 * (i < 2)
                                                     for i, n in enumerate(counter)))
        self.assertEqual(len(self.bus_messages(lawyer.partner_id)), bus + 2)

        orm_row, bulk_row = self.rows(orm)[0], self.rows(bulk)[0]
        self.assertEqual(set(orm_row), set(bulk_row))
        for column in sorted(orm_row):
            if column in ('id', 'res_id', 'res_name'):
                continue
            self.assertEqual(bulk_row[column], orm_row[column], 'column %s differs' % column)
        self.assertEqual(orm_row['res_id'], orm_appeal.id)
        self.assertEqual(bulk_row['res_id'], bulk_appeal.id)
        self.assertEqual(orm_row['res_name'], orm_appeal.display_name)
        self.assertEqual(bulk_row['res_name'], bulk_appeal.display_name)
        self.assertNotIn('<script>', bulk_row['note'], 'the note is sanitized as by the ORM')
        self.assertIn('срочно', bulk_row['note'])
        # what the user sees on the record through the ORM
        self.assertIn(bulk, bulk_appeal.activity_ids)
        self.assertEqual(bulk_appeal.activity_ids.filtered(
            lambda a: a.deputat_robot == 'reminder').summary, 'Ответ до 01.04.2026')
        # the assignee follows the record, with the same subtypes as message_subscribe gives
        orm_follower = self.followers(orm_appeal, lawyer.partner_id)
        bulk_follower = self.followers(bulk_appeal, lawyer.partner_id)
        self.assertEqual(len(orm_follower), 1)
        self.assertEqual(len(bulk_follower), 1)
        self.assertTrue(bulk_follower.subtype_ids)
        self.assertEqual(bulk_follower.subtype_ids, orm_follower.subtype_ids)
        self.assertIn(lawyer.partner_id, bulk_appeal.message_partner_ids)

    def test_batch_in_constant_queries(self):
        """Existing followers are kept once; the number of queries does not grow with the
        number of tasks (only with the assignees: one bus message each)."""
        appeals = self.Appeal.browse()
        for i in range(7):
            appeals |= self.new_appeal(subject='Обращение %d' % i)
        users = self.user_lawyer | self.user_head | self.user_assistant
        # the assistant already follows (the responsible): not added a second time
        self.assertTrue(self.followers(appeals[0], self.user_assistant.partner_id))

        def values_for(records, people):
            return [record._pipeline_task_values(user, 'reminder', 'Срок', False, self.today,
                                                 REMIND)
                    for record in records for user in people]

        Appeal = self.Appeal.sudo()
        Activity = self.env['mail.activity'].sudo()
        cr = self.env.cr
        # the engine's part (the notifications' hook called after it has its own tests)
        small_values, big_values = values_for(appeals[1:2], users), values_for(appeals[2:], users)
        # warm the registry caches (defaults, subtypes) as a running server has them
        Appeal._pipeline_insert_tasks(Activity, values_for(appeals[:1], users))
        start = cr.sql_log_count
        small = Appeal._pipeline_insert_tasks(Activity, small_values)
        small_queries = cr.sql_log_count - start
        bus = len(self.bus_messages(self.user_head.partner_id))
        start = cr.sql_log_count
        big = Appeal._pipeline_insert_tasks(Activity, big_values)
        big_queries = cr.sql_log_count - start
        self.assertEqual(len(small), 3)
        self.assertEqual(len(big), 15)
        self.assertLessEqual(big_queries, small_queries,
                             '15 tasks cost what 3 cost (%d vs %d queries)'
                             % (big_queries, small_queries))
        self.assertLessEqual(big_queries, 16)
        self.assertEqual(len(self.bus_messages(self.user_head.partner_id)), bus + 1,
                         'one bus message per assignee and batch')
        for appeal in appeals:
            for user in users:
                self.assertEqual(len(self.followers(appeal, user.partner_id)), 1)
            self.assertEqual(len(appeal.activity_ids.filtered(
                lambda a: a.deputat_robot == 'reminder')), 3)
        self.assertFalse(Appeal._pipeline_create_tasks([]))
