# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The security and personal-data settings of the office (issue 11) on the office head's
settings screen: e-mail intake limit, login throttling, retention of closed appeals."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .deputat_appeal_mail import DAILY_LIMIT_PARAM, DEFAULT_DAILY_LIMIT
from .deputat_retention import (DEFAULT_RETENTION_YEARS, RETENTION_MODE_PARAM,
                                RETENTION_YEARS_PARAM)
from .res_users_throttle import (DEFAULT_LOCK_MINUTES, DEFAULT_MAX_FAILURES,
                                 LOCK_MINUTES_PARAM, MAX_FAILURES_PARAM)


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'

    intake_daily_limit = fields.Integer(
        string='E-mails a day from one sender',
        help='Further e-mails of the same sender that day are parked for review instead of '
             'becoming appeals.')
    login_max_failures = fields.Integer(
        string='Wrong passwords before a lock',
        help='For one login, or from one IP address, within the lock time.')
    login_lock_minutes = fields.Integer(string='Lock time (minutes)')
    retention_years = fields.Integer(
        string='Keep closed appeals (years)',
        help='152-FZ art. 5 part 7: after this many years from closing, an appeal is '
             'anonymised (statistics kept). 5 years is the usual storage term of appeals.')
    retention_anonymise = fields.Boolean(
        string='Anonymise expired appeals',
        help='Off: the daily robot only reports what it would anonymise (dry run).')

    @api.model
    def _param_fields(self):
        params = super(DeputatSettings, self)._param_fields()
        params.update({
            'intake_daily_limit': (DAILY_LIMIT_PARAM, DEFAULT_DAILY_LIMIT),
            'login_max_failures': (MAX_FAILURES_PARAM, DEFAULT_MAX_FAILURES),
            'login_lock_minutes': (LOCK_MINUTES_PARAM, DEFAULT_LOCK_MINUTES),
            'retention_years': (RETENTION_YEARS_PARAM, DEFAULT_RETENTION_YEARS),
            'retention_anonymise': (RETENTION_MODE_PARAM, False),
        })
        return params

    def _check_values(self):
        res = super(DeputatSettings, self)._check_values()
        if self.retention_years > 75:
            raise ValidationError(_('«Keep closed appeals (years)» cannot exceed 75 years.'))
        return res
