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


# ---------------------------------------------------------------------- production calendar
# ``non_working``: public holidays and transferred days off (any weekday); ``working``: weekend
# days declared working (e.g. Saturday 2027-02-20). Both are sets of ``datetime.date``.

def is_working_day(day, non_working=(), working=()):
    """A working day of the Russian production calendar: Monday-Friday that is not a holiday or
    a transferred day off, or a weekend day declared working."""
    if day in working:
        return True
    return day.weekday() < SATURDAY and day not in non_working


def next_working_day(day, non_working=(), working=()):
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, non_working, working):
        day += datetime.timedelta(days=1)
    return day


def previous_working_day(day, non_working=(), working=()):
    """``day`` itself when it is a working day, else the last working day before it."""
    while not is_working_day(day, non_working, working):
        day -= datetime.timedelta(days=1)
    return day


def add_working_days(start, days, non_working=(), working=()):
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    if isinstance(start, datetime.datetime):
        start = start.date()
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, non_working, working):
            left -= 1
    return day


def term_dates(start, days, unit='calendar', non_working=(), working=()):
    """THE two dates of a term of ``days`` from ``start`` (counted from the day after, as ГК РФ
    art. 191): (legal last day, internal control date). In calendar days a last day that is not
    a working day moves to the next working day for the legal last day (by analogy with ГК РФ
    art. 193) and to the preceding working day for the control date; in working days both
    are the ``days``-th working day."""
    if isinstance(start, datetime.datetime):
        start = start.date()
    if unit == 'working':
        last = add_working_days(start, days, non_working, working)
        return last, last
    last = start + datetime.timedelta(days=days)
    return (next_working_day(last, non_working, working),
            previous_working_day(last, non_working, working))
