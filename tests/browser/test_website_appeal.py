"""The public appeal form ``/obrashenie`` and the status lookup against the real server
(issue 10): an anonymous visitor on a phone-sized Chromium window sends an appeal with a file
and finds its status; every refusal (a 30 MB file, a disallowed type, no consent, the honeypot,
a too-fast form, the 6th submission within an hour, no CSRF token) answers in Russian and
leaves nothing in the database; a wrong access code reveals nothing."""
import os
import re
import time

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import odoo

from ..conftest import ARTIFACTS
from .test_smoke import browser  # noqa: F401 (fixture)

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
PHONE = (390, 844)


def _sql(db_name, query, args=(), commit=False):
    with odoo.registry(db_name).cursor() as cr:
        cr.execute(query, args)
        rows = cr.fetchall() if cr.description else None
        if commit:
            cr.commit()
        return rows


def counts(db_name):
    """Appeals, contacts, attachments and logged submissions now in the database."""
    return _sql(db_name, """SELECT (SELECT count(*) FROM deputat_appeal),
                                   (SELECT count(*) FROM res_partner),
                                   (SELECT count(*) FROM ir_attachment),
                                   (SELECT count(*) FROM deputat_website_submission)""")[0]


def min_fill(db_name):
    rows = _sql(db_name, "SELECT value FROM ir_config_parameter WHERE key = %s",
                ('deputat_crm.website_min_fill_seconds',))
    return int(rows[0][0]) if rows else 3


@pytest.fixture(scope='module', autouse=True)
def first_submission_after_install(server, db_name):
    """The very first website appeal of a fresh database: its acknowledgement is the first PDF
    Odoo renders there, which commits the report assets in the middle of the request
    (``commit_assetsbundle``, not under test mode). It must still answer with the registration
    number (it answered 500 while the notice was rendered inside a savepoint)."""
    session, csrf, stamp = open_form(server)
    wait_fill_time(stamp, min_fill(db_name))
    answer = session.post(server + '/obrashenie/send', timeout=120, data=form_data(
        csrf, stamp, email='first@example.ru'))
    assert answer.status_code == 200, answer.text[:2000]
    assert 'О-' in answer.text, answer.text[:2000]


@pytest.fixture(autouse=True)
def fresh_rate_log(db_name):
    """Each test starts with an empty hourly log: all of them come from 127.0.0.1."""
    _sql(db_name, 'DELETE FROM deputat_website_submission', commit=True)


def open_form(url):
    session = requests.Session()
    page = session.get(url + '/obrashenie', timeout=30)
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    stamp = re.search(r'name="form_stamp" value="([^"]+)"', page.text).group(1)
    return session, csrf, stamp


def wait_fill_time(stamp, seconds):
    """Wait until the form has been shown for the minimum fill time (a condition, polled)."""
    shown = int(stamp.split('.')[0])
    WebDriverWait(None, seconds + 10, poll_frequency=0.2).until(
        lambda _d: time.time() >= shown + seconds + 0.3)


def form_data(csrf, stamp, **kw):
    data = {'csrf_token': csrf, 'form_stamp': stamp, 'surname': 'Орлова', 'first_name': 'Вера',
            'patronymic': 'Павловна', 'email': 'orlova.http@example.ru',
            'address': 'г. Самара, ул. Садовая, 1', 'text': 'Прошу починить освещение.',
            'consent': '1'}
    data.update(kw)
    return {key: value for key, value in data.items() if value is not None}


def error_text(html):
    match = re.search(r'id="deputat_form_error"[^>]*>(.*?)</div>', html, re.S)
    return re.sub(r'\s+', ' ', match.group(1)).strip() if match else ''


