# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The printed answer letter (from the appeal) and request letter (from the request) are
letters of the outgoing-letters register (issue 13): printing one gives it its own «Исх. № …
от …» (kept on a reprint), logged in the appeal; the letter is rendered by
``deputat_crm.deputat_outgoing_letter_document`` like the notices."""
from odoo import _, api, models
from odoo.exceptions import AccessError


def _check_office_staff(env, records):
    """Only the staff of the office prints the letters it signs (and registers their numbers);
    the records must be readable by the caller."""
    if not (env.user._is_superuser() or env.user.has_group('deputat_crm.group_assistant')):
        raise AccessError(_('Only the staff of the office prints the letters of the office.'))
    records.check_access_rights('read')
    records.check_access_rule('read')


class ReportAppealAnswer(models.AbstractModel):
    _name = 'report.deputat_crm.report_appeal_answer'
    _description = 'Answer letter to the applicant'

    @api.model
    def get_report_values(self, docids, data=None):
        appeals = self.env['deputat.appeal'].browse(docids)
        _check_office_staff(self.env, appeals)
        user = self.env.user
        letters = self.env['deputat.outgoing.letter']
        for appeal in appeals.sudo():
            letters |= appeal._deputat_printed_letter('answer', user)
        return {'doc_ids': docids, 'doc_model': 'deputat.appeal', 'docs': appeals,
                'letters': letters}


class ReportAppealRequest(models.AbstractModel):
    _name = 'report.deputat_crm.report_appeal_request'
    _description = 'Request letter'

    @api.model
    def get_report_values(self, docids, data=None):
        requests = self.env['deputat.appeal.request'].browse(docids)
        _check_office_staff(self.env, requests)
        user = self.env.user
        letters = self.env['deputat.outgoing.letter']
        for request in requests.sudo():
            letters |= request.appeal_id._deputat_printed_letter('request', user, request)
        return {'doc_ids': docids, 'doc_model': 'deputat.appeal.request', 'docs': requests,
                'letters': letters}
