# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Surname, first name, patronymic and gender of a person, for the salutation of letters
(«Уважаемый Иван Петрович!»). Filled from the full name when not given (and once for the
contacts that existed before, ``_deputat_fill_name_parts``)."""
from odoo import api, fields, models

from ..lib.ru_salutation import patronymic_gender, salutation_of, split_name

NAME_PARTS = ('deputat_surname', 'deputat_first_name', 'deputat_patronymic')


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    deputat_surname = fields.Char(string='Surname')
    deputat_first_name = fields.Char(string='First name')
    deputat_patronymic = fields.Char(string='Patronymic')
    deputat_gender = fields.Selection([('male', 'Male'), ('female', 'Female')], string='Gender',
                                      help='For the salutation of letters: «Уважаемый» or '
                                           '«Уважаемая».')

    @api.model
    def _deputat_name_values(self, name, is_company=False):
        """The parts of a person's full name («Фамилия Имя Отчество»), {} when not found."""
        if is_company:
            return {}
        surname, first, patronymic = split_name(name)
        if not first:
            return {}
        return {'deputat_surname': surname, 'deputat_first_name': first,
                'deputat_patronymic': patronymic,
                'deputat_gender': patronymic_gender(patronymic) or False}

    @api.model
    def create(self, vals):
        if vals.get('name') and not any(vals.get(name) for name in NAME_PARTS):
            parts = self._deputat_name_values(vals['name'], vals.get('is_company'))
            vals = dict(parts, **vals)
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        res = super(ResPartner, self).write(vals)
        if vals.get('name') and not set(NAME_PARTS) & set(vals):
            for partner in self:
                parts = self._deputat_name_values(partner.name, partner.is_company)
                if parts:
                    super(ResPartner, partner).write(parts)
        return res

    @api.model
    def _deputat_fill_name_parts(self):
        """Install: split the full names of the persons that have no parts yet."""
        persons = self.with_context(active_test=False).search([
            ('is_company', '=', False), ('deputat_first_name', '=', False)])
        for partner in persons:
            parts = self._deputat_name_values(partner.name)
            if parts:
                super(ResPartner, partner).write(parts)
        return True

    def _deputat_salutation(self):
        """«Уважаемый Василий Иванович!» / «Уважаемая …» (the generic one without the parts)."""
        self.ensure_one()
        return salutation_of(self.deputat_first_name, self.deputat_patronymic,
                             self.deputat_gender)
