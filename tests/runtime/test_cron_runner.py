"""Odoo's own job runner really processes a database made by the set-up.

If any module were left 'to install' (the wheels' bridge addons), ir.cron._acquire_job would skip
the whole database and silently disable every robot of deputat_crm."""
from datetime import datetime, timedelta

import odoo
import pytest
from odoo.addons.base.ir.ir_cron import ir_cron

PARAM = 'deputat_crm.cron_runner_probe'


@pytest.fixture
def due_job(registry):
    """A real ir.cron job due now, committed (the runner works in its own transactions)."""
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env['ir.config_parameter'].set_param(PARAM, 'not run')
        job = env['ir.cron'].create({
            'name': 'deputat_crm runner probe',
            'model_id': env.ref('base.model_ir_config_parameter').id,
            'state': 'code',
            'code': "model.set_param('%s', 'run by the job runner')" % PARAM,
            'interval_number': 1, 'interval_type': 'days', 'numbercall': 1,
            # due a minute ago: a job overdue for hours would make the runner reset the
            # modules' state itself (MAX_FAIL_TIME), which would hide the problem under test
            'nextcall': odoo.fields.Datetime.to_string(datetime.utcnow() - timedelta(minutes=1)),
            'user_id': odoo.SUPERUSER_ID,
        })
        job_id = job.id
    yield job_id
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env['ir.cron'].with_context(active_test=False).browse(job_id).exists().unlink()
        env['ir.config_parameter'].search([('key', '=', PARAM)]).unlink()


def read_param(registry):
    with registry.cursor() as cr:
        cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [PARAM])
        return cr.fetchone()[0]


def test_no_module_left_to_install(registry):
    with registry.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state IN ('to install', 'to upgrade', 'to remove')")
        assert cr.fetchall() == []
        cr.execute("SELECT state FROM ir_module_module WHERE name = 'deputat_crm'")
        assert cr.fetchone() == ('installed',)


def test_job_runner_executes_a_due_job(registry, db_name, due_job):
    with odoo.api.Environment.manage():
        ir_cron._acquire_job(db_name)
    assert read_param(registry) == 'run by the job runner'
    with registry.cursor() as cr:
        cr.execute("SELECT active, numbercall FROM ir_cron WHERE id = %s", [due_job])
        assert cr.fetchone() == (False, 0)  # one call, then deactivated by the runner


def test_job_runner_skips_a_database_with_a_module_to_install(registry, db_name, due_job):
    """The control: the state the set-up cleans up really makes the runner skip the database."""
    with registry.cursor() as cr:
        cr.execute("UPDATE ir_module_module SET state = 'to install' WHERE name = 'website_crm' "
                   "RETURNING id")
        assert cr.fetchone(), 'the wheels ship website_crm'
        cr.commit()
    try:
        with odoo.api.Environment.manage():
            ir_cron._acquire_job(db_name)
        assert read_param(registry) == 'not run'
    finally:
        with registry.cursor() as cr:
            cr.execute("UPDATE ir_module_module SET state = 'uninstalled' WHERE name = 'website_crm'")
            cr.commit()
