"""The routing decision in words: the core's reason codes rendered through gettext, in the active language.

The one place routing is put into sentences (card, live registration check, route preview API).
"""

from django.utils import translation
from django.utils.translation import gettext as _

from organisation import enums
from organisation.routing import Reason, ReasonCode, RoutingDecision, SupplementaryService
from organisation.routing_snapshot import Municipality, Office

LANGUAGES = ("fi", "sv", "en")
# Descriptions of arrangements are plan text, written in Finnish: quoted only to readers of that language.
ARRANGEMENT_DATA_LANGUAGE = "fi"


def _language() -> str:
    language = (translation.get_language() or "fi")[:2]
    return language if language in LANGUAGES else "fi"


def _name(municipality: Municipality) -> str:
    return municipality.name(_language())


def _with_description(text: str, arrangement) -> str:
    if arrangement.plan_example:
        text = f"{text} {example_note()}"
    if _language() != ARRANGEMENT_DATA_LANGUAGE:
        return text
    return f"{text} {arrangement.description.strip().rstrip('.')}."


def example_note() -> str:
    """Said wherever an arrangement the plan gives only as an example is shown."""
    return _("Suunnitelma mainitsee järjestelyn vain esimerkkinä (”esim.”): se on oletus, jota alue voi muuttaa.")


def _office(office: Office | None) -> str:
    if office is None:
        return _("toimipistettä ei ole kirjattu")
    return f"{office.name}, {office.full_address}"


def _group(value) -> str:
    return str(enums.TargetGroup(value).label)


def _group_reason(reason: Reason) -> str:
    params = reason.params
    if reason.code == ReasonCode.FOREIGN_SERVICE_LANGUAGE:
        return _("asiointikieli %(language)s") % {"language": params["language"]}
    if reason.code == ReasonCode.MULTISECTORAL_CLIENT:
        return _("TYP-asiakas")
    if reason.code == ReasonCode.UNDER_YOUTH_AGE_LIMIT:
        return _("alle %(limit)s-vuotias") % {"limit": params["age_limit"]}
    return _("%(limit)s vuotta täyttänyt") % {"limit": params["age_limit"]}


def _reason(reason: Reason) -> str:
    params = reason.params
    if reason.code == ReasonCode.ARRANGEMENT:
        arrangement = params["arrangement"]
        text = _(
            "Palveleva kunta: %(serving)s palvelujärjestelyn %(key)s mukaan (kohderyhmä: %(covered)s; lähde: "
            "%(source)s)."
        ) % {
            "serving": _name(params["serving"]),
            "key": arrangement.key,
            "covered": _group(arrangement.target_group),
            "source": arrangement.source,
        }
        return _with_description(text, arrangement)
    if reason.code == ReasonCode.NO_ARRANGEMENT:
        return _(
            "Palveleva kunta: %(serving)s. Kotikunnalle ja kohderyhmälle ei löytynyt palvelujärjestelyä, joten "
            "palvelu kuuluu kotikunnalle."
        ) % {"serving": _name(params["serving"])}
    if reason.code == ReasonCode.TEAM_POOL:
        return _("Ohjaajaryhmä: tiimi %(team)s.") % {"team": params["team"].name}
    if reason.code == ReasonCode.MUNICIPALITY_POOL:
        return _("Ohjaajaryhmä: kaikki ohjaajat (kunta: %(serving)s).") % {"serving": _name(params["serving"])}
    if reason.code == ReasonCode.MEETING_OFFICE:
        place = params.get("meeting_place")
        if place == enums.MeetingPlace.NOT_STATED:
            return _("Tapaamispaikka: suunnitelma ei kerro, missä tavataan; toimipistettä ei ole valittu.")
        office = _office(params["office"])
        if place is None:
            return _("Tapaamispaikka: %(office)s.") % {"office": office}
        return _("Tapaamispaikka: %(office)s (%(place)s).") % {
            "office": office,
            "place": enums.MeetingPlace(place).label,
        }
    raise ValueError(f"tuntematon perustelukoodi {reason.code}")


def explain(decision: RoutingDecision) -> str:
    """Why this municipality, team and office, in the active language."""
    group_reason, *others = decision.reasons
    person = _("Kotikunta: %(home)s. Kohderyhmä: %(group)s (%(reason)s).") % {
        "home": _name(decision.home_municipality),
        "group": _group(decision.target_group),
        "reason": _group_reason(group_reason),
    }
    return " ".join([person, *(_reason(reason) for reason in others)])


def explain_supplementary(service: SupplementaryService) -> str:
    arrangement = service.arrangement
    text = _(
        "Lisäksi saatavilla: palvelujärjestely %(key)s, järjestäjä %(provider)s, %(office)s (lähde: %(source)s)."
    ) % {
        "provider": _name(service.provider),
        "office": _office(service.office),
        "key": arrangement.key,
        "source": arrangement.source,
    }
    return _with_description(text, arrangement)


def explain_in_every_language(decision: RoutingDecision) -> dict[str, str]:
    explanations = {}
    for language in LANGUAGES:
        with translation.override(language):
            explanations[language] = explain(decision)
    return explanations
