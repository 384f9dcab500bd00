# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTTP hardening of the office's database:

- one office, one database: the database manager's pages and operations (``/web/database/*``,
  JSON ``list`` included) answer 404 Not Found instead of a «disabled» page that still says
  what runs here. It applies whenever a request reaches the office's database, which
  ``dbfilter`` (var/odoo.conf) makes the case for every request;
- every answer carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: SAMEORIGIN``
  and ``Referrer-Policy``; TLS, HSTS, the cookie's Secure/SameSite and the CSP belong to the
  reverse proxy (etc/nginx-deputat.conf.sample)."""
import werkzeug.wrappers

from odoo import http, models
from odoo.http import request

SECURITY_HEADERS = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
}


def _private_session_files():
    """Werkzeug writes the session files (session ids, the user's id) with mode 0644 whatever
    the umask; make them the server user's only."""
    store = http.root.session_store
    if getattr(store, 'mode', None) is not None:
        store.mode = 0o600


_private_session_files()


class IrHttp(models.AbstractModel):
    _inherit = 'ir.http'

    @classmethod
    def _dispatch(cls):
        if request.httprequest.path.rstrip('/').startswith('/web/database'):
            response = werkzeug.wrappers.Response('Not Found', status=404,
                                                  content_type='text/plain')
        else:
            response = super(IrHttp, cls)._dispatch()
        headers = getattr(response, 'headers', None)
        if headers is not None:
            for name, value in SECURITY_HEADERS.items():
                headers.setdefault(name, value)
        return response
