"""The generated plan: every section heading, the tables' numbers equal to the database in the Finnish format, the
recomputed totals of Table 1 (never the printed errors that labour_market's consistency audit finds), the DOCX read
back with python-docx, the HTML as a standalone document, the Swedish version, and the matching section both with and
without the matching app."""

import io
import re
from decimal import Decimal

import pytest
from docx import Document

from common.formatting import fi_number
from labour_market import figures
from labour_market.consistency.findings import Kind
from labour_market.models import MunicipalStatistic
from labour_market.selectors import all_findings
from organisation.enums import StaffOrigin
from organisation.models import Office, StaffPosition
from plan_document import render, selectors, services, tables
from plan_document.models import PlanText
from plan_document.sections import parse
from tests.competence.factories import make_respondent, make_round
from tests.conftest import AREA_DIR

pytestmark = pytest.mark.django_db

TABLE_1 = "suunnitelma-taulukko-1"
HEADINGS = [
    "1. Taloudelliset ja henkilöstövoimavarat sekä niiden kohdentuminen",
    "2. Palvelujen tuottamista ja kohdentamista koskevat ratkaisut",
    "3. Toimipisteiden määrä ja sijoittuminen",
    "4. Yhteistyötahot ja muodot",
    "5. Työperäisen maahanmuuton, työvoiman ja työpaikkojen kohtaannon sekä työvoiman liikkuvuuden edistäminen",
    "6. Varautuminen rakennemuutostilanteisiin",
]


def build(area, **options):
    return services.build(selectors.report_reader(area), area, **options)


def docx_of(area, **options) -> Document:
    return Document(io.BytesIO(render.docx(build(area, **options))))


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def grid(document, header: str) -> list[list[str]]:
    """The DOCX table whose header row has `header`, as rows of cell texts."""
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if header in rows[0]:
            return rows
    raise AssertionError(f"no table with the column {header!r}")


