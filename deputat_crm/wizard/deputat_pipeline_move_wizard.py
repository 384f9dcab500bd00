# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""«Move to stage…»: one dialog per pipeline listing only the moves the current user may make
and asking for exactly the fields the chosen move requires."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class DeputatPipelineMoveMixin(models.AbstractModel):
    _name = 'deputat.pipeline.move.mixin'
    _description = 'Move to stage (dialog)'
    _record_model = None
    # the record fields this dialog can ask for (each is also a field of the wizard)
    _ask_fields = ()

    res_id = fields.Integer(string='Record', required=True,
                            default=lambda self: self.env.context.get('default_res_id'))
    stage_name = fields.Char(string='Current stage', compute='_compute_stage_name')
    required_names = fields.Char(compute='_compute_required_names')
    other_required = fields.Char(
        string='Fill in on the form first', compute='_compute_required_names',
        help='Fields the move requires that this dialog does not ask for.')
    help_text = fields.Text(string='Hint', compute='_compute_required_names')

    def _record(self):
        return self.env[self._record_model].browse(self.res_id or self.env.context.get(
            'default_res_id')).exists()

    def _transition_domain(self):
        record = self._record()
        ids = record._pipeline_transitions().ids if record else []
        return [('id', 'in', ids)]

    @api.model
    def default_get(self, field_names):
        res = super(DeputatPipelineMoveMixin, self).default_get(field_names)
        record = self._record()
        if record:
            transitions = record._pipeline_transitions()
            if len(transitions) == 1 and 'transition_id' in field_names:
                res['transition_id'] = transitions.id
            for name in self._ask_fields:
                if name in field_names and record[name]:
                    value = record[name]
                    res[name] = value.id if isinstance(value, models.BaseModel) else value
        return res

    @api.depends('res_id')
    def _compute_stage_name(self):
        for wizard in self:
            wizard.stage_name = wizard._record().stage_id.name

    @api.depends('transition_id')
    def _compute_required_names(self):
        for wizard in self:
            names = wizard.transition_id._required_fields() if wizard.transition_id else []
            asked = [name for name in names if name in self._ask_fields]
            other = [name for name in names if name not in self._ask_fields]
            wizard.required_names = ',%s,' % ','.join(asked)
            record = wizard._record()
            wizard.other_required = ', '.join(
                '«%s»' % record._pipeline_label(name)
                for name in other if not record[name]) or False
            wizard.help_text = wizard.transition_id.help_text or False

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        record = self._record()
        if not record:
            raise UserError(_('The record no longer exists.'))
        transition = self.transition_id
        if not transition or transition not in record._pipeline_transitions():
            raise UserError(_('Choose one of the moves offered for the stage «%s».')
                            % record.stage_id.name)
        vals = {}
        required = transition._required_fields()
        for name in required + list(record._pipeline_move_extra_fields):
            if name in self._ask_fields and (name in required or self[name]):
                value = self[name]
                vals[name] = value.id if isinstance(value, models.BaseModel) else value
        record._pipeline_move(transition, vals)
        return {'type': 'ir.actions.act_window_close'}


class DeputatAppealMoveWizard(models.TransientModel):
    _name = 'deputat.appeal.move.wizard'
    _inherit = 'deputat.pipeline.move.mixin'
    _description = 'Move an appeal to another stage'
    _record_model = 'deputat.appeal'
    _ask_fields = ('refusal_ground_id', 'forward_partner_id', 'deputy_comment',
                   'authority_answer_date', 'authority_answer', 'date_answer', 'answer_method_id',
                   'final_result', 'no_answer_reason')

    transition_id = fields.Many2one('deputat.appeal.transition', string='Move',
                                    domain=lambda self: self._transition_domain())
    refusal_ground_id = fields.Many2one('deputat.appeal.refusal.ground',
                                        string='Reason for refusal')
    forward_partner_id = fields.Many2one('res.partner', string='Forwarded to')
    deputy_comment = fields.Text(string='Deputy comment on the appeal')
    authority_answer_date = fields.Date(string="Date of the authority's answer")
    authority_answer = fields.Text(string='Answer of the authority')
    date_answer = fields.Date(string='Date of answer to the applicant')
    answer_method_id = fields.Many2one('deputat.appeal.answer.method',
                                       string='Method of answer to the applicant')
    final_result = fields.Selection(
        selection=lambda self: self.env['deputat.appeal']._fields['final_result'].selection,
        string='Final result')
    no_answer_reason = fields.Text(string='Why no answer is required')


class DeputatEventMoveWizard(models.TransientModel):
    _name = 'deputat.event.move.wizard'
    _inherit = 'deputat.pipeline.move.mixin'
    _description = 'Move an event to another stage'
    _record_model = 'deputat.event'
    _ask_fields = ('accompanying_user_id', 'results', 'cancel_reason_id', 'cancel_reason_detail')

    transition_id = fields.Many2one('deputat.event.transition', string='Move',
                                    domain=lambda self: self._transition_domain())
    accompanying_user_id = fields.Many2one('res.users', string='Accompanying person')
    results = fields.Text(string='Event results')
    cancel_reason_id = fields.Many2one('deputat.event.cancel.reason',
                                       string='Event cancellation reason')
    cancel_reason_detail = fields.Text(string='Cancellation reason in detail')
