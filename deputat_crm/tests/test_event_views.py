from .common_event import DeputatEventCase


class TestEventViews(DeputatEventCase):

    def test_views_load_for_an_assistant(self):
        Event = self.Event.sudo(self.user_assistant)
        for view_type in ('form', 'tree', 'kanban', 'calendar', 'pivot', 'graph', 'search'):
            arch = Event.fields_view_get(view_type=view_type)['arch']
            self.assertTrue(arch, view_type)
        kanban = Event.fields_view_get(view_type='kanban')['arch']
        self.assertIn('checklist_progress', kanban)
        form = Event.fields_view_get(view_type='form')['arch']
        for fname in ('location', 'goal', 'audience_ids', 'topic_id', 'is_own', 'is_important',
                      'contact_ids', 'speaker_ids', 'press_sent', 'press_accepted', 'media_sent',
                      'media_accepted', 'participant_count', 'participation_format',
                      'venue_name', 'deputy_speech_topic', 'venue_topic', 'cancel_reason_id',
                      'cancel_reason_detail', 'material_ids', 'prospects',
                      'accompanying_user_id', 'media_ids', 'journalist_ids', 'results',
                      'participant_company_ids', 'publication_url', 'budget_planned',
                      'budget_final', 'cost_per_contact', 'checklist_line_ids'):
            self.assertIn('name="%s"' % fname, form)

    def test_config_views_for_office_head(self):
        for model in ('deputat.event.stage', 'deputat.event.checklist.template',
                      'deputat.event.topic', 'deputat.event.cancel.reason'):
            arch = self.env[model].sudo(self.user_head).fields_view_get(view_type='tree')['arch']
            self.assertTrue(arch)

    def test_russian_labels(self):
        if not self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.skipTest('ru_RU not loaded')
        fields = self.Event.with_context(lang='ru_RU').fields_get()
        expected = {
            'location': 'Место проведения', 'goal': 'Цель мероприятия',
            'audience_ids': 'Целевая аудитория (мероприятия)', 'topic_id': 'Тематика',
            'is_own': 'Своё мероприятие', 'is_important': 'Важное мероприятие',
            'contact_ids': 'Контактные лица', 'speaker_ids': 'Спикеры',
            'press_sent': 'Направлена информация в пресс-службу',
            'press_accepted': 'Информация принята пресс-службой',
            'media_sent': 'СМИ: информация отправлена', 'media_accepted': 'СМИ: информация принята',
            'participant_count': 'Количество участников',
            'participation_format': 'Формат участия', 'venue_name': 'Площадка (название)',
            'deputy_speech_topic': 'Тема выступления депутата', 'venue_topic': 'Тема площадки',
            'cancel_reason_id': 'Причина отмены мероприятия',
            'cancel_reason_detail': 'Причина отмены подробно',
            'material_ids': 'Материалы к мероприятию', 'prospects': 'Перспективы взаимодействия',
            'accompanying_user_id': 'Сопровождающий',
            'media_ids': 'Фото/видео/аудио с мероприятия',
            'journalist_ids': 'Журналисты на мероприятии', 'results': 'Итоги мероприятия',
            'participant_company_ids': 'Компании, участвующие в мероприятии',
            'publication_url': 'Ссылка на публикацию', 'budget_planned': 'Плановый бюджет',
            'budget_final': 'Итоговый бюджет', 'cost_per_contact': 'Стоимость одного контакта',
        }
        for fname, label in expected.items():
            self.assertEqual(fields[fname]['string'], label, fname)
        names = self.env['deputat.event.stage'].with_context(lang='ru_RU').search([]).mapped('name')
        self.assertEqual(names, [
            'Создание', 'Согласование', 'Подготовка программы', 'Подготовка выезда', 'Трансфер',
            'Мероприятие', 'Обратный трансфер', 'После мероприятия', 'Подведение итогов',
            'Отменено'])

    def test_demo_events_in_several_stages(self):
        demo = self.env.ref('deputat_crm.demo_event_cleanup', raise_if_not_found=False)
        if not demo:
            self.skipTest('no demo data')
        self.assertEqual(demo.stage_id, self.stage['results'])
        self.assertEqual(demo.cost_per_contact, 110)
        stages = self.Event.search([('name', '!=', False)]).mapped('stage_id')
        self.assertGreaterEqual(len(stages), 5)

    def test_kanban_column_progress_and_reports_grouping(self):
        self.make_event(10)
        self.make_event(60, topic_id=self.env.ref('deputat_crm.event_topic_youth').id,
                        participant_count=10, budget_planned=1000)
        Event = self.Event.sudo(self.user_assistant)
        bars = Event.read_progress_bar([], 'stage_id', {
            'field': 'activity_state',
            'colors': {'planned': 'success', 'today': 'warning', 'overdue': 'danger'}})
        self.assertTrue(bars)
        for groupby in (['date_start:month'], ['topic_id'], ['territory_id'], ['stage_id']):
            fnames = ['budget_planned', 'budget_final', 'cost_per_contact', 'participant_count',
                      groupby[0].split(':')[0]]
            groups = Event.read_group([], fnames, groupby, lazy=False)
            self.assertTrue(groups, groupby)
        # the kanban groups show every stage, the empty ones too
        groups = Event.read_group([('id', '=', 0)], ['stage_id'], ['stage_id'])
        self.assertEqual(len(groups), len(self.stage))
