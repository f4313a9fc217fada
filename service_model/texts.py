"""Finnish wording of the core's answers (the pure core explains itself in English for logs and the API)."""

from django.utils.translation import gettext as _

from common.formatting import fi_date
from service_model import rules


def rule_set_label(rule_set_id: str) -> str:
    """E.g. "HE 108/2025, voimassa 1.1.2026 alkaen" – from the rule set's own data, so a new one needs no code."""
    found = next((r for r in rules.RULE_SETS if r.id == rule_set_id), None)
    if found is None:
        return rule_set_id
    day = found.effective_from
    return _("%(law)s, voimassa %(day)s alkaen") % {
        "law": found.source.split(",")[0],
        "day": fi_date(day),
    }


def deadline_reason(meeting_type: str, rule_set_id: str, core_reason: str = "") -> str:
    found = next((r for r in rules.RULE_SETS if r.id == rule_set_id), None)
    if meeting_type == rules.MeetingType.INITIAL_INTERVIEW and found:
        return _("Alkuhaastattelu %(days)s arkipäivän kuluessa työnhaun alkamisesta.") % {
            "days": found.initial_interview_working_days
        }
    if meeting_type == rules.MeetingType.JOB_SEARCH_DISCUSSION and found:
        if core_reason.startswith("previous job search ended"):
            return _(
                "Edellinen työnhaku päättyi alle 6 kuukautta sitten: suunnitelma päivitetään työnhakukeskustelussa."
            )
        return _("Työnhakukeskustelu %(months)s kuukauden kuluttua edellisestä.") % {
            "months": found.job_search_discussion_interval_months
        }
    if meeting_type == rules.MeetingType.SUPPLEMENTARY_DISCUSSION:
        if core_reason.startswith("intensive start"):
            return _("Tehostettu alkuvaihe: keskustelu noin kahden viikon välein kolmen ensimmäisen kuukauden ajan.")
        if core_reason.startswith("long-term"):
            return _(
                "Pitkään jatkuneen työnhaun tehostettu jakso: kaksi keskustelua kuukauden aikana puolen vuoden välein."
            )
        return _("Täydentävä työnhakukeskustelu.")
    return ""
