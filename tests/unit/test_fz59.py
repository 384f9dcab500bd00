"""deputat_crm/lib/fz59.py without the ORM: the day counting of the 59-FZ terms."""
import datetime

import pytest

from odoo.addons.deputat_crm.lib.fz59 import add_days, add_days_str

D = datetime.date


@pytest.mark.parametrize('start, days, expected', [
    (D(2026, 3, 2), 30, D(2026, 4, 1)),  # registration 2 March + 30 days = 1 April
    (D(2026, 3, 2), 0, D(2026, 3, 2)),
    (D(2026, 3, 2), 3, D(2026, 3, 5)),
    (D(2026, 1, 31), 1, D(2026, 2, 1)),  # month boundary
    (D(2026, 1, 31), 30, D(2026, 3, 2)),  # over a 28-day February
    (D(2028, 1, 31), 30, D(2028, 3, 1)),  # over a leap-year February
    (D(2028, 2, 28), 1, D(2028, 2, 29)),
    (D(2026, 12, 15), 30, D(2027, 1, 14)),  # year boundary
    (D(2026, 12, 31), 1, D(2027, 1, 1)),
    (D(2026, 4, 1), -30, D(2026, 3, 2)),  # backwards
])
def test_calendar_days(start, days, expected):
    assert add_days(start, days) == expected
    assert add_days(start, days, shift_weekends=False) == expected


@pytest.mark.parametrize('start, days, expected', [
    (D(2026, 3, 2), 30, D(2026, 4, 1)),  # Wednesday: unchanged
    (D(2026, 3, 6), 1, D(2026, 3, 9)),  # Saturday -> Monday
    (D(2026, 3, 6), 2, D(2026, 3, 9)),  # Sunday -> Monday
    (D(2026, 3, 6), 0, D(2026, 3, 6)),  # Friday stays
    (D(2026, 3, 6), 3, D(2026, 3, 9)),  # Monday stays
    (D(2026, 10, 1), 30, D(2026, 11, 2)),  # Saturday 31 October -> Monday 2 November
    (D(2026, 2, 27), 1, D(2026, 3, 2)),  # Saturday 28 February -> Monday 2 March
    (D(2027, 12, 1), 30, D(2027, 12, 31)),  # Friday 31 December stays
    (D(2027, 12, 1), 31, D(2028, 1, 3)),  # Saturday 1 January -> Monday 3 January (next year)
    (D(2027, 12, 1), 32, D(2028, 1, 3)),  # Sunday 2 January -> Monday 3
])
def test_weekend_shift(start, days, expected):
    assert add_days(start, days, shift_weekends=True) == expected


def test_shift_always_lands_on_the_first_working_day():
    start = D(2026, 1, 1)
    for days in range(0, 400):
        plain = add_days(start, days)
        shifted = add_days(start, days, shift_weekends=True)
        assert shifted.weekday() < 5
        assert 0 <= (shifted - plain).days <= 2
        if plain.weekday() < 5:
            assert shifted == plain


def test_returns_dates():
    result = add_days(D(2026, 3, 2), 30)
    assert type(result) is datetime.date
    # a datetime is taken by its date
    assert add_days(datetime.datetime(2026, 3, 2, 23, 59), 30) == D(2026, 4, 1)


@pytest.mark.parametrize('start, days, shift, expected', [
    ('2026-03-02', 30, False, '2026-04-01'),
    ('2026-03-02', 3, False, '2026-03-05'),
    ('2026-10-01', 30, False, '2026-10-31'),
    ('2026-10-01', 30, True, '2026-11-02'),
    ('2026-12-15', 30, True, '2027-01-14'),
    ('2027-12-01', 31, True, '2028-01-03'),
    ('2026-03-02 10:30:00', 30, False, '2026-04-01'),  # a datetime string: its date
])
def test_strings(start, days, shift, expected):
    assert add_days_str(start, days, shift) == expected
    assert add_days_str(start, days, shift_weekends=shift) == expected


@pytest.mark.parametrize('start', [False, None, ''])
def test_empty_start_is_false(start):
    assert add_days_str(start, 30) is False
    assert add_days_str(start, 30, shift_weekends=True) is False


def test_string_form_matches_date_form():
    for days in range(-40, 400, 7):
        for shift in (False, True):
            assert add_days_str('2026-02-27', days, shift) == add_days(
                D(2026, 2, 27), days, shift).isoformat()


def test_bad_string_raises():
    with pytest.raises(ValueError):
        add_days_str('02.03.2026', 30)


# ---------------------------------------------------------------------- production calendar
from odoo.addons.deputat_crm.lib.fz59 import (  # noqa: E402
    add_working_days, is_working_day, term_dates)

NEW_YEAR_2026 = {D(2026, 1, d) for d in range(1, 10)}  # 1-8 January holidays, 9 January moved
WORKING_SATURDAY = {D(2027, 2, 20)}


def test_new_year_term_legal_and_control_dates():
    # the 30th day after 2025-12-04 is Saturday 2026-01-03, inside the New Year holidays
    legal, control = term_dates(D(2025, 12, 4), 30, non_working=NEW_YEAR_2026)
    assert legal == D(2026, 1, 12)  # first working day after the holidays (Monday)
    assert control == D(2025, 12, 31)  # last working day before (31.12.2025 is a Wednesday)
    assert term_dates(D(2025, 12, 4), 30) == (D(2026, 1, 5), D(2026, 1, 2))  # weekends only


def test_working_saturday_counts():
    assert is_working_day(D(2027, 2, 20), working=WORKING_SATURDAY)
    assert not is_working_day(D(2027, 2, 20))
    assert term_dates(D(2027, 1, 21), 30, working=WORKING_SATURDAY) == (
        D(2027, 2, 20), D(2027, 2, 20))


def test_working_days_over_a_holiday():
    # 5 working days from Thursday 2026-06-11: 12 June (Russia Day) and the weekend skipped
    assert add_working_days(D(2026, 6, 11), 5, non_working={D(2026, 6, 12)}) == D(2026, 6, 19)
    assert term_dates(D(2026, 6, 11), 5, 'working', {D(2026, 6, 12)}) == (
        D(2026, 6, 19), D(2026, 6, 19))
