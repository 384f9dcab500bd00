# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public appeal form ``/obrashenie`` and the status lookup ``/obrashenie/status``
(issue 10). Everything a visitor sends is validated here, before anything is written; a refused
submission re-shows the form with a Russian message and leaves nothing in the database. Only
then is the appeal created as superuser (``_website_create``), the least work done so."""
import re

from odoo import http
from odoo.http import request

from ..lib import website_form
from ..lib.social_links import normalize_email

EMAIL_RE = re.compile(r'^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$')
HONEYPOT = 'company_site'   # hidden from people by CSS; robots fill every field
MAX_FIELD = 500
MAX_CO_SIGNATORIES = 100


def client_ip():
    return request.httprequest.remote_addr or ''


def uploaded_files():
    """[(filename, bytes, mimetype)] of the non-empty file inputs."""
    files = []
    for upload in request.httprequest.files.getlist('attachments'):
        if upload and upload.filename:
            files.append((upload.filename, upload.read(), upload.mimetype))
    return files


def form_stamp():
    return website_form.sign_stamp(request.env['deputat.appeal'].sudo()._website_secret())


def check_stamp(post):
    """The Russian refusal of a form sent too fast (or with a forged stamp), else None."""
    Appeal = request.env['deputat.appeal'].sudo()
    age = website_form.stamp_age(Appeal._website_secret(), post.get('form_stamp'))
    if age is None or age > 24 * 3600:
        return 'Форма устарела. Пожалуйста, проверьте данные и отправьте её ещё раз.'
    if age < Appeal._website_limits()['min_fill']:
        return ('Форма отправлена слишком быстро после открытия. Пожалуйста, проверьте '
                'данные и отправьте её ещё раз.')
    return None


class DeputatWebsiteAppeal(http.Controller):

    # ------------------------------------------------------------------ the form
    def _appeal_form(self, values=None, error=None):
        Appeal = request.env['deputat.appeal'].sudo()
        return request.render('deputat_crm.website_appeal_form', {
            'values': values or {},
            'error': error,
            'territories': request.env['deputat.territory'].sudo().search(
                [], order='complete_name'),
            'consent_text': Appeal._website_consent_text(),
            'stamp': form_stamp(),
            'honeypot': HONEYPOT,
            'max_files': website_form.MAX_FILES,
        })

    @http.route('/obrashenie', type='http', auth='public', website=True, methods=['GET'])
    def appeal_form(self, **_kw):
        return self._appeal_form()

    @http.route('/obrashenie/send', type='http', auth='public', website=True, methods=['POST'])
    def appeal_send(self, **post):
        values, error = self._appeal_check(post)
        files = []
        if not error:
            files = uploaded_files()
            error = website_form.check_files([(name, len(data)) for name, data, _m in files])
        if not error and request.env['deputat.website.submission']._deputat_over_limit(
                client_ip(), normalize_email(values.get('email'))):
            limit = request.env['deputat.appeal'].sudo()._website_limits()['rate']
            error = ('Превышено число обращений с этого адреса за час (не более %d). '
                     'Пожалуйста, повторите попытку позже.' % limit)
        if error:
            post.pop(HONEYPOT, None)
            return self._appeal_form(post, error)
        appeal, code = request.env['deputat.appeal'].sudo()._website_create(
            values, files, client_ip())
        return request.render('deputat_crm.website_appeal_done', {
            'number': appeal.name, 'code': code, 'email': values.get('email')})

    def _appeal_check(self, post):
        """(values, None) of an acceptable form, or (None, the Russian refusal)."""
        Appeal = request.env['deputat.appeal'].sudo()
        if post.get(HONEYPOT):
            return None, ('Обращение не отправлено: форма заполнена автоматически. Если Вы '
                          'заполняли её сами, откройте страницу заново и повторите отправку.')
        error = check_stamp(post)
        if error:
            return None, error
        clean = {name: website_form.strip_html(post.get(name))[:MAX_FIELD] for name in (
            'surname', 'first_name', 'patronymic', 'address', 'email', 'phone')}
        text = website_form.strip_html(post.get('text'))
        if not clean['surname'] or not clean['first_name']:
            return None, 'Укажите фамилию и имя.'
        if not clean['address'] and not clean['email']:
            return None, ('Укажите почтовый адрес или адрес электронной почты, по которому '
                          'должен быть направлен ответ (статья 7 Федерального закона № 59-ФЗ).')
        if clean['email'] and not EMAIL_RE.match(clean['email']):
            return None, 'Адрес электронной почты указан неверно.'
        if not text:
            return None, 'Изложите суть обращения.'
        text_limit = Appeal._website_limits()['text']
        if len(text) > text_limit:
            return None, ('Текст обращения слишком длинный: не более %d знаков (сейчас %d). '
                          'Подробности можно приложить файлом.' % (text_limit, len(text)))
        co_signatories = []
        if post.get('collective'):
            co_signatories = [line.strip()[:MAX_FIELD] for line in website_form.strip_html(
                post.get('co_signatories')).split('\n') if line.strip()]
            if not co_signatories:
                return None, ('Для коллективного обращения укажите фамилии, имена и отчества '
                              'соавторов, по одному в строке.')
            if len(co_signatories) > MAX_CO_SIGNATORIES:
                return None, 'Не более %d соавторов в одном обращении.' % MAX_CO_SIGNATORIES
        if not post.get('consent'):
            return None, ('Для отправки обращения необходимо дать согласие на обработку '
                          'персональных данных.')
        territory = False
        if (post.get('territory_id') or '').isdigit():
            territory = request.env['deputat.territory'].sudo().browse(
                int(post['territory_id'])).exists().id or False
        values = dict(clean, text=text, co_signatories=co_signatories, territory_id=territory,
                      consent_text=Appeal._website_consent_text(),
                      name=' '.join(part for part in (clean['surname'], clean['first_name'],
                                                      clean['patronymic']) if part))
        return values, None

    # ------------------------------------------------------------------ status
    @http.route('/obrashenie/status', type='http', auth='public', website=True,
                methods=['GET', 'POST'])
    def appeal_status(self, number='', code='', **_kw):
        status, not_found = None, False
        posted = request.httprequest.method == 'POST'
        if posted:
            appeal = request.env['deputat.appeal']._website_find(number, code)
            if appeal:
                status = appeal._website_status()
            else:
                not_found = True
        return request.render('deputat_crm.website_appeal_status', {
            'number': number if posted else '', 'status': status, 'not_found': not_found})
