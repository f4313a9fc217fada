"""The checks every cooperation write makes of its free text and its choices, so a field is refused in the same
words wherever it is written (pages, API, demo)."""

from django.utils.translation import gettext as _

from common.errors import Errors

MAX_TEXT = 4000


def text(value, errors: Errors, name: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    found = (value or "").strip()
    if required and not found:
        errors.add(name, _("Tämä kenttä on pakollinen."))
    elif len(found) > limit:
        errors.add(name, _("Enintään %(max)s merkkiä.") % {"max": limit})
    return found


def choice(value, choices, errors: Errors, name: str) -> None:
    if value not in choices.values:
        errors.add(name, _("Valitse jokin vaihtoehdoista."))
