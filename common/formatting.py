"""Numbers, dates and times for texts built outside templates.

`local_*` follow the active language (tyollisyysalue/formats: 1.12.2026 · 1.12.2026 · 1 Dec 2026) and belong in
everything a user reads on a page, in a message or in a letter; `fi_*` are always Finnish, for the Finnish-only output
of management commands and the statutory plan's own figures."""

from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from django.utils import formats, timezone


def fi_number(value, decimals: int | None = None) -> str:
    """1 234,5: a no-break space between thousands and a decimal comma; trailing zeros dropped unless `decimals`."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        places = 2 if decimals is None else decimals
        value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
        if decimals is None:
            value = value.normalize()
            if value == value.to_integral():
                value = value.quantize(Decimal(1))
        text = format(value, ",f")
    else:
        text = format(value, ",")
    return text.translate({ord(","): "\u00a0", ord("."): ","})


def fi_date(day: date) -> str:
    """28.11.2026, without leading zeros."""
    return f"{day.day}.{day.month}.{day.year}"


def local_number(value, decimals: int | None = None) -> str:
    """fi_number's rounding with the active language's separators: 1 234,5 · 1 234,5 · 1,234.5."""
    text = fi_number(value, decimals)
    separators = {
        ord("\u00a0"): formats.get_format("THOUSAND_SEPARATOR"),
        ord(","): formats.get_format("DECIMAL_SEPARATOR"),
    }
    return text.translate(separators)


def local_date(day: date) -> str:
    """The active language's short date: 1.12.2026 · 1.12.2026 · 1 Dec 2026."""
    if isinstance(day, datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def local_time(moment: datetime | time) -> str:
    """The active language's clock time, in the service's time zone for an aware moment: 10.30 · 10.30 · 10:30."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.time_format(moment, "TIME_FORMAT")


def local_datetime(moment: datetime) -> str:
    """A day and its clock time, as local_date and local_time write them."""
    return f"{local_date(moment)} {local_time(moment)}"