@pytest.mark.parametrize('case, data, files, message', [
    ('30mb', {}, [('attachments', ('scan.pdf', b'%PDF' + b'0' * (30 * 1024 * 1024), 'application/pdf'))],
     'не более 10 МБ'),
    ('exe', {}, [('attachments', ('run.exe', b'MZ', 'application/octet-stream'))],
     'допустимы только файлы PDF'),
    ('no_consent', {'consent': None}, [], 'согласие на обработку персональных данных'),
    ('honeypot', {'company_site': 'http://spam.example'}, [], 'форма заполнена автоматически'),
    ('no_address', {'email': '', 'address': ''}, [], 'почтовый адрес или адрес электронной почты'),
    ('html_only', {'text': '<b></b><script>x()</script>'}, [], 'Изложите суть обращения'),
])
def test_refusals_leave_nothing(server, db_name, case, data, files, message):
    session, csrf, stamp = open_form(server)
    wait_fill_time(stamp, min_fill(db_name))
    before = counts(db_name)
    answer = session.post(server + '/obrashenie/send', data=form_data(csrf, stamp, **data),
                          files=files or None, timeout=120)
    assert answer.status_code == 200, case
    assert message in error_text(answer.text), (case, error_text(answer.text))
    assert 'deputat_appeal_number' not in answer.text
    assert counts(db_name) == before, case


def test_too_fast_and_forged_stamp_refused(server, db_name):
    session, csrf, stamp = open_form(server)
    before = counts(db_name)
    answer = session.post(server + '/obrashenie/send', data=form_data(csrf, stamp), timeout=60)
    assert 'слишком быстро' in error_text(answer.text)
    forged = '%d.%s' % (int(stamp.split('.')[0]) - 3600, stamp.split('.')[1])
    answer = session.post(server + '/obrashenie/send', data=form_data(csrf, forged), timeout=60)
    assert 'Форма устарела' in error_text(answer.text)
    assert counts(db_name) == before


def test_without_csrf_token_refused(server, db_name):
    session, csrf, stamp = open_form(server)
    wait_fill_time(stamp, min_fill(db_name))
    before = counts(db_name)
    answer = session.post(server + '/obrashenie/send', data=form_data('forged', stamp), timeout=60)
    assert answer.status_code == 400
    assert counts(db_name) == before


def test_sixth_submission_within_an_hour_refused(server, db_name):
    session, csrf, stamp = open_form(server)
    wait_fill_time(stamp, min_fill(db_name))
    for index in range(5):
        answer = session.post(server + '/obrashenie/send', data=form_data(
            csrf, stamp, email='rate%d@example.ru' % index), timeout=120)
        assert 'deputat_appeal_number' in answer.text, error_text(answer.text)
    before = counts(db_name)
    answer = session.post(server + '/obrashenie/send', data=form_data(
        csrf, stamp, email='rate-last@example.ru'), timeout=60)
    assert 'Превышено число обращений с этого адреса за час (не более 5)' in error_text(answer.text)
    assert counts(db_name) == before


