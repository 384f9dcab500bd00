"""Benchmark of the contact base at scale: duplicate lookup, mail intake, autocomplete.

    .venv/bin/python tests/bench/bench_partner_dedup.py [DB] [COUNT]

DB (default contacts_bench) is a throwaway database: it is (re)created with deputat_crm by
scripts/make_db.sh if missing, then COUNT partners (default 200 000) are inserted by SQL with
their normalized phone/e-mail/name columns (kept between runs). Prints, beside the goals of
readme/PERFORMANCE.md: the duplicate lookups, an e-mail to the appeals' intake processed by
the mail gateway (known and new senders), and a contact's autocomplete (``name_search``, as the
many2one dropdown asks it) as the assistant; then the plan of one autocomplete. Asserts nothing;
the last line is the summary (appended to var/bench-summary.txt).
"""
import os
import random
import subprocess
import sys
import time

from benchlib import goal, required_defaults  # this folder: run as a script

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = sys.argv[1] if len(sys.argv) > 1 else 'contacts_bench'
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
MAILS = 20

EMAIL = """From: "Житель {i}" <bench{i}@example.com>
To: obrashcheniya@deputat.example
Subject: =?utf-8?b?{subject}?=
Message-ID: <bench-intake-{n}-{i}@example.com>
Date: Mon, 15 Jun 2026 10:00:00 +0300
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Прошу отремонтировать освещение во дворе дома {i}.
"""


def fill(env):
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE 'Bench %%'")
    existing = cr.fetchone()[0]
    if existing >= COUNT:
        return
    start = time.time()
    given = ['name', 'display_name', 'name_normalized', 'phone', 'phone_normalized', 'email',
             'email_normalized', 'street', 'birthdate', 'active', 'is_company', 'type',
             'customer', 'supplier', 'employee', 'lang', 'create_date', 'write_date']
    extra = required_defaults(env, 'res.partner', given)
    cr.execute("""
        INSERT INTO res_partner (%s%s)
        SELECT 'Bench ' || i, 'Bench ' || i, 'bench ' || i,
               '8 (9' || lpad((i %%%% 100)::text, 2, '0') || ') ' || lpad(i::text, 7, '0'),
               '+79' || lpad((i %%%% 100)::text, 2, '0') || lpad(i::text, 7, '0'),
               'bench' || i || '@example.com', 'bench' || i || '@example.com',
               'ул. Тестовая, д. ' || (i %%%% 500), date '1940-01-01' + (i %%%% 25000),
               true, false, 'contact', false, false, false, 'ru_RU',
               now(), now()%s
          FROM generate_series(%%s, %%s) AS i
    """ % (', '.join(given), ''.join(', ' + name for name, _v in extra),
           ''.join(', ' + cr.mogrify('%s', (value,)).decode().replace('%', '%%%%')
                   for _n, value in extra)), (existing + 1, COUNT))
    cr.execute('ANALYZE res_partner')
    # a bulk insert leaves the rows in the GIN indexes' pending lists, which every trigram
    # search then scans until autovacuum merges them: merge them now (the steady state)
    cr.execute("""SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i
                   JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                  WHERE i.indrelid = 'res_partner'::regclass AND a.amname = 'gin'""")
    cr.commit()
    print('inserted %d partners in %.1f s' % (COUNT - existing, time.time() - start))


