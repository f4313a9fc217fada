"""The consistency checks on small constructed tables with planted errors, and the texts of their findings."""

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from labour_market import enums
from labour_market.consistency import checks, explanations
from labour_market.consistency.diagnoses import digit_slip
from labour_market.consistency.explanations import explanation
from labour_market.consistency.findings import Code, Kind, Severity
from labour_market.consistency.inputs import (
    Area,
    CommutingRow,
    CommutingTable,
    Indicator,
    Municipality,
    MunicipalTable,
)
from labour_market.figures import MISSING, SUPPRESSED, Concept, Figure, SuppressedRange, parse_printed, round_half_up

D = Decimal
AUG = date(2023, 8, 1)
AREA = Area("Testialue", (Municipality("001", "Aa"), Municipality("002", "Bee"), Municipality("003", "Cee")))
LF = Indicator("LF", "Työvoima", Concept.LABOUR_FORCE, True)
UN = Indicator("UN", "Työttömät", Concept.UNEMPLOYED, True)
RATE = Indicator("RATE", "Työttömyysaste, %", Concept.UNEMPLOYMENT_RATE, False)
MEN = Indicator("MEN", "Miehet", Concept.UNEMPLOYED_MEN, True)
WOMEN = Indicator("WOMEN", "Naiset", Concept.UNEMPLOYED_WOMEN, True)
FOREIGN = Indicator("FOREIGN", "Ulkomaalaiset", Concept.FOREIGN_UNEMPLOYED, True)
INDICATORS = (LF, UN, RATE, MEN, WOMEN, FOREIGN)

# A consistent table: rows are LF, UN, RATE, MEN, WOMEN, FOREIGN as printed.
CLEAN = {
    "001": ["1000", "100", "10,0", "60", "40", "12"],
    "002": ["2000", "100", "5,0", "50", "50", "3"],
    "003": ["500", "50", "10,0", "30", "20", "5"],
    None: ["3500", "250", "7,1", "140", "110", "20"],
}


def table(rows=None, key="t1", name="Taulukko 1", document="julkaisu"):
    rows = CLEAN if rows is None else rows
    cells = {}
    for code, values in rows.items():
        for indicator, text in zip(INDICATORS, values, strict=True):
            if text is not None:
                cells[(code, AUG, indicator.code)] = parse_printed(text)
    return MunicipalTable(key, name, INDICATORS, cells, document, SuppressedRange(D(1), D(4)))


def changed(code, column, text, rows=CLEAN):
    copy = {k: list(v) for k, v in rows.items()}
    copy[code][[i.code for i in INDICATORS].index(column)] = text
    return copy


def only(findings, kind=None, **where):
    matching = [
        f for f in findings if (kind is None or f.kind == kind) and all(getattr(f, k) == v for k, v in where.items())
    ]
    assert len(matching) == 1, findings
    return matching[0]


def test_a_consistent_table_has_no_findings():
    assert checks.check(AREA, [table()]) == []


def test_a_total_with_a_dropped_digit():
    findings = checks.check(AREA, [table(changed(None, "UN", "25"))])
    finding = only(findings, Kind.TOTAL, column="UN")
    assert (finding.municipality, finding.published, finding.recomputed, finding.difference) == (None, 25, 250, -225)
    assert "numero on pudonnut pois (250 → 25)" in explanation(finding)
    # the same printed figure also fails men + women and the groups inside it: one finding, every reason
    assert "miehet 140 + naiset 110 = 250" in explanation(finding)
    assert "osa on suurempi kuin kokonaisuus" in explanation(finding)


@pytest.mark.parametrize(
    ("printed", "expected", "code", "text"),
    [
        ("2510", "250", Code.EXTRA_DIGIT, "luvussa on ylimääräinen numero (250 → 2510)"),
        ("205", "250", Code.SWAPPED_DIGITS, "vierekkäiset numerot ovat vaihtaneet paikkaa (250 → 205)"),
        ("259", "250", Code.ONE_DIGIT_DIFFERS, "yksi numero eri (250 / 259), todennäköisesti näppäilyvirhe"),
        ("25", "250", Code.DROPPED_DIGIT, "numero on pudonnut pois (250 → 25)"),
    ],
)
def test_typing_slips_are_named(printed, expected, code, text):
    slip = digit_slip(D(printed), D(expected))
    assert slip.code == code and explanations.render(slip) == text


