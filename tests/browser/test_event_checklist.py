"""The events' checklist in a real browser (1440×900, the assistant in ru_RU): an item ticked
with its button on the event form in read mode, the rest ticked from the assistant's task (the
pencil of the task in the chatter), which is then marked done and its dialog closed; the
kanban fits 1440 px without horizontal scrolling and its cards show dates without seconds."""
import os
import re
from datetime import datetime, timedelta

import pytest

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from ..conftest import ARTIFACTS
from .test_pipeline_dialog import rpc
from .test_smoke import browser, login, severe_console_errors, wait_idle  # noqa: F401 (fixture)

TICK = 'i.fa-square-o'
TICKED = 'i.fa-check-square-o'



@pytest.fixture
def new_event(server, db_name):
    """A factory of events of the assistant 60 days ahead (they stay in «Создание» with their
    checklist), deleted by the office head after the test: the database the addon's tests share
    keeps no event without a task."""
    call = rpc(server, db_name, 'assistant')
    created = []

    def make():
        start = (datetime.utcnow() + timedelta(days=60)).strftime('%Y-%m-%d 09:00:00')
        created.append(call('deputat.event', 'create', {
            'name': 'Встреча с жителями (браузерный тест)', 'date_start': start}))
        return created[-1]
    yield make
    if created:
        rpc(server, db_name, 'head')('deputat.event', 'unlink', created)


def open_url(driver, url):
    """Open a web client URL once the home screen the login lands on has loaded (else the
    home action may finish after the URL's action and replace it)."""
    WebDriverWait(driver, 60).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, '.o_control_panel .breadcrumb li')))
    wait_idle(driver)
    driver.get(url)


def displayed(root, selector):
    try:
        return [el for el in root.find_elements(By.CSS_SELECTOR, selector) if el.is_displayed()]
    except StaleElementReferenceException:
        return []


def click_first_tick(driver, container_selector):
    """Click the first displayed ✓ button of the list in ``container_selector``."""
    def click(d):
        for container in displayed(d, container_selector):
            icons = displayed(container, 'button.o_icon_button ' + TICK)
            if icons:
                icons[0].find_element(By.XPATH, '..').click()
                return True
        return False
    WebDriverWait(driver, 60, ignored_exceptions=(StaleElementReferenceException,)).until(click)
    wait_idle(driver)


def test_tick_on_the_form_and_from_the_task(server, browser, db_name, new_event):
    call = rpc(server, db_name, 'assistant')
    event = new_event()
    lines = call('deputat.event.checklist.line', 'search_read', [('event_id', '=', event)],
                 ['name', 'done'])
    assert len(lines) >= 2 and not any(line['done'] for line in lines)
    browser.set_window_size(1440, 900)
    login(browser, server, 'assistant')
    open_url(browser, '%s/web#id=%d&model=deputat.event&view_type=form' % (server, event))
    wait = WebDriverWait(browser, 60)
    wait.until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, '.o_form_view.o_form_readonly div[name=checklist_line_ids]')))
    wait_idle(browser)
    # the «Чек-лист» tab, in read mode
    pane = browser.find_element(By.CSS_SELECTOR, "div[name=checklist_line_ids]").find_element(
        By.XPATH, "ancestor::div[contains(@class, 'tab-pane')]")
    browser.find_element(By.CSS_SELECTOR, "a[href='#%s']" % pane.get_attribute('id')).click()
    container = '.o_form_view div[name=checklist_line_ids]'
    wait.until(lambda d: len(displayed(d, container + ' ' + TICK)) == len(lines))
    click_first_tick(browser, container)
    wait.until(lambda d: len(displayed(d, container + ' ' + TICKED)) == 1)
    done = call('deputat.event.checklist.line', 'search_read',
                [('event_id', '=', event), ('done', '=', True)], ['done_by_id'])
    assert len(done) == 1 and done[0]['done_by_id'][1] == 'Анна Смирнова'
    assert browser.find_elements(By.CSS_SELECTOR, '.o_form_readonly'), 'still in read mode'

    # the assistant's task of the stage: the pencil opens it with the checklist
    task = call('mail.activity', 'search', [('res_model', '=', 'deputat.event'),
                                            ('res_id', '=', event),
                                            ('deputat_robot', '=', 'stage')])
    assert len(task) == 1
    edit = "a.o_activity_edit[data-activity-id='%d']" % task[0]
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, edit)))
    browser.execute_script("document.querySelector(arguments[0]).click();", edit)
    dialog = '.modal-dialog div[name=deputat_checklist_line_ids]'
    wait.until(lambda d: displayed(d, dialog))
    wait_idle(browser)
    assert len(displayed(browser, dialog + ' ' + TICKED)) == 1
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, 'event_task_checklist.png'))
    for remaining in range(len(lines) - 1, 0, -1):
        # each tick shows the task again in a new dialog: click in the one dialog left
        wait.until(lambda d: len(displayed(d, '.modal-dialog')) == 1)
        click_first_tick(browser, dialog)
        if remaining > 1:
            try:
                wait.until(lambda d, r=remaining: len(displayed(d, dialog + ' ' + TICK)) == r - 1)
            finally:
                browser.save_screenshot(os.path.join(ARTIFACTS, 'event_task_checklist_tick.png'))
    # the last tick marks the task done and closes its dialog
    try:
        wait.until(lambda d: not displayed(d, '.modal-dialog'))
    finally:
        browser.save_screenshot(os.path.join(ARTIFACTS, 'event_task_checklist_done.png'))
    wait_idle(browser)
    assert not call('mail.activity', 'search', [('id', '=', task[0])])
    assert all(line['done'] for line in call('deputat.event.checklist.line', 'search_read',
                                             [('event_id', '=', event)], ['done']))
    errors = severe_console_errors(browser)
    assert not errors, errors


def test_kanban_fits_1440_and_dates_without_seconds(server, browser, new_event):
    new_event()
    browser.set_window_size(1440, 900)
    login(browser, server, 'assistant')
    open_url(browser, '%s/web#action=deputat_crm.action_deputat_event&view_type=kanban' % server)
    wait = WebDriverWait(browser, 60)
    wait.until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, '.o_deputat_event_kanban .o_kanban_record:not(.o_kanban_ghost)')))
    wait_idle(browser)
    # done and cancelled (and the transit stages) folded: no horizontal scrolling
    folded = [el.text for el in browser.find_elements(By.CSS_SELECTOR, '.o_column_folded')]
    assert len(folded) >= 2, folded
    width = browser.execute_script(
        "var v = document.querySelector('.o_content');"
        "return [v.scrollWidth, v.clientWidth];")
    browser.save_screenshot(os.path.join(ARTIFACTS, 'event_kanban_1440.png'))
    assert width[0] <= width[1], width
    dates = [el.text.strip() for el in browser.find_elements(
        By.CSS_SELECTOR, '.o_kanban_record .o_deputat_event_date')]
    assert dates
    for text in dates:
        assert re.match(r'^\d\d\.\d\d\.\d{4} \d\d:\d\d$', text), text
