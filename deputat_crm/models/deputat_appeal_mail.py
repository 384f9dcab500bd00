# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail intake: a message to the alias becomes an appeal at the first stage."""
from odoo import SUPERUSER_ID, api, models
from odoo.tools import html2plaintext


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (model, pipeline, robots, mail intake)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the alias becomes an appeal: sender matched to a partner or created,
        channel e-mail, the body as the content (attachments become materials in message_post)."""
        values = dict(custom_values or {})
        partner = self.env['res.partner'].browse(msg_dict.get('author_id') or [])
        if not partner and msg_dict.get('email_from'):
            partner = self._deputat_partner_from_email(msg_dict['email_from'])
        channel = self.env.ref('deputat_crm.channel_email', raise_if_not_found=False)
        values.update({
            'subject': msg_dict.get('subject') or False,
            'partner_id': partner.id,
            'description': html2plaintext(msg_dict.get('body') or ''),
            'appeal_form': 'electronic',
            'channel_id': channel.id if channel else False,
            'user_id': values.get('user_id') or self._deputat_intake_user().id,
        })
        return super(DeputatAppeal, self).message_new(msg_dict, custom_values=values)

    @api.model
    def _deputat_partner_from_email(self, email_from):
        """The partner of an e-mail sender: found by address, else created with the
        sender's display name (Odoo 11's find_or_create would name it after the address)."""
        Partner = self.env['res.partner'].sudo()
        name, email = Partner._parse_partner_name(email_from)
        partner = Partner.search([('email', '=ilike', email)], limit=1) if email else Partner
        if not partner:
            partner = Partner.create({'name': name or email or email_from, 'email': email})
        return partner.sudo(self.env.uid)

    @api.model
    def _deputat_intake_user(self):
        key = 'deputat_crm.intake_user_id'
        value = self.env['ir.config_parameter'].sudo().get_param(key)
        Users = self.env['res.users'].sudo()
        user = Users.browse(int(value)).exists() if value and value.isdigit() else Users
        return user or Users.search(
            [('groups_id', 'in', self.env.ref('deputat_crm.group_assistant').id),
             ('id', '!=', SUPERUSER_ID)], order='id', limit=1)

    @api.multi
    def message_post(self, body='', subject=None, message_type='notification', **kwargs):
        message = super(DeputatAppeal, self).message_post(
            body=body, subject=subject, message_type=message_type, **kwargs)
        if message_type == 'email' and message.attachment_ids:
            for appeal in self:
                appeal.sudo().write({'attachment_ids': [(4, a.id) for a in message.attachment_ids]})
        return message
