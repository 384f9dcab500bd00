from odoo import fields, models


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    deputat_robot = fields.Boolean(
        string='Created by an appeal robot', index=True,
        help='Stage activities created by the appeal robots; closed when the appeal leaves the stage.')
