# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The settings of issue 9: the migration term switch (59-FZ art. 12 ч.1.1), e-mail as a 59-FZ
electronic appeal (547-FZ) and the unit of request terms. Their system parameters are in
``deputat_appeal.PARAM_DEFAULTS``, which the base screen edits field by field."""
from odoo import api, fields, models


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    migration_term_enabled = fields.Boolean(
        string='Apply the 20-day migration term',
        help="59-FZ art. 12 part 1.1 binds only the highest official of a region (the "
             "governor): a written appeal with information on possible violations of migration "
             "law is answered within 20 days. A deputy's office leaves it off.")
    email_is_electronic = fields.Boolean(
        string='E-mails are 59-FZ electronic appeals',
        help='Since 30.03.2025 (547-FZ) an electronic appeal comes through the Gosuslugi '
             "portal, the body's system or its website with identification, not by e-mail. "
             'Tick only if the office decided to treat e-mails as electronic appeals.')
    request_working_days = fields.Boolean(
        string='Request terms in working days',
        help='Regional laws may set the term of an answer to a deputy\'s request in working '
             'days (Samara: 5). An authority may carry its own term; each request may '
             'override it.')

    @api.multi
    def action_save(self):
        result = super(DeputatSettings, self).action_save()
        # a changed term or switch: the open appeals are recounted
        self.env['deputat.appeal']._deputat_recompute_open_deadlines()
        return result
