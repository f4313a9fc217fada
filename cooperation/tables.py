"""The cooperation pages' tables, reused by their CSV/XLSX exports (common.tables), so a page and its file agree."""

from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table
from cooperation.selectors.report import FIGURES
from jobseekers.languages import language_name

FIGURE_LABELS = {
    "needs": _("Palvelutarpeita"),
    "places_needed": _("Tarvittuja paikkoja"),
    "places_accepted": _("Hyväksyttyjä paikkoja"),
    "places_bought": _("Hankittuja paikkoja"),
    "places_used": _("Käytettyjä paikkoja"),
    "typ_clients": _("TYP-asiakkaita"),
    "typ_referrals": _("TYP-ohjauksia"),
    "consents": _("Suostumuksia"),
    "consents_withdrawn": _("Peruttuja suostumuksia"),
    "cases": _("Kv. rekrytointeja"),
    "eures": _("EURES-rekrytointeja"),
    "housing": _("Asunto järjestetty"),
    "spouses": _("Puolisoita palvelussa"),
    "spouses_placed": _("Puolisoita työssä tai opiskelemassa"),
    "youth_visits": _("Ohjaamo-kävijöitä"),
    "partner_referrals": _("Ohjauksia kumppaneille"),
    "partner_started": _("Kumppanin palvelussa aloittaneita"),
    "integration_plans": _("Voimassa olevia kotoutumissuunnitelmia"),
    "language_trainings": _("Kielikoulutuksia"),
    "language_going": _("Kielikoulutuksen aloittaneita tai suorittaneita"),
    "info_contacts": _("International Info -yhteydenottoja"),
    "events": _("Rekrytointitapahtumia"),
    "event_participants": _("Tapahtumien osallistujia"),
    "event_job_offers": _("Tapahtumien työtarjouksia"),
    "event_hires": _("Tapahtumien kautta palkattuja"),
}


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def needs_table(needs) -> Table:
    return Table(
        key="palvelutarpeet",
        title=_("Palvelutarpeet"),
        columns=[
            Column("raised_on", _("Esitetty")),
            Column("municipality", _("Kunta")),
            Column("service_type", _("Palvelu")),
            Column("target_group", _("Kohderyhmä")),
            Column("places", _("Paikkoja"), numeric=True),
            Column("urgency", _("Kiireellisyys")),
            Column("state", _("Tila")),
            Column("justification", _("Perustelu")),
        ],
        rows=[
            {
                "id": need.pk,
                "raised_on": need.raised_on,
                "municipality": need.municipality.name_fi,
                "service_type": str(need.get_service_type_display()),
                "target_group": str(need.get_target_group_display()),
                "places": need.places,
                "urgency": str(need.get_urgency_display()),
                "state": str(need.get_state_display()),
                "state_code": need.state,
                "justification": need.justification,
            }
            for need in needs
        ],
    )


def procurement_report_table(rows) -> Table:
    return Table(
        key="hankinnat-kunnittain",
        title=_("Tarpeet, hankitut ja käytetyt paikat kunnittain"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("needs", FIGURE_LABELS["needs"], numeric=True),
            Column("places_needed", FIGURE_LABELS["places_needed"], numeric=True),
            Column("places_accepted", FIGURE_LABELS["places_accepted"], numeric=True),
            Column("places_bought", FIGURE_LABELS["places_bought"], numeric=True),
            Column("places_used", FIGURE_LABELS["places_used"], numeric=True),
        ],
        rows=[
            {
                "municipality": row.municipality.name_fi,
                "needs": row.needs,
                "places_needed": row.places_needed,
                "places_accepted": row.places_accepted,
                "places_bought": row.places_bought,
                "places_used": row.places_used,
            }
            for row in rows
        ],
    )


def typ_caseload_table(rows) -> Table:
    return Table(
        key="typ-asiakasmaarat",
        title=_("Monialaisen palvelun asiakasmäärät"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("clients", _("Asiakkaita"), numeric=True),
            Column("team_fte", _("TYP-tiimin htv"), numeric=True),
            Column("per_fte", _("Asiakkaita per htv"), numeric=True),
            Column("target", _("Tavoite")),
        ],
        rows=[
            {
                "municipality": row.municipality.name_fi,
                "clients": row.clients,
                "team_fte": row.team_fte,
                "per_fte": row.per_fte,
                "target": row.target_wording,
                "over_target": row.over_target,
            }
            for row in rows
        ],
    )


