import os
import subprocess
import tempfile
from unittest.mock import patch

from odoo.tools import config

from .common_appeal import AppealCase


class TestAppealReports(AppealCase):

    def pdf_text(self, xmlid, records):
        report = self.env.ref(xmlid)
        # Odoo 11 renders HTML instead of PDF in tests unless test_report_directory is set
        # (force_report_rendering is the context key of later versions: kept for them).
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {'test_report_directory': tmp}):
            pdf, fmt = report.with_context(force_report_rendering=True).render_qweb_pdf(
                records.ids)
        self.assertEqual(fmt, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        with tempfile.NamedTemporaryFile(suffix='.pdf', delete=False) as f:
            f.write(pdf)
        try:
            return subprocess.check_output(['pdftotext', '-enc', 'UTF-8', f.name, '-']).decode()
        finally:
            os.unlink(f.name)

    def test_appeal_card(self):
        appeal = self.new_appeal()
        text = self.pdf_text('deputat_crm.action_report_appeal_card', appeal)
        self.assertIn('Соколова', text)
        self.assertIn(appeal.name, text)

    def test_answer_letter(self):
        appeal = self.new_appeal(answer_text='<p>Ремонт дороги включён в план на 2027 год.</p>')
        text = self.pdf_text('deputat_crm.action_report_appeal_answer', appeal)
        self.assertIn('Мария Ивановна Соколова', text)
        self.assertIn('Ремонт дороги', text)

    def test_request_letter(self):
        appeal = self.new_appeal()
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id,
            'text': '<p>Прошу сообщить сроки ремонта дороги.</p>'})
        text = self.pdf_text('deputat_crm.action_report_appeal_request', request)
        self.assertIn('Соколова', text)
        self.assertIn('Администрация Заречного района', text)
