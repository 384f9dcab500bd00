"""Benchmark of the events robots (figures printed, nothing asserted).

    ODOO_PRELOAD_ADDONS=no .venv/bin/python tests/bench/bench_event_robots.py [SIZE ...]

Creates (or reuses) the throwaway database ``events_bench`` (``BENCH_DB``), then for each size
(default 1 000, 10 000 and 100 000) fills ``deputat_event`` by SQL with SIZE events of which a
fixed number (``BENCH_DUE``, 100) are due for each robot, runs the two daily crons through the ORM
and prints their timings. Each size is rolled back: the database stays as it was.
The point: the crons search indexed dates, so their cost follows the due events, not the table.
"""
import os
import subprocess
import sys
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = os.environ.get('BENCH_DB', 'events_bench')
DUE = int(os.environ.get('BENCH_DUE', '100'))
SIZES = [int(arg) for arg in sys.argv[1:]] or [1000, 10000, 100000]

FILL = """
INSERT INTO deputat_event (name, date_start, date_event, stage_id, user_id, company_id, active,
                           date_last_stage_update, overdue_notified, participant_count,
                           budget_planned, budget_final, cost_per_contact, checklist_progress,
                           create_uid, write_uid, create_date, write_date)
SELECT 'bench ' || g, %(start)s::timestamp, %(day)s::date, %(stage)s, %(user)s, %(company)s, true,
       %(since)s::timestamp, false, 0, 0, 0, 0, 0, 1, 1, now(), now()
  FROM generate_series(1, %(count)s) g
"""


def main():
    if not DB.startswith('events_'):
        sys.exit('BENCH_DB must start with events_')
    subprocess.check_call([os.path.join(ROOT, 'scripts', 'make_db.sh'), DB])
    import odoo
    from odoo import SUPERUSER_ID, api, fields
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', DB,
                                    '--log-level=warn'])
    registry = odoo.registry(DB)
    print('%8s %6s | %-24s | %-24s' % ('events', 'due', 'move to approval', 'overdue notices'))
    for size in SIZES:
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ref = env.ref
            Event = env['deputat.event']
            today = fields.Date.from_string(fields.Date.context_today(Event))

            def fill(count, days_ahead, stage, since_days=0):
                day = fields.Date.to_string(today + timedelta(days=days_ahead))
                since = fields.Date.to_string(today - timedelta(days=since_days))
                cr.execute(FILL, {
                    'start': day + ' 09:00:00', 'day': day, 'stage': ref(stage).id,
                    'user': ref('deputat_crm.user_assistant').id,
                    'company': ref('base.main_company').id, 'since': since + ' 08:00:00',
                    'count': count})
            rest = max(size - 2 * DUE, 0)
            # most events are far ahead (nothing to do), entered their stage today
            fill(rest // 2, 200, 'deputat_crm.event_stage_creation')
            fill(rest - rest // 2, 200, 'deputat_crm.event_stage_programme')
            fill(DUE, 10, 'deputat_crm.event_stage_creation')           # due for approval
            fill(DUE, 60, 'deputat_crm.event_stage_approval', 30)        # stuck in approval
            cr.execute('ANALYZE deputat_event')
            Event.invalidate_cache()

            start = time.time()
            moved = Event._cron_move_to_approval()
            t_move = time.time() - start
            start = time.time()
            notified = Event._cron_notify_overdue()
            t_overdue = time.time() - start
            # a second run finds nothing: idempotent, and it costs only the index look-up
            start = time.time()
            again = Event._cron_move_to_approval() + Event._cron_notify_overdue()
            t_again = time.time() - start
            print('%8d %6d | %4d moved in %7.2f s   | %4d notified in %6.2f s | re-run: %d in %.3f s'
                  % (size, DUE, moved, t_move, notified, t_overdue, again, t_again))
            cr.rollback()


if __name__ == '__main__':
    main()