def report_table(rows, totals) -> Table:
    return Table(
        key="yhteistyoraportti",
        title=_("Yhteistyöpalvelut kunnittain"),
        columns=[Column("municipality", _("Kunta"))]
        + [Column(key, FIGURE_LABELS[key], numeric=True) for key in FIGURES],
        rows=[{"municipality": row.municipality, **row.figures} for row in rows]
        + [{"municipality": str(_("Yhteensä")), **totals}],
    )


CHART_FIGURES = ("places_bought", "places_used", "typ_clients", "cases", "integration_plans", "events")


def report_chart(rows) -> dict:
    """A few of the report's figures per municipality as the bar chart www/static/www/charts.js draws; the report's
    table on the same page is its text alternative."""
    return {
        "type": "bar",
        "labels": [row.municipality for row in rows],
        "datasets": [
            {"label": str(FIGURE_LABELS[key]), "data": [row.figures[key] for row in rows]} for key in CHART_FIGURES
        ],
    }


def recruitment_table(cases) -> Table:
    return Table(
        key="rekrytoinnit",
        title=_("Kansainväliset rekrytoinnit"),
        columns=[
            Column("employer", _("Työnantaja")),
            Column("vacancy", _("Työpaikka")),
            Column("municipality", _("Kunta")),
            Column("recruited_name", _("Rekrytoitu")),
            Column("recruited_country", _("Lähtömaa")),
            Column("via_eures", _("EURES")),
            Column("arrival_on", _("Saapuminen")),
            Column("housing_arranged", _("Asunto järjestetty")),
            Column("spouse", _("Puoliso palvelussa")),
        ],
        rows=[
            {
                "id": case.pk,
                "employer": case.employer.name,
                "vacancy": case.vacancy.title if case.vacancy_id else "",
                "municipality": case.municipality.name_fi,
                "recruited_name": case.recruited_name,
                "recruited_country": case.recruited_country,
                "via_eures": str(_("kyllä")) if case.via_eures else str(_("ei")),
                "arrival_on": case.arrival_on,
                "housing_arranged": str(_("kyllä")) if case.housing_arranged else str(_("ei")),
                "spouse": str(_("kyllä")) if case.has_spouse else str(_("ei")),
            }
            for case in cases
        ],
    )


def info_contacts_table(contacts) -> Table:
    """International Info's contacts as counts; a named contact shows as a count of one, without the name."""
    return Table(
        key="international-info",
        title=_("International Info -yhteydenotot"),
        columns=[
            Column("contacted_on", _("Päivä")),
            Column("office", _("Toimipiste")),
            Column("municipality", _("Kotikunta")),
            Column("language", _("Asiointikieli")),
            Column("topic", _("Asia")),
            Column("contacts", _("Yhteydenottoja"), numeric=True),
        ],
        rows=[
            {
                "id": contact.pk,
                "contacted_on": contact.contacted_on,
                "office": contact.office.name,
                "municipality": contact.municipality.name_fi,
                "language": language_name(contact.language),
                "topic": str(contact.get_topic_display()),
                "contacts": contact.contacts,
                "named": contact.jobseeker_id is not None,
            }
            for contact in contacts
        ],
    )


def events_table(events) -> Table:
    return Table(
        key="rekrytointitapahtumat",
        title=_("Rekrytointitapahtumat"),
        columns=[
            Column("held_on", _("Päivä")),
            Column("name", _("Tapahtuma")),
            Column("kind", _("Tyyppi")),
            Column("municipality", _("Kunta")),
            Column("organiser", _("Järjestäjä")),
            Column("employers", _("Työnantajia"), numeric=True),
            Column("vacancies", _("Työpaikkoja"), numeric=True),
            Column("participants", _("Osallistujia"), numeric=True),
            Column("job_offers", _("Työtarjouksia"), numeric=True),
            Column("hires", _("Palkattuja"), numeric=True),
        ],
        rows=[
            {
                "id": event.pk,
                "held_on": event.held_on,
                "name": event.name,
                "kind": str(event.get_kind_display()),
                "municipality": event.municipality.name_fi,
                "organiser": event.organiser,
                "employers": event.employer_count,
                "vacancies": event.vacancy_count,
                "participants": event.participants,
                "job_offers": event.job_offers,
                "hires": event.hires,
            }
            for event in events
        ],
    )
