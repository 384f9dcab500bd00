"""The office dashboard (issue 12 items 3 and 7): each tile counts what its user may see and
opens the same records."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common_appeal import AppealCase, add_days


class TestDashboard(AppealCase):

    def tile(self, xmlid, user):
        return self.env.ref('deputat_crm.%s' % xmlid).sudo(user)

    def opened(self, tile):
        action = tile.action_open()
        return self.env[action['res_model']].sudo(tile.env.user).search(action['domain'])

    def test_stage_tile_counts_and_opens(self):
        tile = self.tile('tile_stage_new', self.user_head)
        before = tile.count
        appeal = self.new_appeal()
        tile.invalidate_cache()
        self.assertEqual(tile.count, before + 1)
        opened = self.opened(tile)
        self.assertIn(appeal, opened)
        self.assertEqual(len(opened), tile.count)
        self.assertEqual(set(opened.mapped('stage_id.code')), {'new'})
        action = tile.action_open()
        self.assertEqual(action['res_model'], 'deputat.appeal')
        self.assertEqual(action['views'][0][1], 'tree')
        self.assertEqual(action['search_view_id'][0],
                         self.env.ref('deputat_crm.deputat_appeal_view_search').id)

    def test_overdue_and_due_week(self):
        overdue_tile = self.tile('tile_appeal_overdue', self.user_head)
        week_tile = self.tile('tile_appeal_due_week', self.user_head)
        overdue_before, week_before = overdue_tile.count, week_tile.count
        late = self.new_appeal(date_received=add_days(self.today, -40),
                               date_registered=add_days(self.today, -40))
        soon = self.new_appeal(date_received=add_days(self.today, -27),
                               date_registered=add_days(self.today, -27))
        self.assertTrue(late.is_overdue)
        (overdue_tile | week_tile).invalidate_cache()
        self.assertEqual(overdue_tile.count, overdue_before + 1)
        self.assertTrue(overdue_tile.alert)
        self.assertEqual(week_tile.count, week_before + 1)
        self.assertIn(late, self.opened(overdue_tile))
        self.assertNotIn(soon, self.opened(overdue_tile))
        self.assertIn(soon, self.opened(week_tile))
        self.assertNotIn(late, self.opened(week_tile))

    def test_record_rules_apply(self):
        """A confidential appeal of the lawyer counts for the head, not for the assistant."""
        assistant_tile = self.tile('tile_stage_new', self.user_assistant)
        head_tile = self.tile('tile_stage_new', self.user_head)
        counts = assistant_tile.count, head_tile.count
        secret = self.new_appeal(user=self.user_lawyer, user_id=self.user_lawyer.id,
                                 lawyer_id=self.user_lawyer.id, confidential=True)
        (assistant_tile | head_tile).invalidate_cache()
        self.assertEqual(assistant_tile.count, counts[0])
        self.assertEqual(head_tile.count, counts[1] + 1)
        self.assertNotIn(secret, self.opened(assistant_tile))

    def test_events_and_receptions_today(self):
        event_tile = self.tile('tile_event_today', self.user_head)
        reception_tile = self.tile('tile_reception_today', self.user_head)
        events, receptions = event_tile.count, reception_tile.count
        # noon of today in Moscow (the test users' zone) is 09:00 UTC
        noon = fields.Date.context_today(event_tile) + ' 09:00:00'
        event = self.env['deputat.event'].create({
            'name': 'Встреча сегодня', 'date_start': noon, 'user_id': self.user_head.id})
        self.env['deputat.event'].create({
            'name': 'Встреча завтра', 'user_id': self.user_head.id,
            'date_start': fields.Datetime.to_string(
                fields.Datetime.from_string(noon) + timedelta(days=1))})
        session = self.env['deputat.reception.session'].create({
            'name': 'Приём сегодня', 'date_start': noon, 'venue': 'Приёмная'})
        (event_tile | reception_tile).invalidate_cache()
        self.assertEqual(event_tile.count, events + 1)
        self.assertEqual(reception_tile.count, receptions + 1)
        self.assertIn(event, self.opened(event_tile))
        self.assertIn(session, self.opened(reception_tile))

    def test_every_tile_renders_for_every_role(self):
        tiles = self.env['deputat.dashboard.tile'].search([])
        self.assertGreaterEqual(len(tiles), 10)
        for user in (self.user_assistant, self.user_lawyer, self.user_deputy, self.user_head):
            for tile in tiles.sudo(user):
                self.assertGreaterEqual(tile.count, 0)
                self.assertEqual(tile.action_open()['type'], 'ir.actions.act_window')

    def test_russian_names(self):
        tiles = self.env['deputat.dashboard.tile'].with_context(lang='ru_RU').search([])
        self.assertIn('Просроченные обращения', tiles.mapped('name'))
        kanban = self.env.ref('deputat_crm.action_deputat_dashboard').with_context(
            lang='ru_RU')
        self.assertEqual(kanban.name, 'Сводка приёмной')

    def test_outsider_cannot_open(self):
        tile = self.env.ref('deputat_crm.tile_appeal_overdue')
        with self.assertRaises(AccessError):
            tile.sudo(self.user_plain).action_open()
