from odoo import fields, models


class MailActivity(models.Model):
    """Marks the activities the appeal and event robots create, so that they can be found (no
    duplicates on a re-run) and closed when the record leaves the stage."""
    _inherit = 'mail.activity'

    deputat_robot = fields.Selection([
        ('stage', 'Appeal stage task'),
        ('checklist', 'Stage checklist'),
        ('overdue', 'Stage overdue'),
    ], string='Robot', readonly=True, index=True,
        help='Set on the activities created by the deputat_crm robots.')
    deputat_event_stage_id = fields.Many2one('deputat.event.stage', string='Event stage',
                                             readonly=True, ondelete='set null')
