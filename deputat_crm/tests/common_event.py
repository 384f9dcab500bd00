from datetime import date, timedelta

from odoo import fields

from .common import DeputatCase


class DeputatEventCase(DeputatCase):
    """Fixtures of the events tests: the stages by code and a factory of events."""

    def setUp(self):
        super(DeputatEventCase, self).setUp()
        ref = self.env.ref
        self.Event = self.env['deputat.event']
        self.Activity = self.env['mail.activity']
        self.stage = {code: ref('deputat_crm.event_stage_%s' % code) for code in (
            'creation', 'approval', 'programme', 'trip', 'transfer', 'event', 'return', 'after',
            'results', 'cancel')}
        self.reason_other = ref('deputat_crm.event_cancel_other')
        self.reason_busy = ref('deputat_crm.event_cancel_busy')
        self.today = fields.Date.from_string(fields.Date.context_today(self.Event))

    def day(self, offset):
        """A date string ``offset`` days from today."""
        return fields.Date.to_string(self.today + timedelta(days=offset))

    def make_event(self, days_ahead=60, env=None, **values):
        vals = {
            'name': 'Test meeting with residents',
            # 09:00 UTC is noon in Moscow: the same day in the office time zone
            'date_start': '%s 09:00:00' % self.day(days_ahead),
            'user_id': self.user_assistant.id,
            'territory_id': self.territory_village.id,
        }
        vals.update(values)
        return (env or self.env)['deputat.event'].create(vals)

    def walk(self, event, codes, user=None):
        """Drag the event through the stages ``codes`` one by one (the deputy by default)."""
        for code in codes:
            event.sudo(user or self.user_deputy).write({'stage_id': self.stage[code].id})
        return event

    def robot_activities(self, event, kind='stage'):
        return self.Activity.search([('res_model', '=', 'deputat.event'),
                                     ('res_id', '=', event.id), ('deputat_robot', '=', kind)])

    def as_date(self, value):
        return value if isinstance(value, date) else fields.Date.from_string(value)
