# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deputy's calendar meetings as the events keep them in sync (``deputat_event.py``): what
differs between a meeting and its event, and the write of a batch of meetings in one
statement when Odoo's meeting-by-meeting write has nothing to add."""
from odoo import models
from odoo.tools import float_compare

# changes calendar.event.write has no side effect for (no attendees, dates, recurrence,
# alarms nor activities to follow): a batch of plain meetings takes them in one UPDATE
PLAIN_CHANGES = frozenset(['active', 'location'])


class CalendarEvent(models.Model):
    _inherit = 'calendar.event'

    def _deputat_calendar_changes(self, values):
        """The part of ``values`` (as the events' sync writes them) this meeting differs
        from."""
        self.ensure_one()
        changes = {}
        for name, value in values.items():
            field, current = self._fields[name], self[name]
            if field.type == 'many2one':
                differs = (current.id or False) != (value or False)
            elif field.type in ('many2many', 'one2many'):
                differs = set(current.ids) != set(value[0][2])  # [(6, 0, ids)]
            elif field.type == 'float':
                differs = float_compare(current or 0.0, value or 0.0, precision_digits=6) != 0
            else:
                differs = (current or False) != (value or False)
            if differs:
                changes[name] = value
        return changes

    def _deputat_calendar_write(self, changes):
        """Write ``changes`` on these meetings: plain meetings (not recurrent, without alarm)
        and plain changes in one statement, else through calendar.event.write."""
        if (set(changes) <= PLAIN_CHANGES and not any(self.mapped('recurrency'))
                and not self.mapped('alarm_ids')):
            # the ORM's write without calendar.event's loop (nothing of it applies here)
            return models.BaseModel.write(self, changes)
        return self.write(changes)
