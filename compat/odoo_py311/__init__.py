"""Compatibility layer: Odoo 11.0 on CPython 3.11.

Odoo 11 was written for Python 3.5/3.6. This package holds *every* adaptation the project
needs to run it on 3.11, in one place, each shim naming the Python change that made it
necessary. Nothing here changes installed files: the set-up writes a ``.pth`` file into the
virtualenv so that this package is imported when the interpreter starts, before ``odoo``.

Two kinds of shims:

* stdlib aliases (``apply_stdlib``) that must exist before ``odoo`` is imported, because Odoo
  uses them in class statements and ``from x import y`` lines;
* fixes of one Odoo module (``POST_IMPORT``), applied right after that module is executed,
  through a ``sys.meta_path`` finder, so the fix is scoped to that module.

``odoo_py311.APPLIED`` lists the shims that ran; ``tests/runtime/test_compat.py`` tests each one.
"""
import sys

from . import hooks, shims

APPLIED = []


def apply():
    """Install everything. Idempotent."""
    if APPLIED:
        return APPLIED
    APPLIED.extend(shims.apply_stdlib())
    hooks.install(shims.POST_IMPORT, APPLIED)
    return APPLIED


# Only the interpreter of the project's venv loads this package (through its .pth file).
if sys.version_info >= (3, 9):
    apply()
