"""Refresh deputat_crm/i18n/ru.po from the terms of an installed database.

    .venv/bin/python scripts/i18n_update.py DB [--from OTHER.po ...] [--check] [--output PATH]

Exports the addon's terms (deputat_crm.pot), then writes ru.po with every term: the Russian
text comes from the current ru.po (by English source), else from the --from files (e.g. both
sides of a merge, or a .tsv of "English<TAB>Russian" lines). Prints the terms still untranslated; --check exits 1 if there are any.
--output writes the result elsewhere (ru.po and the .pot untouched), e.g. to load it into a
database for a check: `bin/odoo -d DB --i18n-import=PATH --language=ru_RU --modules=deputat_crm`.

The Russian of terms of Odoo's own modules (web, mail...) is not here: Odoo would import it under
deputat_crm's name and never over the core module's own term. It lives in
deputat_crm/i18n_core/ (terms.tsv -> scripts/i18n_core.py -> ru.po, applied by
models/ir_translation.py on every load of translations).
"""
import argparse
import io
import os
import sys

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, 'deputat_crm', 'i18n')


def export_pot(db):
    import odoo
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, 'var', 'odoo.conf'), '-d', db])
    registry = odoo.registry(db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        buf = io.BytesIO()
        odoo.tools.trans_export(False, ['deputat_crm'], buf, 'po', cr)
        return buf.getvalue().decode('utf-8')


def known_translations(paths):
    known = {}
    for path in paths:
        if path.endswith('.tsv'):  # "English<TAB>Russian" lines, for filling many terms at once
            with open(path, encoding='utf-8') as f:
                for line in f:
                    if '\t' in line and not line.startswith('#'):
                        src, dst = line.rstrip('\n').split('\t', 1)
                        known.setdefault(src.replace('\\n', '\n'), dst.replace('\\n', '\n'))
        elif os.path.exists(path):
            for entry in polib.pofile(path):
                if entry.msgstr and not entry.obsolete and 'fuzzy' not in entry.flags:
                    known.setdefault(entry.msgid, entry.msgstr)
    return known


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('db')
    parser.add_argument('--from', dest='sources', action='append', default=[])
    parser.add_argument('--check', action='store_true')
    parser.add_argument('--output', help='write the .po here instead of i18n/ru.po')
    args = parser.parse_args()

    pot_text = export_pot(args.db)
    if not args.output:
        with open(os.path.join(I18N, 'deputat_crm.pot'), 'w', encoding='utf-8') as f:
            f.write(pot_text)
    ru_path = os.path.join(I18N, 'ru.po')
    known = known_translations([ru_path] + args.sources)
    po = polib.pofile(pot_text)
    po.metadata.update({
        'Project-Id-Version': 'Odoo Server 11.0',
        'Language': 'ru',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '',
        'Plural-Forms': 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
                        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
    })
    missing = []
    for entry in po:
        entry.msgstr = known.get(entry.msgid, '')
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.save(args.output or ru_path)
    print('%s: %d terms, %d untranslated' % (args.output or 'ru.po', len(po), len(missing)))
    for msgid in missing:
        print('  untranslated: %r' % msgid)
    return 1 if (args.check and missing) else 0


if __name__ == '__main__':
    sys.exit(main())
