"""Day counting of the terms of 59-FZ (pure functions, no ORM; tested in tests/unit/test_fz59.py).

The law gives no counting rule; the module counts calendar days from the day after the start
date, i.e. ``start + days`` (registration on 2 March + 30 days = 1 April). Optionally a term that
ends on a Saturday or Sunday moves to the following Monday (public holidays are not known)."""
import datetime

DATE_FORMAT = '%Y-%m-%d'  # Odoo's date string format (odoo.tools.DEFAULT_SERVER_DATE_FORMAT)
SATURDAY = 5


def add_days(start, days, shift_weekends=False):
    """``start`` (a ``datetime.date``) + ``days`` calendar days; with ``shift_weekends`` a
    result on a Saturday or Sunday moves to the following Monday. Returns a ``datetime.date``."""
    if isinstance(start, datetime.datetime):
        start = start.date()
    result = start + datetime.timedelta(days=days)
    if shift_weekends and result.weekday() >= SATURDAY:
        result += datetime.timedelta(days=7 - result.weekday())
    return result


def add_days_str(start, days, shift_weekends=False):
    """:func:`add_days` on Odoo date strings: ``start`` is 'YYYY-MM-DD' (a longer datetime
    string is cut to its date, as Odoo's ``fields.Date.from_string`` does) or a ``datetime.date``;
    returns 'YYYY-MM-DD', or False when ``start`` is empty."""
    if not start:
        return False
    if not isinstance(start, datetime.date):
        start = datetime.datetime.strptime(start[:10], DATE_FORMAT).date()
    return add_days(start, days, shift_weekends).strftime(DATE_FORMAT)