def main():
    subprocess.check_call([os.path.join(ROOT, 'scripts', 'make_db.sh'), DB])
    import odoo
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', DB,
                                    '--log-level=warn'])
    registry = odoo.registry(DB)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Partner = env['res.partner']
        fill(env)
        cr.execute('SELECT count(*) FROM res_partner')
        print('res_partner rows: %d' % cr.fetchone()[0])
        cr.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'res_partner' "
                   "AND indexname LIKE '%%trgm%%'")
        print('trigram indexes on res_partner: %d' % cr.fetchone()[0])
        rand = random.Random(5)
        samples = rand.sample(range(1, COUNT + 1), 200)

        # duplicate lookups (equality on the indexed normalised columns)
        lookups = [Partner._deputat_duplicate_domain({
            'phones': ['+79%02d%07d' % (i % 100, i)], 'email': 'bench%d@example.com' % i,
            'name': 'bench %d' % i, 'birthdate': None,
            'street': 'ул. Тестовая, д. %d' % (i % 500)}) for i in samples]
        start = time.time()
        found = sum(len(Partner.search(domain, limit=50)) for domain in lookups)
        elapsed = time.time() - start
        print('duplicate lookup: %d lookups, %.2f ms each, %d matches'
              % (len(lookups), 1000 * elapsed / len(lookups), found))

        # mail intake: an e-mail to the appeals becomes an appeal (known and new senders);
        # measured with and without the acknowledgement letter (a PDF by wkhtmltopdf) that the
        # e-mail channel may send at once
        import base64
        subject = base64.b64encode('Освещение во дворе'.encode()).decode()
        Thread = env['mail.thread']
        channel = env.ref('deputat_crm.channel_email')
        senders = samples[:MAILS // 2] + [COUNT + 1 + k for k in range(MAILS // 2)]
        run = int(time.time())  # new Message-Ids each run (the gateway skips known ones)
        intake = {}
        for label, acknowledge in (('without the acknowledgement PDF', False),
                                   ('with the acknowledgement PDF', True)):
            if 'auto_acknowledge' in channel._fields:
                channel.auto_acknowledge = acknowledge
            elif acknowledge:
                continue
            times = []
            try:
                for n, i in enumerate(senders):
                    raw = EMAIL.format(i=i, n='%s-%d-%s' % (acknowledge, n, run),
                                       subject=subject).encode('utf-8')
                    start = time.time()
                    Thread.message_process('deputat.appeal', raw)
                    times.append(time.time() - start)
            except Exception as error:  # the figures only: say what failed and go on
                print('mail intake %s: failed after %d e-mails (%s)'
                      % (label, len(times), str(error).splitlines()[0][:120]))
                cr.rollback()
                env.clear()
                continue
            times = times[1:]  # the first e-mail warms the registry caches of the gateway
            intake[acknowledge] = sum(times) / len(times)
            print('mail intake %s: %d e-mails (half from known senders), %.3f s each (max '
                  '%.3f)   goal %s' % (label, len(times), intake[acknowledge], max(times),
                                      goal(intake[acknowledge], 0.3, '%.3f')))
        intake = intake.get(False, float('nan'))

        # autocomplete as the assistant: a name fragment and an e-mail fragment
        user = env.ref('deputat_crm.user_assistant')
        Assistant = Partner.sudo(user).with_context(lang=user.lang)
        terms = ['Bench %d' % i for i in samples[:40]] + ['bench%d@' % i for i in samples[40:60]]
        Assistant.name_search(terms[0], limit=8)
        times = []
        for term in terms:
            start = time.time()
            Assistant.name_search(term, limit=8)
            times.append(time.time() - start)
        times.sort()
        mean = 1000 * sum(times) / len(times)
        print('contact autocomplete (name_search, 8 results): %d searches, mean %.1f ms, '
              'median %.1f ms, max %.1f ms   goal %s'
              % (len(times), mean, 1000 * times[len(times) // 2], 1000 * times[-1],
                 goal(mean, 20.0, '%.1f')))
        cr.execute("EXPLAIN ANALYZE SELECT id FROM res_partner WHERE active AND "
                   "(email ILIKE %s OR display_name ILIKE %s OR ref ILIKE %s OR vat ILIKE %s) "
                   "ORDER BY display_name ILIKE %s DESC, display_name LIMIT 8",
                   ['%%%s%%' % terms[0]] * 5)
        print('plan of one autocomplete:')
        for (line,) in cr.fetchall():
            print('   ', line)
        cr.rollback()
    line = ('bench contacts=%d intake_s=%.3f autocomplete_ms=%.1f' % (COUNT, intake, mean))
    print(line)
    with open(os.path.join(ROOT, 'var', 'bench-summary.txt'), 'a') as out:
        out.write(line + '\n')


if __name__ == '__main__':
    main()
