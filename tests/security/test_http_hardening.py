"""Against the real server: the database manager answers 404; login throttling per login and
per IP address (10 wrong passwords → refused for 15 minutes, the right password too)."""
import json
import urllib.error
import urllib.request

import pytest

import odoo

PASSWORD = 'Correct-horse-7'


def status(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def authenticate(server, db_name, login, password):
    """/web/session/authenticate as the web client's login does; the uid or None."""
    body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': {
        'db': db_name, 'login': login, 'password': password}}).encode()
    request = urllib.request.Request(server + '/web/session/authenticate', data=body,
                                     headers={'Content-Type': 'application/json'})
    answer = json.loads(urllib.request.urlopen(request, timeout=30).read().decode())
    return (answer.get('result') or {}).get('uid') or None


@pytest.fixture
def committed(registry):
    """Run SQL/ORM in a committed transaction (the server sees it); cleaned afterwards."""
    def run(callback):
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            result = callback(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
            cr.commit()
            return result
    yield run

    def clean(env):
        env.cr.execute("DELETE FROM deputat_login_attempt WHERE login LIKE 't\\_throttle%%' "
                       "OR login LIKE 'nobody\\_%%' OR ip_address = '127.0.0.1'")
        env['res.users'].with_context(active_test=False).search(
            [('login', 'like', 't_throttle')]).unlink()
    run(clean)


def test_database_manager_answers_404(server):
    for path in ('/web/database/manager', '/web/database/selector'):
        assert status(server + path) == 404, path
    for path in ('/web/database/backup', '/web/database/drop', '/web/database/create',
                 '/web/database/restore', '/web/database/duplicate',
                 '/web/database/change_password'):
        assert status(server + path, data=b'master_pwd=x&name=x') == 404, path
    body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': {}}).encode()
    assert status(server + '/web/database/list', data=body,
                  headers={'Content-Type': 'application/json'}) == 404
    assert status(server + '/web/login') == 200


def test_security_headers(server):
    answer = urllib.request.urlopen(server + '/web/login', timeout=30)
    assert answer.headers['X-Content-Type-Options'] == 'nosniff'
    assert answer.headers['X-Frame-Options'] in ('DENY', 'SAMEORIGIN')
    assert answer.headers['Referrer-Policy'] == 'strict-origin-when-cross-origin'


def make_user(login):
    def create(env):
        return env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Throttle Test', 'login': login, 'password': PASSWORD,
            'groups_id': [(6, 0, [env.ref('base.group_user').id])]}).id
    return create


def test_eleventh_wrong_password_is_refused_for_15_minutes(server, db_name, committed):
    uid = committed(make_user('t_throttle1'))
    assert authenticate(server, db_name, 't_throttle1', PASSWORD) == uid
    for _attempt in range(10):
        assert authenticate(server, db_name, 't_throttle1', 'wrong') is None
    # locked: the right password is refused too
    assert authenticate(server, db_name, 't_throttle1', PASSWORD) is None

    def age(minutes):
        def run(env):
            env.cr.execute("UPDATE deputat_login_attempt SET create_date = create_date - "
                           "%s * interval '1 minute' WHERE login = 't_throttle1' "
                           "OR ip_address = '127.0.0.1'", (minutes,))
        return run
    committed(age(14))
    assert authenticate(server, db_name, 't_throttle1', PASSWORD) is None, 'still locked'
    committed(age(2))
    assert authenticate(server, db_name, 't_throttle1', PASSWORD) == uid, 'after 15 minutes'


def test_failures_from_one_address_lock_it(server, db_name, committed):
    uid = committed(make_user('t_throttle2'))
    for attempt in range(10):
        assert authenticate(server, db_name, 'nobody_%d' % attempt, 'wrong') is None
    assert authenticate(server, db_name, 't_throttle2', PASSWORD) is None

    def forget(env):
        env.cr.execute("DELETE FROM deputat_login_attempt WHERE ip_address = '127.0.0.1'")
    committed(forget)
    assert authenticate(server, db_name, 't_throttle2', PASSWORD) == uid
