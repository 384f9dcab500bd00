# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# the office's language shows times without seconds (forms, lists, cards)
OFFICE_TIME_FORMATS = {'ru_RU': '%H:%M'}


class ResLang(models.Model):
    _inherit = 'res.lang'

    @api.model
    def _deputat_office_time_formats(self):
        """Times without seconds in the office's language (called by the module's data and
        when the language is installed later)."""
        for lang in self.with_context(active_test=False).search(
                [('code', 'in', list(OFFICE_TIME_FORMATS))]):
            if lang.time_format != OFFICE_TIME_FORMATS[lang.code]:
                lang.write({'time_format': OFFICE_TIME_FORMATS[lang.code]})
        return True

    @api.model
    def load_lang(self, lang, lang_name=None):
        result = super(ResLang, self).load_lang(lang, lang_name=lang_name)
        if lang in OFFICE_TIME_FORMATS:
            self._deputat_office_time_formats()
        return result
