#!/usr/bin/env python3
"""Generate the addon's copy of the official topic classifier from the shared, validated CSV.

    scripts/gen_classifier.py [SOURCE_CSV]

SOURCE_CSV defaults to ../shared/reference/classifier/classifier-2025-10-31.csv. The source is
validated with its own check.py first; the output is
deputat_crm/data/classifier/deputat_classifier.csv with the columns
``code,parent_code,level,name,auxiliary`` (auxiliary = 1 for the six вопросы that need a
substantive question beside them, see the classifier's README). The addon loads it on install
and on every upgrade (``deputat.appeal.topic._deputat_load_classifier``), so a new edition is:
put the new CSV in the shared folder, re-run this script, upgrade the addon.
Standard library only."""
import csv
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.join(os.path.dirname(ROOT), 'shared', 'reference', 'classifier',
                              'classifier-2025-10-31.csv')
TARGET = os.path.join(ROOT, 'deputat_crm', 'data', 'classifier', 'deputat_classifier.csv')
# footnotes 1-6 of the edition of 31.10.2025: «При выборе данного вопроса необходимо
# обязательно выбирать основной(ые) вопрос(ы)…»
AUXILIARY = {
    '0001.0001.0006.0016', '0001.0002.0027.0126', '0001.0002.0027.0127',
    '0001.0002.0027.0128', '0001.0002.0027.0130', '0003.0008.0077.0457',
}


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    check = os.path.join(os.path.dirname(source), 'check.py')
    if os.path.exists(check):
        subprocess.run([sys.executable, check, source], check=True)
    with open(source, encoding='utf-8', newline='') as handle:
        rows = list(csv.DictReader(handle))
    codes = {row['code'] for row in rows}
    missing = AUXILIARY - codes
    if missing:
        sys.exit('auxiliary questions missing from the source: %s' % ', '.join(sorted(missing)))
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    with open(TARGET, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.writer(handle, lineterminator='\n')
        writer.writerow(['code', 'parent_code', 'level', 'name', 'auxiliary'])
        for row in rows:
            writer.writerow([row['code'], row['parent_code'], row['level'], row['name'],
                             '1' if row['code'] in AUXILIARY else '0'])
    print('%s: %d entries, %d auxiliary' % (TARGET, len(rows), len(AUXILIARY)))


if __name__ == '__main__':
    main()
