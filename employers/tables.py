"""Employers, vacancies and road distances as tables: the pages' rows and their CSV/XLSX exports (common.tables)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table
from employers import enums, industries
from employers.distances import RoadDistances
from labour_market import selectors as labour_market_selectors


def _labels(choices, codes) -> str:
    return ", ".join(str(choices(code).label) for code in codes)


def vacancies_table(vacancies, *, key: str = "avoimet-tyopaikat") -> Table:
    vacancies = list(vacancies)
    occupations = labour_market_selectors.occupation_labels({vacancy.occupation for vacancy in vacancies})
    return Table(
        key=key,
        title=_("Avoimet työpaikat"),
        columns=[
            Column("title", _("Tehtävänimike")),
            Column("employer", _("Työnantaja")),
            Column("occupation", _("Ammattiryhmä (ISCO-08)")),
            Column("municipality", _("Kunta")),
            Column("workplace_outside_area", _("Työpaikka alueen ulkopuolella")),
            Column("positions", _("Paikkoja"), numeric=True),
            Column("working_time", _("Työaika")),
            Column("employment_type", _("Työsuhteen kesto")),
            Column("start_date", _("Alkamispäivä")),
            Column("application_deadline", _("Hakuaika päättyy")),
            Column("required_languages", _("Vaadittu kielitaito")),
            Column("required_driving_licences", _("Vaaditut ajokorttiluokat")),
            Column("required_cards", _("Vaaditut kortit")),
            Column("remote_possible", _("Etätyö")),
            Column("international_recruitment", _("EURES")),
            Column("status", _("Tila")),
            Column("source", _("Lähde")),
        ],
        rows=[
            {
                "id": vacancy.pk,
                "title": vacancy.title,
                "employer": vacancy.employer.name,
                "occupation": occupations.get(vacancy.occupation, vacancy.occupation),
                "municipality": vacancy.municipality.name_fi,
                "workplace_outside_area": vacancy.workplace_outside_area_name,
                "positions": vacancy.positions,
                "working_time": str(vacancy.get_working_time_display()),
                "employment_type": str(vacancy.get_employment_type_display()),
                "start_date": vacancy.start_date,
                "application_deadline": vacancy.application_deadline,
                "required_languages": _labels(enums.Language, vacancy.required_languages),
                "required_driving_licences": ", ".join(vacancy.required_driving_licences),
                "required_cards": _labels(enums.Card, vacancy.required_cards),
                "remote_possible": str(_("kyllä") if vacancy.remote_possible else _("ei")),
                "international_recruitment": str(_("kyllä") if vacancy.international_recruitment else _("ei")),
                "status": str(vacancy.get_status_display()),
                "status_code": vacancy.status,
                "source": str(vacancy.get_source_display()),
            }
            for vacancy in vacancies
        ],
    )


def employers_table(employers) -> Table:
    language = get_language() or "fi"
    return Table(
        key="tyonantajat",
        title=_("Työnantajat"),
        columns=[
            Column("name", _("Nimi")),
            Column("business_id", _("Y-tunnus")),
            Column("municipality", _("Kunta")),
            Column("industry", _("Toimiala (TOL 2008)")),
        ],
        rows=[
            {
                "id": employer.pk,
                "name": employer.name,
                "business_id": employer.business_id,
                "municipality": employer.municipality.name_fi,
                "industry": industries.label(employer.industry, language) if employer.industry else None,
            }
            for employer in employers
        ],
    )


def distance_matrix(table: RoadDistances, rows: list[str], columns: list[str], *, key: str, title) -> Table:
    """Kilometres from each centre of `rows` (codes) to each of `columns`; a pair the data lacks is empty."""
    return Table(
        key=key,
        title=title,
        columns=[Column("centre", _("Keskus"))]
        + [Column(code, table.names.get(code, code), numeric=True) for code in columns],
        rows=[
            {"centre": table.names.get(row, row), **{code: table.between(row, code) for code in columns}}
            for row in rows
        ],
        caption=_("Tieetäisyys kuntakeskusten välillä, km"),
    )
