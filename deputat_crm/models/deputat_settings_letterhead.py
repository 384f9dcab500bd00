# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office's letterhead (the company's name, address, phone and e-mail) and the address
wkhtmltopdf loads the report styles from (``report.url``), on the office head's settings
screen: the office head edits them without the administrator's rights."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

LETTERHEAD_FIELDS = {
    'office_name': 'name', 'office_street': 'street', 'office_city': 'city',
    'office_zip': 'zip', 'office_phone': 'phone', 'office_email': 'email',
}


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    office_name = fields.Char(string='Office name on letters')
    office_street = fields.Char(string='Office address')
    office_city = fields.Char(string='Office city')
    office_zip = fields.Char(string='Office postcode')
    office_phone = fields.Char(string='Office phone')
    office_email = fields.Char(string='Office e-mail')
    report_url = fields.Char(
        string='Address of the server for PDF documents',
        help='The address wkhtmltopdf loads the letterhead styles from, reachable from the '
             'server itself (e.g. http://127.0.0.1:8069). Empty: the web address of the '
             'database.')

    @api.model
    def _param_fields(self):
        params = super(DeputatSettings, self)._param_fields()
        params['report_url'] = ('report.url', '')
        return params

    @api.model
    def default_get(self, field_names):
        res = super(DeputatSettings, self).default_get(field_names)
        company = self.env.user.company_id.sudo()
        for name, company_field in LETTERHEAD_FIELDS.items():
            if name in field_names:
                res[name] = company[company_field] or False
        if 'report_url' in field_names:
            res['report_url'] = self.env['ir.config_parameter'].sudo().get_param(
                'report.url') or False
        return res

    def _check_values(self):
        if not (self.office_name or '').strip():
            raise ValidationError(_('Give the name of the office printed on the letters.'))
        url = (self.report_url or '').strip()
        if url and not url.startswith(('http://', 'https://')):
            raise ValidationError(_('The address of the server for PDF documents starts with '
                                    'http:// or https://, e.g. http://127.0.0.1:8069.'))
        return super(DeputatSettings, self)._check_values()

    @api.multi
    def action_save(self):
        self.ensure_one()
        self._check_office_head()
        self._check_values()
        # the office head may edit the letterhead: the company is written after the check
        self.env.user.company_id.sudo().write({
            company_field: self[name] or False
            for name, company_field in LETTERHEAD_FIELDS.items()})
        return super(DeputatSettings, self).action_save()
