"""Russian for the core widgets a ru_RU user of the office sees (issue 12 item 1): the web
client's translations as /web/webclient/translations sends them and the browser merges them,
the server-side views and names of Odoo's modules, and their survival of a language reload."""
import os
import re

from odoo.modules import get_module_resource
from odoo.tests.common import TransactionCase

LANG = 'ru_RU'

# English term of the web client -> what a ru_RU user must read
WEB_CLIENT = {
    'Count': 'Количество',
    'Measures': 'Показатели',
    'Planned activities': 'Запланированные задачи',
    'Mark Done': 'Выполнено',
    'Due in %d days': 'Срок через %d дн.',
    '%d days overdue': 'Просрочено на %d дн.',
    '0 Late': '0 просрочено',
    '0 Future': '0 в будущем',
    '0 Today': '0 на сегодня',
    'Late': 'Просрочено',
    'No activities planned.': 'Нет запланированных задач.',
    'Schedule activity': 'Запланировать задачу',
    'Activities': 'Задачи',
    'Feedback': 'Комментарий',
    'Write Feedback': 'Комментарий о выполнении',
    'Create ': 'Создать: ',
    # the module's own JS (deputat_ru_core.js): the server error title, the chart switch
    'Odoo Server Error': 'Ошибка сервера',
    'Grouped': 'Рядом',
    'Stacked': 'Стопкой',
}
BAD = ('Посчитать', 'Замеры', 'Сегодняшние мероприятия', 'Позже', 'Деятельность')


class TestI18nCore(TransactionCase):

    def webclient_translations(self):
        """The terms the web client of a ru_RU user ends up with: the query of
        web.controllers.main.WebClient.translations for every installed module, merged as
        web.translation's set_bundle does (web first, then by module name, the last wins)."""
        modules = self.env['ir.module.module'].search([('state', '=', 'installed')]).mapped('name')
        messages = self.env['ir.translation'].sudo().search_read([
            ('module', 'in', modules), ('lang', '=', LANG),
            ('comments', 'like', 'openerp-web'), ('value', '!=', False),
            ('value', '!=', '')], ['module', 'src', 'value'], order='module')
        per_module = {}
        for message in messages:
            per_module.setdefault(message['module'], []).append(message)
        order = sorted(per_module)
        if 'web' in order:
            order = ['web'] + [name for name in order if name != 'web']
        merged = {}
        for name in order:
            for message in per_module[name]:
                merged[message['src']] = message['value']
        return merged

    def test_web_client_terms_are_russian(self):
        merged = self.webclient_translations()
        wrong = {src: merged.get(src) for src, value in WEB_CLIENT.items()
                 if merged.get(src) != value}
        self.assertFalse(wrong, 'the web client shows these terms so: %s' % wrong)
        self.assertFalse([value for value in merged.values() if value in BAD])

    def test_python_and_server_views_are_russian(self):
        Translation = self.env['ir.translation']
        self.assertEqual(Translation._get_source(None, ('code',), LANG, 'Count'), 'Количество')
        ru = self.env(context={'lang': LANG})
        # the «activity done» message of the chatter
        arch = ru.ref('mail.message_activity_done').arch_db
        self.assertIn('выполнил(а)', arch)
        self.assertIn('Комментарий', arch)
        self.assertNotIn('Feedback', arch)
        self.assertNotRegex(arch, r'done\s+by')
        # the «today's activities» filter of the contacts' search (no clash with events)
        search = ru['res.partner'].fields_view_get(view_type='search')['arch']
        self.assertIn('Задачи на сегодня', search)
        self.assertNotIn('Сегодняшние мероприятия', search)
        self.assertEqual(ru['ir.model']._get('mail.activity').name, 'Задача')
        self.assertEqual(
            ru['res.partner'].fields_get(['activity_ids'])['activity_ids']['string'], 'Задачи')
        # the states of Odoo's activity mixin on the office's records (the kanban's progress
        # bars): no module exports them, i18n_core/terms.tsv adds them
        for model in ('deputat.appeal', 'deputat.event'):
            states = dict(ru[model].fields_get(['activity_state'])['activity_state']['selection'])
            self.assertEqual(states, {'overdue': 'Просрочено', 'today': 'Сегодня',
                                      'planned': 'Запланировано'})

    def test_reload_of_the_language_keeps_the_office_terms(self):
        """«Load a Translation» with «overwrite» re-imports web's and mail's ru.po (Посчитать,
        Позже...); the addon's terms are applied again after them, by the same load."""
        self.env.cr.execute("UPDATE ir_translation SET value = 'Посчитать' "
                            "WHERE lang = %s AND type = 'code' AND src = 'Count'", (LANG,))
        modules = self.env['ir.module.module'].search(
            [('name', 'in', ('web', 'mail', 'deputat_crm'))])
        modules.with_context(overwrite=True)._update_translations(LANG)
        self.assertEqual(self.webclient_translations()['Count'], 'Количество')
        self.assertEqual(self.webclient_translations()['Late'], 'Просрочено')
        # idempotent: nothing left to change
        self.assertEqual(self.env['ir.translation']._deputat_apply_core_terms([LANG]), 0)

    def test_core_terms_file_matches_its_source(self):
        """i18n_core/ru.po is built from terms.tsv by scripts/i18n_core.py: every line of the
        list reached the .po file (a term edited in one place only would be lost)."""
        folder = os.path.dirname(get_module_resource('deputat_crm', 'i18n_core', 'ru.po'))
        with open(os.path.join(folder, 'terms.tsv'), encoding='utf-8') as f:
            listed = {line.split('\t')[1].replace('\\n', '\n'): line.rstrip('\n').split('\t')[2]
                      for line in f if line.strip() and not line.startswith('#')}
        terms = {row[3]: row[4] for row in self.env['ir.translation']._deputat_core_terms(LANG)}
        self.assertEqual(terms, listed)
        self.assertTrue(all(re.search('[а-яё]', value, re.I) for value in terms.values()))
