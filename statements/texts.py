"""The statement's consequence and its reason in words, in the user's language (gettext; Finnish is the source)."""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statements import enums, rules


def consequence(kind: str, days: int = 0, weeks: int = 0) -> str:
    """E.g. "korvaukseton määräaika 7 päivää" or "työssäolovelvoite 6 viikkoa"; "" before any assessment."""
    if kind == enums.ConsequenceKind.BENEFIT_FREE_PERIOD:
        return ngettext("korvaukseton määräaika %(count)s päivä", "korvaukseton määräaika %(count)s päivää", days) % {
            "count": days
        }
    if kind == enums.ConsequenceKind.WORK_OBLIGATION:
        return ngettext("työssäolovelvoite %(count)s viikko", "työssäolovelvoite %(count)s viikkoa", weeks) % {
            "count": weeks
        }
    if kind in enums.ConsequenceKind.values:
        return str(enums.ConsequenceKind(kind).label)
    return ""


def of_assessment(assessment: rules.Assessment) -> str:
    kind = enums.ConsequenceKind.of(assessment.consequence.kind)
    return consequence(kind, assessment.consequence.days, assessment.consequence.weeks)


def reason(code: str, params: Mapping | None = None) -> str:
    """Why the consequence is what it is ("" for no code)."""
    params = dict(params or {})
    template = _TEMPLATES.get(code)
    return template(params) if template else ""


def certainty(value: str) -> str:
    template = _CERTAINTY.get(value)
    return template() if template else ""


_TEMPLATES = {
    rules.ReasonCode.VALID_REASON: lambda p: _("Työnhakijalla oli pätevä syy: menettely ei ole moitittavaa."),
    rules.ReasonCode.FIXED: lambda p: _("Seuraamus ei riipu aiemmista laiminlyönneistä."),
    rules.ReasonCode.NTH_WITHIN_PERIOD: lambda p: _("%(ordinal)s. laiminlyönti %(months)s kuukauden aikana.") % p,
}

_CERTAINTY = {
    rules.Certainty.CONFIRMED: lambda: _("varmistettu lähteistä"),
    rules.Certainty.PROPOSAL: lambda: _("hallituksen esityksen ja valiokunnan mietinnön mukaan"),
    rules.Certainty.TO_VERIFY: lambda: _("pykälänumero tarkistettava Finlexistä"),
}
