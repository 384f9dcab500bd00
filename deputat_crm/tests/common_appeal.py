from datetime import timedelta

from odoo import fields

from .common import DeputatCase


def add_days(date, days):
    return fields.Date.to_string(fields.Date.from_string(date) + timedelta(days=days))


class AppealCase(DeputatCase):
    """Appeal fixtures: an applicant with a Cyrillic name, an authority, the robots' users set
    to the test users, and helpers to create appeals and read their activities."""

    def setUp(self):
        super(AppealCase, self).setUp()
        Param = self.env['ir.config_parameter'].sudo()
        Param.set_param('deputat_crm.deputy_user_id', str(self.user_deputy.id))
        Param.set_param('deputat_crm.office_head_user_id', str(self.user_head.id))
        Param.set_param('deputat_crm.intake_user_id', str(self.user_assistant.id))
        Partner = self.env['res.partner']
        self.applicant = Partner.create({
            'name': 'Мария Ивановна Соколова', 'email': 'sokolova@example.ru',
            'street': 'ул. Ленина, 5', 'city': 'Заречный'})
        self.authority = Partner.create({'name': 'Администрация Заречного района',
                                         'is_company': True})
        self.authority2 = Partner.create({'name': 'Прокуратура Заречного района',
                                          'is_company': True})
        # the robots write in the language of their user: the tests read English
        self.Appeal = self.env['deputat.appeal'].with_context(lang='en_US')
        self.today = fields.Date.context_today(self.Appeal)

    def stage(self, code):
        return self.env.ref('deputat_crm.stage_%s' % code)

    def new_appeal(self, user=None, **vals):
        values = {
            'partner_id': self.applicant.id,
            'subject': 'Ремонт дороги',
            'description': 'Прошу отремонтировать дорогу на ул. Ленина.',
            'date_received': self.today,
            'date_registered': self.today,
            'user_id': self.user_assistant.id,
            'topic_id': self.env.ref('deputat_crm.classifier_0003_0009_0099_0742').id,
            'channel_id': self.env.ref('deputat_crm.channel_post').id,
        }
        values.update(vals)
        return self.Appeal.sudo(user or self.user_assistant).create(values)

    def activities(self, appeal, type_xmlid=None, user=None):
        domain = [('res_model', '=', 'deputat.appeal'), ('res_id', '=', appeal.id)]
        if type_xmlid:
            domain.append(('activity_type_id', '=', self.env.ref(type_xmlid).id))
        if user:
            domain.append(('user_id', '=', user.id))
        return self.env['mail.activity'].search(domain)

    def as_user(self, record, user):
        return record.sudo(user)
