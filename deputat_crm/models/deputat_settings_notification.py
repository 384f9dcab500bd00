# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office head's settings of issue 13: the hour of the daily digest and the deputy's title
on the letterhead."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .deputat_notification import DEFAULT_DIGEST_HOUR, DIGEST_HOUR_PARAM

DEPUTY_TITLE_PARAM = 'deputat_crm.deputy_title'
DEFAULT_DEPUTY_TITLE = 'Депутат'


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    digest_hour = fields.Integer(
        string='Daily digest at (hour, Moscow time)',
        help='From this hour on the daily digest goes out, once a day per person (0-23).')
    deputy_title = fields.Char(
        string="Deputy's title on letters",
        help='E.g. «Депутат Законодательного Собрания Ленинградской области»; printed on the '
             'letterhead and above the signature.')

    @api.model
    def _param_fields(self):
        params = super(DeputatSettings, self)._param_fields()
        params['digest_hour'] = (DIGEST_HOUR_PARAM, DEFAULT_DIGEST_HOUR)
        params['deputy_title'] = (DEPUTY_TITLE_PARAM, DEFAULT_DEPUTY_TITLE)
        return params

    @api.model
    def default_get(self, field_names):
        res = super(DeputatSettings, self).default_get(field_names)
        if 'deputy_title' in field_names:
            res['deputy_title'] = self._deputat_deputy_title()
        return res

    def _check_values(self):
        if not 0 <= self.digest_hour <= 23:
            raise ValidationError(_('The hour of the daily digest is from 0 to 23, not %s.')
                                  % self.digest_hour)
        if not (self.deputy_title or '').strip():
            raise ValidationError(_("Give the deputy's title printed on the letters."))
        # the base check wants positive numbers: the hour 0 (midnight) is allowed here
        hour, self.digest_hour = self.digest_hour, self.digest_hour or 24
        try:
            return super(DeputatSettings, self)._check_values()
        finally:
            self.digest_hour = hour

    @api.model
    def _deputat_deputy_title(self):
        return (self.env['ir.config_parameter'].sudo().get_param(DEPUTY_TITLE_PARAM)
                or DEFAULT_DEPUTY_TITLE)
