# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The events' own robot: moving events to approval N weeks ahead (the engine gives «next step»
and «stage time limit»). Private methods run by ``ir.cron``; ``today`` only tests pass."""
import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

APPROVAL_WEEKS_PARAM = 'deputat_crm.event_approval_weeks'
DEFAULT_APPROVAL_WEEKS = 3


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (model, pipeline, robots)

    @api.model
    def _approval_weeks(self):
        value = self.env['ir.config_parameter'].sudo().get_param(APPROVAL_WEEKS_PARAM)
        try:
            weeks = int(value) if value else DEFAULT_APPROVAL_WEEKS
        except ValueError:
            _logger.warning('%s is not a number of weeks: %r', APPROVAL_WEEKS_PARAM, value)
            return DEFAULT_APPROVAL_WEEKS
        return weeks if weeks >= 0 else DEFAULT_APPROVAL_WEEKS

    @api.model
    def _approval_limit(self, today=None):
        """Events on or before this day are due for approval."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        return fields.Date.to_string(today + timedelta(weeks=self._approval_weeks()))

    @api.model
    def _approval_transition(self):
        """The move from the first stage to the approval stage the robot makes."""
        return self.env['deputat.event.transition'].sudo().search([
            ('from_stage_id.is_start', '=', True), ('to_stage_id.is_approval', '=', True)],
            limit=1)

    def _event_move_if_due(self, today=None):
        """Events of the first stage dated within N weeks go to approval (robot move)."""
        transition = self._approval_transition()
        if not transition:
            return self.browse()
        limit = self._approval_limit(today)
        due = self.filtered(lambda e: e.stage_id == transition.from_stage_id and e.date_event
                            and e.date_event <= limit)
        if due:
            due._pipeline_move(transition, robot=True)
        return due

    @api.model
    def _cron_move_to_approval(self, today=None, autocommit=False):
        """Daily: events still in the first stage whose date is N weeks away or closer move
        to the approval stage. Returns the count."""
        transition = self._approval_transition()
        if not transition:
            return 0
        domain = [('stage_id', '=', transition.from_stage_id.id),
                  ('date_event', '<=', self._approval_limit(today))]
        moved = 0
        for batch in self.sudo()._pipeline_batches(domain, autocommit):
            batch._pipeline_move(transition, robot=True)
            moved += len(batch)
        _logger.info('deputat.event: %d event(s) moved to approval', moved)
        return moved
