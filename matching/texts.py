"""The engine's components and exclusions in words, rendered through the catalogues so a Swedish user reads Swedish.

The engine gives points; these say what the points rest on: how close the occupations are in the ISCO-08 hierarchy,
how far the workplace is against the person's maximum commute, and when the person can start against the start date.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.formatting import local_date

COMPONENT_LABELS = {
    "occupation": gettext_lazy("Ammatti"),
    "location": gettext_lazy("Sijainti"),
    "start": gettext_lazy("Aloitus"),
}
EXCLUSIONS = {
    "occupation": gettext_lazy("haettu ammatti on eri pääryhmässä"),
    "qualification": gettext_lazy("vaadittu ajokortti tai kortti puuttuu"),
    "language": gettext_lazy("vaadittu kielitaito puuttuu"),
    "distance": gettext_lazy("työpaikka on enimmäistyömatkaa kauempana"),
}
# The ISCO-08 levels by the number of leading digits two codes share.
LEVELS = {
    4: gettext_lazy("sama ammattiryhmä"),
    3: gettext_lazy("sama ammattiryhmien alaryhmä"),
    2: gettext_lazy("sama ammattien alaluokka"),
    1: gettext_lazy("sama ammattien pääluokka"),
}


def component_label(key: str) -> str:
    return str(COMPONENT_LABELS.get(key, key))


def exclusion(reason: str) -> str:
    return str(EXCLUSIONS.get(reason, reason))


def shared_digits(a: str, b: str) -> int:
    shared = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        shared += 1
    return shared


def closest_occupation(sought: list[str], code: str) -> tuple[str | None, int]:
    """The person's sought occupation nearest to `code` and how many leading digits they share (first on a tie)."""
    best, level = None, 0
    for candidate in sought:
        shared = shared_digits(candidate, code)
        if shared > level:
            best, level = candidate, shared
    return best, level


def occupation_reason(sought: list[str], code: str, labels: dict[str, str]) -> str:
    nearest, level = closest_occupation(sought, code)
    if nearest is None:
        return _("ei lähellä haettuja ammatteja")
    return _("%(level)s kuin haettu %(occupation)s") % {
        "level": LEVELS[level],
        "occupation": labels.get(nearest, nearest),
    }


def location_reason(
    *,
    distance_km: float | None,
    same_municipality: bool,
    remote: bool,
    max_commute_km: int | None,
    relocates: bool,
    default_max_commute_km: float,
) -> str:
    if same_municipality:
        return _("samassa kunnassa")
    if remote:
        return _("etätyö mahdollinen")
    if distance_km is None:
        return _("etäisyys ei tiedossa")
    # The engine measures a person who stated no commute against the default, and so must the reason.
    commute = default_max_commute_km if max_commute_km is None else max_commute_km
    if distance_km > commute and relocates:
        return _("%(km)s km, yli enimmäistyömatkan – valmis muuttamaan") % {"km": round(distance_km)}
    if max_commute_km is None:
        return _("%(km)s km") % {"km": round(distance_km)}
    return _("%(km)s km, enimmäistyömatka %(max)s km") % {"km": round(distance_km), "max": max_commute_km}


def start_reason(*, start: date | None, available_from: date, today: date) -> str:
    begins = max(start or today, today)
    if available_from <= begins:
        return _("voi aloittaa heti") if begins == today else _("voi aloittaa %(date)s") % {"date": local_date(begins)}
    late = (available_from - begins).days
    return _("käytettävissä %(date)s, %(days)s pv alkamisen jälkeen") % {
        "date": local_date(available_from),
        "days": late,
    }


def available_from(today: date, after_days: int) -> date:
    return today + timedelta(days=after_days)
