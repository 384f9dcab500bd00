"""Time the appeal robots (cron methods) over 1 000 / 10 000 / 100 000 appeals.

    ODOO_PRELOAD_ADDONS=no .venv/bin/python tests/bench/bench_appeal_robots.py [DB] [SIZES]

DB (default appeals_bench) must exist with deputat_crm installed (scripts/make_db.sh DB). The
appeals are inserted with SQL in a realistic mix (received over a year, the last 32 days open, the
rest closed; 1 open appeal in 100 without an activity; one request per 10 appeals) and every job
runs with a forced date inside a transaction that is rolled back. Figures only, nothing asserted.
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = '2026-06-15'

import odoo  # noqa: E402


def fill(cr, env, size):
    cr.execute("DELETE FROM mail_activity WHERE res_model = 'deputat.appeal'")
    cr.execute("DELETE FROM deputat_appeal_request")
    cr.execute("DELETE FROM deputat_appeal")
    partner = env['res.partner'].create({'name': 'Бенчмарк Иван Иванович'}).id
    authority = env['res.partner'].create({'name': 'Бенчмарк-администрация'}).id
    user = env.ref('base.user_root').id
    done = env.ref('deputat_crm.stage_done').id
    new = env.ref('deputat_crm.stage_new').id
    model_id = env['ir.model']._get_id('deputat.appeal')
    act_type = env.ref('deputat_crm.activity_type_stage').id
    # received over the last year; the last 32 days are open (a few already overdue), the rest
    # closed; 1 open appeal in 100 has no activity, 1 in 50 is stuck in its stage. Steady state:
    # earlier runs already reminded the dates before today + 5 and the stages stuck before.
    cr.execute("""
        INSERT INTO deputat_appeal (name, partner_id, user_id, stage_id, pipeline, is_closed,
            date_received, date_registered, date_deadline_planned, date_stage_entered,
            answer_days, appeal_type, appeal_kind, appeal_form, active, request_approval_required,
            reminder_deadline, stage_overdue_notified,
            create_uid, write_uid, create_date, write_date)
        SELECT 'B-' || g, %(partner)s, %(user)s,
               CASE WHEN age < 32 THEN %(new)s ELSE %(done)s END,
               CASE WHEN age < 32 THEN 'review' ELSE 'answer' END, age >= 32,
               d, d, d + 30,
               CASE WHEN g %% 50 = 0 THEN d ELSE GREATEST(d, DATE %(today)s - 2) END,
               30, 'statement', 'individual', 'written', true, true,
               CASE WHEN age < 32 AND age > 25 THEN d + 30 END, age > 5,
               %(user)s, %(user)s, now(), now()
          FROM (SELECT g, g %% 365 AS age, DATE %(today)s - (g %% 365) AS d
                  FROM generate_series(1, %(size)s) g) s
    """, dict(partner=partner, user=user, new=new, done=done, size=size, today=TODAY))
    cr.execute("""
        INSERT INTO mail_activity (res_model_id, res_model, res_id, activity_type_id, user_id,
            date_deadline, summary, deputat_robot, create_uid, write_uid, create_date, write_date)
        SELECT %(model_id)s, 'deputat.appeal', id, %(act_type)s, %(user)s, DATE %(today)s + 5,
               'bench', true, %(user)s, %(user)s, now(), now()
          FROM deputat_appeal WHERE NOT is_closed AND id %% 100 <> 0
    """, dict(model_id=model_id, act_type=act_type, user=user, today=TODAY))
    cr.execute("""
        INSERT INTO deputat_appeal_request (name, appeal_id, partner_id, date_sent, answer_days,
            date_due, date_answer, state, overdue_notified,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BR-' || id, id, %(authority)s, date_registered + 1, 30, date_registered + 31,
               CASE WHEN is_closed THEN date_registered + 20 END,
               CASE WHEN is_closed THEN 'answered' ELSE 'sent' END,
               date_registered + 1 < DATE %(today)s - 25,
               %(user)s, %(user)s, now(), now()
          FROM deputat_appeal WHERE id %% 10 = 0
    """, dict(authority=authority, user=user, today=TODAY))
    cr.execute("ANALYZE deputat_appeal; ANALYZE mail_activity; ANALYZE deputat_appeal_request")
    env.clear()


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else 'appeals_bench'
    sizes = [int(n) for n in (sys.argv[2] if len(sys.argv) > 2 else '1000,10000,100000').split(',')]
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', db,
                                    '--log-level=warn'])
    registry = odoo.registry(db)
    jobs = [
        ('next step', 'deputat.appeal', 'cron_next_step'),
        ('answer deadlines', 'deputat.appeal', 'cron_answer_deadlines'),
        ('request without answer', 'deputat.appeal.request', 'cron_request_without_answer'),
        ('stage time limit', 'deputat.appeal', 'cron_stage_time_limit'),
    ]
    print('%-10s %-24s %10s %8s' % ('appeals', 'job', 'seconds', 'found'))
    for size in sizes:
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            fill(cr, env, size)
            cr.commit()
            for label, model, method in jobs:
                cr.execute('SAVEPOINT bench')
                start = time.time()
                found = getattr(env[model], method)(today=TODAY)
                elapsed = time.time() - start
                cr.execute('ROLLBACK TO SAVEPOINT bench')
                env.clear()
                print('%-10d %-24s %10.2f %8s' % (size, label, elapsed, found), flush=True)
            cr.rollback()


if __name__ == '__main__':
    main()
