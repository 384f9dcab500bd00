"""Time the appeal robots (the engine's private ``_cron_*``) over 1 000 / 10 000 / 100 000 appeals.

    ODOO_PRELOAD_ADDONS=no .venv/bin/python tests/bench/bench_appeal_robots.py [DB] [SIZES]

DB (default appeals_bench) must exist with deputat_crm installed (scripts/make_db.sh DB). The
appeals are inserted with SQL in a realistic mix (received over a year, the last 32 days open, the
rest closed; 1 open appeal in 100 without an activity, 1 in 50 stuck in its stage; one request
per 10 appeals) and every job runs with a forced date inside a transaction that is rolled back.

Per job: seconds, tasks created, queries per task (every ``cursor.execute`` counted), ms per task;
then the same tasks through a plain ``mail.activity.create`` loop (on a sample) and through one
INSERT, a re-run with nothing due, and the web reads of the assistant at the largest size. The
goal of the issue is printed beside each figure. Figures only, nothing asserted; the last lines
are the summary (also appended to var/bench-summary.txt for ``make bench``).
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = '2026-06-15'
ORM_SAMPLE = 150  # tasks created through the ORM loop for the comparison (ms per task)
JOBS = [
    ('next step', 'deputat.appeal', '_cron_next_step'),
    ('answer deadlines', 'deputat.appeal', '_cron_answer_deadlines'),
    ('request without answer', 'deputat.appeal.request', '_cron_request_without_answer'),
    ('stage time limit', 'deputat.appeal', '_cron_stage_time_limit'),
]
TASK_COLUMNS = ('res_model_id', 'res_model', 'res_id', 'res_name', 'activity_type_id', 'user_id',
                'date_deadline', 'summary', 'note', 'deputat_robot', 'deputat_task_key')

import odoo  # noqa: E402
from benchlib import Meter, goal, insert_sql  # noqa: E402  (this folder: run as a script)


def fill(cr, env, size):
    cr.execute("DELETE FROM mail_activity WHERE res_model = 'deputat.appeal'")
    cr.execute("DELETE FROM mail_followers WHERE res_model = 'deputat.appeal'")
    cr.execute("DELETE FROM deputat_appeal_request")
    cr.execute("DELETE FROM deputat_appeal")
    partner = env['res.partner'].create({'name': 'Бенчмарк Иван Иванович'}).id
    authority = env['res.partner'].create({'name': 'Бенчмарк-администрация'}).id
    user = env.ref('deputat_crm.user_assistant')
    done = env.ref('deputat_crm.stage_done').id
    new = env.ref('deputat_crm.stage_new').id
    model_id = env['ir.model']._get_id('deputat.appeal')
    act_type = env.ref('deputat_crm.mail_activity_type_stage').id
    # received over the last year; the last 32 days are open (a few already overdue), the rest
    # closed; 1 open appeal in 100 has no activity, 1 in 50 is stuck in its stage. Steady state:
    # earlier runs already reminded the dates before today + 5 and the stages stuck before.
    cr.execute(insert_sql(env, 'deputat.appeal', """
        INSERT INTO deputat_appeal (name, partner_id, user_id, stage_id, pipeline, is_closed,
            date_received, date_registered, date_deadline_planned, date_stage_entered,
            answer_days, appeal_type, appeal_kind, appeal_form, active, request_approval_required,
            reminder_deadline, stage_overdue_notified,
            create_uid, write_uid, create_date, write_date{cols})
        SELECT 'B-' || g, %(partner)s, %(user)s,
               CASE WHEN age < 32 THEN %(new)s ELSE %(done)s END,
               CASE WHEN age < 32 THEN 'review' ELSE 'answer' END, age >= 32,
               d, d, d + 30,
               CASE WHEN g %% 50 = 0 THEN d ELSE GREATEST(d, DATE %(today)s - 2) END,
               30, 'statement', 'individual', 'written', true, true,
               CASE WHEN age < 32 AND age > 25 THEN d + 30 END, age > 5,
               %(user)s, %(user)s, now(), now(){vals}
          FROM (SELECT g, g %% 365 AS age, DATE %(today)s - (g %% 365) AS d
                  FROM generate_series(1, %(size)s) g) s
    """), dict(partner=partner, user=user.id, new=new, done=done, size=size, today=TODAY))
    if 'date_deadline_control' in env['deputat.appeal']._fields:
        # the internal control date the reminders count to (production calendar): the
        # planned date in this fill, already reminded like the planned date
        cr.execute('UPDATE deputat_appeal SET date_deadline_control = date_deadline_planned')
    if 'days_overdue' in env['deputat.appeal']._fields:
        # the stored «days overdue» as yesterday's run of the deadline robot left it (the ORM
        # stores it at create: never NULL), so that today's run refreshes what a day changes
        cr.execute('''UPDATE deputat_appeal SET days_overdue = CASE
                          WHEN NOT is_closed AND date_answer IS NULL
                               AND date_deadline_planned < DATE %(today)s - 1
                          THEN (DATE %(today)s - 1) - date_deadline_planned ELSE 0 END''',
                   dict(today=TODAY))
    cr.execute("""
        INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id,
            user_id, date_deadline, summary, deputat_robot, deputat_task_key,
            create_uid, write_uid, create_date, write_date)
        SELECT %(model_id)s, 'deputat.appeal', id, name, %(act_type)s, %(user)s,
               DATE %(today)s + 5, 'bench', 'stage', 'bench', %(user)s, %(user)s, now(), now()
          FROM deputat_appeal WHERE NOT is_closed AND id %% 100 <> 0
    """, dict(model_id=model_id, act_type=act_type, user=user.id, today=TODAY))
    # the responsible follows the open appeals (as the ORM made it)
    cr.execute("""
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'deputat.appeal', id, %s FROM deputat_appeal WHERE NOT is_closed
    """, (user.partner_id.id,))
    cr.execute(insert_sql(env, 'deputat.appeal.request', """
        INSERT INTO deputat_appeal_request (name, appeal_id, partner_id, date_sent, answer_days,
            date_due, date_answer, state, overdue_notified,
            create_uid, write_uid, create_date, write_date{cols})
        SELECT 'BR-' || id, id, %(authority)s, date_registered + 1, 30, date_registered + 31,
               CASE WHEN is_closed THEN date_registered + 20 END,
               CASE WHEN is_closed THEN 'answered' ELSE 'sent' END,
               date_registered + 1 < DATE %(today)s - 25,
               %(user)s, %(user)s, now(), now(){vals}
          FROM deputat_appeal WHERE id %% 10 = 0
    """), dict(authority=authority, user=user.id, today=TODAY))
    cr.execute("ANALYZE deputat_appeal; ANALYZE mail_activity; ANALYZE deputat_appeal_request; "
               "ANALYZE mail_followers")
    env.clear()


def new_tasks(cr, last_id):
    cr.execute('SELECT %s FROM mail_activity WHERE id > %%s ORDER BY id'
               % ', '.join(TASK_COLUMNS), (last_id,))
    return cr.dictfetchall()


def compare_paths(cr, env, tasks):
    """The same tasks through the ORM loop (a sample) and through one INSERT: ms per task."""
    Activity = env['mail.activity'].sudo()
    sample = tasks[:ORM_SAMPLE]
    cr.execute('SAVEPOINT compare')
    with Meter(cr) as orm:
        for row in sample:
            values = {k: row[k] for k in TASK_COLUMNS if k not in ('res_model', 'res_name')}
            Activity.create(values)
    cr.execute('ROLLBACK TO SAVEPOINT compare')
    env.clear()
    with Meter(cr) as insert:
        cr.execute('INSERT INTO mail_activity (%s, create_uid, write_uid, create_date, '
                   'write_date) SELECT t.*, 1, 1, now(), now() FROM unnest(%s) AS t(%s)'
                   % (', '.join(TASK_COLUMNS),
                      ', '.join('%s::' + kind for kind in (
                          'int[]', 'varchar[]', 'int[]', 'varchar[]', 'int[]', 'int[]',
                          'date[]', 'varchar[]', 'text[]', 'varchar[]', 'varchar[]')),
                      ', '.join(TASK_COLUMNS)),
                   [[row[k] for row in tasks] for k in TASK_COLUMNS])
    cr.execute('ROLLBACK TO SAVEPOINT compare')
    env.clear()
    orm_ms = 1000.0 * orm.seconds / max(len(sample), 1)
    return orm_ms, orm.queries / float(max(len(sample), 1)), 1000.0 * insert.seconds, len(sample)


def web_reads(cr, env):
    """What the assistant's web client asks for at this size (kanban, list, overdue, pivot)."""
    user = env.ref('deputat_crm.user_assistant')
    Appeal = env['deputat.appeal'].sudo(user).with_context(lang=user.lang, tz='Europe/Moscow')

    def view_fields(view_type):
        arch = Appeal.fields_view_get(view_type=view_type)
        return [name for name in arch['fields'] if name in Appeal._fields]

    kanban, listed = view_fields('kanban'), view_fields('tree')
    stage = env.ref('deputat_crm.stage_new').id
    reads = [
        ('kanban columns (read_group by stage)',
         lambda: Appeal.read_group([], ['stage_id'], ['stage_id'])),
        ('kanban column, 40 cards',
         lambda: Appeal.search_read([('stage_id', '=', stage)], kanban, limit=40)),
        ('list page, 80 rows + count',
         lambda: (Appeal.search_read([], listed, limit=80), Appeal.search_count([]))),
        ('overdue filter, 80 rows',
         lambda: Appeal.search_read([('is_overdue', '=', True)], listed, limit=80)),
        ('pivot read_group (stage × channel)',
         lambda: Appeal.read_group([], ['stage_id', 'channel_id'], ['stage_id', 'channel_id'],
                                   lazy=False)),
    ]
    for label, read in reads:
        env.clear()
        read()  # warm the registry caches (views, rules) as a running server has them
        env.clear()
        with Meter(cr) as meter:
            read()
        print('    web  %-40s %7.3f s %4d queries   goal %s'
              % (label, meter.seconds, meter.queries, goal(meter.seconds, 0.2)), flush=True)


