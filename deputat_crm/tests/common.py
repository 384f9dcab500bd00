import subprocess
import tempfile
from unittest.mock import patch

from odoo.tests.common import TransactionCase
from odoo.tools import config


class DeputatCase(TransactionCase):
    """Base class of the addon's tests: the demo users of each role, a territory tree, and
    helpers to act as a role (``self.as_assistant`` ...)."""

    def setUp(self):
        super(DeputatCase, self).setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True, tracking_disable=True)

        def user(login, name, group):
            return Users.create({
                'name': name, 'login': login, 'email': '%s@test.example' % login,
                'lang': 'en_US', 'tz': 'Europe/Moscow',
                'groups_id': [(6, 0, [self.env.ref(group).id])],
            })
        self.user_assistant = user('t_assistant', 'Test Assistant', 'deputat_crm.group_assistant')
        self.user_lawyer = user('t_lawyer', 'Test Lawyer', 'deputat_crm.group_lawyer')
        self.user_deputy = user('t_deputy', 'Test Deputy', 'deputat_crm.group_deputy')
        self.user_head = user('t_head', 'Test Head', 'deputat_crm.group_office_head')
        self.user_plain = user('t_plain', 'Plain Employee', 'base.group_user')
        # the office's deputy and head are the test users (the robots look them up)
        Param = self.env['ir.config_parameter'].sudo()
        Param.set_param('deputat_crm.deputy_user_id', str(self.user_deputy.id))
        Param.set_param('deputat_crm.office_head_user_id', str(self.user_head.id))
        Territory = self.env['deputat.territory']
        self.territory_root = Territory.create({'name': 'Test okrug', 'kind': 'constituency'})
        self.territory_district = Territory.create({
            'name': 'Test district', 'kind': 'district', 'parent_id': self.territory_root.id})
        self.territory_village = Territory.create({
            'name': 'Test village', 'parent_id': self.territory_district.id})

    def env_as(self, user):
        return self.env(user=user.id)

    def move(self, record, code, user=None, **vals):
        """Move ``record`` to the stage ``code`` through the «Move to stage…» dialog as
        ``user`` (the assistant by default), giving the dialog ``vals``; the user picks the
        move even when the dialog would not offer it, so a refusal is tested too."""
        user = user or self.user_assistant
        target = record._pipeline_stage(code)
        transition = self.env[record._pipeline_transition_model].search([
            ('from_stage_id', '=', record.stage_id.id), ('to_stage_id', '=', target.id)],
            limit=1)
        self.assertTrue(transition, 'no move from %s to %s' % (record.stage_id.code, code))
        Wizard = self.env[record._pipeline_wizard_model].sudo(user).with_context(
            default_res_id=record.id)
        values = {'transition_id': transition.id}
        values.update(vals)
        Wizard.create(values).action_confirm()
        record.invalidate_cache()
        return record

    def pdf_text(self, report_xmlid, records):
        """Render a QWeb PDF report with the real wkhtmltopdf and return its text (pdftotext).
        Odoo 11 renders HTML instead of PDF in test mode unless ``test_report_directory`` is
        set; set it for the call so the test also holds under Odoo's own test runner
        (``force_report_rendering`` is the later versions' key for the same thing)."""
        report = self.env.ref(report_xmlid)
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {'test_report_directory': tmp}):
            pdf, fmt = report.with_context(force_report_rendering=True).render_qweb_pdf(
                records.ids)
        self.assertEqual(fmt, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
            f.write(pdf)
            f.flush()
            return subprocess.check_output(['pdftotext', '-enc', 'UTF-8', f.name, '-']).decode()
