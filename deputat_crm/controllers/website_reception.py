# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Booking of a personal reception on the website, ``/priem`` (issue 10): the published planned
sessions, their free slots (times only: nobody's booking is shown) and the booking form with
the same abuse protection as the appeal form. A refused booking leaves nothing behind."""
from odoo import fields, http
from odoo.http import request

from ..lib import website_form
from ..lib.social_links import normalize_email
from .website_appeal import EMAIL_RE, HONEYPOT, MAX_FIELD, check_stamp, client_ip, form_stamp

MAX_QUESTION = 1000


def public_sessions():
    """The sessions a visitor may book: published, planned, not begun yet (as superuser; only
    what the pages show is read)."""
    return request.env['deputat.reception.session'].sudo().search([
        ('website_published', '=', True), ('state', '=', 'planned'),
        ('booking_mode', '=', 'booking'), ('date_start', '>', fields.Datetime.now())],
        order='date_start')


class DeputatWebsiteReception(http.Controller):

    @http.route('/priem', type='http', auth='public', website=True, methods=['GET'])
    def sessions(self, **_kw):
        return request.render('deputat_crm.website_reception_list',
                              {'sessions': public_sessions()})

    def _session(self, session_id):
        session = public_sessions().filtered(lambda s: s.id == session_id)
        if not session:
            raise request.not_found()
        return session

    def _booking_form(self, session, values=None, error=None):
        return request.render('deputat_crm.website_reception_form', {
            'session': session,
            'slots': [(slot, session._local(slot).strftime('%H:%M'))
                      for slot in session._free_slots()],
            'priorities': request.env['deputat.reception.priority'].sudo().search([]),
            'values': values or {}, 'error': error, 'stamp': form_stamp(),
            'honeypot': HONEYPOT,
            'consent_text': request.env['deputat.appeal'].sudo()._website_consent_text(),
        })

    @http.route('/priem/<int:session_id>', type='http', auth='public', website=True,
                methods=['GET'])
    def session(self, session_id, **_kw):
        return self._booking_form(self._session(session_id))

    @http.route('/priem/<int:session_id>/book', type='http', auth='public', website=True,
                methods=['POST'])
    def book(self, session_id, **post):
        session = self._session(session_id)
        values, error = self._booking_check(session, post)
        if not error and request.env['deputat.website.submission']._deputat_over_limit(
                client_ip(), normalize_email(values['email'])):
            error = ('Превышено число записей с этого адреса за час. Пожалуйста, повторите '
                     'попытку позже или запишитесь по телефону.')
        if error:
            post.pop(HONEYPOT, None)
            return self._booking_form(session, post, error)
        booking = request.env['deputat.reception.booking'].sudo().create(dict(
            values, session_id=session.id, source='website'))
        booking._send_mail('confirmation')
        request.env['deputat.website.submission'].sudo().create({
            'kind': 'booking', 'ip_address': client_ip(),
            'email': normalize_email(values['email']) or False})
        return request.render('deputat_crm.website_reception_done', {
            'session': session,
            'when': session._local(booking.slot_start).strftime('%d.%m.%Y %H:%M'),
            'email': values['email']})

    def _booking_check(self, session, post):
        if post.get(HONEYPOT):
            return None, ('Запись не отправлена: форма заполнена автоматически. Если Вы '
                          'заполняли её сами, откройте страницу заново и повторите отправку.')
        error = check_stamp(post)
        if error:
            return None, error
        clean = {name: website_form.strip_html(post.get(name))[:MAX_FIELD]
                 for name in ('visitor_name', 'phone', 'email')}
        question = website_form.strip_html(post.get('question'))
        if post.get('slot') not in session._free_slots():
            return None, ('Выбранное время уже занято или недоступно. Пожалуйста, выберите '
                          'другое время.')
        if not clean['visitor_name']:
            return None, 'Укажите фамилию, имя и отчество.'
        if not clean['phone']:
            return None, 'Укажите телефон для связи.'
        if clean['email'] and not EMAIL_RE.match(clean['email']):
            return None, 'Адрес электронной почты указан неверно.'
        if not question:
            return None, 'Кратко изложите вопрос, с которым Вы придёте на приём.'
        if len(question) > MAX_QUESTION:
            return None, 'Вопрос изложите кратко: не более %d знаков.' % MAX_QUESTION
        if not post.get('consent'):
            return None, ('Для записи необходимо дать согласие на обработку персональных '
                          'данных.')
        priority = False
        if (post.get('priority_id') or '').isdigit():
            priority = request.env['deputat.reception.priority'].sudo().browse(
                int(post['priority_id'])).exists().id or False
        return dict(clean, email=clean['email'] or False, question=question,
                    slot_start=post['slot'], priority_id=priority,
                    consent_text=request.env['deputat.appeal'].sudo()
                    ._website_consent_text()), None
