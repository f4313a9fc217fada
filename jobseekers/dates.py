"""Calendar helpers shared by the models and the population generator (pure)."""

import calendar
from datetime import date


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier; the last day of the month when that month is shorter (Act 150/1930 § 3)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
