"""Build deputat_crm/i18n_core/ru.po: the office's Russian for terms of Odoo's own modules.

    .venv/bin/python scripts/i18n_core.py

Reads deputat_crm/i18n_core/terms.tsv ("module<TAB>English<TAB>Russian[<TAB>more references]",
`\\n` for newlines) and writes ru.po with each term's references (#: code:..., model:...,
selection:...) copied from that module's own i18n/ru.po, plus the optional references of the
fourth column (e.g. `selection:deputat.event,activity_state`: a field of Odoo's mixin on the
office's models, which no module exports), so the addon can apply them to the right ir.translation rows
(models/ir_translation.py). A term absent from the module's ru.po is an error: its English
source must be written exactly as Odoo has it.
"""
import os
import sys

import polib

import odoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, 'deputat_crm', 'i18n_core')
ADDONS = os.path.join(os.path.dirname(odoo.__file__), 'addons')


def main():
    sources, entries, errors = {}, {}, []
    with open(os.path.join(CORE, 'terms.tsv'), encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            module, src, value, *more = line.rstrip('\n').split('\t')
            src, value = src.replace('\\n', '\n'), value.replace('\\n', '\n')
            if module not in sources:
                sources[module] = polib.pofile(os.path.join(ADDONS, module, 'i18n', 'ru.po'))
            found = sources[module].find(src)
            if not found:
                errors.append('%s: %r is not a term of this module' % (module, src))
                continue
            entry = entries.get(src)
            if entry is None:
                entry = entries[src] = polib.POEntry(msgid=src, msgstr=value, occurrences=[],
                                                     comment='module: %s' % module, flags=[])
            elif entry.msgstr != value:
                errors.append('%r has two translations: %r, %r' % (src, entry.msgstr, value))
            web = 'openerp-web' in (found.comment or '')
            if web and 'openerp-web' not in entry.comment:
                entry.comment += '\nopenerp-web'
            extra = [(ref, '0') for ref in ' '.join(more).split()]
            entry.occurrences += [occ for occ in found.occurrences + extra
                                  if occ not in entry.occurrences]
            for flag in found.flags:
                if flag not in entry.flags:
                    entry.flags.append(flag)
    if errors:
        print('\n'.join(errors))
        return 1
    po = polib.POFile(wrapwidth=0)
    po.metadata = {'Project-Id-Version': 'Odoo Server 11.0', 'Language': 'ru',
                   'Content-Type': 'text/plain; charset=UTF-8'}
    for entry in entries.values():
        po.append(entry)
    po.save(os.path.join(CORE, 'ru.po'))
    print('i18n_core/ru.po: %d terms' % len(po))
    return 0


if __name__ == '__main__':
    sys.exit(main())
