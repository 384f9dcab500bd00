# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Personal receptions (issue 10, 59-FZ art. 13) on the real ORM: the slots of a session and a
full session, bookings and «came», the oral-answer rule of the card, the written appeal
registered from the card, the reminder the day before and the PDFs (pdftotext)."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DeputatCase


class TestReception(DeputatCase):

    def setUp(self):
        super(TestReception, self).setUp()
        self.user_assistant.tz = 'Europe/Moscow'
        self.session = self.env['deputat.reception.session'].sudo(self.user_assistant).create({
            'name': 'Приём граждан', 'venue': 'Общественная приёмная, ул. Ленина, 1',
            'date_start': '2030-12-12 09:00:00', 'duration': 1.0, 'slot_minutes': 20,
            'capacity': 3, 'receiver_id': self.user_deputy.id,
            'territory_id': self.territory_district.id})
        self.Booking = self.env['deputat.reception.booking'].sudo(self.user_assistant)

    def book(self, slot, name='Громова Нина Петровна', **kw):
        values = {'session_id': self.session.id, 'slot_start': slot, 'visitor_name': name,
                  'phone': '+7 927 123-45-67', 'question': 'Ремонт крыши дома 3'}
        values.update(kw)
        return self.Booking.create(values)

    def card(self, **kw):
        partner = self.env['res.partner'].create({'name': 'Громова Нина Петровна',
                                                  'street': 'ул. Садовая, 3'})
        values = {'session_id': self.session.id, 'partner_id': partner.id,
                  'content': 'Протекает крыша дома 3 по ул. Садовой.', 'id_checked': True}
        values.update(kw)
        return self.env['deputat.reception.card'].sudo(self.user_assistant).create(values)

    def test_slots_booking_and_full_session(self):
        slots = self.session._slots()
        self.assertEqual(slots, ['2030-12-12 09:00:00', '2030-12-12 09:20:00',
                                 '2030-12-12 09:40:00'])
        self.assertEqual(self.session.name_get()[0][1],
                         'Приём граждан 12.12.2030 12:00, Общественная приёмная, ул. Ленина, 1')
        self.book(slots[0])
        # (a savepoint each, as a request's rollback: the refused row is not kept)
        with self.assertRaisesRegex(ValidationError, 'already booked'), self.cr.savepoint():
            self.book(slots[0], name='Другой')
        with self.assertRaisesRegex(ValidationError, 'Choose one of the slots'), \
                self.cr.savepoint():
            self.book('2030-12-12 09:05:00', name='Другой')
        self.assertEqual(self.session._free_slots(), slots[1:])
        self.book(slots[1], name='Второй')
        self.book(slots[2], name='Третий', priority_id=self.env.ref(
            'deputat_crm.reception_priority_veteran').id)
        self.assertEqual(self.session._free_slots(), [])
        self.assertEqual(self.session.free_count, 0)
        with self.assertRaisesRegex(ValidationError, 'fully booked'), self.cr.savepoint():
            self.book(slots[2], name='Четвёртый')
        self.env.clear()
        # capacity below the number of slots: full before the slots run out
        self.session.capacity = 2
        self.assertEqual(self.session.booked_count, 3)
        self.assertEqual(self.session._free_slots(), [])

    def test_came_opens_card_with_matched_contact(self):
        known = self.env['res.partner'].create({'name': 'Громова Н. П.', 'phone': '89271234567'})
        booking = self.book(self.session._slots()[0])
        action = booking.action_came()
        self.assertEqual(booking.state, 'came')
        self.assertEqual(booking.card_id.partner_id, known)
        self.assertEqual(booking.card_id.content, 'Ремонт крыши дома 3')
        self.assertEqual(action['res_id'], booking.card_id.id)
        self.assertEqual(self.session.card_count, 1)
        with self.assertRaises(AccessError):
            self.book(self.session._slots()[1]).sudo(self.user_plain).action_came()

    def test_oral_answer_needs_both_conditions(self):
        message = 'oral answer is allowed only when the facts are obvious'
        with self.assertRaisesRegex(ValidationError, message):
            self.card(outcome='oral')
        with self.assertRaisesRegex(ValidationError, message):
            self.card(outcome='oral', facts_obvious=True)
        card = self.card(outcome='oral', oral_consent=True, facts_obvious=True,
                         oral_answer='Разъяснён порядок обращения в управляющую компанию.')
        self.assertEqual(card.outcome, 'oral')
        with self.assertRaisesRegex(ValidationError, message):
            card.oral_consent = False

    def test_written_appeal_from_card(self):
        card = self.card(topic_ids=[(6, 0, self.env['deputat.appeal.topic'].search(
            [], limit=1).ids)])
        with self.assertRaises(AccessError):
            card.sudo(self.user_plain).action_create_appeal()
        action = card.action_create_appeal()
        appeal = card.appeal_id
        self.assertEqual(action['res_id'], appeal.id)
        self.assertNotEqual(appeal.name, '/')
        self.assertEqual(appeal.stage_id, appeal._pipeline_first_stage())
        self.assertEqual(appeal.pipeline, 'review')
        self.assertEqual(appeal.channel_id, self.env.ref('deputat_crm.channel_reception'))
        self.assertEqual(appeal.appeal_form, 'written')
        self.assertEqual(appeal.partner_id, card.partner_id)
        self.assertEqual(appeal.territory_id, self.territory_district)
        self.assertIn('Протекает крыша', appeal.description)
        self.assertIn(card.name, appeal.description)
        self.assertEqual(card.outcome, 'written')
        self.assertEqual(appeal.topic_id, card.topic_ids[:1])
        with self.assertRaisesRegex(UserError, appeal.name):
            card.action_create_appeal()

    def test_reminder_the_day_before(self):
        booking = self.book(self.session._slots()[1], email='gromova@example.ru')
        other = self.book(self.session._slots()[2], name='Без почты')
        Mail = self.env['mail.mail'].sudo()
        before = Mail.search_count([('email_to', '=', 'gromova@example.ru')])
        self.Booking._cron_reminder(today='2030-12-10')
        self.assertFalse(booking.reminder_sent)
        self.Booking._cron_reminder(today='2030-12-11')
        self.assertTrue(booking.reminder_sent)
        self.assertFalse(other.reminder_sent)
        mails = Mail.search([('email_to', '=', 'gromova@example.ru')])
        self.assertEqual(len(mails) - before, 1)
        self.assertIn('Напоминание: личный приём 12.12.2030 12:20', mails[0].subject)
        self.assertIn('документ, удостоверяющий личность', mails[0].body_html)
        self.Booking._cron_reminder(today='2030-12-11')
        self.assertEqual(Mail.search_count([('email_to', '=', 'gromova@example.ru')]) - before,
                         1)

    def test_card_and_journal_pdfs(self):
        card = self.card(outcome='out_of_competence',
                         competence_note='Государственная жилищная инспекция')
        text = self.pdf_text('deputat_crm.action_report_reception_card', card)
        self.assertIn('Громова Нина Петровна', text)
        self.assertIn('Протекает крыша дома 3', text)
        self.assertIn('Государственная жилищная инспекция', text)
        self.book(self.session._slots()[0], name='Лаптев Олег')
        journal = self.pdf_text('deputat_crm.action_report_reception_journal', self.session)
        self.assertIn('Лаптев Олег', journal)
        self.assertIn('12:00', journal)

    def test_demo_day_of_reception_on_december_12(self):
        demo = self.env.ref('deputat_crm.demo_reception_session_december_12',
                            raise_if_not_found=False)
        if not demo:
            self.skipTest('no demo data')
        start = fields.Datetime.from_string(demo.date_start)
        self.assertEqual((start.month, start.day), (12, 12))
        self.assertGreater(start, datetime.utcnow() - timedelta(days=366))
        self.assertTrue(demo._free_slots())
