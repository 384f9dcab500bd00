"""Real-browser smoke test: headless Chromium (Debian's chromium + chromium-driver) driven by
Selenium against the real Odoo server, logged in as a demo user (ru_RU)."""
import os
import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import (ElementClickInterceptedException,
                                        ElementNotInteractableException,
                                        NoSuchElementException,
                                        StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from ..conftest import ARTIFACTS

CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                  '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--window-size=1400,900',
                  '--lang=ru-RU']


@pytest.fixture(scope='module')
def browser():
    profile = tempfile.mkdtemp(prefix='deputat-chromium-')
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which('chromium') or '/usr/bin/chromium'
    for flag in CHROMIUM_FLAGS + ['--user-data-dir=%s' % profile]:
        options.add_argument(flag)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service(shutil.which('chromedriver') or '/usr/bin/chromedriver'),
                              options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def login(driver, url, login_name):
    driver.get(url + '/web/login')
    driver.find_element(By.NAME, 'login').send_keys(login_name)
    driver.find_element(By.NAME, 'password').send_keys(login_name)
    driver.find_element(By.CSS_SELECTOR, 'form.oe_login_form button[type=submit]').click()
    try:
        WebDriverWait(driver, 60).until(EC.presence_of_element_located((By.CSS_SELECTOR, '#oe_main_menu_navbar')))
    except Exception:
        os.makedirs(ARTIFACTS, exist_ok=True)
        driver.save_screenshot(os.path.join(ARTIFACTS, 'login_failed.png'))
        raise


def wait_idle(driver, timeout=60):
    """Wait until the web client has no RPC in flight (Odoo's loading indicator puts the class
    ``oe_wait`` on the web client while one is pending): late answers and their errors have
    arrived. The condition the assertions need, never a fixed pause."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && !document.querySelector('.oe_wait');"))


def visible_sections(driver):
    return [el.text.strip() for el in driver.find_elements(
        By.CSS_SELECTOR, '.o_sub_menu .oe_secondary_menu .oe_secondary_menu_section') if el.is_displayed()]


def open_top_menu(driver, xmlid):
    """Click a top menu of Odoo 11's navbar and wait for its first action to load."""
    # generous timeouts (conditions, not pauses): the first pages of a fresh database compile
    # their assets, and CI may share the two cores with other work
    wait = WebDriverWait(driver, 60)
    selector = "#oe_main_menu_navbar a[data-menu-xmlid='%s']" % xmlid

    def click(d):
        # the navbar may re-render between finding the link and clicking it (stale element):
        # find it again and click until the click lands
        d.find_element(By.CSS_SELECTOR, selector).click()
        return True
    WebDriverWait(driver, 60, ignored_exceptions=(
        NoSuchElementException, StaleElementReferenceException,
        ElementNotInteractableException, ElementClickInterceptedException)).until(click)
    wait.until(lambda d: visible_sections(d))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.o_control_panel .breadcrumb li')))
    wait_idle(driver)


def severe_console_errors(driver):
    return [entry for entry in driver.get_log('browser') if entry['level'] == 'SEVERE']


def test_login_and_open_deputat_menu(server, browser):
    login(browser, server, 'assistant')
    # the compiled backend CSS is loaded (an unstyled page has a transparent navbar)
    navbar = browser.find_element(By.CSS_SELECTOR, '#oe_main_menu_navbar')
    assert navbar.value_of_css_property('background-color') == 'rgba(34, 34, 34, 1)'
    links = [l.get_attribute('href') or '' for l in browser.find_elements(By.CSS_SELECTOR, 'link[rel=stylesheet]')]
    assert any('web.assets_backend' in href for href in links), links

    # the navbar fills its menus after the page loaded: wait for the text the assertion reads
    selector = "#oe_main_menu_navbar a[data-menu-xmlid='deputat_crm.menu_deputat_root']"
    WebDriverWait(browser, 30).until(
        lambda d: [el for el in d.find_elements(By.CSS_SELECTOR, selector) if el.text.strip()])
    top = browser.find_element(By.CSS_SELECTOR, selector)
    assert top.text.strip() == 'Депутат'  # the demo user works in ru_RU
    open_top_menu(browser, 'deputat_crm.menu_deputat_root')
    sections = visible_sections(browser)
    assert 'Контакты' in sections, sections
    assert 'Настройка' not in sections  # configuration is the office head's
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, 'deputat_menu.png'))
    errors = severe_console_errors(browser)
    assert not errors, errors


def error_dialogs(driver):
    return [el.text for el in driver.find_elements(By.CSS_SELECTOR, '.o_dialog_error, .o_dialog_warning')]


def open_menu_leaf(driver, xmlid, view_selector):
    wait = WebDriverWait(driver, 30)
    wait.until(EC.element_to_be_clickable(
        (By.CSS_SELECTOR, ".o_sub_menu a[data-menu-xmlid='%s']" % xmlid))).click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.o_content ' + view_selector)))
    wait_idle(driver)


# (menu leaf, view the action opens, what a click on its first record opens)
SCREENS = [
    ('deputat_crm.menu_deputat_appeal_review', '.o_kanban_view', '.o_kanban_record:not(.o_kanban_ghost)'),
    ('deputat_crm.menu_deputat_appeal_all', '.o_list_view', '.o_data_row'),
    ('deputat_crm.menu_deputat_appeal_calendar', '.o_calendar_view', None),
    ('deputat_crm.menu_deputat_event_all', '.o_kanban_view', '.o_kanban_record:not(.o_kanban_ghost)'),
    ('deputat_crm.menu_deputat_event_calendar', '.o_calendar_view', None),
    ('deputat_crm.menu_deputat_appeal_analysis', '.o_pivot, .o_graph', None),
    ('deputat_crm.menu_deputat_event_analysis', '.o_pivot, .o_graph', None),
    ('deputat_crm.menu_deputat_all_contacts', '.o_kanban_view', '.o_kanban_record:not(.o_kanban_ghost)'),
]


def test_deputy_works_through_the_screens(server, browser):
    """The deputy opens every main screen and one record of each list: the views render in
    Russian with data, and no JavaScript or server error shows up."""
    browser.delete_all_cookies()
    login(browser, server, 'deputy')
    open_top_menu(browser, 'deputat_crm.menu_deputat_root')
    os.makedirs(ARTIFACTS, exist_ok=True)
    for xmlid, view_selector, record_selector in SCREENS:
        open_menu_leaf(browser, xmlid, view_selector)
        name = xmlid.split('.')[-1]
        browser.save_screenshot(os.path.join(ARTIFACTS, '%s.png' % name))
        if record_selector:
            records = browser.find_elements(By.CSS_SELECTOR, '.o_content ' + record_selector)
            assert records, 'no demo record in %s' % xmlid
            records[0].click()
            WebDriverWait(browser, 30).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, '.o_content .o_form_view')))
            wait_idle(browser)
            browser.save_screenshot(os.path.join(ARTIFACTS, '%s_form.png' % name))
        assert not error_dialogs(browser), (xmlid, error_dialogs(browser))
        assert not severe_console_errors(browser), (xmlid, severe_console_errors(browser))
