# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office's contact filters «Has appeals» and «Has events» (searchable flags; the search
goes through the user's own access to appeals and events, so a confidential appeal the user
cannot see does not mark its applicant)."""
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_has_appeals = fields.Boolean(string='Has appeals', compute='_compute_deputat_has',
                                         search='_search_deputat_has_appeals')
    deputat_has_events = fields.Boolean(string='Has events', compute='_compute_deputat_has',
                                        search='_search_deputat_has_events')

    @api.multi
    def _compute_deputat_has(self):
        for partner in self:
            partner.deputat_has_appeals = bool(partner.deputat_appeal_count)
            partner.deputat_has_events = bool(partner.deputat_event_count)

    @api.model
    def _deputat_has_domain(self, operator, value, partner_ids):
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', list(partner_ids))]

    @api.model
    def _search_deputat_has_appeals(self, operator, value):
        Appeal = self.env['deputat.appeal']
        ids = set()
        if Appeal.check_access_rights('read', raise_exception=False):
            for group in Appeal.read_group([], ['partner_id'], ['partner_id']):
                ids.add(group['partner_id'][0])
            ids.update(Appeal.search([('co_applicant_ids', '!=', False)]).mapped(
                'co_applicant_ids').ids)
        return self._deputat_has_domain(operator, value, ids)

    @api.model
    def _search_deputat_has_events(self, operator, value):
        Event = self.env['deputat.event']
        ids = set()
        if Event.check_access_rights('read', raise_exception=False):
            events = Event.search([])
            for fname in ('contact_ids', 'speaker_ids', 'journalist_ids',
                          'participant_company_ids'):
                ids.update(events.mapped(fname).ids)
        return self._deputat_has_domain(operator, value, ids)
