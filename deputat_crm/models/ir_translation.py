# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office's Russian for terms of Odoo's own modules (web, mail, ...).

Odoo 11 imports a module's i18n/ru.po under that module's name and never overwrites a term
another module already translated, and the web client merges the modules' JS terms in
alphabetical order (the last one wins). So the core terms the office sees every hour
(«Planned activities», «Mark Done», «Count» shown as «Посчитать»...) cannot be fixed from
deputat_crm/i18n/ru.po. They live in deputat_crm/i18n_core/<lang>.po, with the references of
the core module (#: code:addons/mail/..., model:ir.ui.view,arch_db:mail....), and are written
onto the core modules' own ir.translation rows each time Odoo loads translations (install,
upgrade, «Load a Translation», --load-language): idempotent, whatever the order of loading.
"""
import logging

from odoo import api, models, tools
from odoo.modules import get_module_resource
from odoo.tools.translate import PoFile

_logger = logging.getLogger(__name__)

CORE_TERMS_DIR = 'i18n_core'


class IrTranslation(models.Model):
    _inherit = 'ir.translation'

    @api.model
    def load_module_terms(self, modules, langs):
        res = super(IrTranslation, self).load_module_terms(modules, langs)
        self._deputat_apply_core_terms(langs)
        return res

    @api.model
    def _deputat_core_terms(self, lang):
        """(type, name, res_id, src, value, comments) of i18n_core/<lang>.po (or <ll>.po)."""
        iso = tools.get_iso_codes(lang)
        for code in (iso, iso.split('_')[0]):
            path = get_module_resource('deputat_crm', CORE_TERMS_DIR, code + '.po')
            if path:
                with tools.file_open(path, 'rb') as buf:
                    return [row for row in PoFile(buf) if row[4]]
        return []

    @api.model
    def _deputat_apply_core_terms(self, langs):
        """Write the office's translations of core terms; returns how many rows changed."""
        changed = 0
        for lang in langs:
            for ttype, name, res_id, src, value, comments in self._deputat_core_terms(lang):
                if ttype == 'code':
                    changed += self._deputat_set_code_term(lang, name, src, value, comments)
                elif ttype == 'model':
                    changed += self._deputat_set_model_term(lang, name, res_id, src, value)
                elif ttype == 'selection':
                    changed += self._deputat_set_selection_term(lang, name, src, value)
        if changed:
            _logger.info('deputat_crm: %d translations of core terms applied', changed)
            self.clear_caches()
            self.env['ir.ui.view'].clear_caches()
            self.invalidate_cache()
        return changed

    def _deputat_upsert(self, where, params, values):
        """Set the value of the rows matching `where`; insert `values` if there is none."""
        cr = self.env.cr
        cr.execute("UPDATE ir_translation SET value = %%s, state = 'translated' "
                   "WHERE %s AND value IS DISTINCT FROM %%s" % where,
                   [values['value']] + params + [values['value']])
        changed = cr.rowcount
        cr.execute("SELECT 1 FROM ir_translation WHERE %s LIMIT 1" % where, params)
        if not cr.rowcount:
            columns = sorted(values)
            cr.execute("INSERT INTO ir_translation (%s, state) VALUES (%s, 'translated')" % (
                ', '.join(columns), ', '.join(['%s'] * len(columns))),
                [values[column] for column in columns])
            changed += 1
        return changed

    def _deputat_set_code_term(self, lang, name, src, value, comments):
        # The same English source gets the same Russian in every module: the web client keeps
        # the last module's translation of a JS term, Python's _() takes any row.
        parts = name.split('/')
        module = parts[1] if len(parts) > 2 and parts[0] == 'addons' else None
        if module and not self.env['ir.module.module'].search_count(
                [('name', '=', module), ('state', '=', 'installed')]):
            return 0
        cr = self.env.cr
        cr.execute("UPDATE ir_translation SET value = %s, state = 'translated' "
                   "WHERE lang = %s AND type = 'code' AND src = %s "
                   "AND value IS DISTINCT FROM %s", (value, lang, src, value))
        changed = cr.rowcount
        return changed + self._deputat_upsert(
            "lang = %s AND type = 'code' AND name = %s AND src = %s", [lang, name, src],
            {'lang': lang, 'type': 'code', 'name': name, 'src': src, 'value': value,
             'res_id': 0, 'module': module, 'comments': comments or None})

    def _deputat_set_model_term(self, lang, name, xmlid, src, value):
        record = self.env.ref(xmlid, raise_if_not_found=False)
        model, field_name = name.split(',')
        if record is None or record._name != model or field_name not in record._fields:
            return 0
        where = "lang = %s AND type = 'model' AND name = %s AND res_id = %s"
        params = [lang, name, record.id]
        if callable(record._fields[field_name].translate):  # xml_translate: one row per term
            where += " AND src = %s"
            params.append(src)
        return self._deputat_upsert(where, params, {
            'lang': lang, 'type': 'model', 'name': name, 'res_id': record.id, 'src': src,
            'value': value, 'module': xmlid.split('.')[0]})

    def _deputat_set_selection_term(self, lang, name, src, value):
        model = name.split(',')[0]
        if model not in self.env:
            return 0
        return self._deputat_upsert(
            "lang = %s AND type = 'selection' AND name = %s AND src = %s", [lang, name, src],
            {'lang': lang, 'type': 'selection', 'name': name, 'src': src, 'value': value})
