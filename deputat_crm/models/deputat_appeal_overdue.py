# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""«Days overdue» of an appeal for the overdue list: a stored field, so that the list sorts and
groups on it (a non-stored computed field cannot be sorted in Odoo 11). It is computed when the
planned answer date, the answer date or the stage change, and refreshed for the new day by the
daily deadline robot (``_cron_answer_deadlines``) with one UPDATE."""
from odoo import api, fields, models


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (the overdue list)

    days_overdue = fields.Integer(
        string='Days overdue', compute='_compute_days_overdue', store=True, readonly=True,
        group_operator='max',
        help='Days since the planned answer date of an open appeal without an answer; 0 when '
             'not overdue. Refreshed every day by the deadline robot.')

    @api.depends('date_deadline_planned', 'date_answer', 'is_closed')
    def _compute_days_overdue(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for appeal in self:
            days = 0
            if not appeal.is_closed and not appeal.date_answer and appeal.date_deadline_planned:
                days = (today - fields.Date.from_string(appeal.date_deadline_planned)).days
            appeal.days_overdue = max(days, 0)

    @api.model
    def _appeal_refresh_days_overdue(self, today=None):
        """The new day's «days overdue» of every appeal, in one UPDATE of the rows that
        change (robot bookkeeping: no chatter). Returns the number of rows changed."""
        today = today or fields.Date.context_today(self)
        self.env.cr.execute("""
            WITH fresh AS (
                SELECT id, CASE WHEN NOT coalesce(is_closed, false) AND date_answer IS NULL
                                     AND date_deadline_planned < %(today)s::date
                                THEN %(today)s::date - date_deadline_planned ELSE 0 END AS days
                  FROM deputat_appeal)
            UPDATE deputat_appeal a SET days_overdue = fresh.days
              FROM fresh
             WHERE fresh.id = a.id AND a.days_overdue IS DISTINCT FROM fresh.days""",
                            {'today': today})
        count = self.env.cr.rowcount
        self.invalidate_cache(['days_overdue'])
        return count

    @api.model
    def _cron_answer_deadlines(self, today=None, autocommit=False):
        result = super(DeputatAppeal, self)._cron_answer_deadlines(today=today,
                                                                   autocommit=autocommit)
        self._appeal_refresh_days_overdue(today)
        return result
