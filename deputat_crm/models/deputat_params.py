# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Whole-number system parameters (terms, limits, hours) the office head sets: one reading rule
— unset or not a number means the default."""


def parse_int(value, default):
    """``value`` (a parameter's text) as an int, or ``default`` when unset or not a number."""
    try:
        return int(value) if value not in (None, False, '') else default
    except ValueError:
        return default


def int_param(env, key, default):
    """The system parameter ``key`` as an int, or ``default``."""
    return parse_int(env['ir.config_parameter'].sudo().get_param(key), default)
