"""Benchmark of the duplicate lookup of deputat_crm on a large contact base.

    .venv/bin/python tests/bench/bench_partner_dedup.py [DB] [COUNT]

DB (default contacts_bench) is a throwaway database: it is (re)created with deputat_crm by
scripts/make_db.sh if missing, then COUNT partners (default 200 000) are inserted by SQL with
their normalized phone/e-mail/name columns. Prints the time of the duplicate lookups (warning
on create, onchange, smart button) and the query plan. Asserts nothing.
"""
import os
import random
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = sys.argv[1] if len(sys.argv) > 1 else 'contacts_bench'
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 200000


def main():
    subprocess.check_call([os.path.join(ROOT, 'scripts', 'make_db.sh'), DB])
    import odoo
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', DB])
    registry = odoo.registry(DB)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Partner = env['res.partner']
        cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE 'Bench %%'")
        existing = cr.fetchone()[0]
        if existing < COUNT:
            start = time.time()
            cr.execute("""
                INSERT INTO res_partner (name, display_name, name_normalized, phone, phone_normalized,
                                         email, email_normalized, street, birthdate, active,
                                         is_company, type, customer, supplier, employee,
                                         lang, create_date, write_date)
                SELECT 'Bench ' || i, 'Bench ' || i, 'bench ' || i,
                       '8 (9' || lpad((i %% 100)::text, 2, '0') || ') ' || lpad(i::text, 7, '0'),
                       '+79' || lpad((i %% 100)::text, 2, '0') || lpad(i::text, 7, '0'),
                       'bench' || i || '@example.com', 'bench' || i || '@example.com',
                       'ул. Тестовая, д. ' || (i %% 500), date '1940-01-01' + (i %% 25000),
                       true, false, 'contact', false, false, false, 'ru_RU',
                       now(), now()
                  FROM generate_series(%s, %s) AS i
            """, (existing + 1, COUNT))
            cr.execute('ANALYZE res_partner')
            cr.commit()
            print('inserted %d partners in %.1f s' % (COUNT - existing, time.time() - start))
        cr.execute('SELECT count(*) FROM res_partner')
        print('res_partner rows: %d' % cr.fetchone()[0])

        samples = random.Random(5).sample(range(1, COUNT + 1), 200)
        lookups = []
        for i in samples:
            values = {
                'phones': ['+79%02d%07d' % (i % 100, i)],
                'email': 'bench%d@example.com' % i,
                'name': 'bench %d' % i,
                'birthdate': None,
                'street': 'ул. Тестовая, д. %d' % (i % 500),
            }
            lookups.append(Partner._deputat_duplicate_domain(values))
        start = time.time()
        found = sum(len(Partner.search(domain, limit=50)) for domain in lookups)
        elapsed = time.time() - start
        print('duplicate lookup (e-mail | phone | mobile | name+street): %d lookups in %.3f s, '
              '%.2f ms each, %d matches' % (len(lookups), elapsed, 1000 * elapsed / len(lookups),
                                           found))

        # the whole create path: ORM create + duplicate warning in the chatter, compared with
        # the same creates without the check
        for label, context in (('with the duplicate check and chatter warning', {}),
                               ('without the duplicate check', {'deputat_no_duplicate_check': 1})):
            start = time.time()
            for i in samples[:50]:
                Partner.with_context(**context).create(
                    {'name': 'Bench %d' % i, 'phone': '+7 9%02d %07d' % (i % 100, i)})
            elapsed = time.time() - start
            print('create %s: 50 creates in %.2f s, %.1f ms each'
                  % (label, elapsed, 1000 * elapsed / 50))

        query = Partner._where_calc(lookups[0])
        from_clause, where_clause, params = query.get_sql()
        cr.execute('EXPLAIN ANALYZE SELECT res_partner.id FROM %s WHERE %s LIMIT 50'
                   % (from_clause, where_clause), params)
        print('plan:')
        for (line,) in cr.fetchall():
            print('   ', line)
        cr.rollback()


if __name__ == '__main__':
    main()