def test_a_wrong_municipal_rate_is_compared_at_its_printed_precision():
    findings = checks.check(AREA, [table(changed("002", "RATE", "5,5"))])
    finding = only(findings, Kind.RATE, municipality="002")
    assert finding.published == D("5.5") and finding.recomputed == 5
    assert "100 / 2\u00a0000 × 100" in explanation(finding)


def test_a_rate_printed_without_its_decimal_is_a_note_not_an_error():
    findings = checks.check(AREA, [table(changed("001", "RATE", "10"))])
    finding = only(findings, municipality="001")
    assert finding.kind == Kind.PRECISION and finding.severity == Severity.NOTE
    assert "ilman desimaaleja" in explanation(finding) and "luku on oikein" in explanation(finding)


def test_an_area_rate_taken_as_the_unweighted_mean_of_municipal_rates():
    # (10,0 + 5,0 + 10,0) / 3 = 8,3, while 250 / 3 500 × 100 = 7,1
    findings = checks.check(AREA, [table(changed(None, "RATE", "8,3"))])
    finding = only(findings, Kind.RATE, municipality=None)
    assert explanations.fi(finding.recomputed, 2) == "7,14"
    assert "painottamaton keskiarvo" in explanation(finding)


def test_suppressed_cells_leave_the_total_bounded():
    rows = changed("002", "FOREIGN", "...")
    finding = only(checks.check(AREA, [table(rows)]), column="FOREIGN")
    assert finding.kind == Kind.NOT_CHECKABLE and (finding.low, finding.high) == (18, 21)
    assert finding.recomputed is None


def test_a_total_outside_its_bounds_and_the_hidden_cells_counted_as_zero():
    rows = changed(None, "FOREIGN", "17", changed("002", "FOREIGN", "..."))
    finding = only(checks.check(AREA, [table(rows)]), column="FOREIGN")
    assert finding.kind == Kind.OUTSIDE_BOUNDS and finding.severity == Severity.INCONSISTENCY
    assert (finding.low, finding.high) == (18, 21)
    assert "laskettu nollina" in explanation(finding)


def test_a_missing_cell_makes_the_total_not_checkable():
    rows = changed("003", "FOREIGN", "")
    finding = only(checks.check(AREA, [table(rows)]), column="FOREIGN")
    assert finding.kind == Kind.NOT_CHECKABLE and "puuttuu" in explanation(finding)


def test_parts_that_do_not_make_the_whole():
    findings = checks.check(AREA, [table(changed("003", "MEN", "31"))])
    finding = only(findings, Kind.SUM_OF_PARTS)
    assert finding.municipality == "003" and finding.column == "UN" and finding.recomputed == 51
    assert only(findings, Kind.TOTAL).column == "MEN"


def test_a_group_larger_than_the_unemployed():
    rows = changed("003", "FOREIGN", "60", changed(None, "FOREIGN", "75"))
    finding = only(checks.check(AREA, [table(rows)]), Kind.PART_EXCEEDS_WHOLE)
    assert finding.municipality == "003" and finding.column == "UN"
    assert "ulkomaalaiset 60" in explanation(finding)


def test_a_suppressed_group_cannot_exceed_a_zero_whole():
    rows = changed("003", "UN", "0", changed("003", "FOREIGN", "...", changed("003", "MEN", "0")))
    rows = changed("003", "WOMEN", "0", changed("003", "RATE", "0,0", rows))
    findings = checks.check(AREA, [table(rows)])
    assert any(f.kind == Kind.PART_EXCEEDS_WHOLE and f.municipality == "003" for f in findings)


