"""Issue 12 item 4 in a real browser at 1440 px: a new appeal is titled «Новое обращение»
(not «/»); on an appeal of each pipeline the header's buttons and the status bar stay on one
line, and the first stage shows none of the deputy's fields."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from ..conftest import ARTIFACTS
from .test_pipeline_dialog import rpc
from .test_smoke import browser, login, severe_console_errors, wait_idle  # noqa: F401 (fixture)

HEADER_LINES = """
    var bar = document.querySelector('.o_form_view .o_form_statusbar');
    var items = [].slice.call(bar.querySelectorAll(
        '.o_statusbar_buttons > button, .o_statusbar_status > button'));
    var tops = items.filter(function (el) { return el.offsetParent !== null; })
        .map(function (el) { return Math.round(el.getBoundingClientRect().top); });
    return {height: bar.getBoundingClientRect().height, tops: tops,
            width: bar.getBoundingClientRect().width};
"""


def open_form(driver, url, appeal=None):
    hash_ = 'action=deputat_crm.action_deputat_appeal_all&model=deputat.appeal&view_type=form' + (
        '&id=%d' % appeal if appeal else '')
    driver.get('%s/web#%s' % (url, hash_))
    try:
        WebDriverWait(driver, 60).until(EC.presence_of_element_located(
            (By.CSS_SELECTOR, '.o_form_view .o_statusbar_status')))
    except Exception:
        driver.save_screenshot(os.path.join(ARTIFACTS, 'appeal_form_failed.png'))
        raise
    wait_idle(driver)


def visible_labels(driver):
    return [el.text.strip() for el in driver.find_elements(
        By.CSS_SELECTOR, '.o_form_view .o_form_sheet label.o_form_label') if el.is_displayed()]


def test_title_and_one_line_header(server, browser, db_name):
    browser.set_window_size(1440, 900)
    browser.delete_all_cookies()
    login(browser, server, 'lawyer')
    open_form(browser, server)
    title = WebDriverWait(browser, 60).until(lambda d: [
        h.text.strip() for h in d.find_elements(By.CSS_SELECTOR, '.oe_title h1')
        if h.is_displayed()])
    assert title == ['Новое обращение'], title
    labels = visible_labels(browser)
    for label in ('Нужен запрос', 'Решение, принятое на этапе регистрации'):
        assert label not in labels, labels
    call = rpc(server, db_name, 'lawyer')
    figures = {}
    for pipeline in ('review', 'request', 'answer'):
        appeal = call('deputat.appeal', 'search', [('pipeline', '=', pipeline),
                                                   ('is_closed', '=', False)], limit=1)
        assert appeal, pipeline
        open_form(browser, server, appeal[0])
        layout = browser.execute_script(HEADER_LINES)
        figures[pipeline] = layout
        browser.save_screenshot(os.path.join(ARTIFACTS, 'appeal_form_%s.png' % pipeline))
        # one line: the buttons and the stages start within a few pixels of each other (the
        # status bar's arrows sit 4 px higher than the buttons) and the bar is one button high
        assert max(layout['tops']) - min(layout['tops']) < 10, (pipeline, layout)
        assert layout['height'] < 45, (pipeline, layout)
        os.makedirs(ARTIFACTS, exist_ok=True)
        browser.save_screenshot(os.path.join(ARTIFACTS, 'appeal_form_%s.png' % pipeline))
    print('header layout at 1440 px: %s' % figures)
    assert not severe_console_errors(browser), severe_console_errors(browser)
