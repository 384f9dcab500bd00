"""The pre-migration of 11.0.3.0.0 drops the module's extension views (leaves first) so that
the upgrade makes them anew from the files; the primary views and other modules' views stay."""
import importlib.util
import os

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase


def load_migration(version, name):
    path = os.path.join(get_module_path('deputat_crm'), 'migrations', version, name)
    spec = importlib.util.spec_from_file_location('deputat_crm_migration', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestMigration(TransactionCase):

    def _module_views(self, extensions):
        self.env.cr.execute("""
            SELECT v.id FROM ir_ui_view v JOIN ir_model_data d
                ON d.model = 'ir.ui.view' AND d.res_id = v.id AND d.module = 'deputat_crm'
             WHERE (v.inherit_id IS NOT NULL) = %s""", (extensions,))
        return {row[0] for row in self.env.cr.fetchall()}

    def test_extension_views_are_dropped_for_the_upgrade(self):
        extensions, primaries = self._module_views(True), self._module_views(False)
        self.assertTrue(extensions)
        # an extension of an extension (the appeal form's notice buttons extend the form,
        # which other extensions extend too) goes as well: leaves first
        self.env.cr.execute('SELECT count(*) FROM ir_ui_view WHERE inherit_id IN %s',
                            (tuple(extensions),))
        self.assertTrue(self.env.cr.fetchone()[0])
        self.env.cr.execute("SELECT count(*) FROM ir_ui_view WHERE id NOT IN %s",
                            (tuple(extensions),))
        others = self.env.cr.fetchone()[0]
        load_migration('11.0.3.0.0', 'pre-migrate.py').migrate(self.env.cr, '11.0.2.0.0')
        self.assertFalse(self._module_views(True))
        self.assertEqual(self._module_views(False), primaries)
        self.env.cr.execute('SELECT count(*) FROM ir_ui_view')
        self.assertEqual(self.env.cr.fetchone()[0], others)
        self.env.cr.execute("SELECT count(*) FROM ir_model_data WHERE model = 'ir.ui.view' "
                            "AND res_id IN %s", (tuple(extensions),))
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_nothing_on_install(self):
        before = self._module_views(True)
        load_migration('11.0.3.0.0', 'pre-migrate.py').migrate(self.env.cr, None)
        self.assertEqual(self._module_views(True), before)
