"""The «Перевести на этап…» dialog in a real browser: the deputy resolves an appeal the
assistant registered over XML-RPC; the dialog offers the deputy's moves in Russian, asks for the
resolution and moves the appeal; the assistant sees no move at the deputy's stage."""
import os
import xmlrpc.client

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from ..conftest import ARTIFACTS
from .test_smoke import browser, login, severe_console_errors, wait_idle  # noqa: F401 (fixture)


def rpc(url, db, login_name):
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
    uid = common.authenticate(db, login_name, login_name, {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(db, uid, login_name, model, method, list(args), kwargs)
    return call


def registered_appeal(url, db):
    """An appeal registered by the assistant and sent to the deputy's resolution, over RPC."""
    call = rpc(url, db, 'assistant')
    partner = call('res.partner', 'search', [('name', 'ilike', 'Соколова')], limit=1)[0]
    appeal = call('deputat.appeal', 'create', {
        'partner_id': partner, 'subject': 'Освещение во дворе (браузерный тест)',
        'description': 'Не горят фонари.'})
    transition = call('deputat.appeal.transition', 'search', [
        ('from_stage_id.code', '=', 'new'), ('to_stage_id.code', '=', 'deputy_resolution')])[0]
    wizard = call('deputat.appeal.move.wizard', 'create', {'transition_id': transition},
                  context={'default_res_id': appeal})
    call('deputat.appeal.move.wizard', 'action_confirm', [wizard],
         context={'default_res_id': appeal})
    return appeal


def open_form(driver, url, appeal):
    driver.get('%s/web#id=%d&model=deputat.appeal&view_type=form' % (url, appeal))
    WebDriverWait(driver, 60).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, '.o_form_view .o_statusbar_status')))
    wait_idle(driver)


def visible_button(driver, selector, text):
    """The displayed button matching ``selector`` whose text is ``text`` (None while absent)."""
    for button in driver.find_elements(By.CSS_SELECTOR, selector):
        if button.is_displayed() and button.text.strip() == text:
            return button
    return None


def current_stage(driver):
    """The highlighted stage of the statusbar ('' while the form re-renders it)."""
    try:
        return driver.find_element(By.CSS_SELECTOR,
                                   '.o_statusbar_status .btn-primary').text.strip()
    except (NoSuchElementException, StaleElementReferenceException):
        return 


def test_deputy_moves_an_appeal_through_the_dialog(server, browser, db_name):
    appeal = registered_appeal(server, db_name)
    browser.delete_all_cookies()
    login(browser, server, 'assistant')
    open_form(browser, server, appeal)
    assert current_stage(browser) == 'Резолюция депутата'
    buttons = [b.text for b in browser.find_elements(By.CSS_SELECTOR, '.o_form_statusbar button')
               if b.is_displayed()]
    assert 'Перевести на этап…' not in buttons, buttons  # the deputy's stage

    browser.delete_all_cookies()
    login(browser, server, 'deputy')
    open_form(browser, server, appeal)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: visible_button(d, '.o_form_statusbar button', 'Перевести на этап…')).click()
    dialog = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, '.modal-dialog')))
    wait.until(lambda d: dialog.find_elements(By.CSS_SELECTOR, '.o_radio_item'))
    options = [o.text.strip() for o in dialog.find_elements(By.CSS_SELECTOR, '.o_radio_item')]
    assert 'Резолюция: готовить ответ' in options, options
    assert 'Резолюция: нужен запрос' in options, options
    choice = [o for o in dialog.find_elements(By.CSS_SELECTOR, '.o_radio_item')
              if o.text.strip() == 'Резолюция: готовить ответ'][0]
    choice.find_element(By.CSS_SELECTOR, 'input').click()
    comment = wait.until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, ".modal-dialog textarea[name='deputy_comment']")))
    wait_idle(browser)
    comment.send_keys('Подготовить ответ, запросить график ремонта сетей.')
    visible_button(browser, '.modal-footer button', 'Перевести').click()
    wait.until(EC.invisibility_of_element_located((By.CSS_SELECTOR, '.modal-dialog')))
    wait.until(lambda d: current_stage(d) == 'Подготовка ответа')
    wait_idle(browser)
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.save_screenshot(os.path.join(ARTIFACTS, 'pipeline_dialog_moved.png'))
    call = rpc(server, db_name, 'deputy')
    record = call('deputat.appeal', 'read', [appeal], ['stage_id', 'deputy_comment'])[0]
    assert record['deputy_comment'] == 'Подготовить ответ, запросить график ремонта сетей.'
    assert not severe_console_errors(browser), severe_console_errors(browser)
