"""The role × model × operation matrix is declared once, in readme/SECURITY.md; every cell is
checked for the four roles, a portal user and an internal user without a role."""
import os
import re

from .common_privacy import PrivacyCase

SECURITY_MD = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                           'readme', 'SECURITY.md')
OPERATIONS = (('r', 'read'), ('w', 'write'), ('c', 'create'), ('d', 'unlink'))
COLUMNS = ('assistant', 'lawyer', 'deputy', 'office head', 'portal', 'internal')


def declared_matrix():
    with open(SECURITY_MD, encoding='utf-8') as f:
        text = f.read()
    section = text.split('## Role × model × operation matrix', 1)[1]
    rows = {}
    header = None
    for line in section.splitlines():
        if not line.startswith('|'):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip('|').split('|')]
        if header is None:
            header = cells
            continue
        match = re.match(r'^`([\w.]+)`$', cells[0])
        if match:
            rows[match.group(1)] = dict(zip(header[1:], cells[1:]))
    assert tuple(header[1:]) == COLUMNS, header
    return rows


class TestAccessMatrix(PrivacyCase):

    def test_every_cell(self):
        users = dict(zip(COLUMNS, (self.user_assistant, self.user_lawyer, self.user_deputy,
                                   self.user_head, self.user_portal, self.user_plain)))
        matrix = declared_matrix()
        self.assertGreater(len(matrix), 25)
        wrong = []
        for model, row in sorted(matrix.items()):
            self.assertIn(model, self.env, model)
            for column, user in users.items():
                cell = row[column]
                self.assertRegex(cell, r'^[r-][w-][c-][d-]$', '%s/%s' % (model, column))
                for letter, operation in OPERATIONS:
                    expected = letter in cell
                    actual = self.env[model].sudo(user).check_access_rights(
                        operation, raise_exception=False)
                    if expected != bool(actual):
                        wrong.append('%s × %s × %s: declared %s, is %s' % (
                            column, model, operation, expected, bool(actual)))
        self.assertFalse(wrong, '\n'.join(wrong))

    def test_a_cell_can_fail(self):
        """The check reads the real access rights: removing one shows as a wrong cell."""
        access = self.env.ref('deputat_crm.access_deputat_audit_log_head')
        access.perm_read = False
        self.assertFalse(self.env['deputat.audit.log'].sudo(self.user_head).check_access_rights(
            'read', raise_exception=False))
