# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The daily robots of appeals (besides the engine's «next step» and «stage time limit»):
answer deadline reminders and escalations, requests without an answer. Private methods run by
the ``ir.cron`` records of ``data/ir_cron.xml``; ``today`` is a parameter only tests pass."""
import logging
import threading
from datetime import timedelta

from odoo import _, api, fields, models

from .deputat_pipeline import CRON_BATCH, format_date, keyset_batches

_logger = logging.getLogger(__name__)


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (model, pipeline, robots, mail intake)

    @api.model
    def _cron_answer_deadlines(self, today=None, autocommit=False):
        """A reminder N (5) days before the planned answer date to the responsible (and to the
        deputy while a deputy stage is pending); after the date a daily escalation to the
        office head. Returns (reminded, escalated)."""
        today = today or fields.Date.context_today(self)
        self = self.sudo()
        reminder_days = self._deputat_param('deputat_crm.reminder_days')
        limit = fields.Date.to_string(fields.Date.from_string(today)
                                      + timedelta(days=reminder_days))
        deputy = self._pipeline_office_user('deputy')
        reminded = 0
        # the 5-day window and «not yet reminded for this date» in SQL, on the partial index
        # deputat_appeal_open_deadline_idx (open, unanswered appeals by planned date)
        # reminders work to the internal control date (issue 9: production calendar)
        where = ('NOT is_closed AND date_answer IS NULL AND date_deadline_control >= %s '
                 'AND date_deadline_control <= %s '
                 'AND reminder_deadline IS DISTINCT FROM date_deadline_control')
        for due in self._appeal_sql_batches(where, (today, limit), autocommit):
            values_list = []
            for appeal in due:
                users = appeal.user_id
                if appeal.stage_id.owner_role == 'deputy' and deputy:
                    users |= deputy
                for user in users:
                    local = appeal.with_context(lang=user.lang or self.env.lang)
                    values_list.append(appeal._pipeline_task_values(
                        user, 'reminder', local._reminder_summary(), local._reminder_note(),
                        appeal.date_deadline_control,
                        'deputat_crm.mail_activity_type_reminder'))
            self._pipeline_create_tasks(values_list)
            due._pipeline_mark('reminder_deadline', expression='date_deadline_control')
            reminded += len(due)
        head = self._pipeline_office_user('office_head')
        escalated = 0
        # no chatter post per appeal (it e-mailed the followers): the head's task is the
        # signal, and the office head's daily digest lists the overdue appeals
        where = ('NOT is_closed AND date_answer IS NULL AND date_deadline_planned < %s '
                 'AND (escalation_date IS NULL OR escalation_date < %s)')
        for batch in self._appeal_sql_batches(where, (today, today), autocommit):
            with_task = set(batch._pipeline_open_tasks(kinds=('escalation',)).mapped('res_id'))
            values_list = []
            for appeal in batch:
                if head and appeal.id not in with_task:
                    local = appeal.with_context(lang=head.lang or self.env.lang)
                    values_list.append(appeal._pipeline_task_values(
                        head, 'escalation', local._escalation_summary(), False, today,
                        'deputat_crm.mail_activity_type_escalation'))
            self._pipeline_create_tasks(values_list)
            batch._pipeline_mark('escalation_date', today)
            escalated += len(batch)
        _logger.info('deputat_crm robot «answer deadlines»: %d reminder(s), %d escalation(s)',
                     reminded, escalated)
        return reminded, escalated

    @api.model
    def _appeal_sql_batches(self, where, params, autocommit=False):
        """Keyset batches of the appeals matching the SQL condition ``where`` (a robot's
        selection on indexed columns, evaluated by PostgreSQL instead of Python)."""
        last_id = 0
        while True:
            # OFFSET 0: the condition is served by its partial index, then sorted (not a walk
            # of the primary key in id order to serve ORDER BY … LIMIT)
            self.env.cr.execute(
                'SELECT id FROM (SELECT id FROM deputat_appeal WHERE active AND id > %%s AND %s '
                'OFFSET 0) due ORDER BY id LIMIT %%s' % where,  # nosec: the robots' own conditions
                (last_id,) + tuple(params) + (CRON_BATCH,))
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                return
            yield self.browse(ids)
            last_id = ids[-1]
            if autocommit and not getattr(threading.current_thread(), 'testing', False):
                self.env.cr.commit()  # pylint: disable=invalid-commit  # cron: commit per batch

    def _reminder_summary(self):
        return _('Answer due on %s') % format_date(self.date_deadline_control)

    def _reminder_note(self):
        return _('<p>The planned answer date of appeal %(appeal)s is %(date)s '
                 '(59-FZ art. 12).</p>') % {
            'appeal': self.name, 'date': format_date(self.date_deadline_planned)}

    def _escalation_summary(self):
        return _('Overdue appeal: answer was due on %s') % format_date(self.date_deadline_planned)


class DeputatAppealRequest(models.Model):
    _inherit = 'deputat.appeal.request'

    @api.model
    def _cron_request_without_answer(self, today=None, autocommit=False):
        """A request sent N (25) days ago or more and still without an answer gives the
        appeal's responsible one task, closed when the answer is recorded. Returns the count."""
        Appeal = self.env['deputat.appeal'].sudo()
        today = today or fields.Date.context_today(self)
        days = Appeal._deputat_param('deputat_crm.request_warning_days')
        sent_before = fields.Date.to_string(fields.Date.from_string(today) - timedelta(days=days))
        domain = [('state', '=', 'sent'), ('date_sent', '<=', sent_before),
                  ('overdue_notified', '=', False)]
        count = 0
        for batch in keyset_batches(self.sudo(), domain, autocommit):
            values_list = []
            for request in batch:
                appeal = request.appeal_id
                user = appeal._pipeline_role_users('responsible')
                if not user or appeal.is_closed:
                    continue
                local = request.with_context(lang=user.lang or self.env.lang)
                values_list.append(appeal._pipeline_task_values(
                    user, 'request', local._no_answer_summary(days), local._no_answer_note(),
                    today, 'deputat_crm.mail_activity_type_request_overdue',
                    key=request._request_key()))
            Appeal._pipeline_create_tasks(values_list)
            self.env.cr.execute('UPDATE deputat_appeal_request SET overdue_notified = true '
                                'WHERE id IN %s', (tuple(batch.ids),))
            batch.invalidate_cache(['overdue_notified'], batch.ids)
            count += len(batch)
        _logger.info('deputat_crm robot «request without answer»: %d request(s)', count)
        return count

    def _request_key(self):
        self.ensure_one()
        return 'deputat.appeal.request,%d' % self.id

    def _no_answer_summary(self, days):
        return _('No answer to request %(request)s from %(addressee)s for %(days)s days') % {
            'request': self.name, 'addressee': self.partner_id.display_name, 'days': days}

    def _no_answer_note(self):
        return _('<p>The request was sent on %(date_sent)s; the answer is due on %(date_due)s '
                 '(3-FZ art. 14). Call the addressee or prepare a repeat request.</p>') % {
            'date_sent': format_date(self.date_sent), 'date_due': format_date(self.date_due)}
