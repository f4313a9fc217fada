"""Numbers and dates the Finnish way for texts built outside templates (messages of commands, reports, tables)."""

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction


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
