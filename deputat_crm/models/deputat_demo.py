# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data in the office's language, without Odoo's demo companies.

Odoo loads a module's translations after its data and demo: demo records created and walked
through the pipeline would get English task titles, checklists and chatter lines. The demo
starts with ``_deputat_demo_office_language`` (the module's terms loaded, the administrator who
runs the demo working in Russian) and ends with ``_deputat_demo_done``."""
from odoo import api, models

OFFICE_LANG = 'ru_RU'
PREVIOUS_LANG_PARAM = 'deputat_crm.demo_admin_lang'
# Odoo's sample logins of base's demo data
ODOO_DEMO_USERS = ('base.user_demo', 'base.demo_user0')


class ResUsers(models.Model):
    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def _deputat_demo_office_language(self):
        """Load the module's Russian now and let the administrator (who creates and walks the
        demo records) work in it: tracking lines, robot tasks and messages come out Russian."""
        if not self.env['res.lang'].search_count([('code', '=', OFFICE_LANG)]):
            return False  # the database was made without Russian: the demo stays English
        self.env['ir.translation'].load_module_terms(['deputat_crm'], [OFFICE_LANG])
        admin = self.env.ref('base.user_root')
        params = self.env['ir.config_parameter'].sudo()
        if not params.get_param(PREVIOUS_LANG_PARAM):
            params.set_param(PREVIOUS_LANG_PARAM, admin.lang or 'en_US')
        admin.lang = OFFICE_LANG
        return True

    @api.model
    def _deputat_demo_done(self):
        """The administrator, who made the demo records, follows none of them and gets his
        language back."""
        admin = self.env.ref('base.user_root')
        self.env['mail.followers'].search([
            ('partner_id', '=', admin.partner_id.id),
            ('res_model', 'in', [name for name in self.env if name.startswith('deputat.')])]).unlink()
        params = self.env['ir.config_parameter'].sudo()
        previous = params.get_param(PREVIOUS_LANG_PARAM)
        if previous:
            admin.lang = previous
            params.set_param(PREVIOUS_LANG_PARAM, False)
        return True


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def _deputat_demo_archive_odoo_partners(self):
        """Archive the demo contacts of Odoo's own modules (ASUSTeK, Agrolait and their people)
        and Odoo's sample logins («Demo User», «Demo Portal User»): the office's contact lists
        show the office's contacts only. The partners of the other users and of companies stay."""
        IrModelData = self.env['ir.model.data']
        odoo_demo_users = self.env['res.users'].browse(
            [uid for uid in map(IrModelData.xmlid_to_res_id, ODOO_DEMO_USERS) if uid]).exists()
        odoo_demo_users.write({'active': False})
        self.env.cr.execute("""
            SELECT res_id FROM ir_model_data
             WHERE model = 'res.partner' AND module != 'deputat_crm'
               AND (name LIKE 'res_partner_%%' OR name LIKE 'partner_demo_%%')
        """)
        partners = self.browse([row[0] for row in self.env.cr.fetchall()]).exists()
        keep = (self.env['res.users'].with_context(active_test=False).search([]).mapped('partner_id')
                | self.env['res.company'].search([]).mapped('partner_id'))
        partners = (partners - keep | odoo_demo_users.mapped('partner_id')).filtered('active')
        partners.write({'active': False})
        return len(partners)
