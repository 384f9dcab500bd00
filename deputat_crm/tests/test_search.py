"""One search box (issue 12 item 2): what text + Enter finds on appeals, requests, events and
contacts, as each role sees it."""
from odoo import fields

from .common_appeal import AppealCase


class TestSearchBox(AppealCase):

    def setUp(self):
        super(TestSearchBox, self).setUp()
        self.applicant.write({'name': 'Садовникова Вера Павловна', 'phone': '+7 999 555-44-33',
                              'email': 'sadovnikova.v@example.ru'})
        self.appeal = self.new_appeal(subject='Протечка крыши в подъезде',
                                      description='Вода течёт по стене третьего этажа.')
        self.other = self.new_appeal(partner_id=self.authority.id, subject='Другое обращение')
        self.prefix, self.year, self.digits = self.appeal.name.split('-')

    def found(self, text, user=None, model='deputat.appeal'):
        Model = self.env[model].sudo(user or self.user_assistant)
        return Model.search([('search_text', 'ilike', text)])

    # ------------------------------------------------------------------ appeals
    def test_number_any_spelling(self):
        """The number with a Latin or Cyrillic «О», with or without the prefix, the year and
        the leading zeros."""
        self.assertEqual(self.prefix, 'О', 'the sequence prefix is the Cyrillic «О»')
        number = int(self.digits)
        for text in (self.appeal.name,                                   # О-2026-00007
                     'O-%s-%s' % (self.year, self.digits),               # Latin O
                     'o-%s-%d' % (self.year, number),                    # lower Latin, no zeros
                     'О %s %d' % (self.year, number),                    # spaces
                     '%s-%s' % (self.year, self.digits),                 # no prefix
                     self.digits, str(number)):                          # the digits only
            self.assertIn(self.appeal, self.found(text), text)
            self.assertNotIn(self.other, self.found(text), text)
        # another year or prefix is another number
        self.assertNotIn(self.appeal, self.found('O-%d-%s' % (int(self.year) - 1, self.digits)))
        self.assertNotIn(self.appeal, self.found('З-%s-%s' % (self.year, self.digits)))

    def test_applicant_name_email_subject_content(self):
        for text in ('Садовникова', 'садовн', 'Вера Павловна', 'sadovnikova.v@example.ru',
                     'Протечка крыши', 'третьего этажа'):
            found = self.found(text)
            self.assertIn(self.appeal, found, text)
            self.assertNotIn(self.other, found, text)
        self.assertFalse(self.found('Несуществующая фамилия Щщщ'))

    def test_phone_any_format(self):
        for text in ('8 (999) 555-44-33', '+7 999 555 44 33', '9995554433', '+79995554433',
                     '8-999-555-44-33'):
            self.assertIn(self.appeal, self.found(text), text)
            self.assertNotIn(self.other, self.found(text), text)
        self.assertNotIn(self.appeal, self.found('8 (999) 555-44-34'))
        # the mobile is searched too
        self.applicant.write({'phone': False, 'mobile': '+7 (999) 555-44-33'})
        self.assertIn(self.appeal, self.found('8 (999) 555-44-33'))

    def test_co_applicant(self):
        co = self.env['res.partner'].create({'name': 'Кузьмичёв Пётр', 'phone': '89995550011'})
        self.appeal.write({'appeal_kind': 'collective', 'co_applicant_ids': [(4, co.id)]})
        self.assertIn(self.appeal, self.found('Кузьмичёв'))
        self.assertIn(self.appeal, self.found('+7 999 555-00-11'))

    def test_negation(self):
        found = self.env['deputat.appeal'].sudo(self.user_assistant).search(
            [('search_text', 'not ilike', 'Садовникова')])
        self.assertNotIn(self.appeal, found)
        self.assertIn(self.other, found)

    def test_record_rules(self):
        """The assistant finds no confidential appeal she cannot read, by any of its keys."""
        secret = self.new_appeal(user=self.user_lawyer, user_id=self.user_lawyer.id,
                                 lawyer_id=self.user_lawyer.id, confidential=True,
                                 subject='Конфиденциальная просьба')
        for text in ('Садовникова', '8 (999) 555-44-33', secret.name,
                     secret.name.replace('О', 'O'), 'Конфиденциальная'):
            self.assertNotIn(secret, self.found(text), text)
            self.assertIn(secret, self.found(text, user=self.user_lawyer), text)
            self.assertIn(secret, self.found(text, user=self.user_head), text)

    def test_search_view_enter(self):
        """Enter in the search box searches the first field of the search view: search_text."""
        for model in ('deputat.appeal', 'deputat.appeal.request', 'deputat.event'):
            arch = self.env[model].sudo(self.user_assistant).fields_view_get(
                view_type='search')['arch']
            first = arch[arch.index('<field'):].split('"')[1]
            self.assertEqual(first, 'search_text', model)

    def test_sql_uses_the_number_index(self):
        """The number is looked up through the expression index (no scan of the appeals)."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'deputat_appeal_number_digits_idx'")
        self.assertTrue(self.env.cr.fetchone())
        query = self.env['deputat.appeal']._where_calc([('search_text', 'ilike', 'O-2026-1')])
        from_clause, where_clause, params = query.get_sql()
        self.assertIn("ltrim(substring(name from '([0-9]+)$'), '0')", where_clause)

    # ------------------------------------------------------------------ requests
    def test_request_search(self):
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': self.appeal.id, 'partner_id': self.authority2.id,
            'text': '<p>Прошу проверить</p>'})
        # the number is given when the request is sent; the test gives one directly
        self.env.cr.execute('UPDATE deputat_appeal_request SET name = %s WHERE id = %s',
                            ('З-%s-00042' % self.year, request.id))
        request.invalidate_cache()
        Requests = 'deputat.appeal.request'
        for text in ('З-%s-42' % self.year, '42', 'Прокуратура', 'Садовникова',
                     self.appeal.name.replace('О', 'O'), '8 (999) 555-44-33'):
            self.assertIn(request, self.found(text, self.user_head, Requests), text)
        self.assertNotIn(request, self.found('Администрация', self.user_head, Requests))

    # ------------------------------------------------------------------ events
    def test_event_search(self):
        contact = self.env['res.partner'].create({'name': 'Тихомирова Анна',
                                                  'mobile': '+7 (999) 777-66-55'})
        event = self.env['deputat.event'].create({
            'name': 'Встреча с жителями', 'venue_name': 'Дом культуры «Заря»',
            'location': 'ул. Садовая, 1',
            'date_start': fields.Datetime.now(), 'user_id': self.user_assistant.id,
            'contact_ids': [(6, 0, contact.ids)]})
        Events = 'deputat.event'
        for text in ('встреча с жит', 'Заря', 'Садовая', 'Тихомирова', '8 999 777-66-55'):
            self.assertIn(event, self.found(text, self.user_head, Events), text)
        self.assertNotIn(event, self.found('Прокуратура', self.user_head, Events))

    # ------------------------------------------------------------------ contacts
    def test_partner_phone_any_format(self):
        Partner = self.env['res.partner'].sudo(self.user_head)
        for text in ('8 (999) 555-44-33', '+7 999 555 44 33', '9995554433'):
            found = Partner.search([('deputat_phone_search', '=', text)])
            self.assertIn(self.applicant, found, text)
            self.assertNotIn(self.authority, found, text)
        # Enter in the contacts' search box: the name field's domain reaches the phone
        arch = Partner.fields_view_get(
            view_id=self.env.ref('base.view_res_partner_filter').id, view_type='search')['arch']
        self.assertIn("('deputat_phone_search', '=', self)", arch)
        self.assertFalse(Partner.search([('deputat_phone_search', '=', '12')]))
