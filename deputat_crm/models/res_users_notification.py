# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How each user wants to hear about the tasks given to them (their own preference)."""
from odoo import fields, models

NOTIFY_MODES = [
    ('auto', 'Office default'),
    ('instant', 'Every task at once'),
    ('decisions', 'Decisions at once, the rest in the daily digest'),
    ('digest', 'Daily digest only'),
    ('none', 'No notifications'),
]


class ResUsers(models.Model):
    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_notify_mode = fields.Selection(
        NOTIFY_MODES, string='Task notifications', required=True, default='auto',
        help='How you hear about the tasks given to you by colleagues and robots (an inbox '
             'message and an e-mail). Office default: the deputy gets decisions at once and '
             'the daily digest, everybody else every task at once.')
    deputat_digest_date = fields.Date(string='Last daily digest', readonly=True, copy=False)

    def __init__(self, pool, cr):
        """The user changes the preference on their own «Preferences» form."""
        super(ResUsers, self).__init__(pool, cr)
        type(self).SELF_WRITEABLE_FIELDS = list(self.SELF_WRITEABLE_FIELDS) + [
            'deputat_notify_mode']
        type(self).SELF_READABLE_FIELDS = list(self.SELF_READABLE_FIELDS) + [
            'deputat_notify_mode']

    def _deputat_notify_mode(self):
        """The effective mode: «Office default» is decisions + digest for the deputy."""
        self.ensure_one()
        if self.deputat_notify_mode != 'auto':
            return self.deputat_notify_mode
        if self.has_group('deputat_crm.group_deputy'):
            return 'decisions'
        return 'instant'
