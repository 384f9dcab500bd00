from odoo import _, api, fields, models
from odoo.exceptions import UserError


class DeputatEventCancel(models.TransientModel):
    """Asks for «Причина отмены мероприятия» (and the details for «Other») and moves the events
    to the cancellation stage in one go."""
    _name = 'deputat.event.cancel'
    _table = 'deputat_event_cancel_wizard'  # field XML ids: see readme/DEVELOP.md
    _description = 'Cancel events'

    event_ids = fields.Many2many('deputat.event', string='Events',
                                 default=lambda self: self._default_event_ids())
    reason_id = fields.Many2one('deputat.event.cancel.reason', string='Event cancellation reason',
                                required=True)
    require_detail = fields.Boolean(related='reason_id.require_detail', readonly=True)
    detail = fields.Text(string='Cancellation reason in detail')

    @api.model
    def _default_event_ids(self):
        if self.env.context.get('active_model') == 'deputat.event':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        Transition = self.env['deputat.event.transition']
        for event in self.event_ids:
            transition = Transition.search([('from_stage_id', '=', event.stage_id.id),
                                            ('to_stage_id.is_cancel', '=', True)], limit=1)
            if not transition:
                raise UserError(_('The event «%(event)s» cannot be cancelled from the stage '
                                  '«%(stage)s».')
                                % {'event': event.name, 'stage': event.stage_id.name})
            event._pipeline_move(transition, {'cancel_reason_id': self.reason_id.id,
                                              'cancel_reason_detail': self.detail or False})
        return {'type': 'ir.actions.act_window_close'}
