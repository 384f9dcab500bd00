"""Benchmark of the events robots (figures printed, nothing asserted).

    ODOO_PRELOAD_ADDONS=no .venv/bin/python tests/bench/bench_event_robots.py [SIZE ...]

Creates (or reuses) the throwaway database ``events_bench`` (``BENCH_DB``), then for each size
(default 1 000, 10 000 and 100 000) fills ``deputat_event`` by SQL with SIZE events of which a
fixed number (``BENCH_DUE``, 100) are due for each robot: moved to «Согласование» by
``_cron_move_to_approval`` (the engine's batch move: stage write with its tracking messages
and the «activity done» messages of the closed tasks by the bulk chatter writer, checklist
lines, the stage's tasks and their assignees' e-mails), stuck in approval for ``_cron_stage_time_limit``, without a task for
``_cron_next_step``. Prints seconds, queries and ms per event, then a re-run with nothing due.
Each size is rolled back. The last lines are the summary (appended to var/bench-summary.txt).
"""
import os
import subprocess
import sys
import time
from datetime import timedelta

from benchlib import Meter, goal, insert_sql  # this folder: run as a script

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = os.environ.get('BENCH_DB', 'events_bench')
DUE = int(os.environ.get('BENCH_DUE', '100'))
SIZES = [int(arg) for arg in sys.argv[1:]] or [1000, 10000, 100000]

FILL = """
INSERT INTO deputat_event (name, date_start, date_event, stage_id, user_id, company_id, active,
                           date_stage_entered, stage_overdue_notified, participant_count,
                           budget_planned, budget_final, cost_per_contact, checklist_progress,
                           pipeline_pending_transition,
                           create_uid, write_uid, create_date, write_date{cols})
SELECT 'bench ' || g, %(start)s::timestamp, %(day)s::date, %(stage)s, %(user)s, %(company)s, true,
       %(since)s::date, false, 0, 0, 0, 0, 0, 0, %(user)s, %(user)s, now(), now(){vals}
  FROM generate_series(1, %(count)s) g
RETURNING id
"""
ACTIVITY = """
INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                           date_deadline, summary, deputat_robot, deputat_task_key,
                           create_uid, write_uid, create_date, write_date)
SELECT %(model)s, 'deputat.event', id, name, %(type)s, user_id, date_event, 'bench', 'stage',
       'bench', 1, 1, now(), now()
  FROM deputat_event WHERE id = ANY(%(ids)s)
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
    summary = []
    for size in SIZES:
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ref = env.ref
            Event = env['deputat.event']
            today = fields.Date.from_string(fields.Date.context_today(Event))
            model_id = env['ir.model']._get_id('deputat.event')
            act_type = ref('deputat_crm.mail_activity_type_stage').id

            def fill(count, days_ahead, stage, since_days=0, with_task=True):
                day = fields.Date.to_string(today + timedelta(days=days_ahead))
                since = fields.Date.to_string(today - timedelta(days=since_days))
                cr.execute(insert_sql(env, 'deputat.event', FILL), {
                    'start': day + ' 09:00:00', 'day': day, 'stage': ref(stage).id,
                    'user': ref('deputat_crm.user_assistant').id,
                    'company': ref('base.main_company').id, 'since': since,
                    'count': count})
                ids = [row[0] for row in cr.fetchall()]
                if with_task:  # steady state: every open event has its planned task
                    cr.execute(ACTIVITY, {'model': model_id, 'type': act_type, 'ids': ids})
            start = time.time()
            rest = max(size - 3 * DUE, 0)
            # most events are far ahead (nothing to do), entered their stage today
            fill(rest // 2, 200, 'deputat_crm.event_stage_creation')
            fill(rest - rest // 2, 200, 'deputat_crm.event_stage_programme')
            fill(DUE, 10, 'deputat_crm.event_stage_creation')           # due for approval
            fill(DUE, 60, 'deputat_crm.event_stage_approval', 30)        # stuck in approval
            fill(DUE, 90, 'deputat_crm.event_stage_programme', 0, False)  # no planned task
            cr.execute('ANALYZE deputat_event; ANALYZE mail_activity')
            Event.invalidate_cache()
            print('%d events filled by SQL in %.1f s' % (size, time.time() - start), flush=True)

            figures = {}
            for label, method in (('move to approval', '_cron_move_to_approval'),
                                  ('next step', '_cron_next_step'),
                                  ('stage time limit', '_cron_stage_time_limit')):
                env.clear()
                with Meter(cr) as meter:
                    found = getattr(Event, method)()
                figures[label] = (found, meter)
                print('  %8d events  %-18s %4d in %6.2f s  %6.1f ms/event  %6.1f q/event'
                      % (size, label, found, meter.seconds, 1000 * meter.seconds / max(found, 1),
                         meter.queries / float(max(found, 1))), flush=True)
            moved, meter = figures['move to approval']
            move_ms = 1000 * meter.seconds / max(moved, 1)
            q_per_move = meter.queries / float(max(moved, 1))
            print('  move to «Согласование»: %s ms per event, %s queries per event (batch of %d)'
                  % (goal(move_ms, 15.0, '%.1f'), goal(q_per_move, 8.0, '%.1f'), moved))
            # a second run finds nothing: idempotent, and it costs only the index look-ups
            env.clear()
            with Meter(cr) as idle:
                again = (Event._cron_move_to_approval() + Event._cron_next_step()
                         + Event._cron_stage_time_limit())
            print('  re-run with nothing due: %d found in %.3f s, %d queries   goal %s'
                  % (again, idle.seconds, idle.queries, goal(idle.seconds, 0.2, '%.3f')),
                  flush=True)
            summary.append('bench events=%d move_ms=%.1f q_per_move=%.1f idle_s=%.3f'
                           % (size, move_ms, q_per_move, idle.seconds))
            cr.rollback()
    print('\n'.join(summary))
    with open(os.path.join(ROOT, 'var', 'bench-summary.txt'), 'a') as out:
        out.write('\n'.join(summary) + '\n')


if __name__ == '__main__':
    main()
