from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common.dates import add_months
from service_model import workdays
from service_model.workdays import (
    add_working_days,
    is_working_day,
    next_working_day_on_or_after,
    working_days_between,
)

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 12, 23), True),
        (date(2025, 12, 24), False),  # Christmas Eve, a Wednesday
        (date(2025, 12, 26), False),  # Boxing Day
        (date(2025, 12, 31), True),  # New Year's Eve is an ordinary working day
        (date(2026, 1, 6), False),  # Epiphany
        (date(2026, 4, 3), False),  # Good Friday
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 4, 7), True),
        (date(2026, 5, 1), False),  # May Day, a Friday
        (date(2026, 5, 14), False),  # Ascension Day
        (date(2026, 6, 18), True),
        (date(2026, 6, 19), False),  # Midsummer Eve (juhannusaatto)
        (date(2027, 12, 6), False),  # Independence Day, a Monday
        (date(2026, 1, 10), False),  # an ordinary Saturday
        (date(2026, 1, 11), False),  # an ordinary Sunday
    ],
)
def test_is_working_day(day: date, expected: bool) -> None:
    assert is_working_day(day) is expected


@pytest.mark.parametrize("year", range(2020, 2041))
def test_christmas_eve_and_midsummer_eve_are_never_working_days(year: int) -> None:
    # Act 150/1930 names both eves; the package lists them today, and this pins that it keeps doing so.
    midsummer_eve = next(date(year, 6, day) for day in range(19, 26) if date(year, 6, day).weekday() == 4)
    calendar = holidays.Finland(years=year)
    assert date(year, 12, 24) in calendar
    assert midsummer_eve in calendar
    assert not is_working_day(date(year, 12, 24))
    assert not is_working_day(midsummer_eve)
    assert not is_working_day(date(year, 12, 6))
    assert not is_working_day(date(year, 5, 1))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2025, 12, 23), 1, date(2025, 12, 29)),
        (date(2025, 12, 23), 5, date(2026, 1, 5)),
        (date(2025, 12, 19), 5, date(2025, 12, 31)),
        (date(2026, 12, 30), 10, date(2027, 1, 15)),
        (date(2026, 12, 31), 1, date(2027, 1, 4)),
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # over Good Friday, the weekend and Easter Monday
        (date(2026, 4, 1), 2, date(2026, 4, 7)),
        (date(2026, 6, 18), 1, date(2026, 6, 22)),  # over Midsummer Eve
        (date(2026, 4, 30), 1, date(2026, 5, 4)),  # over May Day
        (date(2027, 12, 3), 1, date(2027, 12, 7)),  # over Independence Day
        (date(2026, 1, 10), 1, date(2026, 1, 12)),  # a Saturday event: day 1 is Monday
        (date(2026, 1, 12), 1, date(2026, 1, 13)),  # a working-day event is not counted either
        (date(2026, 1, 10), 0, date(2026, 1, 10)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected


def test_add_working_days_rejects_negative_counts() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        add_working_days(date(2026, 1, 12), -1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 24), date(2026, 12, 28)),
        (date(2026, 6, 19), date(2026, 6, 22)),
        (date(2026, 4, 3), date(2026, 4, 7)),
        (date(2026, 1, 1), date(2026, 1, 2)),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ],
)
def test_next_working_day_on_or_after(day: date, expected: date) -> None:
    assert next_working_day_on_or_after(day) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2025, 12, 19), date(2025, 12, 31), 5),
        (date(2025, 12, 31), date(2025, 12, 19), -5),
        (date(2026, 1, 12), date(2026, 1, 12), 0),
        (date(2026, 4, 2), date(2026, 4, 7), 1),
        (date(2026, 1, 1), date(2027, 1, 1), 252),  # 261 weekdays, 9 of them holidays
    ],
)
def test_working_days_between(a: date, b: date, expected: int) -> None:
    assert working_days_between(a, b) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 11, 15), 3, date(2026, 2, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 10, 15), 12, date(2026, 10, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_holiday_calendar_is_built_once_per_year() -> None:
    workdays._non_working_holidays.cache_clear()
    workdays.is_working_day.cache_clear()  # its own answers would spare the calendar the question
    for offset in range(365):
        is_working_day(date(2031, 1, 1) + timedelta(days=offset))
    assert workdays._non_working_holidays.cache_info().misses == 1


@settings(max_examples=150, deadline=None)
@given(start=dates, n=st.integers(min_value=1, max_value=40))
def test_add_working_days_lands_on_a_working_day_after_start(start: date, n: int) -> None:
    result = add_working_days(start, n)
    assert is_working_day(result)
    assert result > start
    assert working_days_between(start, result) == n


@settings(max_examples=100, deadline=None)
@given(start=dates, n=st.integers(min_value=0, max_value=30), more=st.integers(min_value=1, max_value=10))
def test_add_working_days_is_strictly_monotone_in_n(start: date, n: int, more: int) -> None:
    assert add_working_days(start, n) < add_working_days(start, n + more)


@settings(max_examples=100, deadline=None)
@given(start=dates, later_by=st.integers(min_value=0, max_value=30), n=st.integers(min_value=0, max_value=30))
def test_add_working_days_is_monotone_in_start(start: date, later_by: int, n: int) -> None:
    assert add_working_days(start, n) <= add_working_days(start + timedelta(days=later_by), n)


@settings(max_examples=100, deadline=None)
@given(day=dates)
def test_next_working_day_on_or_after_is_the_first_working_day_from_day(day: date) -> None:
    result = next_working_day_on_or_after(day)
    assert result >= day
    assert is_working_day(result)
    assert working_days_between(day, result) == (0 if result == day else 1)
