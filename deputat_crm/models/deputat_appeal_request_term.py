# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Request terms to authorities as a number plus a unit: calendar days (3-FZ art. 14: 30) or
working days (Samara: 5 working days). The default comes from the settings, an authority may
carry its own term, and each request may override it."""
from odoo import api, fields, models

TERM_UNITS = [('calendar', 'Calendar days'), ('working', 'Working days')]


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_request_days = fields.Integer(
        string='Answer term of requests',
        help="The term this authority answers a deputy's requests in (regional or municipal "
             "law); empty: the office's default.")
    deputat_request_unit = fields.Selection(TERM_UNITS, string='Unit of the request term')


class DeputatAppealRequest(models.Model):
    _inherit = 'deputat.appeal.request'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    answer_days_unit = fields.Selection(
        TERM_UNITS, string='Unit of the answer term', required=True,
        default=lambda self: 'working' if self.env['deputat.appeal']._deputat_param(
            'deputat_crm.request_working_days') else 'calendar')

    @api.depends('date_sent', 'answer_days', 'answer_days_unit')
    def _compute_date_due(self):
        Appeal = self.env['deputat.appeal']
        for request in self:
            request.date_due = Appeal._deputat_add_days(
                request.date_sent, request.answer_days, unit=request.answer_days_unit or
                'calendar', which='legal' if request.answer_days_unit == 'working' else 'planned')

    @api.onchange('partner_id')
    def _onchange_partner_request_term(self):
        authority = self.partner_id.commercial_partner_id
        if authority.deputat_request_days > 0:
            self.answer_days = authority.deputat_request_days
            self.answer_days_unit = authority.deputat_request_unit or 'calendar'

    @api.model
    def create(self, vals):
        vals = dict(vals)
        authority = self.env['res.partner'].browse(vals.get('partner_id')).commercial_partner_id
        if authority.deputat_request_days > 0 and 'answer_days' not in vals:
            vals['answer_days'] = authority.deputat_request_days
            vals.setdefault('answer_days_unit', authority.deputat_request_unit or 'calendar')
        return super(DeputatAppealRequest, self).create(vals)
