"""Unit tests of the addon's pure Python library (deputat_crm/lib): no database, no registry.

They run in the project's pytest-odoo run (`make test`) and alone, without the plugin:

    .venv/bin/python -m pytest -p no:odoo tests/unit -q

Without pytest-odoo no Odoo configuration is parsed, so the project folder is added to Odoo's
addons path here to make ``odoo.addons.deputat_crm`` importable."""
from odoo.modules import module as odoo_module

from ..conftest import ROOT

if ROOT not in odoo_module.ad_paths:
    odoo_module.ad_paths.append(ROOT)
odoo_module.initialize_sys_path()  # installs Odoo's odoo.addons.* import hook (idempotent)
