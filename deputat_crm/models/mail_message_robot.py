# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""«Робот приёмной» as the author of what the system writes.

Robots run as the superuser (crons, the engine's sudo work), so their messages came from
«YourCompany, Administrator». When the superuser writes outside of a superuser's own web
session, the author is the partner ``deputat_crm.partner_office_robot`` (its own avatar) and
the sender the office's address. People write as themselves."""
from email.utils import formataddr

from odoo import SUPERUSER_ID, api, fields, models
from odoo.http import request

ROBOT_PARTNER = 'deputat_crm.partner_office_robot'


class MailMessage(models.Model):
    _inherit = 'mail.message'

    # mail.message's defaults are its own functions: through the methods, the overrides count
    email_from = fields.Char(default=lambda self: self._get_default_from())
    author_id = fields.Many2one(default=lambda self: self._get_default_author())

    @api.model
    def _deputat_robot_author(self):
        """The robot's partner when the system writes, else None."""
        if self.env.uid != SUPERUSER_ID:
            return None
        if request and request.session.uid == SUPERUSER_ID:
            return None  # the administrator at work in the web client
        return self.env.ref(ROBOT_PARTNER, raise_if_not_found=False)

    @api.model
    def _get_default_author(self):
        return self._deputat_robot_author() or super(MailMessage, self)._get_default_author()

    @api.model
    def _get_default_from(self):
        robot = self._deputat_robot_author()
        email = robot and (self.env.user.company_id.email or robot.email)
        if email:
            return formataddr((robot.name, email))
        return super(MailMessage, self)._get_default_from()
