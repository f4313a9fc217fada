"""Field parsers of the area data files: each returns the clean value or raises Invalid with the reason."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db.models import TextChoices
from django.utils.translation import gettext as _


class Invalid(Exception):
    pass


def text(model, name, blank=False) -> Callable:
    max_length = model._meta.get_field(name).max_length

    def parse(value):
        if not isinstance(value, str):
            raise Invalid(_("pitää olla tekstiä, nyt %(value)r") % {"value": value})
        value = value.strip()
        if not value and not blank:
            raise Invalid(_("ei saa olla tyhjä"))
        if max_length and len(value) > max_length:
            raise Invalid(
                _("on liian pitkä: %(length)s merkkiä, enintään %(max)s") % {"length": len(value), "max": max_length}
            )
        return value

    return parse


_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def slug(model, name="key") -> Callable:
    as_text = text(model, name)

    def parse(value):
        value = as_text(value)
        if not _SLUG.match(value):
            raise Invalid(
                _(
                    "pitää olla tunniste, jossa on vain kirjaimia a–z, numeroita, väliviivoja ja alaviivoja, "
                    "nyt %(value)r"
                )
                % {"value": value}
            )
        return value

    return parse


def digits(count: int, example: str) -> Callable:
    pattern = re.compile(rf"^[0-9]{{{count}}}$")

    def parse(value):
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not pattern.match(text):
            raise Invalid(
                _('pitää olla %(count)s numeroa lainausmerkeissä (esim. "%(example)s"), nyt %(value)r')
                % {"count": count, "example": example, "value": value}
            )
        return text

    return parse


municipality_code = digits(3, "205")
postal_code = digits(5, "87100")


def fte(value) -> Decimal:
    """A value for DecimalField(max_digits=5, decimal_places=2), the shape of every FTE field."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(_("pitää olla luku (desimaalierottimena piste, esim. 0.5), nyt %(value)r") % {"value": value})
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise Invalid(_("pitää olla luku, nyt %(value)r") % {"value": value}) from error
    if not number.is_finite():
        raise Invalid(_("pitää olla luku, nyt %(value)r") % {"value": value})
    if number < 0:
        raise Invalid(_("ei saa olla negatiivinen, nyt %(value)s") % {"value": value})
    if number.as_tuple().exponent < -2:
        raise Invalid(_("saa olla enintään kaksi desimaalia, nyt %(value)s") % {"value": value})
    if number >= 1000:
        raise Invalid(_("on liian suuri, nyt %(value)s") % {"value": value})
    return number


def count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(_("pitää olla kokonaisluku, nyt %(value)r") % {"value": value})
    if value < 0:
        raise Invalid(_("ei saa olla negatiivinen, nyt %(value)s") % {"value": value})
    return value


def boolean(value) -> bool:
    if not isinstance(value, bool):
        raise Invalid(_("pitää olla true tai false, nyt %(value)r") % {"value": value})
    return value


def choice(choices: type[TextChoices]) -> Callable:
    def parse(value):
        if value not in choices.values:
            raise Invalid(
                _("arvo %(value)r ei ole sallittu; sallitut arvot: %(allowed)s")
                % {"value": value, "allowed": ", ".join(choices.values)}
            )
        return value

    return parse


def list_of(item: Callable, allow_empty: bool) -> Callable:
    def parse(value):
        if not isinstance(value, list):
            raise Invalid(_("pitää olla luettelo, esim. [a, b], nyt %(value)r") % {"value": value})
        if not value and not allow_empty:
            raise Invalid(_("luettelo ei saa olla tyhjä"))
        parsed = []
        for element in value:
            clean = item(element)
            if clean in parsed:
                raise Invalid(_("arvo %(value)r on luettelossa kahdesti") % {"value": clean})
            parsed.append(clean)
        return parsed

    return parse


@dataclass(frozen=True)
class Field:
    parse: Callable
    required: bool = True
    default: object = None


def optional(parse: Callable, default=None) -> Field:
    return Field(parse, required=False, default=default)
