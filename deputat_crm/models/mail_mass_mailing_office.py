# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mass mailings in the office: the office head creates and sends mailings (and deletes lists);
an assistant prepares them but cannot put them in the sending queue."""
from odoo import _, api, models
from odoo.exceptions import AccessError

SENDING_STATES = ('in_queue', 'sending', 'done')


class MassMailing(models.Model):
    _inherit = 'mail.mass_mailing'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def _deputat_check_sender(self):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('mass_mailing.group_mass_mailing_user')):
            raise AccessError(_('Only the office head sends mailings; an assistant prepares '
                                'them.'))

    @api.multi
    def write(self, vals):
        if vals.get('state') in SENDING_STATES:
            self._deputat_check_sender()
        return super(MassMailing, self).write(vals)

    @api.multi
    def put_in_queue(self):
        self._deputat_check_sender()
        return super(MassMailing, self).put_in_queue()

    @api.multi
    def send_mail(self, res_ids=None):
        self._deputat_check_sender()
        return super(MassMailing, self).send_mail(res_ids=res_ids)
