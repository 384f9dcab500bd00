"""Russian first: every term of deputat_crm has its Russian translation in i18n/ru.po, and a
ru_RU user really gets Russian labels from the installed database."""
import io
import os

import polib

import odoo

from ..conftest import ROOT


def test_every_term_is_translated(env):
    buf = io.BytesIO()
    odoo.tools.trans_export(False, ['deputat_crm'], buf, 'po', env.cr)
    terms = {entry.msgid for entry in polib.pofile(buf.getvalue().decode('utf-8'))}
    ru = polib.pofile(os.path.join(ROOT, 'deputat_crm', 'i18n', 'ru.po'))
    translated = {entry.msgid for entry in ru if entry.msgstr.strip() and not entry.obsolete}
    missing = sorted(terms - translated)
    assert len(terms) > 40
    assert not missing, 'untranslated terms (run make i18n): %s' % missing


def test_ru_user_sees_russian_labels(env):
    ru_env = env(context={'lang': 'ru_RU'})
    fields = ru_env['deputat.territory'].fields_get(['complete_name', 'kind'])
    assert fields['complete_name']['string'] == 'Полное название'
    assert dict(fields['kind']['selection'])['constituency'] == 'Избирательный округ'
    menu = ru_env.ref('deputat_crm.menu_deputat_root')
    assert menu.name == 'Депутат'
    assert ru_env.ref('deputat_crm.group_office_head').name == 'Руководитель аппарата'


def test_every_field_label_is_translated_in_the_database(env):
    """A label can be in ru.po and still not reach the user: Odoo 11 matches field translations
    by XML id, and colliding ids (field_<table>_<field>) silently lose them."""
    env.cr.execute("""
        SELECT f.model, f.name, f.field_description
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
                              AND d.module = 'deputat_crm'
         WHERE f.name NOT IN ('id', 'display_name', 'create_uid', 'create_date', 'write_uid',
                              'write_date', '__last_update', 'parent_left', 'parent_right')
           AND NOT EXISTS (SELECT 1 FROM ir_translation t
                            WHERE t.name = 'ir.model.fields,field_description'
                              AND t.res_id = f.id AND t.lang = 'ru_RU'
                              AND coalesce(t.value, '') != '')
    """)
    missing = ['%s.%s (%s)' % row for row in env.cr.fetchall()]
    assert not missing, 'field labels without Russian: %s' % missing
