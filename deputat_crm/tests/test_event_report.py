import shutil
import unittest

from .common_event import DeputatEventCase


class TestEventResultsReport(DeputatEventCase):

    @unittest.skipUnless(shutil.which('wkhtmltopdf') and shutil.which('pdftotext'),
                         'wkhtmltopdf or pdftotext missing')
    def test_pdf_with_cyrillic(self):
        event = self.make_event(-5, name='Субботник в парке Победы',
                                participant_count=120, budget_planned=15000,
                                budget_final=13200,
                                results='Высажено 40 деревьев, вывезено 6 тонн мусора.')
        text = self.pdf_text('deputat_crm.action_report_deputat_event_results', event)
        self.assertIn('Субботник в парке Победы', text)
        self.assertIn('Высажено 40 деревьев', text)
        self.assertIn('110', text)  # 13 200 / 120 participants

    def test_russian_labels(self):
        if not self.env['res.lang'].search([('code', '=', 'ru_RU')]):
            self.skipTest('ru_RU not loaded')
        self.user_assistant.lang = 'ru_RU'
        event = self.make_event(-5, name='Встреча', results='Итоги')
        report = self.env.ref('deputat_crm.action_report_deputat_event_results')
        html = report.render_qweb_html(event.ids)[0].decode()
        self.assertIn('Итоги мероприятия', html)
        self.assertIn('Стоимость одного контакта', html)
