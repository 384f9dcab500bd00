# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail intake: a message to the alias becomes an appeal at the first stage."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from ..lib.mail_headers import sender_authenticated
from ..lib.social_links import normalize_email
from .deputat_pipeline import engine_active, engine_writes
from .deputat_params import int_param

DAILY_LIMIT_PARAM = 'deputat_crm.intake_daily_limit'
DEFAULT_DAILY_LIMIT = 200


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (model, pipeline, robots, mail intake)

    intake_email = fields.Char(string='Sender address', readonly=True, index=True, copy=False,
                               help='The From address of the e-mail the appeal came from.')
    sender_unverified = fields.Boolean(
        string='Sender not verified', readonly=True, copy=False, track_visibility='onchange',
        help='The e-mail came from the address of a known contact, but the receiving mail '
             'server recorded no SPF/DKIM/DMARC pass for its domain: anyone may have written '
             'it in that name. Check with the person, then confirm the sender.')

    # ------------------------------------------------------------------ routing
    @api.model
    def _deputat_intake_route(self, message, message_dict, route):
        """A new appeal by e-mail (a mail gateway route): a clear error without a sender; the
        messages of one sender beyond the daily limit are parked for review; the sender's
        authentication is passed on to :meth:`message_new`."""
        model, thread_id, custom_values, user_id, alias = route
        email = normalize_email(self.env['res.partner']._parse_partner_name(
            message_dict.get('email_from') or '')[1] or '')
        if not email:
            raise UserError(_('The e-mail "%s" has no sender address (From): an appeal needs '
                              'an applicant, so it was not registered. Register it by hand '
                              'if the sender is known.') % (message_dict.get('subject') or ''))
        Appeal = self.sudo().with_context(active_test=False)
        start = fields.Datetime.to_string(fields.Datetime.from_string(
            fields.Datetime.now()).replace(hour=0, minute=0, second=0))
        received = Appeal.search_count([('intake_email', '=', email),
                                        ('create_date', '>=', start)])
        if received >= self._deputat_intake_daily_limit():
            return ('deputat.appeal.parked', False,
                    {'reason': _('More than %s e-mails from this sender today.')
                     % self._deputat_intake_daily_limit()}, user_id, alias)
        values = dict(custom_values or {}, intake_email=email,
                      deputat_sender_auth=sender_authenticated(message, email.split('@')[-1]))
        return (model, thread_id, values, user_id, alias)

    @api.model
    def _deputat_intake_daily_limit(self):
        return int_param(self.env, DAILY_LIMIT_PARAM, DEFAULT_DAILY_LIMIT)

    @api.multi
    def action_confirm_sender(self):
        """The staff checked with the person that they wrote the e-mail."""
        if not self.env.user.has_group('deputat_crm.group_assistant'):
            raise AccessError(_('Only the office staff confirm the sender of an appeal.'))
        self.check_access_rule('write')
        for appeal in self.filtered('sender_unverified'):
            with engine_writes():
                appeal.sudo().write({'sender_unverified': False})
            appeal.message_post(body=_('Sender confirmed by %s.') % self.env.user.name)
        return True

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the alias becomes an appeal: sender matched to a partner or created,
        channel e-mail, the body as the content (attachments become materials in message_post)."""
        values = dict(custom_values or {})
        authenticated = values.pop('deputat_sender_auth', None)
        if not msg_dict.get('author_id') and not msg_dict.get('email_from'):
            raise UserError(_('The e-mail has no sender address (From): an appeal needs an '
                              'applicant, so it was not registered.'))
        partner = self.env['res.partner'].browse(msg_dict.get('author_id') or [])
        known = bool(partner)
        if not partner and msg_dict.get('email_from'):
            email = self.env['res.partner']._parse_partner_name(msg_dict['email_from'])[1]
            known = bool(email and self.env['res.partner'].sudo()._deputat_find_by_email(email))
            partner = self._deputat_partner_from_email(msg_dict['email_from'])
        # a known contact's address without an authentication pass: anyone may have used it
        values['sender_unverified'] = bool(known and not authenticated)
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
        partner = Partner._deputat_find_by_email(email) if email else Partner
        if not partner:
            partner = Partner.create({'name': name or email or email_from, 'email': email})
        return partner.sudo(self.env.uid)

    @api.model
    def _deputat_intake_user(self):
        """Who gets what arrives by mail or from the site: the settings' intake assistant."""
        return self._pipeline_office_user('intake')

    @api.multi
    def write(self, vals):
        if ({'sender_unverified', 'intake_email'} & set(vals)) and not engine_active():
            raise UserError(_('The sender check is filled in by the e-mail intake; use «Confirm '
                              'sender».'))
        return super(DeputatAppeal, self).write(vals)

    @api.multi
    def message_post(self, body='', subject=None, message_type='notification', **kwargs):
        message = super(DeputatAppeal, self).message_post(
            body=body, subject=subject, message_type=message_type, **kwargs)
        if message_type == 'email' and message.attachment_ids:
            for appeal in self:
                appeal.sudo().write({'attachment_ids': [(4, a.id) for a in message.attachment_ids]})
        return message
