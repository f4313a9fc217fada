"""Finnish personal identity code (henkilötunnus, HETU): parsing, validation and synthetic codes.

python-stdnum is the authority on format, date and check character; this module adds what the system needs on
top: a birth date in the future is refused, temporary numbers 900–999 only pass when asked for, and every error
names the field and the reason in Finnish without ever repeating the code (DESIGN.md: a HETU never goes into a
log line or an error message).
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from stdnum import exceptions as stdnum_exceptions
from stdnum.fi import hetu as stdnum_hetu

Sex = Literal["male", "female"]

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

# Decree 690/2022: since 1.1.2023 the 1900s and 2000s have several signs each, so the same digits with two
# different signs are two different people.
CENTURY_SIGNS: dict[int, tuple[str, ...]] = {
    1800: ("+",),
    1900: ("-", "Y", "X", "W", "V", "U"),
    2000: ("A", "B", "C", "D", "E", "F"),
}
_CENTURY_OF_SIGN = {sign: century for century, signs in CENTURY_SIGNS.items() for sign in signs}

TEMPORARY_NUMBERS = range(900, 1000)

_SHAPE = re.compile(
    rf"(\d{{2}})(\d{{2}})(\d{{2}})([{re.escape(''.join(_CENTURY_OF_SIGN))}])(\d{{3}})([{CHECK_CHARACTERS}])",
    # Without ASCII, \d would also accept digits of other scripts, which int() reads but no register holds.
    re.ASCII,
)

FIELD = "henkilötunnus"

MESSAGES = {
    "format": "muoto on virheellinen",
    "date": "päivämäärä ei ole olemassa",
    "individual_number": "yksilönumero on virheellinen",
    "checksum": "tarkistemerkki ei täsmää",
    "future": "syntymäaika on tulevaisuudessa",
    "temporary": "väliaikainen tunnus (900–999) ei ole sallittu",
}


class HetuError(ValueError):
    """A refused identity code: `code` for programs, `message` for people; neither contains the identity code."""

    def __init__(self, code: str):
        self.code = code
        self.message = f"{FIELD}: {MESSAGES[code]}"
        super().__init__(self.message)


@dataclass(frozen=True)
class Hetu:
    # Kept out of repr so that logging the object does not log the identity code.
    code: str = field(repr=False)
    birth_date: date
    sex: Sex
    is_temporary: bool


def normalise(value: str) -> str:
    """Remove all whitespace (pasted codes carry spaces and non-breaking spaces) and upper-case the letters."""
    return "".join(value.split()).upper()


def parse(value: str, *, today: date, allow_temporary: bool = False) -> Hetu:
    code = normalise(value)
    shape = _SHAPE.fullmatch(code)
    if shape is None:
        raise HetuError("format")
    day, month, year, sign, individual, _check = shape.groups()
    try:
        birth_date = date(_CENTURY_OF_SIGN[sign] + int(year), int(month), int(day))
    except ValueError:
        raise HetuError("date") from None
    try:
        stdnum_hetu.validate(code, allow_temporary=True)
    except stdnum_exceptions.InvalidChecksum:
        raise HetuError("checksum") from None
    except stdnum_exceptions.InvalidComponent:
        # The date passed above, so the component stdnum refuses is the individual number 000 or 001.
        raise HetuError("individual_number") from None
    except stdnum_exceptions.ValidationError:
        raise HetuError("format") from None
    number = int(individual)
    is_temporary = number in TEMPORARY_NUMBERS
    if is_temporary and not allow_temporary:
        raise HetuError("temporary")
    if birth_date > today:
        raise HetuError("future")
    return Hetu(code=code, birth_date=birth_date, sex="male" if number % 2 else "female", is_temporary=is_temporary)


def is_valid(value: str, *, today: date, allow_temporary: bool = False) -> bool:
    try:
        parse(value, today=today, allow_temporary=allow_temporary)
    except HetuError:
        return False
    return True


_WITHOUT_SIGN = re.compile(rf"\d{{9}}[{CHECK_CHARACTERS}]", re.ASCII)


def readings(value: str, *, today: date, allow_temporary: bool = False) -> list[Hetu]:
    """The codes a typed value can mean: itself, or – typed without its century sign ("010190123A") – each valid code
    with a sign put back. The check character does not cover the sign, so "-" and "Y" (both 1900s) give two codes
    of two possible people; a sign that puts the birth date in the future gives none. Refused like `parse` when no
    reading is valid."""
    code = normalise(value)
    if _WITHOUT_SIGN.fullmatch(code) is None:
        return [parse(code, today=today, allow_temporary=allow_temporary)]
    found, refusals = [], []
    for sign in _CENTURY_OF_SIGN:
        try:
            found.append(parse(code[:6] + sign + code[6:], today=today, allow_temporary=allow_temporary))
        except HetuError as error:
            refusals.append(error)
    if not found:
        # "In the future" only when no century made it a valid code otherwise.
        raise min(refusals, key=lambda error: error.code == "future")
    return found


def check_character(birth_date: date, individual_number: int) -> str:
    digits = f"{birth_date:%d%m%y}{individual_number:03d}"
    return CHECK_CHARACTERS[int(digits) % 31]


def synthetic(birth_date: date, individual_number: int, *, century_sign: str | None = None) -> str:
    """A valid code in the temporary range 900–999, which no real person has, for synthetic people."""
    if individual_number not in TEMPORARY_NUMBERS:
        raise ValueError("synteettisen henkilötunnuksen yksilönumeron on oltava 900–999")
    century = birth_date.year // 100 * 100
    if century not in CENTURY_SIGNS:
        raise ValueError("syntymävuoden on oltava 1800–2099")
    sign = century_sign if century_sign is not None else CENTURY_SIGNS[century][0]
    if sign not in CENTURY_SIGNS[century]:
        raise ValueError(f"vuosisatamerkki {sign!r} ei vastaa syntymävuotta {birth_date.year}")
    return f"{birth_date:%d%m%y}{sign}{individual_number:03d}{check_character(birth_date, individual_number)}"


def age_on(birth_date: date, day: date) -> int:
    """Age in full years on `day`.

    Someone born on 29 February comes of a new age on 28 February in common years: Act 150/1930 § 3 ends a
    period counted in years on the last day of the month when the month has no matching day.
    """
    if day < birth_date:
        raise ValueError("päivä on ennen syntymäpäivää")
    anniversary_day = birth_date.day
    if (birth_date.month, birth_date.day) == (2, 29) and not calendar.isleap(day.year):
        anniversary_day = 28
    before_anniversary = (day.month, day.day) < (birth_date.month, anniversary_day)
    return day.year - birth_date.year - before_anniversary
