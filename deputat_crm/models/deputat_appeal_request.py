# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class DeputatAppealRequest(models.Model):
    """A deputy's request to an outside authority on an appeal (3-FZ art. 14). An appeal may
    have several, one after another."""
    _name = 'deputat.appeal.request'
    _description = 'Request to an authority'
    _inherit = ['mail.thread']
    _order = 'appeal_id, id'

    name = fields.Char(string='Request number', required=True, copy=False, default='/',
                       readonly=True, index=True)
    appeal_id = fields.Many2one('deputat.appeal', required=True, index=True,
                                ondelete='cascade')
    appeal_partner_id = fields.Many2one(related='appeal_id.partner_id', string='Applicant',
                                        readonly=True)
    user_id = fields.Many2one(related='appeal_id.user_id', string='Responsible', readonly=True,
                              store=True)
    partner_id = fields.Many2one('res.partner', string='Addressee', required=True,
                                 help='Ministry, administration, prosecutor ...')
    text = fields.Html(string='Request text')
    attachment_ids = fields.Many2many('ir.attachment', 'deputat_appeal_request_attachment_rel',
                                      'request_id', 'attachment_id', string='Attachments')
    date_sent = fields.Date(string='Sent on', index=True, copy=False, track_visibility='onchange')
    answer_days = fields.Integer(
        string='Answer term (days)',
        default=lambda self: self.env['deputat.appeal']._deputat_param(
            'deputat_crm.request_answer_days'))
    date_due = fields.Date(string='Answer due', compute='_compute_date_due', store=True,
                           index=True)
    date_answer = fields.Date(string='Answer received on', copy=False,
                              track_visibility='onchange')
    answer = fields.Text(string='Answer of the authority')
    deputy_resolution = fields.Text(string='Deputy resolution')
    deputy_decision = fields.Selection([
        ('answer', 'Answer the applicant'),
        ('new_request', 'Another request'),
    ], string='Deputy decision', copy=False)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('sent', 'Sent, waiting for the answer'),
        ('answered', 'Answer received'),
        ('cancelled', 'Cancelled'),
    ], string='Status', compute='_compute_state', store=True, index=True)
    cancelled = fields.Boolean(readonly=True, copy=False)
    cancel_reason = fields.Text(string='Cancellation reason', copy=False)
    overdue_notified = fields.Boolean(string='No-answer warning sent', copy=False, readonly=True)

    @api.depends('date_sent', 'answer_days')
    def _compute_date_due(self):
        Appeal = self.env['deputat.appeal']
        for request in self:
            request.date_due = Appeal._deputat_add_days(request.date_sent, request.answer_days)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'The number of a request must be unique.'),
    ]

    @api.depends('date_sent', 'date_answer', 'cancelled')
    def _compute_state(self):
        for request in self:
            request.state = ('cancelled' if request.cancelled
                             else 'answered' if request.date_answer
                             else 'sent' if request.date_sent else 'draft')

    @api.constrains('date_sent', 'date_answer')
    def _check_dates(self):
        for request in self:
            if request.date_answer and not request.date_sent:
                raise ValidationError(_('A request cannot be answered before it is sent.'))
            if request.date_answer and request.date_answer < request.date_sent:
                raise ValidationError(_('The answer to a request cannot be dated before the '
                                        'request was sent.'))

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('name', '/') not in ('/', False) or vals.get('cancelled'):
            raise UserError(_('The number and the cancellation of a request are set by the '
                              'office, not by hand.'))
        vals['name'] = self.env['ir.sequence'].sudo().next_by_code(
            'deputat.appeal.request') or '/'
        return super(DeputatAppealRequest, self).create(vals)

    @api.multi
    def write(self, vals):
        if {'name', 'cancelled'} & set(vals):
            raise UserError(_('The number and the cancellation of a request are set by the '
                              'office, not by hand.'))
        if self.filtered('date_sent') and {'appeal_id', 'partner_id', 'date_sent'} & set(vals):
            if not self.env.user._is_superuser():
                raise UserError(_('A request already sent cannot change its appeal, addressee '
                                  'or sending date.'))
        res = super(DeputatAppealRequest, self).write(vals)
        if vals.get('date_answer'):
            # the answer came: the «no answer» reminders of these requests are moot
            for request in self:
                request.appeal_id._pipeline_close_tasks(
                    kinds=('request',), key=request._request_key(),
                    feedback=_('Closed automatically: the answer to the request was recorded.'))
        return res

    @api.multi
    def unlink(self):
        if self.filtered('date_sent'):
            raise UserError(_('A request already sent to an authority cannot be deleted; '
                              'cancel it with a reason instead.'))
        return super(DeputatAppealRequest, self).unlink()

    @api.multi
    def action_cancel(self):
        """Cancel a request (e.g. sent by mistake) with the reason given on the form."""
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_lawyer')):
            raise UserError(_('Only the lawyer, the deputy or the office head cancels a '
                              'request.'))
        for request in self:
            if request.date_answer:
                raise UserError(_('The request %s is already answered.') % request.name)
            if not (request.cancel_reason or '').strip():
                raise UserError(_('Give the reason of the cancellation in «Cancellation '
                                  'reason» first.'))
        super(DeputatAppealRequest, self).write({'cancelled': True})
        for request in self:
            request.appeal_id._pipeline_close_tasks(
                kinds=('request',), key=request._request_key(),
                feedback=_('Closed automatically: the request was cancelled.'))
            request.message_post(body=_('Request cancelled: %s') % request.cancel_reason)
        return True
