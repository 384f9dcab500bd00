from .common_appeal import AppealCase


class TestAppealReports(AppealCase):

    def test_appeal_card(self):
        appeal = self.new_appeal()
        text = self.pdf_text('deputat_crm.action_report_appeal_card', appeal)
        self.assertIn('Соколова', text)
        self.assertIn(appeal.name, text)

    def test_answer_letter(self):
        appeal = self.new_appeal(answer_text='<p>Ремонт дороги включён в план на 2027 год.</p>')
        text = self.pdf_text('deputat_crm.action_report_appeal_answer', appeal)
        self.assertIn('Мария Ивановна Соколова', text)
        self.assertIn('Ремонт дороги', text)

    def test_request_letter(self):
        appeal = self.new_appeal()
        request = self.env['deputat.appeal.request'].create({
            'appeal_id': appeal.id, 'partner_id': self.authority.id,
            'text': '<p>Прошу сообщить сроки ремонта дороги.</p>'})
        text = self.pdf_text('deputat_crm.action_report_appeal_request', request)
        self.assertIn('Соколовой', text)  # «обращение гражданки Соколовой Марии Ивановны»
        self.assertIn('Администрация Заречного района', text)
