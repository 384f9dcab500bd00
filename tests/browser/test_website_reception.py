"""Booking a personal reception on ``/priem`` in a real browser (issue 10): an anonymous
visitor books a free slot; the assistant sees the booking in the session's visitor list in the
web client; a full session offers no slot and refuses a booking posted anyway."""
import os
import re
from datetime import datetime, timedelta

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import odoo

from ..conftest import ARTIFACTS
from .test_smoke import browser, login, wait_idle  # noqa: F401 (fixture)
from .test_website_appeal import _sql, min_fill, wait_fill_time


@pytest.fixture(scope='module')
def sessions(db_name):
    """Two committed sessions next week: one with two free slots, one already full."""
    start = (datetime.utcnow() + timedelta(days=7)).replace(hour=7, minute=0, second=0,
                                                            microsecond=0)
    with odoo.api.Environment.manage(), odoo.registry(db_name).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Session = env['deputat.reception.session']
        free = Session.create({
            'name': 'Приём (браузерный тест)', 'venue': 'Приёмная, ул. Мира, 5',
            'date_start': odoo.fields.Datetime.to_string(start), 'duration': 1.0,
            'slot_minutes': 30, 'capacity': 2})
        full = Session.create({
            'name': 'Полный приём (браузерный тест)', 'venue': 'Приёмная, ул. Мира, 5',
            'date_start': odoo.fields.Datetime.to_string(start + timedelta(days=1)),
            'duration': 0.5, 'slot_minutes': 30, 'capacity': 1})
        env['deputat.reception.booking'].create({
            'session_id': full.id, 'slot_start': full.date_start,
            'visitor_name': 'Уже Записанный', 'phone': '1'})
        cr.commit()
        ids = free.id, full.id
    yield ids
    _sql(db_name, 'DELETE FROM deputat_reception_booking WHERE session_id IN %s', (ids,),
         commit=True)
    _sql(db_name, 'DELETE FROM deputat_reception_session WHERE id IN %s', (ids,), commit=True)


@pytest.fixture(autouse=True)
def fresh_rate_log(db_name):
    _sql(db_name, 'DELETE FROM deputat_website_submission', commit=True)


def test_full_session_offers_no_slot(server, db_name, sessions):
    _free_id, full_id = sessions
    session = requests.Session()
    listing = session.get(server + '/priem', timeout=30).text
    block = re.search(r'data-session-id="%d".*?</a>' % full_id, listing, re.S).group(0)
    assert 'Свободных мест нет' in block
    assert 'Уже Записанный' not in listing
    page = session.get(server + '/priem/%d' % full_id, timeout=30).text
    assert 'id="deputat_no_slots"' in page and 'id="deputat_booking_form"' not in page
    free_page = session.get(server + '/priem/%d' % sessions[0], timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', free_page).group(1)
    stamp = re.search(r'name="form_stamp" value="([^"]+)"', free_page).group(1)
    wait_fill_time(stamp, min_fill(db_name))
    slot = _sql(db_name, 'SELECT date_start FROM deputat_reception_session WHERE id = %s',
                (full_id,))[0][0]
    answer = session.post(server + '/priem/%d/book' % full_id, timeout=30, data={
        'csrf_token': token, 'form_stamp': stamp, 'slot': str(slot), 'visitor_name': 'Лишний',
        'phone': '2', 'question': 'Вопрос', 'consent': '1'}).text
    assert 'Выбранное время уже занято или недоступно' in answer
    assert _sql(db_name, 'SELECT count(*) FROM deputat_reception_booking WHERE session_id = %s',
                (full_id,))[0][0] == 1


def test_visitor_books_slot_and_assistant_sees_it(server, db_name, sessions, browser):  # noqa: F811
    free_id, _full_id = sessions
    wait = WebDriverWait(browser, 60)
    browser.delete_all_cookies()
    try:
        browser.get(server + '/priem')
        wait.until(EC.element_to_be_clickable(
            (By.CSS_SELECTOR, 'a.deputat_session_link[data-session-id="%d"]' % free_id))).click()
        slot = Select(wait.until(EC.presence_of_element_located((By.ID, 'slot'))))
        assert len(slot.options) == 2
        slot.select_by_index(1)
        chosen = slot.first_selected_option.text
        browser.find_element(By.ID, 'visitor_name').send_keys('Кузьмина Алла Сергеевна')
        browser.find_element(By.ID, 'phone').send_keys('+7 927 765-43-21')
        browser.find_element(By.ID, 'question').send_keys('Перерасчёт платы за отопление')
        Select(browser.find_element(By.ID, 'priority_id')).select_by_index(1)
        browser.find_element(By.ID, 'consent').click()
        wait_fill_time(browser.find_element(By.NAME, 'form_stamp').get_attribute('value'),
                       min_fill(db_name))
        browser.find_element(By.ID, 'deputat_booking_submit').click()
        when = wait.until(EC.visibility_of_element_located((By.ID, 'deputat_booking_when')))
        assert when.text.endswith(chosen)
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_reception_done.png'))
        # the slot is taken: one left
        browser.get(server + '/priem/%d' % free_id)
        assert len(Select(wait.until(EC.presence_of_element_located(
            (By.ID, 'slot')))).options) == 1

        login(browser, server, 'assistant')
        browser.get(server + '/web#id=%d&model=deputat.reception.session&view_type=form'
                    % free_id)
        wait.until(lambda d: 'Кузьмина Алла Сергеевна' in d.find_element(
            By.CSS_SELECTOR, '.o_form_view').text)
        wait_idle(browser)
        rows = [row.text for row in browser.find_elements(
            By.CSS_SELECTOR, '.o_form_view .o_field_one2many tr.o_data_row')]
        # (the web client shows times in the browser's zone: the row is matched by name)
        assert any('Кузьмина Алла Сергеевна' in row and 'Перерасчёт платы' in row
                   for row in rows), rows
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_reception_visitors.png'))
    except Exception:
        browser.save_screenshot(os.path.join(ARTIFACTS, 'website_reception_failed.png'))
        raise
    rows = _sql(db_name, """SELECT source, state, consent_text IS NOT NULL, priority_id IS NOT NULL
                              FROM deputat_reception_booking
                             WHERE visitor_name = 'Кузьмина Алла Сергеевна'""")
    assert rows == [('website', 'booked', True, True)]
