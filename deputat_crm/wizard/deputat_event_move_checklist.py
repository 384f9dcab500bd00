# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The events' «Move to stage…» dialog lists the open checklist items of the stage being left
and asks for the tick «Move on despite the open checklist items» before a move forward."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.deputat_event_checklist_gate import checklist_move


class DeputatEventMoveWizard(models.TransientModel):
    _inherit = 'deputat.event.move.wizard'

    checklist_open_line_ids = fields.Many2many(
        'deputat.event.checklist.line', string='Open checklist items',
        compute='_compute_checklist_open')
    checklist_open_count = fields.Integer(string='Open items',
                                          compute='_compute_checklist_open')
    checklist_confirm = fields.Boolean(string='Move on despite the open checklist items')

    @api.depends('res_id', 'transition_id')
    def _compute_checklist_open(self):
        Event = self.env['deputat.event']
        for wizard in self:
            event = wizard._record()
            transition = wizard.transition_id
            lines = self.env['deputat.event.checklist.line']
            if event and (not transition or Event._event_checklist_asks(transition)):
                lines = event._event_open_lines()
            wizard.checklist_open_line_ids = lines
            wizard.checklist_open_count = len(lines)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        event = self._record()
        transition = self.transition_id
        asks = bool(event and transition and event._event_checklist_asks(transition))
        open_lines = event._event_open_lines() if asks else []
        if open_lines and not self.checklist_confirm:
            raise UserError(_('The stage «%(stage)s» has %(count)d open checklist item(s). '
                              'Tick «Move on despite the open checklist items» to move on.')
                            % {'stage': event.stage_id.name, 'count': len(open_lines)})
        with checklist_move(interactive=True, confirmed=bool(open_lines)):
            return super(DeputatEventMoveWizard, self).action_confirm()
