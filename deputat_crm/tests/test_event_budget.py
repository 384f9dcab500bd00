from .common_event import DeputatEventCase


class TestEventCostPerContact(DeputatEventCase):

    def test_planned_budget_while_no_final(self):
        event = self.make_event(60, budget_planned=10000, participant_count=50)
        self.assertEqual(event.cost_per_contact, 200)

    def test_final_budget_wins(self):
        event = self.make_event(60, budget_planned=10000, budget_final=9000,
                                participant_count=60)
        self.assertEqual(event.cost_per_contact, 150)
        event.participant_count = 90
        self.assertEqual(event.cost_per_contact, 100)
        event.budget_final = 0  # final budget removed: back to the planned one
        self.assertAlmostEqual(event.cost_per_contact, 10000 / 90.0, places=2)

    def test_zero_participants_is_empty(self):
        event = self.make_event(60, budget_planned=10000)
        self.assertEqual(event.participant_count, 0)
        self.assertFalse(event.cost_per_contact)
        event.participant_count = 3
        self.assertAlmostEqual(event.cost_per_contact, 3333.33, places=2)
        event.participant_count = 0
        self.assertFalse(event.cost_per_contact)

    def test_stored_for_reports(self):
        event = self.make_event(60, budget_planned=700, participant_count=7)
        self.env.cr.execute('SELECT cost_per_contact FROM deputat_event WHERE id = %s',
                            [event.id])
        self.assertEqual(self.env.cr.fetchone()[0], 100)
        groups = self.Event.read_group([('id', '=', event.id)],
                                       ['cost_per_contact', 'budget_planned', 'topic_id'],
                                       ['topic_id'])
        self.assertEqual(groups[0]['cost_per_contact'], 100)
