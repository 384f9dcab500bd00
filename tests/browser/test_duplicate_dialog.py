"""Issue 12 item 5 in a real browser: the assistant's appeal has an applicant entered again
(a duplicate of a known contact); «Возможные дубли…» opens the dialog, «Использовать этот
контакт» makes the existing contact the applicant."""
import os
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from ..conftest import ARTIFACTS
from .test_appeal_form_layout import open_form
from .test_pipeline_dialog import rpc, visible_button
from .test_smoke import browser, login, severe_console_errors, wait_idle  # noqa: F401 (fixture)


def test_use_this_contact(server, browser, db_name):
    call = rpc(server, db_name, 'assistant')
    # a phone of this run only: the contacts stay in the database and must not become
    # duplicates of the demo contacts (or of another run's)
    phone = '+7 901 %07d' % (time.time_ns() // 1000 % 10 ** 7)
    existing = call('res.partner', 'create', {'name': 'Кузьмина Ольга Петровна (браузерный тест)',
                                              'mobile': phone})
    entered = call('res.partner', 'create', {'name': 'О. П. Кузьмина (браузерный тест)',
                                             'phone': phone.replace('+7', '8')})
    appeal = call('deputat.appeal', 'create', {
        'partner_id': entered, 'subject': 'Дубль заявителя (браузерный тест)',
        'description': 'Проверка окна дублей.'})
    existing_name = call('res.partner', 'read', [existing], ['display_name'])[0]['display_name']
    browser.set_window_size(1440, 900)
    browser.delete_all_cookies()
    login(browser, server, 'assistant')
    open_form(browser, server, appeal)
    wait = WebDriverWait(browser, 60, ignored_exceptions=(StaleElementReferenceException,))
    wait.until(lambda d: visible_button(d, '.o_form_view .alert-warning button',
                                       'Возможные дубли…')).click()
    dialog = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, '.modal-dialog')))
    wait.until(lambda d: dialog.find_elements(By.CSS_SELECTOR, '.o_data_row'))
    wait_idle(browser)
    rows = [row for row in dialog.find_elements(By.CSS_SELECTOR, '.o_data_row')
            if existing_name in row.text]
    assert len(rows) == 1 == len(dialog.find_elements(By.CSS_SELECTOR, '.o_data_row')), [
        row.text for row in dialog.find_elements(By.CSS_SELECTOR, '.o_data_row')]
    buttons = [b.text.strip() for b in rows[0].find_elements(By.CSS_SELECTOR, 'button')
               if b.is_displayed()]
    assert buttons == ['Открыть', 'Использовать этот контакт'], buttons
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, 'duplicate_dialog.png'))
    [b for b in rows[0].find_elements(By.CSS_SELECTOR, 'button')
     if b.text.strip() == 'Использовать этот контакт'][0].click()
    try:
        wait.until(EC.invisibility_of_element_located((By.CSS_SELECTOR, '.modal-dialog')))
    except Exception:
        browser.save_screenshot(os.path.join(ARTIFACTS, 'duplicate_dialog_failed.png'))
        raise
    wait_idle(browser)
    record = call('deputat.appeal', 'read', [appeal], ['partner_id'])[0]
    assert record['partner_id'][0] == existing, record
    wait.until(lambda d: existing_name in d.find_element(
        By.CSS_SELECTOR, ".o_form_view .o_field_widget[name='partner_id']").text)
    assert not severe_console_errors(browser), severe_console_errors(browser)


def test_contact_form_lists_duplicates_while_typing(server, browser, db_name):
    """A new contact typed with a known phone lists the known contact before it is saved."""
    call = rpc(server, db_name, 'assistant')
    phone = '+7 902 %07d' % (time.time_ns() // 1000 % 10 ** 7)
    call('res.partner', 'create', {'name': 'Лебедев Антон Ильич (браузерный тест)',
                                   'mobile': phone})
    browser.set_window_size(1440, 900)
    browser.delete_all_cookies()
    login(browser, server, 'assistant')
    browser.get('%s/web#action=deputat_crm.action_deputat_contacts&model=res.partner'
                '&view_type=form' % server)
    wait = WebDriverWait(browser, 60, ignored_exceptions=(StaleElementReferenceException,))
    name = wait.until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, ".o_form_view input[name='name']")))
    wait_idle(browser)
    alert = browser.find_element(By.CSS_SELECTOR, ".o_form_view div[name='deputat_duplicates']")
    assert not alert.is_displayed()
    name.send_keys('Антон Лебедев')
    browser.find_element(By.CSS_SELECTOR, ".o_form_view input[name='phone']").send_keys(
        phone.replace('+7', '8'))
    name.click()  # leave the phone field: the onchange runs
    wait.until(lambda d: d.find_element(
        By.CSS_SELECTOR, ".o_form_view div[name='deputat_duplicates']").is_displayed())
    wait_idle(browser)
    # the onchange's warning dialog (Odoo 11 shows it too) is closed with its button
    for button in browser.find_elements(By.CSS_SELECTOR, '.modal-footer button'):
        if button.is_displayed():
            button.click()
    alert = browser.find_element(By.CSS_SELECTOR, ".o_form_view div[name='deputat_duplicates']")
    wait.until(lambda d: 'Лебедев Антон Ильич' in alert.text)
    browser.save_screenshot(os.path.join(ARTIFACTS, 'contact_form_duplicates.png'))
    assert not severe_console_errors(browser), severe_console_errors(browser)
