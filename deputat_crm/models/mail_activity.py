from odoo import fields, models


class MailActivity(models.Model):
    """Marks the activities the event robots create, so that they can be found (no duplicates)
    and closed when the event leaves the stage."""
    _inherit = 'mail.activity'

    deputat_robot = fields.Selection([
        ('checklist', 'Stage checklist'),
        ('overdue', 'Stage overdue'),
    ], string='Event robot', readonly=True, index=True)
    deputat_event_stage_id = fields.Many2one('deputat.event.stage', string='Event stage',
                                             readonly=True, ondelete='set null')
