import datetime
from datetime import date

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import DeputatCase


class TestContactSegments(DeputatCase):
    """The saved segments of the demo return exactly the expected demo contacts."""

    def demo_partners(self, *suffixes):
        return self.env['res.partner'].browse(
            [self.env.ref('deputat_crm.deputat_partner_%s' % s).id for s in suffixes])

    def segment(self, xmlid):
        domain = safe_eval(self.env.ref('deputat_crm.%s' % xmlid).domain)
        return self.env['res.partner'].sudo(self.user_assistant).search(domain)

    def test_pensioners_of_the_constituency(self):
        # 08 is a pensioner outside the constituency; 33 is a pensioner of Лесное
        self.assertEqual(self.segment('filter_partner_pensioners_okrug'),
                         self.demo_partners('01', '02', '03', '04', '05', '06', '07', '33'))

    def test_youth_of_zarechny_district(self):
        self.assertEqual(self.segment('filter_partner_youth_zarechny'),
                         self.demo_partners('09', '10', '12'))

    def test_large_families_with_consent(self):
        self.assertEqual(self.segment('filter_partner_large_families_opt_in'),
                         self.demo_partners('15', '18', '20'))

    def test_entrepreneurs_of_the_city(self):
        self.assertEqual(self.segment('filter_partner_entrepreneurs_city'),
                         self.demo_partners('14', '15'))

    def test_segment_follows_new_contact(self):
        pensioner = self.env.ref('deputat_crm.social_status_pensioner')
        village = self.env.ref('deputat_crm.territory_zarechny_ozerki')
        newcomer = self.env['res.partner'].sudo(self.user_assistant).create({
            'name': 'Новиков Пётр', 'territory_id': village.id,
            'social_status_ids': [(6, 0, pensioner.ids)]})
        self.assertIn(newcomer, self.segment('filter_partner_pensioners_okrug'))
        self.assertNotIn(newcomer, self.segment('filter_partner_youth_zarechny'))

    def test_demo_base_size(self):
        partners = self.env['res.partner'].search([('id', 'in', [
            self.env.ref('deputat_crm.deputat_partner_%02d' % i).id for i in range(1, 34)])])
        self.assertEqual(len(partners), 33)
        self.assertEqual(len(partners.mapped('territory_id')), 6)

    def test_search_view_filters_and_group_bys_run(self):
        """Every filter and group-by of the contacts' search view works on the real table."""
        Partner = self.env['res.partner'].sudo(self.user_assistant)
        arch = Partner.fields_view_get(view_type='search')['arch']
        names = set()
        eval_context = {'uid': self.user_assistant.id, 'relativedelta': relativedelta,
                        'context_today': date.today, 'datetime': datetime}
        for node in etree.fromstring(arch).iter('filter'):
            names.add(node.get('name'))
            if node.get('domain'):
                Partner.search(safe_eval(node.get('domain'), eval_context))
            context = safe_eval(node.get('context') or '{}')
            if context.get('group_by'):
                Partner.read_group([], [context['group_by']], [context['group_by']])
        for name in ['mailing_opt_in', 'basis_59fz', 'age_60_plus', 'has_vk', 'group_territory',
                     'group_social_status', 'group_audience', 'group_age_band',
                     'group_contact_source', 'group_contact_referrer', 'group_city']:
            self.assertIn(name, names)
        groups = Partner.read_group([('territory_id', 'child_of',
                                      self.env.ref('deputat_crm.territory_zarechny').id)],
                                    ['territory_id'], ['territory_id'])
        by_territory = {g['territory_id'][0]: g['territory_id_count'] for g in groups}
        self.assertEqual(by_territory[self.env.ref('deputat_crm.territory_zarechny_ozerki').id],
                         len(self.demo_partners('04', '10', '18', '27')))


class TestAgeBand(DeputatCase):

    def test_age_band_boundaries(self):
        today = fields.Date.from_string(fields.Date.context_today(self.env['res.partner']))
        Partner = self.env['res.partner']
        sixty = Partner.create({'name': 'Turns 60 today', 'birthdate': fields.Date.to_string(
            today - relativedelta(years=60))})
        almost = Partner.create({'name': 'Turns 60 tomorrow', 'birthdate': fields.Date.to_string(
            today - relativedelta(years=60) + relativedelta(days=1))})
        minor = Partner.create({'name': 'Minor', 'birthdate': fields.Date.to_string(
            today - relativedelta(years=10))})
        unknown = Partner.create({'name': 'No birth date'})
        self.assertEqual(sixty.age_band, '60_plus')
        self.assertEqual(almost.age_band, '36_59')
        self.assertEqual(minor.age_band, 'under_18')
        self.assertFalse(unknown.age_band)
        found = Partner.search([('id', 'in', (sixty | almost | minor | unknown).ids),
                                ('age_band', '=', '60_plus')])
        self.assertEqual(found, sixty)

    def test_cron_refreshes_stale_bands(self):
        partner = self.env.ref('deputat_crm.deputat_partner_01')  # born 1950
        young = self.env.ref('deputat_crm.deputat_partner_09')
        self.env.cr.execute("UPDATE res_partner SET age_band = '18_35' WHERE id = %s",
                            (partner.id,))
        self.env.cr.execute("UPDATE res_partner SET age_band = NULL WHERE id = %s", (young.id,))
        partner.invalidate_cache()
        self.assertEqual(partner.age_band, '18_35')
        self.env['res.partner']._cron_deputat_refresh_age_band()
        partner.invalidate_cache()
        self.assertEqual(partner.age_band, '60_plus')
        self.assertTrue(young.age_band)
