"""Texts of the TYP rule's reason codes and the TYP history's events, rendered in the reader's language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def reason(code: str, params: dict) -> str:
    if code == "subsidy_days":
        return (
            _("Työmarkkinatukea työttömyyden perusteella %(days)s päivää (raja %(limit)s): arvio on ajankohtainen.")
            % params
        )
    if code == "youth_unemployment":
        return (
            _("Alle 25-vuotias, yhtäjaksoisesti työtön %(months)s kk (raja %(limit)s kk): arvio on ajankohtainen.")
            % params
        )
    if code == "adult_unemployment":
        return (
            _("25 vuotta täyttänyt, yhtäjaksoisesti työtön %(months)s kk (raja %(limit)s kk): arvio on ajankohtainen.")
            % params
        )
    if code == "not_due":
        months = params.get("months")
        months_text = (
            ngettext("%(n)s kuukausi", "%(n)s kuukautta", months) % {"n": months}
            if months is not None
            else _("ei työtön")
        )
        return _(
            "Lakisääteinen arviointiaika ei ole vielä täyttynyt (työttömyys %(months)s, raja %(month_limit)s kk; "
            "työmarkkinatukipäivät %(days)s, raja %(day_limit)s)."
        ) % {
            "months": months_text,
            "month_limit": params["month_limit"],
            "days": params["days"] if params.get("days") is not None else "–",
            "day_limit": params["day_limit"],
        }
    if code == "need_found":
        return _(
            "Yhteinen arvio: työllistyminen edellyttää työvoima-, sosiaali-, terveys- tai kuntoutuspalvelujen "
            "yhteensovittamista."
        )
    if code == "need_not_found":
        return _("Yhteinen arvio: monialaisen palvelun tarvetta ei todettu.")
    if code == "need_not_assessed":
        return _("Palvelutarvetta ei ole vielä arvioitu yhdessä.")
    return code


def reasons(items: list[dict]) -> list[str]:
    return [reason(item["code"], item.get("params", {})) for item in items]


def event(kind: str) -> str:
    return {
        "assessment": _("Palvelutarpeen arvio"),
        "client_started": _("Asiakkuus alkoi"),
        "client_ended": _("Asiakkuus päättyi"),
        "consent_given": _("Suostumus annettu"),
        "consent_withdrawn": _("Suostumus peruttu"),
        "referral": _("Ohjaus"),
    }.get(kind, kind)


def eligibility(eligible: bool | None) -> str:
    if eligible is None:
        return _("tarve arvioimatta")
    return _("monialaisen palvelun asiakas") if eligible else _("ei monialaisen palvelun tarvetta")
