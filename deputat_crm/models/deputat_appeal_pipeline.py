# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How appeals use the pipeline engine: roles, protected fields, the gates that need code, the
values a stage sets and what a move does besides the stage tasks. Which moves exist, who may
make them and what they ask for is data (``data/deputat_appeal_pipeline_data.xml``)."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.notice_kinds import notice_task_key
from .deputat_pipeline import engine_writes, format_date

# the registration decision implied by the stage an appeal leaves the registration for
DECISION_BY_STAGE = {
    'deputy_resolution': 'merits',
    'contact_wait': 'contact_request',
    'refused': 'refusal',
    'forwarded': 'forward',
}


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'

    _pipeline_stage_model = 'deputat.appeal.stage'
    _pipeline_transition_model = 'deputat.appeal.transition'
    _pipeline_task_model = 'deputat.appeal.stage.task'
    _pipeline_wizard_model = 'deputat.appeal.move.wizard'
    _pipeline_role_fields = {'responsible': 'user_id', 'lawyer': 'lawyer_id'}
    _pipeline_role_fallback = {'lawyer': 'responsible'}
    _pipeline_protected_fields = (
        'name', 'refused', 'final_result', 'registration_decision', 'need_request',
        'no_answer_required', 'date_forwarded', 'extension_days', 'extension_reason',
        'date_extended', 'reminder_deadline', 'escalation_date')

    @api.model
    def _pipeline_role_selection(self):
        return [
            ('responsible', _('Responsible employee')),
            ('lawyer', _('Lawyer')),
            ('deputy', _('Deputy')),
            ('office_head', _('Office head')),
        ]

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        pipeline = self.env.context.get('default_pipeline')
        search_domain = [('pipeline', '=', pipeline)] if pipeline else []
        return stages.search(search_domain, order=order)

    # ------------------------------------------------------------------ engine hooks
    def _pipeline_check_gates(self, transition):
        """The rules that need more than a filled field."""
        source, target = transition.from_stage_id.code, transition.to_stage_id.code
        if source == 'request_prepare' and target in ('request_approval', 'request_sent'):
            if not self.request_ids.filtered(lambda r: not r.date_sent and not r.cancelled):
                raise UserError(_('Prepare the request (addressee and text) on the tab '
                                  '«Requests» before moving on.'))
        if target == 'request_review' and not self._last_sent_request().date_answer:
            raise UserError(_('Record the answer to the request (date of answer) first.'))

    def _pipeline_entry_values(self, transition):
        source, target = transition.from_stage_id.code, transition.to_stage_id.code
        today = fields.Date.context_today(self)
        values = {}
        if source in ('new', 'contact_wait') and target in DECISION_BY_STAGE:
            values['registration_decision'] = DECISION_BY_STAGE[target]
        if source == 'deputy_resolution' and target in ('request_prepare', 'answer_prepare'):
            values['need_request'] = target == 'request_prepare'
        if source == 'request_review' and target == 'answer_prepare':
            values['need_request'] = False
        if target == 'refused':
            # art. 11: a notice is an answer to the author; without one (ч.1) none is given
            values.update(refused=True, final_result='answered'
                          if self.refusal_ground_id.notice_required else 'no_answer')
        elif target == 'forwarded':
            values.update(final_result='forwarded', date_forwarded=today)
        elif target == 'no_answer':
            values.update(no_answer_required=True, final_result='no_answer')
        elif target == 'answer_sent' and not self.date_answer:
            values['date_answer'] = today
        return values

    def _pipeline_after_move(self, transition):
        source, target = transition.from_stage_id.code, transition.to_stage_id.code
        today = fields.Date.context_today(self)
        for appeal in self:
            if target == 'request_sent':
                appeal.request_ids.filtered(
                    lambda r: not r.date_sent and not r.cancelled).write({'date_sent': today})
            if source == 'request_review':
                decision = 'new_request' if target == 'request_prepare' else 'answer'
                appeal._last_sent_request().write({'deputy_decision': decision})
            if target == 'refused' and appeal.refusal_ground_id.notice_required:
                appeal._deputat_notice_task(
                    appeal._deputat_add_days(appeal.date_registered,
                                             appeal.refusal_ground_id.notice_days),
                    _('Notify the applicant of the refusal (%s)')
                    % (appeal.refusal_ground_id.article or appeal.refusal_ground_id.name),
                    appeal.refusal_ground_id.with_context(  # the language of the summary
                        lang=self.env.lang or self.env.user.lang).notice_text, kind='refusal')
            if target == 'forwarded':
                if appeal.date_forwarded > appeal.forward_deadline:
                    appeal.message_post(body=_(
                        'Forwarded late: 59-FZ art. 8 part 3 requires forwarding within '
                        '%(days)s days of registration (by %(deadline)s).') % {
                        'days': self._deputat_param('deputat_crm.forward_days'),
                        'deadline': format_date(appeal.forward_deadline)})
                appeal._deputat_notice_task(
                    appeal.forward_deadline,
                    _('Notify the applicant that the appeal was forwarded to %s')
                    % appeal.forward_partner_id.display_name, kind='forwarding')

    def _deputat_notice_task(self, deadline, summary, note=False, kind=False):
        """A task to notify the applicant (refusal, forwarding, extension) for the
        responsible employee; ``kind``: the notice that closes it (notice_task_key)."""
        self.ensure_one()
        user = self._pipeline_role_users('responsible')
        if not user:
            return
        self._pipeline_create_tasks([self._pipeline_task_values(
            user, 'notice', summary, note and '<p>%s</p>' % note, deadline,
            'deputat_crm.mail_activity_type_notice', key=kind and notice_task_key(kind))])

    # ------------------------------------------------------------------ extension
    @api.multi
    def action_open_extend_wizard(self):
        self.ensure_one()
        self._check_may_extend()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Extend the answer term'),
            'res_model': 'deputat.appeal.extend.wizard',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_appeal_id': self.id},
        }

    def _check_may_extend(self):
        if not (self.env.user._is_superuser()
                or self.env.user.has_group('deputat_crm.group_lawyer')):
            raise AccessError(_('Only the lawyer, the deputy or the office head extends the '
                                'answer term.'))

    def _extend_deadline(self, days, reason):
        """59-FZ art. 12 part 2: extend the answer term once, by at most 30 days, with a reason
        and a notice to the applicant. The only way ``extension_days`` is written."""
        self._check_may_extend()
        max_days = self._deputat_param('deputat_crm.extension_max_days')
        for appeal in self:
            if appeal.extension_days or appeal.date_extended:
                raise UserError(_('The answer term of %s was already extended: 59-FZ art. 12 '
                                  'part 2 allows one extension only.') % appeal.name)
            if not days or days < 1 or days > max_days:
                raise UserError(_('An extension is from 1 to %s days.') % max_days)
            if not (reason or '').strip():
                raise UserError(_('Give the reason for the extension.'))
            if appeal.is_closed:
                raise UserError(_('A closed appeal cannot be extended.'))
        today = fields.Date.context_today(self)
        for appeal in self:
            with engine_writes():
                appeal.write({'extension_days': days, 'extension_reason': reason,
                              'date_extended': today})
            appeal.message_post(body=_('Answer term extended by %(days)s days to %(date)s. '
                                       'Reason: %(reason)s')
                                % {'days': days, 'reason': reason,
                                   'date': format_date(appeal.date_deadline_planned)})
            appeal._deputat_notice_task(
                self._deputat_add_days(today, 1),
                _('Notify the applicant of the extension of the answer term'),
                _('59-FZ art. 12 part 2: tell the applicant the new answer date %s and the '
                  'reason of the extension.') % format_date(appeal.date_deadline_planned),
                kind='extension')
        return True
