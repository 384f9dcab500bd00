from odoo import fields, models


class DeputatAppealAnswerMethod(models.Model):
    """How the answer reaches the applicant (post, e-mail, in person ...)."""
    _name = 'deputat.appeal.answer.method'
    _table = 'deputat_conf_answer_method'  # field XML ids: see readme/DEVELOP.md
    _description = 'Answer method'
    _order = 'sequence, name'

    name = fields.Char(string='Answer method', required=True, translate=True)
    code = fields.Char(string='Technical code')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
