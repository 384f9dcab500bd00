from lxml import etree

from .common_appeal import AppealCase, add_days


def pivot_measures(model):
    """The measures Odoo 11's pivot and graph offer (pivot_view.js, graph_view.js): the stored
    integer, float and monetary fields of ``fields_get`` but the id."""
    return {name for name, field in model.fields_get().items()
            if name != 'id' and field.get('store') is True
            and field['type'] in ('integer', 'float', 'monetary')}


class TestReportLabels(AppealCase):
    """The analysis reads well in Russian: months «Октябрь 2026», no technical numbers as
    measures, the days overdue of the overdue list."""

    def setUp(self):
        super(TestReportLabels, self).setUp()
        self.event = self.env['deputat.event'].create({
            'name': 'Report test event', 'date_start': '2026-10-15 09:00:00',
            'user_id': self.user_assistant.id})

    def month_labels(self, model, domain, groupby, lang):
        groups = model.with_context(lang=lang, tz='Europe/Moscow').read_group(
            domain, [groupby.split(':')[0]], [groupby])
        return [group[groupby][1] if isinstance(group[groupby], tuple) else group[groupby]
                for group in groups]

    def test_month_label_in_russian_is_the_nominative_capitalised(self):
        Event = self.env['deputat.event']
        domain = [('id', '=', self.event.id)]
        self.assertEqual(self.month_labels(Event, domain, 'date_start:month', 'ru_RU'),
                         ['Октябрь 2026'])
        # a bare date field groups by month too
        self.assertEqual(self.month_labels(Event, domain, 'date_start', 'ru_RU'),
                         ['Октябрь 2026'])
        self.assertEqual(self.month_labels(Event, domain, 'date_start:month', 'en_US'),
                         ['October 2026'])
        appeal = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        self.assertEqual(self.month_labels(self.env['deputat.appeal'], [('id', '=', appeal.id)],
                                           'date_received:month', 'ru_RU'), ['Март 2026'])
        # the other groupings keep Odoo's labels
        self.assertEqual(self.month_labels(Event, domain, 'date_start:year', 'ru_RU'), ['2026'])
        self.assertNotIn('Октябрь', self.month_labels(Event, domain, 'date_start:day',
                                                      'ru_RU')[0])

    def test_a_core_model_keeps_odoo_labels(self):
        """The fix is the module's own models only."""
        partner = self.env['res.partner'].create({'name': 'Label test'})
        self.env.cr.execute("UPDATE res_partner SET create_date = '2026-10-15 09:00:00' "
                            "WHERE id = %s", (partner.id,))
        self.assertEqual(self.month_labels(self.env['res.partner'], [('id', '=', partner.id)],
                                           'create_date:month', 'ru_RU'), ['октября 2026'])

    def test_color_is_not_a_measure(self):
        for model_name in ('deputat.appeal', 'deputat.event'):
            Model = self.env[model_name]
            self.assertIn('color', Model._fields)
            measures = pivot_measures(Model)
            self.assertNotIn('color', measures, model_name)
            self.assertNotIn('pipeline_pending_transition', measures, model_name)
        self.assertTrue({'budget_planned', 'budget_final', 'participant_count',
                         'cost_per_contact'} <= pivot_measures(self.env['deputat.event']))
        self.assertIn('days_overdue', pivot_measures(self.env['deputat.appeal']))
        # the appeals' colour is still stored for the kanban colour picker
        self.assertTrue(self.env['deputat.appeal']._fields['color'].store)

    def test_analysis_views_read_in_russian(self):
        for xmlid in ('deputat_crm.deputat_appeal_view_pivot', 'deputat_crm.deputat_appeal_view_graph',
                      'deputat_crm.deputat_event_view_pivot', 'deputat_crm.deputat_event_view_graph'):
            view = self.env.ref(xmlid)
            arch = self.env[view.model].with_context(lang='ru_RU').fields_view_get(
                view_id=view.id, view_type=view.type)
            root = etree.fromstring(arch['arch'])
            self.assertNotIn('color', [f.get('name') for f in root.iter('field')])
            for name in (f.get('name') for f in root.iter('field')):
                self.assertIn(name, arch['fields'])

    def test_days_overdue(self):
        late = self.new_appeal(date_received='2026-03-02', date_registered='2026-03-02')
        fresh = self.new_appeal()
        deadline = late.date_deadline_planned
        Appeal = self.env['deputat.appeal']
        # the deadline robot refreshes the days for its day (read back from the database)

        def days(appeal):
            appeal.invalidate_cache()
            return appeal.days_overdue
        Appeal._cron_answer_deadlines(today=add_days(deadline, 7))
        self.assertEqual(days(late), 7)
        Appeal._cron_answer_deadlines(today=add_days(deadline, 8))
        self.assertEqual(days(late), 8)
        self.assertEqual(days(fresh), 0)
        Appeal._cron_answer_deadlines(today=deadline)
        self.assertEqual(days(late), 0, 'not overdue on the date itself')
        Appeal._cron_answer_deadlines(today=add_days(deadline, 8))
        # stored: the overdue list sorts on it, most overdue first
        self.assertTrue(Appeal._fields['days_overdue'].store)
        ordered = Appeal.search([('id', 'in', (late | fresh).ids)], order='days_overdue desc')
        self.assertEqual(ordered.ids, [late.id, fresh.id])
        # answered: no longer overdue, at once
        late.date_answer = add_days(deadline, 8)
        self.assertEqual(days(late), 0)

    def test_overdue_list_shows_days_overdue(self):
        action = self.env.ref('deputat_crm.action_deputat_appeal_overdue')
        tree = [view_id for view_id, mode in action.views if mode == 'tree']
        self.assertEqual(tree, [self.env.ref('deputat_crm.deputat_appeal_view_tree_overdue').id])
        arch = self.env['deputat.appeal'].with_context(lang='ru_RU').fields_view_get(
            view_id=tree[0], view_type='tree')
        self.assertIn('days_overdue', arch['arch'])
        self.assertIn('days_overdue desc', arch['arch'])
        self.assertIn('form', [mode for _view, mode in action.views])
