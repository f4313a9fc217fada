"""Calendar arithmetic (pure)."""

import calendar
from datetime import date
from functools import lru_cache


# Pure and called millions of times (the service model's deadlines, the demo's histories) with a few thousand
# distinct days: dates and ints are hashable and immutable, so a cached result is the computed one.
@lru_cache(maxsize=1 << 16)
def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (earlier when negative), or that month's last day if it is shorter
    (Act 150/1930 § 3)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_before(day: date, months: int) -> date:
    return add_months(day, -months)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
