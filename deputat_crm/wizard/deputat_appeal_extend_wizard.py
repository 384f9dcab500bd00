from odoo import api, fields, models


class DeputatAppealExtendWizard(models.TransientModel):
    """Extend the answer term once (59-FZ art. 12 part 2)."""
    _name = 'deputat.appeal.extend.wizard'
    _description = 'Extend the answer term'

    appeal_id = fields.Many2one('deputat.appeal', required=True)
    days = fields.Integer(string='Extension (days)', required=True, default=30)
    reason = fields.Text(string='Extension reason', required=True)

    @api.multi
    def action_extend(self):
        self.ensure_one()
        self.appeal_id._extend_deadline(self.days, self.reason)
        return {'type': 'ir.actions.act_window_close'}
