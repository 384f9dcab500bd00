# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public website form (issue 10) on the office head's settings screen: the 152-FZ consent
text citizens accept and the limits of the abuse protection."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .deputat_appeal_website import (CONSENT_PARAM, DEFAULT_CONSENT_TEXT,
                                     DEFAULT_MIN_FILL_SECONDS, DEFAULT_RATE_LIMIT,
                                     DEFAULT_TEXT_LIMIT, MIN_FILL_PARAM, RATE_LIMIT_PARAM,
                                     TEXT_LIMIT_PARAM)


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    website_consent_text = fields.Text(
        string='Consent text of the website form',
        help='The 152-FZ consent to personal data processing a citizen must accept to send an '
             'appeal or book a reception; the accepted text is stored with the appeal.')
    website_rate_limit = fields.Integer(
        string='Website submissions an hour',
        help='Accepted submissions within an hour from one IP address or one e-mail; further '
             'ones are refused.')
    website_text_limit = fields.Integer(string='Longest appeal text (characters)')
    website_min_fill_seconds = fields.Integer(
        string='Shortest time to fill the form (seconds)',
        help='A form sent sooner after it was shown is refused as a robot\'s.')

    @api.model
    def _param_fields(self):
        params = super(DeputatSettings, self)._param_fields()
        params.update({
            'website_rate_limit': (RATE_LIMIT_PARAM, DEFAULT_RATE_LIMIT),
            'website_text_limit': (TEXT_LIMIT_PARAM, DEFAULT_TEXT_LIMIT),
            'website_min_fill_seconds': (MIN_FILL_PARAM, DEFAULT_MIN_FILL_SECONDS),
        })
        return params

    @api.model
    def default_get(self, field_names):
        res = super(DeputatSettings, self).default_get(field_names)
        if 'website_consent_text' in field_names:
            res['website_consent_text'] = self.env['ir.config_parameter'].sudo().get_param(
                CONSENT_PARAM) or DEFAULT_CONSENT_TEXT
        return res

    def _check_values(self):
        result = super(DeputatSettings, self)._check_values()
        if not (self.website_consent_text or '').strip():
            raise ValidationError(_('The consent text of the website form cannot be empty.'))
        return result

    @api.multi
    def action_save(self):
        result = super(DeputatSettings, self).action_save()
        self.env['ir.config_parameter'].sudo().set_param(
            CONSENT_PARAM, self.website_consent_text.strip())
        return result