def run_size(registry, size, summary):
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        start = time.time()
        fill(cr, env, size)
        cr.commit()
        print('%d appeals filled by SQL in %.1f s' % (size, time.time() - start), flush=True)
        cr.execute('SELECT COALESCE(max(id), 0) FROM mail_activity')
        last_id = cr.fetchone()[0]
        cr.execute('SAVEPOINT bench')
        total = {'seconds': 0.0, 'queries': 0, 'tasks': 0}
        print('  %-24s %8s %6s %9s %8s' % ('job', 'seconds', 'tasks', 'q/task', 'ms/task'))
        for label, model, method in JOBS:
            cr.execute('SELECT COALESCE(max(id), 0) FROM mail_activity')
            before = cr.fetchone()[0]
            env.clear()
            with Meter(cr) as meter:
                getattr(env[model], method)(today=TODAY)
            cr.execute('SELECT count(*) FROM mail_activity WHERE id > %s', (before,))
            tasks = cr.fetchone()[0]
            total['seconds'] += meter.seconds
            total['queries'] += meter.queries
            total['tasks'] += tasks
            print('  %-24s %8.2f %6d %9.1f %8.1f' % (
                label, meter.seconds, tasks, meter.queries / float(max(tasks, 1)),
                1000 * meter.seconds / max(tasks, 1)), flush=True)
        q_per_task = total['queries'] / float(max(total['tasks'], 1))
        print('  %-24s %8.2f %6d %9.1f %8.1f   goal: %s s, %s q/task' % (
            'all four', total['seconds'], total['tasks'], q_per_task,
            1000 * total['seconds'] / max(total['tasks'], 1),
            goal(total['seconds'], 3.0), goal(q_per_task, 3.0, '%.1f')), flush=True)
        # a re-run the same day finds nothing: its cost is the index look-ups
        env.clear()
        with Meter(cr) as idle:
            again = 0
            for _label, model, method in JOBS:
                result = getattr(env[model], method)(today=TODAY)
                again += sum(result) if isinstance(result, tuple) else result
        print('  re-run with nothing due: %d found, %.3f s, %d queries   goal %s'
              % (again, idle.seconds, idle.queries, goal(idle.seconds, 0.2, '%.3f')), flush=True)
        tasks = new_tasks(cr, last_id)
        cr.execute('ROLLBACK TO SAVEPOINT bench')
        env.clear()
        if tasks:
            orm_ms, orm_q, insert_ms, sample = compare_paths(cr, env, tasks)
            robots_ms = 1000 * total['seconds'] / total['tasks']
            print('  same tasks: ORM mail.activity.create loop %.1f ms/task, %.1f q/task '
                  '(sample of %d); one INSERT of all %d: %.0f ms; robots %.1f ms/task = '
                  '%.1f× faster than the ORM loop, %.1f× the bare INSERT'
                  % (orm_ms, orm_q, sample, len(tasks), insert_ms, robots_ms,
                     orm_ms / robots_ms if robots_ms else 0,
                     robots_ms * len(tasks) / insert_ms if insert_ms else 0), flush=True)
        if size >= 100000:
            web_reads(cr, env)
        cr.rollback()
        summary.append('bench appeals=%d robots_s=%.2f tasks=%d q_per_task=%.1f idle_s=%.3f'
                       % (size, total['seconds'], total['tasks'], q_per_task, idle.seconds))


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else 'appeals_bench'
    sizes = [int(n) for n in (sys.argv[2] if len(sys.argv) > 2 else '1000,10000,100000').split(',')]
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', db,
                                    '--log-level=warn'])
    registry = odoo.registry(db)
    summary = []
    for size in sizes:
        run_size(registry, size, summary)
    print('\n'.join(summary))
    with open(os.path.join(ROOT, 'var', 'bench-summary.txt'), 'a') as out:
        out.write('\n'.join(summary) + '\n')


if __name__ == '__main__':
    main()
