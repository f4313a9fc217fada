"""The caseload dashboard after its speed-ups shows what it showed before: each table's rows as the per-cell template
tags rendered them, the counsellors' rows built only for the page shown, the FTE sums per team and municipality those
of the counsellors one by one."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import engines
from django.utils import translation

from jobseekers import selectors
from jobseekers.selectors import CounsellorCaseloads

pytestmark = pytest.mark.django_db

ROWS_BEFORE = (Path(__file__).parent / "reference" / "caseload_rows_before.html").read_text()


@pytest.fixture
def populated(area, make_staff):
    call_command("generate_population", "--month", "2023-08", "--seed", "1")
    make_staff(team="kajaani-aikuiset", first_name="Åsa & <Co>", last_name='"Bäck"', username="bäck")
    return make_staff(role="area_manager", municipality_code="205", username="alue")


def _bodies(html: str) -> list[str]:
    return re.findall(r"<tbody>\n      (.*?)\n    </tbody>", html, flags=re.S)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_tables_render_their_rows_as_the_per_cell_tags_did(client, populated, language):
    client.force_login(populated)
    response = client.get("/asiakkaat/asiakasmaarat/?kunta=kaikki", HTTP_ACCEPT_LANGUAGE=language)
    tables = [response.context[name] for name in ("municipality_table", "team_table", "counsellor_table")]
    with translation.override(language):
        expected = [
            engines["django"]
            .from_string(ROWS_BEFORE)
            .render({"table": table, "over_columns": response.context["over_columns"]})
            for table in tables
        ]
    assert _bodies(response.content.decode()) == expected
    assert any('class="row-over"' in body for body in expected), "a row over its target is among those compared"
    assert "Åsa &amp; &lt;Co&gt; &quot;Bäck&quot;" in expected[2]


def test_only_the_page_shown_is_built():
    built = []
    rows = CounsellorCaseloads(list(range(250)), lambda person: built.append(person) or person * 2)
    assert len(rows) == 250 and not built
    assert rows[100:103] == [200, 202, 204] and built == [100, 101, 102]
    assert rows[-1] == 498 and list(rows)[:2] == [0, 2]


def test_fte_sums_are_those_of_the_counsellors_one_by_one(populated, make_staff):
    make_staff(team="kajaani-aikuiset", fte=Decimal("0.6"), username="osa-aikainen")
    make_staff(
        team="kajaani-aikuiset", fte=Decimal("1"), first_name="Ex", last_name="Ohjaaja", username="ex", is_active=False
    )
    data = selectors.caseloads(populated)
    counsellors = list(data["counsellors"])
    by_team, by_municipality = {}, {}
    for row in counsellors:
        if row.team:
            by_team[row.team] = by_team.get(row.team, Decimal(0)) + row.fte
        by_municipality[row.municipality] = by_municipality.get(row.municipality, Decimal(0)) + row.fte
    assert {row.name: row.fte for row in data["teams"] if row.fte} == {k: v for k, v in by_team.items() if v}
    assert {row.name: row.fte for row in data["municipalities"] if row.fte} == {
        k: v for k, v in by_municipality.items() if v
    }
    assert "Ex Ohjaaja" not in {row.name for row in counsellors}, "inactive without clients: neither shown nor counted"


def test_the_balance_page_builds_each_counsellor_row_once(area, make_staff, monkeypatch):
    from jobseekers import tables

    for number in range(3):
        make_staff(team="kajaani-aikuiset", username=f"ohjaaja-{number}")
    built = []
    real = selectors.Caseload
    monkeypatch.setattr(selectors, "Caseload", lambda **fields: built.append(fields["key"]) or real(**fields))
    table, labels = tables.counsellor_caseloads(make_staff(role="area_manager", username="alue"), "205")
    counsellor_rows = [key for key in built if key.startswith("user:")]
    assert len(table.rows) == len(labels) == len(counsellor_rows) >= 3
