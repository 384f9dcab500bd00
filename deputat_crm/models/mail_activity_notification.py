# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Task notifications: a task given to a user by someone else (``mail.activity.create``) or by
a robot (one batch per run through the engine's ``_pipeline_tasks_created`` hook) reaches the
assignee as an inbox message and an e-mail in their language, one per assignee and batch, as
their preference (``res.users.deputat_notify_mode``) says. Tasks not sent at once wait for the
daily digest (``deputat_notification.py``)."""
from odoo import api, fields, models

# robot tasks only the digest reports (the office head's list of overdue appeals)
DIGEST_ONLY_ROBOTS = ('escalation',)


class MailActivity(models.Model):
    _inherit = 'mail.activity'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_notified = fields.Boolean(
        string='Assignee notified', readonly=True, copy=False,
        help='The assignee was told of the task (at once or in the daily digest).')

    @api.model
    def create(self, values):
        activity = super(MailActivity, self).create(values)
        # robot tasks come in batches through the pipeline hook; a task one gives oneself
        # needs no notice
        if not activity.deputat_robot and activity.user_id != self.env.user:
            self._deputat_notify_assignees(activity.sudo(), author=self.env.user)
        return activity

    @api.multi
    def write(self, values):
        res = super(MailActivity, self).write(values)
        if values.get('user_id'):
            # a task handed over to someone else is a new task for them
            handed = self.sudo().filtered(lambda a: a.user_id != self.env.user)
            if handed:
                self.env.cr.execute('UPDATE mail_activity SET deputat_notified = false '
                                    'WHERE id IN %s', (tuple(handed.ids),))
                handed.invalidate_cache(['deputat_notified'], handed.ids)
                self._deputat_notify_assignees(handed, author=self.env.user)
        return res

    def _deputat_is_decision(self):
        """A decision of the deputy: an approval of a proposed move or the task of a stage the
        deputy owns (resolution, approval of a request, an answer or an event)."""
        self.ensure_one()
        if self.deputat_robot == 'approval':
            return True
        record = self.env[self.res_model].browse(self.res_id)
        stage = record.sudo()['stage_id'] if 'stage_id' in record._fields else None
        return bool(stage and 'owner_role' in stage._fields and stage.owner_role == 'deputy'
                    and self.deputat_robot == 'stage')

    @api.model
    def _deputat_notify_assignees(self, activities, author=None):
        """Tell the assignees of ``activities`` (sudo recordset) at once, one message per
        assignee listing all their tasks; the rest waits for the digest. ``author``: the user
        who gave the tasks (None: a robot). Returns the number of e-mails queued."""
        activities = activities.sudo().exists()
        for model in set(activities.mapped('res_model')):
            # the stages of a batch's records read at once (_deputat_is_decision)
            records = activities.env[model].browse(activities.filtered(
                lambda a, m=model: a.res_model == m).mapped('res_id'))
            if 'stage_id' in records._fields:
                records.mapped('stage_id.owner_role')
        by_user, unwanted = {}, self.browse()
        for activity in activities:
            user = activity.user_id
            if not user or user.share or not user.active:
                continue
            if activity.deputat_robot in DIGEST_ONLY_ROBOTS:
                continue
            if author is None and user == self.env.user and not self.env.user._is_superuser():
                continue  # the user's own move gave them the task: they see it already
            mode = user._deputat_notify_mode()
            if mode == 'none':
                unwanted |= activity  # nothing is owed: not in a later digest either
                continue
            if mode == 'digest':
                continue
            if mode == 'decisions' and author is None and not activity._deputat_is_decision():
                continue
            by_user.setdefault(user, self.browse())
            by_user[user] |= activity
        if unwanted:
            self.env.cr.execute('UPDATE mail_activity SET deputat_notified = true '
                                'WHERE id IN %s', (tuple(unwanted.ids),))
            unwanted.invalidate_cache(['deputat_notified'], unwanted.ids)
        Notification = self.env['deputat.notification']
        sent = 0
        for user, tasks in by_user.items():
            Notification._deputat_send_tasks(user, tasks, author)
            self.env.cr.execute('UPDATE mail_activity SET deputat_notified = true '
                                'WHERE id IN %s', (tuple(tasks.ids),))
            tasks.invalidate_cache(['deputat_notified'], tasks.ids)
            sent += 1
        return sent