def test_the_same_quantity_in_two_tables_flags_the_one_that_disagrees_with_its_recomputation():
    text = MunicipalTable(
        "teksti",
        "Teksti",
        (UN,),
        {(None, AUG, "UN"): Figure.of(250)},
        "julkaisu",
    )
    findings = checks.check(AREA, [table(changed(None, "UN", "25")), text])
    cross = only(findings, Kind.CROSS_TABLE)
    assert (cross.table, cross.other_table, cross.published, cross.recomputed) == ("t1", "teksti", 25, 250)


def test_an_area_difference_between_tables_is_traced_to_its_municipality():
    other = table(changed("002", "LF", "2003", changed(None, "LF", "3503")), key="t2", name="Taulukko 2")
    findings = checks.check(AREA, [table(), other])
    area_finding = only(findings, Kind.CROSS_TABLE, municipality=None)
    assert "selittyy kuntien eroilla: Bee" in explanation(area_finding)
    assert only(findings, Kind.CROSS_TABLE, municipality="002").other_table == "t1"


def commuting(rows, document="julkaisu"):
    return CommutingTable(
        "pendelointi",
        "Pendelöinti",
        {code: CommutingRow(*(parse_printed(v) for v in values)) for code, values in rows.items()},
        document,
    )


COMMUTING = {
    "001": ["1000", "100", "200", "700", "88,9"],  # 800 / 900
    "002": ["2000", "600", "100", "1800", "126,3"],  # 2400 / 1900
    "003": ["500", "50", "50", "400", "100,0"],
    None: ["3500", "750", "350", "2900", "112,3"],  # 3650 / 3250
}


def test_commuting_self_sufficiency_recomputed_per_municipality_and_for_the_area():
    rows = {k: list(v) for k, v in COMMUTING.items()}
    rows["001"][4] = "98,9"
    rows[None][4] = "115,0"
    findings = checks.check(AREA, [], [commuting(rows)])
    municipal = only(findings, Kind.JOB_SELF_SUFFICIENCY, municipality="001")
    assert explanations.fi(municipal.recomputed, 2) == "88,89"
    area = only(findings, Kind.JOB_SELF_SUFFICIENCY, municipality=None)
    assert explanations.fi(area.recomputed, 1) == "112,3"
    assert "Σ(oma + kuntaan) / Σ(oma + kunnasta)" in explanation(area)


def test_a_double_rounding_is_recognised():
    rows = {k: list(v) for k, v in COMMUTING.items()}
    rows["002"] = ["2000", "584", "100", "1801", "126"]  # 2385 / 1901 = 125,46 → 125,5 → 126
    findings = checks.check(AREA, [], [commuting(rows)])
    finding = only(findings, Kind.JOB_SELF_SUFFICIENCY, municipality="002")
    assert "kaksinkertainen pyöristys" in explanation(finding)


def test_commuting_labour_force_is_compared_with_the_same_documents_monthly_table():
    rows = {k: list(v) for k, v in COMMUTING.items()}
    rows["002"][0], rows[None][0] = "2009", "3509"
    findings = checks.check(AREA, [table()], [commuting(rows)])
    finding = only(findings, Kind.CROSS_TABLE, municipality="002")
    assert (finding.published, finding.recomputed, finding.other_table) == (2009, 2000, "t1")
    assert "yksi numero eri" in explanation(finding)
    assert "Bee +9" in explanation(only(findings, Kind.CROSS_TABLE, municipality=None))
    assert checks.check(AREA, [table()], [commuting(rows, document="toinen")]) == []


def test_more_employed_residents_than_labour_force():
    rows = {k: list(v) for k, v in COMMUTING.items()}
    rows["003"][0], rows[None][0] = "400", "3400"
    finding = only(checks.check(AREA, [], [commuting(rows)]), Kind.PART_EXCEEDS_WHOLE)
    assert finding.municipality == "003" and "työlliset asukkaat" in explanation(finding)


