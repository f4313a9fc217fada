"""Finnish statutory time limits (Act 150/1930 on calculating statutory time limits).

A deadline counted in working days skips every day that is not an arkipäivä: Saturdays, Sundays, public
holidays (pyhäpäivät), Independence Day, May Day, Christmas Eve and Midsummer Eve. The `holidays` package's
Finland calendar lists all of these, Christmas Eve and Midsummer Eve included; the tests pin that, so a change
in the package fails loudly instead of silently moving deadlines.
"""

from datetime import date, timedelta
from functools import cache, lru_cache

import holidays

__all__ = [
    "add_working_days",
    "is_working_day",
    "next_working_day_on_or_after",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


@cache
def _non_working_holidays(year: int) -> frozenset[date]:
    # Building the calendar evaluates Easter and the movable feasts; deadline lists call this per job seeker.
    return frozenset(holidays.Finland(years=year))


# Both are asked tens of millions of times for a few thousand days when the demo simulates a national history.
@lru_cache(maxsize=1 << 15)
def is_working_day(day: date) -> bool:
    return day.weekday() < _SATURDAY and day not in _non_working_holidays(day.year)


@lru_cache(maxsize=1 << 15)
def next_working_day_on_or_after(day: date) -> date:
    """The day itself if it is a working day, else the next one (a time limit ending on a holiday moves on)."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start`.

    The day of the event itself is never counted (Act 150/1930 § 2): day 1 is the first working day after
    `start`, even when `start` is itself a working day. With n == 0 the event day is returned unchanged.
    """
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    day = start
    for _ in range(n):
        day = next_working_day_on_or_after(day + _ONE_DAY)
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days d with a < d <= b, negative when b is before a.

    The half-open interval makes this the inverse of `add_working_days`:
    ``working_days_between(s, add_working_days(s, n)) == n``.
    """
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for offset in range(1, (b - a).days + 1) if is_working_day(a + timedelta(days=offset)))
