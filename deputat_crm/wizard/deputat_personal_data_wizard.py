# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A person's data (152-FZ art. 14 and 21), from the contact, for the office head: export all
the person's data (a JSON file and a PDF), or execute a deletion request: what the law does not
require to keep is erased, with the reason recorded in the audit log."""
import base64
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

CONTACT_FIELDS = ('name', 'email', 'phone', 'mobile', 'street', 'street2', 'zip', 'city',
                  'birthdate', 'vk_url', 'facebook_url', 'instagram_url', 'pd_legal_basis',
                  'pd_legal_basis_date', 'mailing_opt_in', 'mailing_opt_in_date', 'comment')
APPEAL_FIELDS = ('name', 'subject', 'date_received', 'date_registered', 'description',
                 'date_answer', 'answer_text', 'final_result', 'confidential')


def _plain(value):
    if isinstance(value, models.BaseModel):
        return value.mapped('display_name') if len(value) != 1 else value.display_name
    return value


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.multi
    def _deputat_personal_data(self):
        """All the office holds on the person (read as the superuser: the office head asked)."""
        self.ensure_one()
        partner = self.sudo().with_context(active_test=False)
        Appeal = self.env['deputat.appeal'].sudo().with_context(active_test=False)
        appeals = Appeal.search(partner._deputat_appeal_domain(), order='date_received, id')
        events = self.env['deputat.event'].sudo().search(partner._deputat_event_domain())
        lists = self.env['mail.mass_mailing.contact'].sudo().search(
            [('email', '=ilike', partner.email_normalized)]) if partner.email_normalized else []
        return {
            'contact': {name: _plain(partner[name]) for name in CONTACT_FIELDS
                        if name in partner._fields},
            'social_statuses': partner.social_status_ids.mapped('name'),
            'territory': partner.territory_id.display_name or None,
            'appeals': [dict({name: _plain(appeal[name]) for name in APPEAL_FIELDS},
                             topic=appeal.topic_id.display_name or None,
                             stage=appeal.stage_id.display_name,
                             requests=[{'name': r.name, 'addressee': r.partner_id.display_name,
                                        'date_sent': r.date_sent, 'date_answer': r.date_answer}
                                       for r in appeal.request_ids])
                        for appeal in appeals],
            'events': [{'name': e.name, 'date_start': e.date_start} for e in events],
            'mailing_lists': sorted(set(name for contact in lists
                                        for name in contact.list_ids.mapped('name'))),
        }


class DeputatPersonalDataWizard(models.TransientModel):
    _name = 'deputat.personal.data.wizard'
    _description = "A person's data: export or deletion request"

    partner_id = fields.Many2one('res.partner', string='Contact', required=True,
                                 ondelete='cascade')
    reason = fields.Text(string='Reason of the deletion',
                         help='The request of the person (date, how it came) or another legal '
                              'ground; kept in the audit log.')
    export_file = fields.Binary(string='Machine-readable file', readonly=True, attachment=False)
    export_name = fields.Char(string='File name', readonly=True)

    def _check_office_head(self):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('deputat_crm.group_office_head')):
            raise AccessError(_("Only the office head exports or deletes a person's data."))

    @api.multi
    def action_export(self):
        """The JSON file in the dialog; the audit log records the export."""
        self.ensure_one()
        self._check_office_head()
        data = self.partner_id._deputat_personal_data()
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        self.write({'export_file': base64.b64encode(text.encode('utf-8')),
                    'export_name': 'personal-data-%d.json' % self.partner_id.id})
        self.env['deputat.audit.log']._log(self.partner_id, 'export')
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new'}

    @api.multi
    def action_print(self):
        self.ensure_one()
        self._check_office_head()
        self.env['deputat.audit.log']._log(self.partner_id, 'export', note='PDF')
        return self.env.ref('deputat_crm.action_report_personal_data').report_action(
            self.partner_id)

    @api.multi
    def action_erase(self):
        """Execute a deletion request (152-FZ art. 21): expired closed appeals are anonymised;
        appeals the law still requires to keep keep the applicant; everything else on the
        contact (segmentation, birth date, networks, consent, mailing lists) is erased; with
        nothing left, the contact itself is anonymised."""
        self.ensure_one()
        self._check_office_head()
        reason = (self.reason or '').strip()
        if not reason:
            raise UserError(_('Enter the reason of the deletion (the request of the person or '
                              'another legal ground).'))
        partner = self.partner_id.sudo().with_context(active_test=False)
        self.env['deputat.audit.log']._log(partner, 'erase', note=reason)
        Appeal = self.env['deputat.appeal'].sudo().with_context(active_test=False)
        expired = Appeal.search(partner._deputat_appeal_domain() + Appeal._retention_domain())
        expired._retention_anonymise(note=reason)
        kept = Appeal.search_count(partner._deputat_appeal_domain())
        if kept or partner.user_ids or partner.is_company:
            email = partner.email_normalized
            partner.with_context(mail_notrack=True).write({
                'birthdate': False, 'vk_url': False, 'facebook_url': False,
                'instagram_url': False, 'social_status_ids': [(5,)], 'audience_ids': [(5,)],
                'contact_referrer_id': False, 'mailing_opt_in': False,
                'mailing_opt_in_date': False, 'comment': False, 'image': False})
            if email:
                self.env['mail.mass_mailing.contact'].sudo().search(
                    [('email', '=ilike', email)]).unlink()
            partner.message_post(body=_('Deletion request executed: %(reason)s. Kept: %(count)s '
                                        'appeal(s) the law requires to keep.') % {
                'reason': reason, 'count': kept})
        else:
            partner._deputat_erase_personal_data(_('Anonymised contact'))
        return {'type': 'ir.actions.act_window_close'}


class ReportPersonalData(models.AbstractModel):
    """The PDF renders a person's data for the office head only, however it is called."""
    _name = 'report.deputat_crm.report_personal_data'
    _description = "Report: a person's data"

    @api.model
    def get_report_values(self, docids, data=None):
        self.env['deputat.personal.data.wizard']._check_office_head()
        docs = self.env['res.partner'].sudo().browse(docids)
        return {'doc_ids': docids, 'doc_model': 'res.partner', 'docs': docs,
                'personal_data': {doc.id: doc._deputat_personal_data() for doc in docs}}
