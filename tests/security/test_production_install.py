"""The production install path (scripts/setup_prod.sh, `make setup-prod` / `make run-prod`):
no demo data, admin/admin refused, generated passwords printed once, Odoo running as the
dedicated system user, strict file modes. Needs root (it creates a system user); everything it
makes (user, role, database, folder) is removed afterwards."""
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import time
import urllib.request
import uuid

import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason='the production install runs as root')


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def authenticate(url, db, login, password):
    body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'params': {
        'db': db, 'login': login, 'password': password}}).encode()
    request = urllib.request.Request(url + '/web/session/authenticate', data=body,
                                     headers={'Content-Type': 'application/json'})
    answer = json.loads(urllib.request.urlopen(request, timeout=60).read().decode())
    return (answer.get('result') or {}).get('uid') or None


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def psql(db, sql):
    return subprocess.check_output(['psql', '-qtA', db, '-c', sql]).decode().strip()


@pytest.fixture
def prod():
    tag = uuid.uuid4().hex[:6]
    env = dict(os.environ, PROD_USER='dpt_%s' % tag, PROD_DB='deputat_prodtest_%s' % tag,
               PROD_DIR=os.path.join(ROOT, 'var', 'prodtest-%s' % tag), PROD_HEAD_LOGIN='chief',
               PORT=str(free_port()))
    yield env
    subprocess.call(['dropdb', '--if-exists', env['PROD_DB']])
    subprocess.call(['su', 'postgres', '-c', 'dropuser --if-exists %s' % env['PROD_USER']])
    subprocess.call(['userdel', env['PROD_USER']], stderr=subprocess.DEVNULL)
    subprocess.call(['groupdel', env['PROD_USER']], stderr=subprocess.DEVNULL)
    shutil.rmtree(env['PROD_DIR'], ignore_errors=True)


def test_production_install(prod):
    out = subprocess.run([os.path.join(ROOT, 'scripts', 'setup_prod.sh')], env=prod,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
    text = out.stdout.decode()
    assert out.returncode == 0, text[-3000:]
    admin_pw = re.search(r'administrator: login admin, +password (\S+)', text).group(1)
    head_pw = re.search(r'office head: +login chief, password (\S+)', text).group(1)
    assert admin_pw != 'admin' and len(admin_pw) >= 12
    db, user, folder = prod['PROD_DB'], prod['PROD_USER'], prod['PROD_DIR']
    # no demo data: no demo user, no demo appeal
    assert psql(db, "SELECT count(*) FROM res_users WHERE login IN "
                    "('assistant', 'lawyer', 'deputy', 'head', 'demo')") == '0'
    assert psql(db, "SELECT count(*) FROM ir_module_module WHERE demo") == '0'
    assert psql(db, "SELECT count(*) FROM deputat_appeal") == '0'
    # the robots run as the administrator: in Russian
    assert psql(db, "SELECT lang FROM res_partner p JOIN res_users u ON u.partner_id = p.id "
                    "WHERE u.login = 'admin'") == 'ru_RU'
    # files: the config 0640 (group of the user), the master password 0600, data 0750
    assert mode(os.path.join(folder, 'odoo.conf')) == 0o640
    assert os.stat(os.path.join(folder, 'odoo.conf')).st_gid == pwd.getpwnam(user).pw_gid
    assert mode(os.path.join(folder, 'admin_passwd')) == 0o600
    assert os.stat(os.path.join(folder, 'admin_passwd')).st_uid == 0
    assert mode(os.path.join(folder, 'data')) == 0o750
    with open(os.path.join(folder, 'odoo.conf')) as f:
        conf = f.read()
    assert 'proxy_mode = True' in conf and 'http_interface = 127.0.0.1' in conf
    assert 'without_demo = all' in conf

    # served as the dedicated user
    port = prod['PORT']
    server = subprocess.Popen([os.path.join(ROOT, 'scripts', 'setup_prod.sh'), '--serve'],
                              env=prod, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    url = 'http://127.0.0.1:%s' % port
    try:
        deadline = time.time() + 120
        while True:
            try:
                if urllib.request.urlopen(url + '/web/login', timeout=10).status == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.time() < deadline, 'no /web/login'
            time.sleep(0.5)
        assert authenticate(url, db, 'admin', 'admin') is None
        assert authenticate(url, db, 'admin', admin_pw)
        assert authenticate(url, db, 'chief', head_pw)
        assert authenticate(url, db, 'assistant', 'assistant') is None
        uids = set()
        for pid in filter(str.isdigit, os.listdir('/proc')):
            try:
                with open('/proc/%s/cmdline' % pid, 'rb') as f:
                    cmdline = f.read().decode(errors='replace')
                with open('/proc/%s/status' % pid) as f:
                    status = f.read()
            except OSError:
                continue
            # the Odoo process itself (not runuser, which starts it)
            program = os.path.basename(cmdline.split('\0')[0])
            if '--http-port=%s' % port in cmdline and program.startswith('python'):
                uids.add(int(re.search(r'^Uid:\s+(\d+)', status, re.M).group(1)))
        assert uids == {pwd.getpwnam(user).pw_uid}
        # the filestore the server wrote (compiled assets, sessions): the user's, not others'
        for base, dirs, files in os.walk(os.path.join(folder, 'data')):
            for name in dirs:
                assert mode(os.path.join(base, name)) & 0o007 == 0, os.path.join(base, name)
            for name in files:
                path = os.path.join(base, name)
                assert mode(path) & 0o007 == 0, path
                assert os.stat(path).st_uid == pwd.getpwnam(user).pw_uid, path
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