def by_name(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_every_section_heading_comes_from_the_plan(plan):
    document = docx_of(plan)
    found = headings(document)
    assert found[0] == "Suunnitelma työvoimapalveluiden järjestämiseksi – Kainuun ja Koillismaan työllisyysalue"
    assert found[1:7] == HEADINGS
    assert found[7] == "Muutokset edelliseen versioon"
    stored = [f"{t.section}. {t.heading}" for t in PlanText.objects.filter(area=plan)]
    assert stored == HEADINGS


def test_table_1_has_the_municipal_figures_of_the_database(plan):
    rows = by_name(grid(docx_of(plan), "Työttömät työnhakijat"))
    statistics = MunicipalStatistic.objects.filter(table__key=TABLE_1, municipality__isnull=False)
    checked = 0
    for statistic in statistics.select_related("municipality", "indicator"):
        if statistic.indicator.concept == figures.Concept.UNEMPLOYMENT_RATE:
            continue  # recomputed: see below
        cell = rows[statistic.municipality.name_fi][statistic.indicator.name_fi]
        expected = "..." if statistic.value is None else fi_number(Decimal(statistic.value), statistic.decimals)
        assert cell == expected, (statistic.municipality.name_fi, statistic.indicator.code)
        checked += 1
    assert checked == 10 * 11
    assert rows["Kajaani"]["Työttömät työnhakijat"] == "1\u00a0384"
    assert rows["Kajaani"]["Työvoima"] == "16\u00a0615"


def test_table_1_rates_are_recomputed_from_unemployed_and_labour_force(plan):
    rows = by_name(grid(docx_of(plan), "Työttömät työnhakijat"))
    # Printed as "7" (without its decimal): 34 / 487 × 100 = 6,98 → 7,0.
    assert rows["Ristijärvi"]["Työttömyysaste, %"] == "7,0"
    assert rows["Kajaani"]["Työttömyysaste, %"] == fi_number(figures.round_half_up(Decimal(1384 * 100) / 16615, 1), 1)


def test_table_1_totals_are_the_audits_recomputation_not_the_printed_errors(plan):
    total = by_name(grid(docx_of(plan), "Työttömät työnhakijat"))["Yhteensä (laskettu)"]
    names = {s.indicator.code: s.indicator.name_fi for s in MunicipalStatistic.objects.filter(table__key=TABLE_1)}
    errors = [f for _area, f in all_findings() if f.table == TABLE_1 and f.municipality is None]
    by_kind = {(f.kind, f.column): f for f in errors}
    unemployed = by_kind[(Kind.TOTAL, "TYOTTOMATLOPUSSA")]
    assert (unemployed.published, unemployed.recomputed) == (321, 3217)
    assert total[names["TYOTTOMATLOPUSSA"]] == "3\u00a0217"
    rate = by_kind[(Kind.RATE, "TYOTOSUUS")]
    assert rate.published == Decimal("8.9")
    assert total[names["TYOTOSUUS"]] == fi_number(figures.round_half_up(rate.recomputed, 1), 1) == "8,3"
    foreigners = by_kind[(Kind.OUTSIDE_BOUNDS, "TYOTTOMATULK")]
    assert foreigners.published == 253
    assert total[names["TYOTTOMATULK"]] == f"{foreigners.low}–{foreigners.high}" == "255–261"
    for finding in errors:
        if finding.kind in (Kind.TOTAL, Kind.RATE, Kind.OUTSIDE_BOUNDS):
            assert total[names[finding.column]] != fi_number(finding.published), finding


def test_staffing_offices_and_commuting_come_from_the_database(plan):
    document = docx_of(plan)
    staffing = by_name(grid(document, "Asiakasmäärätavoite"))
    kuhmo = StaffPosition.objects.filter(municipality__code="290")
    assert staffing["Kuhmo"]["Yhteensä"] == fi_number(sum(p.fte_min for p in kuhmo))
    assert staffing["Suomussalmi"]["Yhteensä"] == "8–9"  # the own 1 + 1 htv are included in 1 + 7–8
    low = sum(p.fte_min for p in StaffPosition.objects.all())
    high = sum(p.fte_max for p in StaffPosition.objects.all())
    assert staffing["Yhteensä (laskettu)"]["Yhteensä"] == f"{fi_number(low)}–{fi_number(high)}"
    offices = grid(document, "Katuosoite")
    assert len(offices) - 1 == Office.objects.count() == 13
    assert ["Kuhmo", "Kuhmon kaupungintalo", "Kainuuntie 82", "88900", "Kuhmo"] in [row[:5] for row in offices]
    commuting = by_name(grid(document, "Pendelöinti kuntaan"))
    assert "Yhteensä (julkaistu rivi)" not in commuting
    # The printed area figure 91,773 was an average of percentages; the area's jobs over its employed residents:
    assert commuting["Alue yhteensä (laskettu)"]["Työpaikkaomavaraisuus, % (laskettu)"] == "100,26"
    assert commuting["Puolanka"]["Työpaikkaomavaraisuus, % (laskettu)"] == "88,10"


def test_every_column_of_the_staffing_total_row_is_summed(plan):
    """Not only the grand total: each origin's column of the total row is the sum of its positions."""
    total = by_name(grid(docx_of(plan), "Asiakasmäärätavoite"))["Yhteensä (laskettu)"]
    for origin in StaffOrigin:
        positions = StaffPosition.objects.filter(origin=origin)
        low, high = sum(p.fte_min for p in positions), sum(p.fte_max for p in positions)
        expected = fi_number(low) if low == high else f"{fi_number(low)}–{fi_number(high)}"
        assert total[str(origin.label)] == expected, origin
    assert total["kunnan nykyinen henkilöstö"] not in ("", "–")


def test_a_numbers_change_in_the_database_is_in_the_next_report(plan):
    position = StaffPosition.objects.filter(municipality__code="832").first()
    position.fte_min = position.fte_max = position.fte_min + 1
    position.save()
    staffing = by_name(grid(docx_of(plan), "Asiakasmäärätavoite"))
    assert staffing["Taivalkoski"]["Yhteensä"] == "3,5"


def test_competence_bottlenecks_keep_the_threshold(plan):
    survey_round = make_round()
    for n in range(3):
        make_respondent(survey_round, "205", f"Kajaani {n}", {"palkkatuki": 3 if n == 0 else 1})
    make_respondent(survey_round, "578", "Paltamon ainoa", {"palkkatuki": 1})
    for n in range(3):  # hidden with Paltamo, so the area less Kajaani cannot give Paltamo's one alone
        make_respondent(survey_round, "105", f"Hyrynsalmi {n}", {"palkkatuki": 1})
    rows = grid(docx_of(plan), "Voisi paikata muualta")
    places = {(row[0], row[1]) for row in rows[1:]}
    assert ("Kajaani", "Palkkatuki") in places
    assert not any(place in ("Paltamo", "Hyrynsalmi") for place, _task in places)  # one respondent and its cover
    text = "\n".join(p.text for p in docx_of(plan).paragraphs) + str(rows)
    assert "Kajaani 0" not in text and "Paltamon ainoa" not in text


def test_sections_without_data_say_so(plan):
    text = "\n".join(p.text for p in docx_of(plan).paragraphs)
    assert "Osaamiskartoitusta ei ole vielä tehty." in text
    assert "Palkkatuki- ja starttirahapäätöksiä ei ole vielä." in text


def test_subsidy_decisions_by_municipality_and_kind(plan, make_user):
    from organisation.models import Team
    from subsidies.loader import load_rates
    from tests.subsidies.factories import advance, make_application

    load_rates()
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    granted = advance(make_application(preparer), preparer, to="decided", decider=decider)
    rows = grid(docx_of(plan), "Myönteisiä")
    decision = granted.decisions.get()
    assert rows[1] == [
        decision.municipality.name_fi, "palkkatuki", "1", "0", fi_number(decision.total, 2), "0"
    ]  # fmt: skip


def test_matching_section_without_the_matching_app(plan, monkeypatch):
    monkeypatch.setattr(tables.apps, "is_installed", lambda name: name != "matching")
    text = "\n".join(p.text for p in docx_of(plan).paragraphs)
    assert "Työtarjousten ja kohtaannon tietoja ei vielä ole" in text


def test_matching_section_with_job_offers(plan, make_user):
    from django.apps import apps

    from organisation.models import Municipality
    from tests.employers.factories import VacancyFactory
    from tests.jobseekers.factories import make_jobseeker

    job_offer = apps.get_model("matching", "JobOffer")
    counsellor = make_user(role="counsellor", municipality_code="205")
    vacancy = VacancyFactory(municipality=Municipality.objects.get(code="765"))
    for municipality, outcome in (("205", "hired"), ("205", ""), ("765", "")):
        seeker = make_jobseeker(municipality=municipality)
        job_offer.objects.create(
            jobseeker=seeker, vacancy=vacancy, kind="job_offer", home_municipality=seeker.municipality,
            workplace_municipality=vacancy.municipality, made_by=counsellor, made_on="2026-03-01", outcome=outcome,
            outcome_date="2026-03-02" if outcome else None,
        )  # fmt: skip
    rows = by_name(grid(docx_of(plan), "Työtarjouksia"))
    assert rows["Kajaani"] == {
        "Työnhakijan kotikunta": "Kajaani", "Työtarjouksia": "2", "Ohjauksia": "0", "Toiseen kuntaan": "2",
        "Palkattiin": "1",
    }  # fmt: skip
    assert rows["Sotkamo"]["Toiseen kuntaan"] == "0"


def test_html_is_a_standalone_document_without_inline_style_or_script(plan):
    page = render.html(build(plan)).decode()
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fi">' in page
    assert '<link rel="stylesheet" href="/static/plan_document/plan.css">' in page
    assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", page)
    for heading in HEADINGS:
        assert f">{heading}</h2>" in page
    assert '<th scope="row">Yhteensä (laskettu)</th>' in page and ">3\u00a0217</td>" in page


def test_swedish_output_uses_swedish_texts_where_they_exist(plan):
    from django.utils import translation

    text = PlanText.objects.get(area=plan, section=3)
    text.heading_sv, text.text_sv = "Antal verksamhetsställen och deras placering", "Varje kommun har ett kontor."
    text.save()
    document = docx_of(plan, language="sv")
    with translation.override("sv"):
        title = translation.gettext("Suunnitelma työvoimapalveluiden järjestämiseksi")
        only_finnish = translation.gettext("(Tämän luvun teksti on vain suomeksi.)")
        municipality = translation.gettext("Kunta")
    found = headings(document)
    assert found[0] == f"{title} – Kajanalands och Koillismaas sysselsättningsområde"
    assert "3. Antal verksamhetsställen och deras placering" in found
    assert HEADINGS[0] in found  # no Swedish text: the Finnish one, said so
    paragraphs = [p.text for p in document.paragraphs]
    assert "Varje kommun har ett kontor." in paragraphs
    assert paragraphs.count(only_finnish) == 5
    assert "Arbetslösa arbetssökande" in grid(document, municipality)[0]
    assert document.core_properties.language == "sv"


def test_the_parser_finds_the_six_sections_and_leaves_the_tables_out():
    sections = parse((AREA_DIR / "plan.txt").read_text())
    assert [f"{s.number}. {s.heading}" for s in sections] == HEADINGS
    text = "\n".join(s.text for s in sections)
    assert "Hyrynsalmi 765 10,2" not in text and "(taulukko 1)" not in text and "38 802" not in text
    assert "Kunnat Työvoima" not in text and "Lähde: TEM resurssilaskelmat" not in text
    assert sections[2].paragraphs[1] == "Hyrynsalmen kunta: Hyrynsalmen kunnantalo, Laskutie 1, 89400 Hyrynsalmi"
    # A paragraph that a page break cut goes on in lower case and stays one paragraph.
    assert any("nimeämällä jäseniä ko. työryhmiin. Ennakointityön" in p for p in sections[3].paragraphs)
    assert sections[0].text.startswith("Työllisyysalueen työttömien osuus työvoimasta elokuussa 2023")
