# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Special categories of personal data (152-FZ art. 10: health, political views, ...): a social
status can be marked as one; such statuses, the birth date and what is derived from them are
visible only to the office's roles, not to other internal users of the database. The record
rules are in security/deputat_privacy_security.xml."""
from odoo import api, fields, models

OFFICE = 'deputat_crm.group_assistant'


class DeputatSocialStatus(models.Model):
    _inherit = 'deputat.social.status'

    special_category = fields.Boolean(
        string='Special category of personal data',
        help='152-FZ art. 10 (health, political views, beliefs, ...): only the office staff '
             'see this status on a contact; other users of the database do not.')

    @api.model
    def _deputat_mark_default_special(self):
        """Mark the default health status once (install or first upgrade with this field)."""
        Param = self.env['ir.config_parameter'].sudo()
        if Param.get_param('deputat_crm.special_defaults_done'):
            return
        status = self.env.ref('deputat_crm.social_status_disabled', raise_if_not_found=False)
        if status:
            status.sudo().write({'special_category': True})
        Param.set_param('deputat_crm.special_defaults_done', '1')


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    birthdate = fields.Date(groups=OFFICE)
    age_band = fields.Selection(groups=OFFICE)
    # the stored «main» status could be a special one: the office's only
    social_status_main_id = fields.Many2one(groups=OFFICE)

    @api.model
    def _deputat_dedup_values(self, record):
        """The duplicate check compares birth dates also when a user without an office role
        opens a contact: read the date as the superuser for that comparison only (it is not
        shown)."""
        if self.env.user._is_superuser() or self.env.user.has_group(OFFICE):
            return super(ResPartner, self)._deputat_dedup_values(record)
        birthdate = record.sudo().birthdate if isinstance(record.id, int) else False
        values = super(ResPartner, self)._deputat_dedup_values(
            _DedupRecord(record, birthdate))
        return values


class _DedupRecord(object):
    """A record seen through the duplicate check: its own values, the birth date given."""

    def __init__(self, record, birthdate):
        self._record = record
        self.birthdate = birthdate

    def __getattr__(self, name):
        return getattr(self._record, name)
