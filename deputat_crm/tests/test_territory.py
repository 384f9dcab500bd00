from odoo.exceptions import ValidationError

from .common import DeputatCase


class TestTerritory(DeputatCase):

    def test_complete_name_follows_hierarchy(self):
        self.assertEqual(self.territory_village.complete_name,
                         'Test okrug / Test district / Test village')
        self.territory_district.name = 'Renamed district'
        self.assertEqual(self.territory_village.complete_name,
                         'Test okrug / Renamed district / Test village')

    def test_child_of_search(self):
        found = self.env['deputat.territory'].search([('id', 'child_of', self.territory_root.id)])
        self.assertEqual(found, self.territory_root | self.territory_district | self.territory_village)

    def test_no_recursion(self):
        with self.assertRaises(ValidationError):
            self.territory_root.parent_id = self.territory_village

    def test_demo_constituency(self):
        okrug = self.env.ref('deputat_crm.territory_okrug5')
        settlements = self.env['deputat.territory'].search([
            ('id', 'child_of', okrug.id), ('kind', '=', 'settlement')])
        self.assertGreaterEqual(len(settlements), 4)
        self.assertTrue(all(s.complete_name.startswith('Округ № 5 / ') for s in settlements))
