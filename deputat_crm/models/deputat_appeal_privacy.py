# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confidential appeals and the applicant's contact: setting or lifting «Confidential» is
tracked in the chatter, and the contact's 152-FZ legal basis does not reveal that a
confidential appeal exists (the appeal itself is the basis of its processing)."""
from odoo import api, fields, models


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    confidential = fields.Boolean(track_visibility='onchange')

    @api.multi
    def _deputat_record_legal_basis(self):
        """A confidential appeal records no «duty under 59-FZ» on its applicants' contacts:
        any internal user may read a contact, and the entry with its date would tell them
        that a confidential appeal exists."""
        return super(DeputatAppeal, self.filtered(
            lambda appeal: not appeal.confidential))._deputat_record_legal_basis()

    @api.multi
    def write(self, vals):
        res = super(DeputatAppeal, self).write(vals)
        if 'confidential' in vals:
            if vals['confidential']:
                self._deputat_hide_legal_basis()
            else:
                self._deputat_record_legal_basis()
        return res

    @api.multi
    def _deputat_hide_legal_basis(self):
        """Once an appeal is confidential, remove the «duty under 59-FZ» entry from applicants
        who have no other, non-confidential, appeal (a consent is never touched). Without
        tracking: the chatter of the contact must not tell it either."""
        partners = (self.mapped('partner_id') | self.mapped('co_applicant_ids')).sudo()
        Appeal = self.env['deputat.appeal'].sudo().with_context(active_test=False)
        for partner in partners.filtered(lambda p: p.pd_legal_basis == 'law_59fz'):
            if not Appeal.search_count(partner._deputat_appeal_domain() + [
                    ('confidential', '=', False)]):
                partner.with_context(mail_notrack=True).write(
                    {'pd_legal_basis': False, 'pd_legal_basis_date': False})
