# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Deputy Office CRM / CRM «Депутат»',
    'summary': "Citizens' appeals under 59-FZ, events and a segmented contact base "
               "for a deputy's office / Обращения граждан по 59-ФЗ, мероприятия и "
               "сегментированная база контактов для приёмной депутата",
    'version': '11.0.1.0.0',
    'category': 'Deputy Office',
    'author': 'deputat_crm authors',
    'license': 'LGPL-3',
    'application': True,
    'installable': True,
    'depends': [
        'mail',
        'contacts',
        'calendar',
        'base_automation',
        'mass_mailing',
    ],
    'data': [
        'security/deputat_security.xml',
        'security/ir.model.access.csv',
        'data/deputat_audience_data.xml',
        'views/deputat_menus.xml',
        'views/deputat_territory_views.xml',
        'views/deputat_audience_views.xml',
        'views/report_assets.xml',
        'security/deputat_appeal_security.xml',
        'data/deputat_appeal_data.xml',
        'data/deputat_appeal_stage_data.xml',
        'data/deputat_appeal_topic_data.xml',
        'data/deputat_appeal_cron.xml',
        'views/deputat_appeal_views.xml',
        'views/deputat_appeal_request_views.xml',
        'views/deputat_appeal_config_views.xml',
        'report/deputat_appeal_reports.xml',
        'report/deputat_appeal_templates.xml',
    ],
    'demo': [
        'demo/res_users_demo.xml',
        'demo/deputat_territory_demo.xml',
        'demo/deputat_appeal_demo.xml',
    ],
}
