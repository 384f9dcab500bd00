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
