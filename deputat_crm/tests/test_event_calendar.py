from .common_event import DeputatEventCase


class TestEventCalendar(DeputatEventCase):

    def test_meeting_created_and_synced(self):
        event = self.make_event(30, accompanying_user_id=self.user_lawyer.id,
                                date_end='%s 11:00:00' % self.day(30),
                                venue_name='House of culture', location='Main street 1')
        meeting = event.calendar_event_id
        self.assertTrue(meeting)
        self.assertEqual(meeting.name, event.name)
        self.assertEqual(meeting.start, event.date_start)
        self.assertEqual(meeting.stop, event.date_end)
        self.assertEqual(meeting.location, 'House of culture, Main street 1')
        self.assertEqual((meeting.res_model, meeting.res_id), ('deputat.event', event.id))
        partners = meeting.partner_ids
        self.assertIn(self.user_deputy.partner_id, partners)
        self.assertIn(self.user_assistant.partner_id, partners)
        self.assertIn(self.user_lawyer.partner_id, partners)
        # no «meeting» activity on the event from the calendar
        self.assertFalse(event.activity_ids.filtered(lambda a: not a.deputat_robot))

        event.write({'name': 'Renamed meeting', 'date_start': '%s 07:00:00' % self.day(31),
                     'date_end': '%s 09:30:00' % self.day(31)})
        self.assertEqual(event.calendar_event_id, meeting)
        self.assertEqual(meeting.name, 'Renamed meeting')
        self.assertEqual(meeting.start, '%s 07:00:00' % self.day(31))
        self.assertEqual(meeting.stop, '%s 09:30:00' % self.day(31))
        self.assertAlmostEqual(meeting.duration, 2.5)

    def test_default_duration_and_cancel(self):
        event = self.make_event(30)
        meeting = event.calendar_event_id
        self.assertEqual(meeting.stop, '%s 11:00:00' % self.day(30))
        event.write({'stage_id': self.stage['cancel'].id,
                     'cancel_reason_id': self.reason_busy.id})
        self.assertFalse(meeting.active, 'a cancelled event leaves the agenda')
        event.unlink()
        self.assertFalse(meeting.exists())

    def test_calendar_view(self):
        view = self.env.ref('deputat_crm.deputat_event_view_calendar')
        arch = self.Event.fields_view_get(view_id=view.id, view_type='calendar')['arch']
        self.assertIn('date_start', arch)
