import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)


class DeputatAppealRequest(models.Model):
    """A deputy's request to an outside authority on an appeal (3-FZ art. 14). An appeal may
    have several, one after another."""
    _name = 'deputat.appeal.request'
    _description = 'Request to an authority'
    _inherit = ['mail.thread']
    _order = 'appeal_id, id'

    name = fields.Char(string='Request number', required=True, copy=False, default='/',
                       readonly=True)
    appeal_id = fields.Many2one('deputat.appeal', string='Appeal', required=True, index=True,
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
    ], string='Status', compute='_compute_state', store=True, index=True)
    overdue_notified = fields.Boolean(string='No-answer warning sent', copy=False)

    @api.depends('date_sent', 'answer_days')
    def _compute_date_due(self):
        Appeal = self.env['deputat.appeal']
        for request in self:
            request.date_due = Appeal._deputat_add_days(request.date_sent, request.answer_days)

    @api.depends('date_sent', 'date_answer')
    def _compute_state(self):
        for request in self:
            request.state = ('answered' if request.date_answer
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
        if vals.get('name', '/') in ('/', False):
            vals['name'] = self.env['ir.sequence'].next_by_code('deputat.appeal.request') or '/'
        return super(DeputatAppealRequest, self).create(vals)

    @api.model
    def cron_request_without_answer(self, today=None):
        """A request sent N (25) days ago or more and still without an answer notifies the
        appeal's responsible once. Returns how many were found."""
        Appeal = self.env['deputat.appeal']
        today = today or fields.Date.context_today(self)
        days = Appeal._deputat_param('deputat_crm.request_warning_days')
        sent_before = fields.Date.to_string(fields.Date.from_string(today) - timedelta(days=days))
        requests = self.sudo().search([('state', '=', 'sent'), ('date_sent', '<=', sent_before),
                                       ('overdue_notified', '=', False)])
        for request in Appeal._deputat_each(requests):
            request.appeal_id._deputat_activity(
                'deputat_crm.activity_type_request_overdue', request.appeal_id.user_id, today,
                _('No answer to request %s from %s for %s days') % (
                    request.name, request.partner_id.display_name, days),
                _('<p>The request was sent on %s; the answer is due on %s (3-FZ art. 14). '
                  'Call the addressee or prepare a repeat request.</p>') % (
                    request.date_sent, request.date_due))
        if requests:
            self.env.cr.execute('UPDATE deputat_appeal_request SET overdue_notified = true '
                                'WHERE id IN %s', (tuple(requests.ids),))
            requests.invalidate_cache(['overdue_notified'], requests.ids)
        _logger.info('deputat_crm robot «request without answer»: %d request(s)', len(requests))
        return len(requests)
