# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mails parked by the intake (over the daily limit of one sender): kept with their text and
attachments in the chatter, for the staff to review, instead of becoming appeals."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html2plaintext


class DeputatAppealParked(models.Model):
    _name = 'deputat.appeal.parked'
    _description = 'Parked incoming e-mail'
    _inherit = ['mail.thread']
    _order = 'id desc'

    name = fields.Char(string='Subject', readonly=True)
    email_from = fields.Char(string='Sender', readonly=True, index=True)
    reason = fields.Char(string='Why parked', readonly=True)
    state = fields.Selection([('parked', 'To review'), ('done', 'Reviewed')], default='parked',
                             required=True, readonly=True, track_visibility='onchange')
    appeal_id = fields.Many2one('deputat.appeal', readonly=True)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = {'name': msg_dict.get('subject') or _('(no subject)'),
                  'email_from': msg_dict.get('email_from'),
                  'reason': (custom_values or {}).get('reason')}
        return super(DeputatAppealParked, self.sudo()).message_new(msg_dict, values)

    def _check_staff(self):
        if not self.env.user.has_group('deputat_crm.group_assistant'):
            raise AccessError(_('Only the office staff review parked e-mails.'))

    @api.multi
    def action_create_appeal(self):
        """Register the parked e-mail as an appeal after all."""
        self._check_staff()
        self.check_access_rule('write')
        Appeal = self.env['deputat.appeal']
        for parked in self.filtered(lambda p: p.state == 'parked'):
            message = parked.message_ids.filtered(lambda m: m.message_type == 'email')[-1:]
            partner = message.author_id or Appeal._deputat_partner_from_email(parked.email_from)
            appeal = Appeal.create({
                'subject': parked.name, 'partner_id': partner.id,
                'description': html2plaintext(message.body or ''),
                'appeal_form': 'electronic',
                'channel_id': self.env.ref('deputat_crm.channel_email').id,
                'attachment_ids': [(6, 0, message.attachment_ids.ids)],
                'intake_email': parked.email_from, 'sender_unverified': True,
            })
            parked.sudo().write({'state': 'done', 'appeal_id': appeal.id})
        return True

    @api.multi
    def action_mark_reviewed(self):
        self._check_staff()
        self.check_access_rule('write')
        self.sudo().write({'state': 'done'})
        return True
