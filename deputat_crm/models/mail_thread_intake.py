# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mail gateway hardening for the appeal intake: raw UTF-8 headers (RFC 6532, common from
Russian mail clients) are made readable before Odoo 11 parses them, and a new appeal by e-mail
goes through :meth:`deputat.appeal._deputat_intake_route` (sender check, daily limit)."""
import xmlrpc.client

from odoo import api, models

from ..lib.mail_headers import encode_raw_utf8_headers


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.model
    def message_process(self, model, message, custom_values=None, save_original=False,
                        strip_attachments=False, thread_id=None):
        if isinstance(message, xmlrpc.client.Binary):
            message = bytes(message.data)
        message = encode_raw_utf8_headers(message)
        return super(MailThread, self).message_process(
            model, message, custom_values=custom_values, save_original=save_original,
            strip_attachments=strip_attachments, thread_id=thread_id)

    def message_route_process(self, message, message_dict, routes):
        checked = []
        for route in routes or ():
            if route[0] == 'deputat.appeal' and not route[1]:
                route = self.env['deputat.appeal']._deputat_intake_route(
                    message, message_dict, route)
            checked.append(route)
        return super(MailThread, self).message_route_process(message, message_dict, checked)
