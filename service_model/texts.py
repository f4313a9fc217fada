"""The core's reason codes and rule sets in words, in the user's language (gettext; Finnish is the source)."""

from collections.abc import Mapping
from datetime import date

from django.utils.translation import gettext as _

from common.formatting import local_date
from service_model import rules
from service_model.reasons import ReasonCode


def rule_set_label(rule_set_id: str) -> str:
    """E.g. "HE 108/2025, voimassa 1.1.2026 alkaen" – from the rule set's own data, so a new one needs no code."""
    found = next((r for r in rules.RULE_SETS if r.id == rule_set_id), None)
    if found is None:
        return rule_set_id
    day = found.effective_from
    return _("%(law)s, voimassa %(day)s alkaen") % {
        "law": found.source.split(",")[0],
        "day": local_date(day),
    }


def reason(code: str, params: Mapping | None = None) -> str:
    """A stored or computed reason code with its parameters as a sentence ("" for no code)."""
    params = dict(params or {})
    for name in ("begins", "previous"):
        if name in params:
            params[name] = local_date(date.fromisoformat(params[name]))
    template = _TEMPLATES.get(code)
    return template() % params if template else ""


# Every reason's sentence; a template may leave out a parameter it does not need.
_TEMPLATES = {
    ReasonCode.INITIAL_INTERVIEW: lambda: _("Alkuhaastattelu %(days)s arkipäivän kuluessa työnhaun alkamisesta."),
    ReasonCode.RETURNING_DISCUSSION: lambda: _(
        "Edellinen työnhaku päättyi alle %(months)s kuukautta sitten: suunnitelma päivitetään työnhakukeskustelussa."
    ),
    ReasonCode.JOB_SEARCH_DISCUSSION: lambda: _("Työnhakukeskustelu %(months)s kuukauden kuluttua edellisestä."),
    ReasonCode.INTENSIVE_START: lambda: _(
        "Tehostettu alkuvaihe: keskustelu %(days)s päivän välein %(months)s ensimmäisen kuukauden ajan."
    ),
    ReasonCode.LONG_TERM_PERIOD: lambda: _(
        "Pitkään jatkuneen työnhaun tehostettu jakso %(begins)s alkaen: %(discussions)s keskustelua %(days)s päivän "
        "välein."
    ),
    ReasonCode.OBLIGATION_GENERAL: lambda: _("Pääsääntö."),
    ReasonCode.OBLIGATION_PART_TIME: lambda: _("Osa-aikatyö."),
    ReasonCode.OBLIGATION_STUDENT: lambda: _("Omaehtoinen opiskelu työttömyysetuudella."),
    ReasonCode.OBLIGATION_EMPLOYED: lambda: _("Työssä: ei oikeutta työttömyysetuuteen."),
    ReasonCode.OBLIGATION_LAID_OFF_GRACE: lambda: _(
        "Lomautettuna alle %(months)s kuukautta: velvoite alkaa %(begins)s."
    ),
    ReasonCode.OBLIGATION_LAID_OFF: lambda: _("Lomautettuna vähintään %(months)s kuukautta."),
}