def test_missing_commuting_figures_are_skipped_not_guessed():
    rows = {k: list(v) for k, v in COMMUTING.items()}
    rows["003"] = ["500", "", "50", "400", "100,0"]
    findings = checks.check(AREA, [], [commuting(rows)])
    assert only(findings, Kind.NOT_CHECKABLE).column == "commuting_in"


def test_finding_as_dict_has_the_documented_keys():
    finding = only(checks.check(AREA, [table(changed(None, "UN", "25"))]), Kind.TOTAL)
    data = explanations.as_dict(finding)
    assert {"table", "municipality", "quantity", "published", "recomputed", "explanation"} <= set(data)
    assert (data["table"], data["municipality"], data["published"], data["recomputed"]) == ("t1", None, 25, 250)
    assert data["month"] == "2023-08" and data["difference"] == -225


def test_missing_and_suppressed_are_not_treated_as_zero():
    rows = changed("001", "MEN", "...", changed("001", "WOMEN", ""))
    findings = checks.check(AREA, [table(rows)])
    assert not any(f.kind == Kind.SUM_OF_PARTS for f in findings)
    assert MISSING != SUPPRESSED


def test_every_reason_code_has_a_text():
    counted = {Code.MISSING_MUNICIPALITIES, Code.SUPPRESSED_BOUNDS}
    assert set(explanations.TEXTS) == set(Code) - counted


def test_the_checks_import_no_django():
    modules = ", ".join(f"labour_market.consistency.{m}" for m in ("checks", "commuting", "diagnoses", "inputs"))
    script = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("kind", "severity"), [(Kind.PRECISION, Severity.NOTE), (Kind.TOTAL, Severity.INCONSISTENCY)])
def test_a_findings_severity_follows_from_its_kind(kind, severity):
    assert kind.severity == severity and enums.Severity(severity).is_inconsistency == (severity == "inconsistency")


@st.composite
def consistent_tables(draw):
    """A table whose every figure is what its municipalities make it, rates rounded half up to one decimal."""
    cells = {}
    totals = dict.fromkeys(("LF", "UN", "MEN", "WOMEN", "FOREIGN"), 0)
    for code in AREA.codes:
        labour_force = draw(st.integers(1, 20_000))
        unemployed = draw(st.integers(0, labour_force))
        men = draw(st.integers(0, unemployed))
        counts = {"LF": labour_force, "UN": unemployed, "MEN": men, "WOMEN": unemployed - men}
        counts["FOREIGN"] = draw(st.integers(0, unemployed))
        for column, value in counts.items():
            cells[(code, AUG, column)] = Figure.of(value, 0)
            totals[column] += value
        cells[(code, AUG, "RATE")] = Figure.of(round_half_up(D(unemployed) * 100 / labour_force, 1), 1)
    for column, value in totals.items():
        cells[(None, AUG, column)] = Figure.of(value, 0)
    cells[(None, AUG, "RATE")] = Figure.of(round_half_up(D(totals["UN"]) * 100 / totals["LF"], 1), 1)
    return MunicipalTable("t1", "Taulukko 1", INDICATORS, cells, "julkaisu")


@given(consistent_tables())
def test_figures_that_are_what_they_should_be_are_never_flagged(consistent):
    assert [f for f in checks.check(AREA, [consistent]) if f.severity == Severity.INCONSISTENCY] == []


@given(st.integers(10, 10**9), st.data())
def test_a_dropped_or_swapped_digit_is_named(expected, data):
    digits = str(expected)
    index = data.draw(st.integers(0, len(digits) - 2))
    dropped = digits[:index] + digits[index + 1 :]
    if dropped.lstrip("0") == dropped and dropped != digits:
        assert digit_slip(D(dropped), D(expected)).code == Code.DROPPED_DIGIT
    swapped = digits[:index] + digits[index + 1] + digits[index] + digits[index + 2 :]
    if swapped != digits and not swapped.startswith("0"):
        assert digit_slip(D(swapped), D(expected)).code == Code.SWAPPED_DIGITS
