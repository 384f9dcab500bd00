# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .deputat_pipeline import ROBOT_KINDS


class MailActivity(models.Model):
    """Marks the activities the pipeline engine and the robots create, so that a re-run finds
    them (no duplicates) and a move closes the ones it made moot."""
    _inherit = 'mail.activity'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_robot = fields.Selection(ROBOT_KINDS, string='Robot', readonly=True, index=True,
                                     help='Set on the activities created by the deputat_crm '
                                          'robots.')
    deputat_task_key = fields.Char(
        string='Robot task key', readonly=True, index=True,
        help='The stage task (or request) the activity was created for.')
