"""The cooperation report: each built service's figures per municipality, counts only (no person is named)."""

from dataclasses import dataclass

from cooperation.selectors import events, integration, international, procurement, typ, youth


@dataclass(frozen=True)
class ReportRow:
    municipality: str
    code: str
    figures: dict


FIGURES = (
    "needs",
    "places_needed",
    "places_accepted",
    "places_bought",
    "places_used",
    "typ_clients",
    "typ_referrals",
    "consents",
    "consents_withdrawn",
    "cases",
    "eures",
    "housing",
    "spouses",
    "spouses_placed",
    "youth_visits",
    "partner_referrals",
    "partner_started",
    "integration_plans",
    "language_trainings",
    "language_going",
    "info_contacts",
    "events",
    "event_participants",
    "event_job_offers",
    "event_hires",
)
INTEGRATION_FIGURES = ("integration_plans", "language_trainings", "language_going", "info_contacts")
EVENT_FIGURES = ("events", "event_participants", "event_job_offers", "event_hires")


def rows(area) -> list[ReportRow]:
    typ_figures = typ.figures(area)
    recruitment = international.figures(area)
    youth_figures = youth.figures(area)
    integration_figures = integration.figures(area)
    event_figures = events.figures(area)
    result = []
    for row in procurement.report(area):
        pk = row.municipality.pk
        figures = {
            "needs": row.needs,
            "places_needed": row.places_needed,
            "places_accepted": row.places_accepted,
            "places_bought": row.places_bought,
            "places_used": row.places_used,
            **{key: typ_figures.get(pk, {}).get(key, 0) for key in ("typ_clients", "typ_referrals")},
            **{key: typ_figures.get(pk, {}).get(key, 0) for key in ("consents", "consents_withdrawn")},
            **{key: recruitment.get(pk, {}).get(key, 0) for key in ("cases", "eures", "housing", "spouses")},
            "spouses_placed": recruitment.get(pk, {}).get("spouses_placed", 0),
            **{
                key: youth_figures.get(pk, {}).get(key, 0)
                for key in ("youth_visits", "partner_referrals", "partner_started")
            },
            **{key: integration_figures.get(pk, {}).get(key, 0) for key in INTEGRATION_FIGURES},
            **{key: event_figures.get(pk, {}).get(key, 0) for key in EVENT_FIGURES},
        }
        result.append(ReportRow(municipality=row.municipality.name_fi, code=row.municipality.code, figures=figures))
    return result


def totals(report_rows: list[ReportRow]) -> dict:
    return {key: sum(row.figures[key] for row in report_rows) for key in FIGURES}
