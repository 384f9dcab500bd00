"""Pure Python helpers of deputat_crm: no ORM, no odoo import, tested in tests/unit/."""
