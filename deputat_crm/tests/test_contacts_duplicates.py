from .common import DeputatCase


class TestDuplicates(DeputatCase):
    """Likely duplicates are reported on create, in the form and on import."""

    def setUp(self):
        super(TestDuplicates, self).setUp()
        self.Partner = self.env['res.partner'].sudo(self.user_assistant)
        self.petrova = self.env.ref('deputat_crm.deputat_partner_31')
        self.petrova_copy = self.env.ref('deputat_crm.deputat_partner_32')
        self.ivanova = self.env.ref('deputat_crm.deputat_partner_01')

    def notes(self, partner):
        # the demo contacts are created in the office's language (Russian)
        return partner.message_ids.filtered(lambda m: any(
            text in (m.body or '') for text in ('Possible duplicates', 'Возможные дубли')))

    def test_demo_duplicate_pair(self):
        self.assertEqual(self.petrova_copy.duplicate_ids, self.petrova)
        self.assertEqual(self.petrova.duplicate_count, 1)
        self.assertTrue(self.notes(self.petrova_copy))

    def test_same_phone_written_differently(self):
        partner = self.Partner.create({'name': 'М. Петрова', 'phone': '8 (916) 123-45-67'})
        self.assertEqual(partner.duplicate_ids, self.petrova | self.petrova_copy)
        note = self.notes(partner)
        self.assertEqual(len(note), 1)
        self.assertIn('#%d' % self.petrova.id, note.body)
        action = partner.action_deputat_view_duplicates()
        self.assertEqual(self.env['res.partner'].search(action['domain']),
                         partner | self.petrova | self.petrova_copy)

    def test_same_email_other_case(self):
        partner = self.Partner.create({'name': 'V. Ivanova', 'email': 'V.Ivanova@Example.com'})
        self.assertEqual(partner.duplicate_ids, self.ivanova)

    def test_same_name_needs_birthdate_or_street(self):
        name_only = self.Partner.create({'name': 'Иванова  Валентина Петровна'})
        self.assertFalse(name_only.duplicate_ids)
        self.assertFalse(self.notes(name_only))
        with_birthdate = self.Partner.create({'name': 'иванова валентина петровна',
                                              'birthdate': '1950-03-12'})
        self.assertEqual(with_birthdate.duplicate_ids, self.ivanova)
        with_street = self.Partner.create({'name': 'Иванова Валентина Петровна',
                                           'street': 'ул. Ленина, д. 12, кв. 4'})
        self.assertIn(self.ivanova, with_street.duplicate_ids)

    def test_unique_contact_has_no_warning(self):
        partner = self.Partner.create({'name': 'Совсем Новый Человек', 'phone': '+7 900 000-00-01',
                                       'email': 'unique.person@example.com'})
        self.assertFalse(partner.duplicate_ids)
        self.assertFalse(self.notes(partner))

    def test_onchange_warns_before_saving(self):
        draft = self.Partner.new({'name': 'Новый контакт', 'mobile': '+7 (912) 301-11-01'})
        result = draft._onchange_deputat_duplicates()
        self.assertEqual(result['warning']['title'], 'Possible duplicate')
        self.assertIn(self.ivanova.name, result['warning']['message'])
        draft = self.Partner.new({'name': 'Новый контакт', 'mobile': '+7 (900) 765-43-21'})
        self.assertFalse(draft._onchange_deputat_duplicates())

    def test_onchange_ignores_the_record_itself(self):
        self.assertFalse(self.ivanova.sudo(self.user_assistant)._onchange_deputat_duplicates())

    def test_import_warns(self):
        result = self.Partner.load(['name', 'email', 'mobile'], [
            ['Иванова В. П.', 'v.ivanova@EXAMPLE.com', ''],
            ['Импортированный Новый', 'imported.new@example.com', '+7 900 111-22-33'],
            ['Смирнов А.', '', '8 922 302 22 09'],
        ])
        self.assertEqual(len(result['ids']), 3)
        warnings = [m for m in result['messages'] if m['type'] == 'warning']
        self.assertEqual([w['record'] for w in warnings], [0, 2])
        imported = self.env['res.partner'].browse(result['ids'])
        self.assertEqual(imported[0].duplicate_ids, self.ivanova)
        self.assertTrue(self.notes(imported[0]))
        self.assertFalse(self.notes(imported[1]))
        self.assertEqual(imported[2].duplicate_ids,
                         self.env.ref('deputat_crm.deputat_partner_09'))

    def test_lookup_uses_indexes(self):
        """The duplicate query filters on indexed columns only (no function on the column)."""
        for column in ('phone_normalized', 'mobile_normalized', 'email_normalized',
                       'name_normalized', 'birthdate'):
            self.env.cr.execute("SELECT 1 FROM pg_indexes WHERE tablename = 'res_partner' "
                                "AND indexname = %s", ('res_partner_%s_index' % column,))
            self.assertTrue(self.env.cr.fetchone(), column)
