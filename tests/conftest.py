"""Project-level test fixtures. The addon's own tests live in deputat_crm/tests/.

pytest-odoo (see the Makefile) has already parsed var/odoo.conf and selected the throwaway test
database, made by scripts/make_db.sh exactly as `make setup` makes the demo database."""
import os
import socket
import subprocess
import time
import urllib.request

import pytest

import odoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, 'tests', 'artifacts')


@pytest.fixture(scope='session')
def db_name():
    return odoo.tools.config['db_name']


@pytest.fixture(scope='session')
def registry(db_name):
    return odoo.registry(db_name)


@pytest.fixture
def env(registry):
    """An environment on a cursor that is rolled back after the test."""
    with odoo.api.Environment.manage():
        cr = registry.cursor()
        try:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        finally:
            cr.rollback()
            cr.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


@pytest.fixture(scope='session')
def server(db_name):
    """The real Odoo server (bin/odoo, threaded) on a free local port, serving the test database."""
    port = free_port()
    os.makedirs(ARTIFACTS, exist_ok=True)
    log = open(os.path.join(ARTIFACTS, 'server.log'), 'w')
    proc = subprocess.Popen(
        [os.path.join(ROOT, 'bin', 'odoo'), '-d', db_name, '--db-filter', '^%s$' % db_name,
         '--http-port', str(port), '--http-interface', '127.0.0.1', '--max-cron-threads', '0',
         '--workers', '0'],
        stdout=log, stderr=subprocess.STDOUT)
    url = 'http://127.0.0.1:%d' % port
    deadline = time.time() + 90
    while True:
        try:
            if urllib.request.urlopen(url + '/web/login', timeout=5).status == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError('Odoo did not serve /web/login; see tests/artifacts/server.log')
        time.sleep(0.5)
    yield url
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