def test_wrong_access_code_reveals_nothing(server, db_name):
    session, csrf, stamp = open_form(server)
    wait_fill_time(stamp, min_fill(db_name))
    done = session.post(server + '/obrashenie/send', data=form_data(csrf, stamp), timeout=120)
    number = re.search(r'id="deputat_appeal_number">([^<]+)<', done.text).group(1)
    code = re.search(r'id="deputat_appeal_code">([^<]+)<', done.text).group(1)

    def lookup(number, code):
        page = session.get(server + '/obrashenie/status', timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return session.post(server + '/obrashenie/status', timeout=30, data={
            'csrf_token': token, 'number': number, 'code': code}).text

    right = lookup(number, code)
    assert 'Обращение получено и регистрируется' in right
    wrong, unknown = lookup(number, 'AAAAAAAAAA'), lookup('99999/1999', code)
    for page in (wrong, unknown):
        assert 'не найдено' in page
        assert 'deputat_status_result' not in page
        assert 'Орлова' not in page and 'освещение' not in page

    def strip(page):
        return re.sub(r'value="[^"]*"', '', page)
    assert strip(wrong) == strip(unknown)


def test_phone_visitor_sends_appeal_with_file_and_finds_status(server, db_name, browser):  # noqa: F811
    browser.set_window_size(*PHONE)
    browser.delete_all_cookies()
    wait = WebDriverWait(browser, 60)
    os.makedirs(ARTIFACTS, exist_ok=True)
    scan = os.path.join(ARTIFACTS, 'website_appeal_scan.pdf')
    with open(scan, 'wb') as handle:
        handle.write(PDF)
    try:
        browser.get(server + '/obrashenie')
        wait.until(EC.presence_of_element_located((By.ID, 'deputat_appeal_form')))
        # usable on a phone: nothing wider than the screen
        assert browser.execute_script(
            'return document.documentElement.scrollWidth <= window.innerWidth + 1')
        fields = {'surname': 'Зайцева', 'first_name': 'Мария', 'patronymic': 'Игоревна',
                  'address': 'г. Самара, ул. Полевая, 7', 'email': 'zaitseva.phone@example.ru',
                  'phone': '+7 927 111-22-33',
                  'text': 'Во дворе дома 7 третий месяц не вывозят мусор.'}
        for name, value in fields.items():
            browser.find_element(By.ID, name).send_keys(value)
        browser.find_element(By.ID, 'attachments').send_keys(scan)
        consent = browser.find_element(By.ID, 'consent')
        browser.execute_script('arguments[0].scrollIntoView({block: "center"});', consent)
        consent.click()
        stamp = browser.find_element(By.NAME, 'form_stamp').get_attribute('value')
        wait_fill_time(stamp, min_fill(db_name))
        submit = browser.find_element(By.ID, 'deputat_appeal_submit')
        browser.execute_script('arguments[0].scrollIntoView({block: "center"});', submit)
        submit.click()
        number = wait.until(EC.visibility_of_element_located(
            (By.ID, 'deputat_appeal_number'))).text.strip()
        code = browser.find_element(By.ID, 'deputat_appeal_code').text.strip()
        assert number and len(code) == 10
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_appeal_done.png'))

        browser.get(server + '/obrashenie/status')
        wait.until(EC.presence_of_element_located((By.ID, 'number'))).send_keys(number)
        browser.find_element(By.ID, 'code').send_keys(code)
        browser.find_element(By.ID, 'deputat_status_submit').click()
        status = wait.until(EC.visibility_of_element_located((By.ID, 'deputat_status_text')))
        assert status.text == 'Обращение получено и регистрируется'
        assert re.match(r'^\d\d\.\d\d\.\d{4}$',
                        browser.find_element(By.ID, 'deputat_status_planned').text)
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_appeal_status.png'))
    except Exception:
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_appeal_failed.png'))
        raise
    finally:
        browser.set_window_size(1400, 900)

    # the acknowledgement of registration went out by e-mail
    assert _sql(db_name, """SELECT l.sent_by_email FROM deputat_outgoing_letter l
                             JOIN deputat_appeal a ON a.id = l.appeal_id
                            WHERE a.name = %s AND l.kind = 'acknowledgement'""",
                (number,)) == [(True,)]
    rows = _sql(db_name, """
        SELECT a.consent_text, c.code, p.name, att.datas_fname
          FROM deputat_appeal a
          JOIN deputat_conf_appeal_channel c ON c.id = a.channel_id
          JOIN res_partner p ON p.id = a.partner_id
          JOIN deputat_appeal_attachment_rel r ON r.appeal_id = a.id
          JOIN ir_attachment att ON att.id = r.attachment_id
         WHERE a.name = %s""", (number,))
    assert len(rows) == 1
    consent_text, channel, partner, filename = rows[0]
    assert '152-ФЗ' in consent_text
    assert (channel, partner, filename) == ('website', 'Зайцева Мария Игоревна',
                                            'website_appeal_scan.pdf')
