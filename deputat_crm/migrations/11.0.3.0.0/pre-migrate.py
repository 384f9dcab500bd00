# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Before the upgrade to 11.0.3.0.0: the appeal form was reorganised (stage-driven parts, the
«Действие» menu), so the module's views that extend another view may anchor on elements the new
base view no longer has. Odoo checks a base view with its stored extensions before it reloads
those extensions, which fails; the extensions are dropped here and the upgrade creates them
anew from the module's files (they hold no office data)."""
import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    while True:
        # the module's extension views that nothing else extends: leaves first
        cr.execute("""
            DELETE FROM ir_ui_view v
             USING ir_model_data d
             WHERE d.model = 'ir.ui.view' AND d.res_id = v.id AND d.module = 'deputat_crm'
               AND v.inherit_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM ir_ui_view c WHERE c.inherit_id = v.id)
         RETURNING v.id""")
        ids = [row[0] for row in cr.fetchall()]
        if not ids:
            break
        cr.execute("DELETE FROM ir_model_data WHERE model = 'ir.ui.view' AND res_id IN %s",
                   (tuple(ids),))
        _logger.info('deputat_crm %s: %d extension views dropped to be made anew', version,
                     len(ids))
