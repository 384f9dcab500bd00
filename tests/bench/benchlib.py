"""What the benchmarks share: a meter of seconds and queries, the goal column, and SQL fills
completed with the NOT NULL columns other concerns added (run as scripts, they import this
file from their own folder)."""
import time


class Meter(object):
    """Seconds and queries of a block (the cursor counts its own executes)."""

    def __init__(self, cr):
        self.cr = cr

    def __enter__(self):
        self.start, self.queries0 = time.time(), self.cr.sql_log_count
        return self

    def __exit__(self, *exc):
        self.seconds = time.time() - self.start
        self.queries = self.cr.sql_log_count - self.queries0


def goal(value, limit, fmt='%.2f'):
    return ('%s ≤ %s' % (fmt % value, fmt % limit)) + ('  ok' if value <= limit else '  MISSED')


def required_defaults(env, model, given):
    """Columns other concerns made NOT NULL, filled with the model's defaults (SQL fill)."""
    table = env[model]._table
    env.cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                   "AND is_nullable = 'NO' AND column_default IS NULL AND column_name <> 'id'",
                   (table,))
    missing = [row[0] for row in env.cr.fetchall() if row[0] not in given]
    defaults = env[model].default_get(missing)
    return [(name, env[model]._fields[name].convert_to_column(defaults.get(name), env[model]))
            for name in missing]


def insert_sql(env, model, sql):
    """``sql`` with ``{cols}``/``{vals}`` markers completed by the required defaults."""
    given = sql.split('(', 1)[1].split(')', 1)[0]
    extra = required_defaults(env, model, [c.strip() for c in given.split(',')])
    cols = ''.join(', %s' % name for name, _value in extra)
    vals = ''.join(', %s' % env.cr.mogrify('%s', (value,)).decode().replace('%', '%%')
                   for _name, value in extra)
    return sql.replace('{cols}', cols).replace('{vals}', vals)
