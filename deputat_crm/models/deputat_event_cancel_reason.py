from odoo import fields, models


class DeputatEventCancelReason(models.Model):
    """«Причина отмены мероприятия»: a configurable list; «Other» asks for the details."""
    _name = 'deputat.event.cancel.reason'
    _table = 'deputat_conf_cancel_reason'  # field XML ids: see readme/DEVELOP.md
    _description = 'Event cancellation reason'
    _order = 'sequence, id'

    name = fields.Char(string='Reason', required=True, translate=True)
    sequence = fields.Integer(default=10)
    require_detail = fields.Boolean(
        string='Requires details',
        help='With this reason (e.g. «Other») the detailed reason must be filled in.')
    active = fields.Boolean(default=True)
