"""check_statistics on the plan's own tables: every arithmetic inconsistency the plan contains."""

import io
import json

import pytest
from django.core.management import call_command

from tests.labour_market.conftest import PX_FILE

pytestmark = pytest.mark.django_db

TABLE_1, TEXT, COMMUTING = "suunnitelma-taulukko-1", "suunnitelma-1-teksti", "suunnitelma-pendelointi"


def findings(*args):
    out = io.StringIO()
    call_command("check_statistics", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def plan_findings(area):
    data = json.loads(findings("--json"))
    return {(f["table"], f["municipality"], f["column"], f["kind"]): f for f in data}


def test_keys_of_each_finding(plan_findings):
    for finding in plan_findings.values():
        assert {"table", "municipality", "quantity", "published", "recomputed", "explanation"} <= set(finding)


def test_unemployed_total_with_a_dropped_digit(plan_findings):
    finding = plan_findings[(TABLE_1, None, "TYOTTOMATLOPUSSA", "total")]
    assert (finding["published"], finding["recomputed"], finding["difference"]) == (321, 3217, -2896)
    assert "numero on pudonnut pois (3217 → 321)" in finding["explanation"]
    cross = plan_findings[(TABLE_1, None, "TYOTTOMATLOPUSSA", "cross_table")]
    assert (cross["recomputed"], cross["other_table"]) == (3217, TEXT)


def test_area_rate_is_the_unweighted_mean_of_municipal_rates(plan_findings):
    for table in (TABLE_1, TEXT):
        finding = plan_findings[(table, None, "TYOTOSUUS", "rate")]
        assert (finding["published"], finding["recomputed"]) == (8.9, 8.291)
        assert "painottamaton keskiarvo = 8,92" in finding["explanation"]


def test_ristijarvi_rate_printed_without_its_decimal(plan_findings):
    finding = plan_findings[(TABLE_1, "697", "TYOTOSUUS", "precision")]
    assert (finding["published"], finding["recomputed"], finding["severity"]) == (7, 6.98, "note")


def test_foreigners_total_is_below_what_the_suppressed_cells_allow(plan_findings):
    for table in (TABLE_1, TEXT):
        finding = plan_findings[(table, None, "TYOTTOMATULK", "outside_bounds")]
        assert (finding["published"], finding["recomputed_min"], finding["recomputed_max"]) == (253, 255, 261)
        assert "laskettu nollina" in finding["explanation"]


def test_suppressed_totals_are_bounded_not_checked(plan_findings):
    under_20 = plan_findings[(TABLE_1, None, "TYOTTOMAT20", "not_checkable")]
    assert (under_20["recomputed_min"], under_20["recomputed_max"]) == (68, 89)


def test_labour_force_differs_between_commuting_table_and_table_1(plan_findings):
    sotkamo = plan_findings[(COMMUTING, "765", "labour_force", "cross_table")]
    assert (sotkamo["published"], sotkamo["recomputed"], sotkamo["other_table"]) == (4709, 4706, TABLE_1)
    total = plan_findings[(COMMUTING, None, "labour_force", "cross_table")]
    assert (total["published"], total["recomputed"]) == (38802, 38799)
    assert "Sotkamo +3" in total["explanation"]


def test_job_self_sufficiency_against_recomputation(plan_findings):
    hyrynsalmi = plan_findings[(COMMUTING, "105", "job_self_sufficiency", "job_self_sufficiency")]
    assert (hyrynsalmi["published"], hyrynsalmi["recomputed"]) == (89.13, 78.9474)
    sotkamo = plan_findings[(COMMUTING, "765", "job_self_sufficiency", "job_self_sufficiency")]
    assert "kaksinkertainen pyöristys" in sotkamo["explanation"]
    area = plan_findings[(COMMUTING, None, "job_self_sufficiency", "job_self_sufficiency")]
    assert (area["published"], round(area["recomputed"], 3)) == (91.773, 100.262)
    assert "painottamaton keskiarvo = 91,803" in area["explanation"]


def test_nothing_else_is_flagged(plan_findings):
    inconsistencies = {key for key, f in plan_findings.items() if f["severity"] == "inconsistency"}
    assert inconsistencies == set(
        [
            (TABLE_1, None, "TYOTTOMATLOPUSSA", "total"),
            (TABLE_1, None, "TYOTTOMATLOPUSSA", "cross_table"),
            (TABLE_1, None, "TYOTOSUUS", "rate"),
            (TABLE_1, None, "TYOTTOMATULK", "outside_bounds"),
            (TEXT, None, "TYOTOSUUS", "rate"),
            (TEXT, None, "TYOTTOMATULK", "outside_bounds"),
            (COMMUTING, "105", "job_self_sufficiency", "job_self_sufficiency"),
            (COMMUTING, "765", "job_self_sufficiency", "job_self_sufficiency"),
            (COMMUTING, None, "job_self_sufficiency", "job_self_sufficiency"),
            (COMMUTING, "765", "labour_force", "cross_table"),
            (COMMUTING, None, "labour_force", "cross_table"),
        ]
    )


def test_an_imported_statfin_table_agrees_with_the_plan(area):
    call_command("import_statistics", str(PX_FILE), stdout=io.StringIO())
    assert not [f for f in json.loads(findings("--json")) if "statfin_tyonv_pxt_12r5" in (f["table"], f["other_table"])]


def test_text_output_summarises(area):
    out = findings()
    assert "[ristiriita] suunnitelma-taulukko-1" in out
    assert out.strip().endswith("Tarkistettu: 11 ristiriitaa, 5 huomiota")
