from .common import DeputatCase


class TestPartnerLinks(DeputatCase):
    """The contact form's smart buttons count and open the contact's appeals and events, and an
    appeal records the 152-FZ legal basis of its applicants."""

    def setUp(self):
        super(TestPartnerLinks, self).setUp()
        Partner = self.env['res.partner']
        self.citizen = Partner.create({'name': 'Лебедева Ирина Олеговна',
                                       'territory_id': self.territory_village.id})
        self.neighbour = Partner.create({'name': 'Лебедев Олег Петрович',
                                         'pd_legal_basis': 'consent',
                                         'pd_legal_basis_date': '2026-01-10'})

    def _appeal(self, **vals):
        values = {'partner_id': self.citizen.id, 'date_received': '2026-11-02',
                  'description': 'Прошу отремонтировать дорогу.'}
        values.update(vals)
        return self.env['deputat.appeal'].sudo(self.user_assistant).create(values)

    def test_appeal_count_and_action(self):
        self.assertEqual(self.citizen.deputat_appeal_count, 0)
        first = self._appeal()
        second = self._appeal(partner_id=self.neighbour.id, appeal_kind='collective',
                              co_applicant_ids=[(6, 0, self.citizen.ids)])
        self.citizen.invalidate_cache()
        self.assertEqual(self.citizen.deputat_appeal_count, 2)
        self.assertEqual(self.neighbour.deputat_appeal_count, 1)
        action = self.citizen.sudo(self.user_assistant).action_deputat_view_appeals()
        self.assertEqual(self.env['deputat.appeal'].search(action['domain']), first | second)
        self.assertEqual(action['res_model'], 'deputat.appeal')

    def test_appeal_takes_territory_and_legal_basis_from_applicant(self):
        appeal = self._appeal(appeal_kind='collective', co_applicant_ids=[(6, 0, self.neighbour.ids)])
        self.assertEqual(appeal.territory_id, self.territory_village)
        self.assertEqual(self.citizen.pd_legal_basis, 'law_59fz')
        self.assertEqual(self.citizen.pd_legal_basis_date, '2026-11-02')
        # a consent already given is kept
        self.assertEqual(self.neighbour.pd_legal_basis, 'consent')

    def test_event_count_and_action(self):
        event = self.env['deputat.event'].sudo(self.user_assistant).create({
            'name': 'Встреча с жителями', 'date_start': '2027-03-01 10:00:00',
            'speaker_ids': [(6, 0, self.citizen.ids)]})
        self.citizen.invalidate_cache()
        self.assertEqual(self.citizen.deputat_event_count, 1)
        self.assertEqual(self.neighbour.deputat_event_count, 0)
        action = self.citizen.action_deputat_view_events()
        self.assertEqual(self.env['deputat.event'].search(action['domain']), event)

    def test_counts_hidden_from_plain_employees(self):
        self._appeal()
        self.assertEqual(self.citizen.sudo(self.user_plain).deputat_appeal_count, 0)
