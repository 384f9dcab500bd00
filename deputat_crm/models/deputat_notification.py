# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What reaches the people of the office: task notifications (one inbox message and one e-mail
per assignee and batch) and the daily digest (``_cron_daily_digest``, run hourly by ir.cron,
sends at the office's digest hour, once a day per person, nothing on an empty day).

Mail goes through Odoo's queue (``mail.mail``) and the outgoing mail server configured in Odoo.
What a recipient may not read (a confidential appeal, 59-FZ art. 6 part 2) is looked up as the
recipient, so it never reaches them."""
import logging
import threading
from datetime import datetime, timedelta

import pytz

from odoo import SUPERUSER_ID, _, api, fields, models

from .deputat_event import OFFICE_TZ
from .deputat_pipeline import format_date
from .deputat_params import int_param

_logger = logging.getLogger(__name__)

DIGEST_HOUR_PARAM = 'deputat_crm.digest_hour'
DEFAULT_DIGEST_HOUR = 8
DIGEST_LIMIT = 50  # lines per section; the rest is a count and the link to the list


class DeputatNotification(models.AbstractModel):
    _name = 'deputat.notification'
    _description = 'Notifications of the office (tasks, daily digest)'

    # ================================================================== sending
    @api.model
    def _deputat_base_url(self):
        return self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')

    @api.model
    def _deputat_url(self, record):
        return '%s/mail/view?model=%s&res_id=%d' % (self._deputat_base_url(), record._name,
                                                     record.id)

    @api.model
    def _deputat_email_from(self):
        company = self.env.user.company_id or self.env.ref('base.main_company')
        if company.email:
            return '"%s" <%s>' % (company.name, company.email)
        domain = self.env['ir.config_parameter'].sudo().get_param('mail.catchall.domain')
        return 'noreply@%s' % (domain or 'localhost')

    @api.model
    def _deputat_send(self, partner, subject, body, author=None, attachments=None,
                      model=False, res_id=False, inbox=True):
        """One inbox message (when ``inbox`` and the partner is a user) and one e-mail through
        the mail queue. A message without a document stays out of every chatter."""
        author_partner = author.partner_id if author else (
            self.env.ref('deputat_crm.partner_office_robot', raise_if_not_found=False)
            or self.env['res.users'].browse(SUPERUSER_ID).partner_id)  # the robot writes
        message_values = {
            'model': model, 'res_id': res_id, 'message_type': 'notification',
            'subject': subject, 'body': body, 'author_id': author_partner.id,
            'email_from': self._deputat_email_from(), 'subtype_id': False,
            'attachment_ids': [(6, 0, attachments.ids)] if attachments else False,
        }
        if inbox:
            message_values['needaction_partner_ids'] = [(4, partner.id)]
            message_values['partner_ids'] = [(4, partner.id)]
        # the e-mail below is the only one: Odoo's own notification of the recipients (a second
        # e-mail rendered in its layout) is left out, the inbox line and its bus message kept
        message = self.env['mail.message'].sudo().with_context(
            message_create_from_mail_mail=True).create(message_values)
        if inbox and 'inbox' in partner.sudo().user_ids.mapped('notification_type'):
            partner.sudo()._notify_by_chat(message)
        return self.env['mail.mail'].sudo().create({
            'mail_message_id': message.id,
            'body_html': body,
            'recipient_ids': [(4, partner.id)],
            'notification': True,  # the inbox message stays when the e-mail is deleted
            'auto_delete': True,
        })

    # ================================================================== records
    @api.model
    def _deputat_readable(self, user, records):
        """The part of ``records`` ``user`` may read (record rules applied as the user)."""
        if not records:
            return records
        Model = records.sudo(user.id).with_context(active_test=False)
        try:
            Model.check_access_rights('read')
        except Exception:  # pylint: disable=broad-except  # no right: nothing is readable
            return records.browse()
        readable = set(Model.search([('id', 'in', records.ids)]).ids)
        return records.filtered(lambda r: r.id in readable)  # in the order given

    @api.model
    def _deputat_describe(self, record, readable=True):
        """«number — applicant — stage» of an appeal; «name — date — stage» of an event."""
        if record._name == 'deputat.appeal':
            if not readable:
                return _('%s (confidential appeal)') % record.name
            parts = [record.name, record.partner_id.name]
        elif record._name == 'deputat.event':
            parts = [record.name, format_date(record.date_event)]
        else:
            parts = [record.display_name]
        if 'stage_id' in record._fields and record.stage_id:
            parts.append(_('stage «%s»') % record.stage_id.name)
        return ' — '.join(p for p in parts if p)

    @api.model
    def _deputat_task_lines(self, user, tasks):
        lines = []
        # the records of a batch read together, their readability asked once per model
        records, readable_keys = {}, set()
        for model in set(tasks.mapped('res_model')):
            group = self.env[model].sudo().browse(
                tasks.filtered(lambda t, m=model: t.res_model == m).mapped('res_id')
            ).with_context(lang=user.lang)
            records.update(((model, record.id), record) for record in group)
            readable_keys.update((model, rid)
                                 for rid in self._deputat_readable(user, group).ids)
        for task in tasks.sorted(lambda t: (t.date_deadline, t.id)):
            record = records[(task.res_model, task.res_id)]
            readable = (task.res_model, task.res_id) in readable_keys
            confidential = 'confidential' in record._fields and record.confidential
            lines.append({
                'summary': task.summary or task.activity_type_id.with_context(
                    lang=user.lang).name,
                'record': self._deputat_describe(record, readable),
                'deadline': format_date(task.date_deadline),
                # the instruction of a confidential appeal stays in Odoo
                'note': task.note if readable and not confidential else False,
                'url': self._deputat_url(record),
            })
        return lines

    @api.model
    def _deputat_send_tasks(self, user, tasks, author=None):
        """One message to ``user`` listing ``tasks`` (given by ``author`` or a robot)."""
        self = self.with_context(lang=user.lang or 'en_US')
        lines = self._deputat_task_lines(user, tasks)
        if len(lines) == 1:
            subject = _('New task: %(summary)s (%(record)s)') % {
                'summary': lines[0]['summary'], 'record': lines[0]['record']}
        else:
            subject = _('%d new tasks') % len(lines)
        body = self.env['ir.qweb'].with_context(lang=user.lang).render(
            'deputat_crm.mail_deputat_task_notification', {
                'user': user, 'lines': lines,
                'author': author.name if author else False,
            }).decode()
        return self._deputat_send(user.partner_id, subject, body, author=author)

    # ================================================================== digest
    @api.model
    def _deputat_digest_hour(self):
        return int_param(self.env, DIGEST_HOUR_PARAM, DEFAULT_DIGEST_HOUR)

    @api.model
    def _deputat_digest_users(self):
        """Everybody who gets a digest: the deputy and the office head, and the users who
        chose the digest (unless they chose no notifications)."""
        Appeal = self.env['deputat.appeal'].sudo()
        office = Appeal._pipeline_office_user('deputy') | Appeal._pipeline_office_user(
            'office_head')
        users = self.env['res.users'].sudo().search([('share', '=', False)])
        return users.filtered(lambda u: u.id != SUPERUSER_ID and (
            u._deputat_notify_mode() in ('digest', 'decisions') or u in office)
            and u._deputat_notify_mode() != 'none')

    @api.model
    def _cron_daily_digest(self, today=None, hour=None, autocommit=False):
        """The daily digest, run hourly: from the office's digest hour on (Moscow time), each
        recipient gets one e-mail a day, none on an empty day. ``today``/``hour`` are passed by
        tests only. Returns the number of digests queued."""
        if today is None:
            now = pytz.utc.localize(datetime.utcnow()).astimezone(pytz.timezone(OFFICE_TZ))
            today = fields.Date.to_string(now.date())
            hour = now.hour if hour is None else hour
        if hour is not None and hour < self._deputat_digest_hour():
            return 0
        sent = 0
        for user in self._deputat_digest_users():
            if user.deputat_digest_date and user.deputat_digest_date >= today:
                continue  # already sent today
            if self._deputat_send_digest(user, today):
                sent += 1
            if autocommit and not getattr(threading.current_thread(), 'testing', False):
                self.env.cr.commit()  # pylint: disable=invalid-commit  # cron: commit per user
        _logger.info('deputat_crm robot «daily digest» for %s: %d digest(s)', today, sent)
        return sent

    @api.model
    def _deputat_digest_scope(self, user):
        Appeal = self.env['deputat.appeal'].sudo()
        if user == Appeal._pipeline_office_user('office_head'):
            return 'office'
        if user == Appeal._pipeline_office_user('deputy'):
            return 'deputy'
        return 'own'

    @api.model
    def _deputat_section(self, title, user, records, line):
        records = self._deputat_readable(user, records)
        if not records:
            return None
        return {'title': title, 'lines': [line(r) for r in records[:DIGEST_LIMIT]],
                'more': max(len(records) - DIGEST_LIMIT, 0)}

    @api.model
    def _deputat_digest_sections(self, user, today):
        """The sections of ``user``'s digest for ``today`` (empty sections left out)."""
        scope = self._deputat_digest_scope(user)
        today_d = fields.Date.from_string(today)
        Appeal = self.env['deputat.appeal'].sudo().with_context(lang=user.lang)
        Event = self.env['deputat.event'].sudo().with_context(lang=user.lang)
        Request = self.env['deputat.appeal.request'].sudo().with_context(lang=user.lang)
        sections = []
        staff = user.has_group('deputat_crm.group_assistant')

        def record_line(record, detail=''):
            return {'text': self._deputat_describe(record), 'detail': detail,
                    'url': self._deputat_url(record)}

        if staff:
            # decisions waiting
            if scope == 'own':
                appeals = Appeal.sudo(user.id).search([('waiting_my_decision', '=', True)])
                events = Event.sudo(user.id).search([('waiting_my_decision', '=', True)])
            else:
                waiting = ['&', ('stage_id.is_closed', '=', False),
                           '|', ('stage_id.owner_role', '=', 'deputy'),
                           ('pipeline_pending_transition', '!=', 0)]
                appeals = Appeal.search(waiting)
                events = Event.search(waiting)
            title = (_('Decisions waiting for the deputy') if scope != 'own'
                     else _('Waiting for my decision'))
            lines, more = [], 0
            for records in (appeals.sudo(), events.sudo()):
                section = self._deputat_section(title, user, records, record_line)
                if section:
                    lines += section['lines']
                    more += section['more']
            if lines:
                sections.append({'title': title, 'lines': lines, 'more': more})
            # appeals overdue or due soon
            days = Appeal._deputat_param('deputat_crm.reminder_days')
            limit = fields.Date.to_string(today_d + timedelta(days=days))
            domain = [('is_closed', '=', False), ('date_answer', '=', False),
                      ('date_deadline_planned', '<=', limit)]
            if scope == 'own':
                domain += ['|', ('user_id', '=', user.id), ('lawyer_id', '=', user.id)]
            elif scope == 'deputy':
                domain += ['|', '|', ('stage_id.owner_role', '=', 'deputy'),
                           ('pipeline_pending_transition', '!=', 0), ('user_id', '=', user.id)]
            appeals = Appeal.search(domain, order='date_deadline_planned, id')
            overdue = appeals.filtered(lambda a: a.date_deadline_planned < today)
            section = self._deputat_section(
                _('Overdue appeals'), user, overdue,
                lambda a: record_line(a, _('answer was due on %s')
                                      % format_date(a.date_deadline_planned)))
            if section:
                sections.append(section)
            section = self._deputat_section(
                _('Appeals due within %d days') % days, user, appeals - overdue,
                lambda a: record_line(a, _('answer due on %s')
                                      % format_date(a.date_deadline_planned)))
            if section:
                sections.append(section)
            # requests without an answer
            warn = Appeal._deputat_param('deputat_crm.request_warning_days')
            domain = [('state', '=', 'sent'), ('date_sent', '<=', fields.Date.to_string(
                today_d - timedelta(days=warn)))]
            if scope == 'own':
                domain.append(('appeal_id.user_id', '=', user.id))
            requests = Request.search(domain, order='date_sent, id')
            section = self._deputat_section(
                _('Requests without an answer for %d days or more') % warn, user, requests,
                lambda r: {'text': '%s — %s (%s)' % (r.name, r.partner_id.display_name,
                                                     r.appeal_id.name),
                           'detail': _('sent on %s') % format_date(r.date_sent),
                           'url': self._deputat_url(r.appeal_id)})
            if section:
                sections.append(section)
            # today's and tomorrow's events
            domain = [('date_event', '>=', today),
                      ('date_event', '<=', fields.Date.to_string(today_d + timedelta(days=1))),
                      ('stage_is_cancel', '=', False)]
            if scope == 'own':
                domain += ['|', ('user_id', '=', user.id), ('accompanying_user_id', '=', user.id)]
            events = Event.search(domain, order='date_start, id')
            section = self._deputat_section(
                _("Today's and tomorrow's events"), user, events,
                lambda e: {'text': self._deputat_describe(e), 'detail': ', '.join(filter(None, [
                    e.venue_name, e.location,
                    e.accompanying_user_id and _('accompanied by %s')
                    % e.accompanying_user_id.name])), 'url': self._deputat_url(e)})
            if section:
                sections.append(section)
        # new tasks not told at once
        tasks = self._deputat_digest_tasks(user)
        if tasks:
            lines = self._deputat_task_lines(user, tasks)
            sections.append({'title': _('New tasks'), 'more': 0, 'lines': [
                {'text': '%s: %s' % (line['summary'], line['record']),
                 'detail': _('by %s') % line['deadline'], 'url': line['url']}
                for line in lines]})
        return sections

    @api.model
    def _deputat_digest_tasks(self, user):
        """Open tasks of ``user`` nobody told them about yet (escalations are in the list of
        overdue appeals)."""
        return self.env['mail.activity'].sudo().search([
            ('user_id', '=', user.id), ('deputat_notified', '=', False),
            '|', ('deputat_robot', '=', False), ('deputat_robot', '!=', 'escalation')],
            order='date_deadline, id',
            limit=DIGEST_LIMIT * 4)

    @api.model
    def _deputat_send_digest(self, user, today):
        self = self.with_context(lang=user.lang or 'en_US')
        sections = self._deputat_digest_sections(user, today)
        Activity = self.env['mail.activity'].sudo()
        if not sections:
            return False
        subject = _('Daily digest for %s') % format_date(today)
        body = self.env['ir.qweb'].with_context(lang=user.lang).render(
            'deputat_crm.mail_deputat_daily_digest', {
                'user': user, 'sections': sections, 'date': format_date(today),
                'more_text': _('… and %d more')}).decode()
        self._deputat_send(user.partner_id, subject, body)
        told = Activity.search([('user_id', '=', user.id), ('deputat_notified', '=', False)])
        if told:
            self.env.cr.execute('UPDATE mail_activity SET deputat_notified = true '
                                'WHERE id IN %s', (tuple(told.ids),))
            told.invalidate_cache(['deputat_notified'], told.ids)
        user.sudo().write({'deputat_digest_date': today})
        return True

