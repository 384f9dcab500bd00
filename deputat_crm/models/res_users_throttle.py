# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Login throttling: after N wrong passwords for one login, or from one IP address, within M
minutes, every login attempt for that login or from that address is refused (the right
password too) until the window has passed (N = 10, M = 15 by default; «Депутат → Настройка →
Параметры»). The refusal looks like a wrong password: it tells an attacker nothing."""
import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.http import request
from .deputat_params import int_param

_logger = logging.getLogger(__name__)

MAX_FAILURES_PARAM = 'deputat_crm.login_max_failures'
LOCK_MINUTES_PARAM = 'deputat_crm.login_lock_minutes'
DEFAULT_MAX_FAILURES = 10
DEFAULT_LOCK_MINUTES = 15


class DeputatLoginAttempt(models.Model):
    _name = 'deputat.login.attempt'
    _description = 'Login attempt'
    _order = 'id desc'

    login = fields.Char(required=True, index=True, readonly=True)
    ip_address = fields.Char(string='IP address', index=True, readonly=True)
    success = fields.Boolean(readonly=True)

    @api.model
    def _is_locked(self, login, ip_address):
        """Too many failures in the window for the login (since its last success) or from
        the address."""
        limit = int_param(self.env, MAX_FAILURES_PARAM, DEFAULT_MAX_FAILURES)
        minutes = int_param(self.env, LOCK_MINUTES_PARAM, DEFAULT_LOCK_MINUTES)
        cr = self.env.cr
        cr.execute("""
            SELECT COUNT(*) FROM deputat_login_attempt a
             WHERE a.login = %s AND NOT a.success
               AND a.create_date > (now() at time zone 'UTC') - %s * interval '1 minute'
               AND a.id > COALESCE((SELECT MAX(id) FROM deputat_login_attempt
                                     WHERE login = %s AND success), 0)""",
                   (login, minutes, login))
        if cr.fetchone()[0] >= limit:
            return True
        if ip_address:
            cr.execute("""
                SELECT COUNT(*) FROM deputat_login_attempt
                 WHERE ip_address = %s AND NOT success
                   AND create_date > (now() at time zone 'UTC') - %s * interval '1 minute'""",
                       (ip_address, minutes))
            if cr.fetchone()[0] >= limit:
                return True
        return False

    @api.model
    def _record(self, login, ip_address, success):
        self.sudo().create({'login': login, 'ip_address': ip_address, 'success': success})

    @api.model
    def _cron_purge(self, autocommit=False):
        """Attempts older than 30 days are of no use (and are personal data)."""
        self.env.cr.execute("DELETE FROM deputat_login_attempt WHERE create_date < "
                            "(now() at time zone 'UTC') - interval '30 days'")
        if autocommit:
            self.env.cr.commit()  # pylint: disable=invalid-commit  # a cron run


class ResUsers(models.Model):
    _inherit = 'res.users'

    @classmethod
    def _login(cls, db, login, password):
        ip_address = None
        if request and getattr(request, 'httprequest', None):
            ip_address = request.httprequest.remote_addr
        with cls.pool.cursor() as cr:
            attempts = api.Environment(cr, SUPERUSER_ID, {})['deputat.login.attempt']
            if attempts._is_locked(login, ip_address):
                _logger.warning('Login refused (too many failures) for %s from %s',
                                login, ip_address)
                return False
        uid = super(ResUsers, cls)._login(db, login, password)
        with cls.pool.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})['deputat.login.attempt']._record(
                login, ip_address, bool(uid))
        return uid
