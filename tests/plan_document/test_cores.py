"""The pure cores: cutting a plan's text into sections, summing subsidy decisions, comparing versions."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan_document import changes, sections, summaries
from subsidies.reports import DecisionRow

TEXT = """
ALUEEN SUUNNITELMA
1. Ensimmäinen luku

Ensimmäinen kappale jatkuu
toisella rivillä.
 
Toinen kappale.
2. Toinen luku, joka jatkuu
seuraavalla rivillä
Luettelo:
1. Kohta yksi ei ole luku.
Kunta Luku A Luku B
Kajaani 16 615 8,3 1384
Kuhmo 3 120 8,4 263
Yhteensä 19 735 8,9 321
Tilanne kunnittain (taulukko 1)
Taulukon jälkeen.
3. Kolmas
Kolmas teksti.
4. Neljäs
5. Viides
Lähde: TEM laskelmat
6. Kuudes
Loppu.
"""


def test_sections_in_order_with_wrapped_headings_and_without_tables():
    found = sections.parse(TEXT)
    assert [(s.number, s.heading) for s in found] == [
        (1, "Ensimmäinen luku"),
        (2, "Toinen luku, joka jatkuu seuraavalla rivillä"),
        (3, "Kolmas"),
        (4, "Neljäs"),
        (5, "Viides"),
        (6, "Kuudes"),
    ]
    assert found[0].paragraphs == ("Ensimmäinen kappale jatkuu toisella rivillä.", "Toinen kappale.")
    assert found[1].paragraphs == ("Luettelo:", "1. Kohta yksi ei ole luku.", "Taulukon jälkeen.")
    assert found[4].paragraphs == ()  # a figure's credit without its figure is no narrative
    assert found[5].source == "§6"


def test_a_missing_section_is_named():
    with pytest.raises(sections.PlanTextError) as error:
        sections.parse(TEXT.replace("4. Neljäs", "Neljäs"))
    assert error.value.section == 4


def test_decisions_summed_by_municipality_and_kind():
    day = date(2026, 1, 5)
    rows = [
        DecisionRow("Paltamo", "general", day, True, False, Decimal("6300.00")),
        DecisionRow("Paltamo", "general", day, False, False, None),
        DecisionRow("Paltamo", "general", day, False, True, None),
        DecisionRow("Kajaani", "start_up_grant", day, True, False, Decimal("4837.30")),
    ]
    assert summaries.decisions_by_municipality_and_kind(rows) == [
        summaries.DecisionSummary("Kajaani", "start_up_grant", 1, 0, 0, Decimal("4837.30")),
        summaries.DecisionSummary("Paltamo", "general", 1, 1, 1, Decimal("6300.00")),
    ]


def test_a_row_is_known_by_as_few_descriptive_cells_as_make_it_unique():
    columns = [("Kunta", False), ("Toimipiste", False), ("Postinumero", True)]
    rows = [
        {"Kunta": "Kajaani", "Toimipiste": "Virastotalo", "Postinumero": "87100"},
        {"Kunta": "Kajaani", "Toimipiste": "Ohjaamo", "Postinumero": "87100"},
        {"Kunta": "Kuhmo", "Toimipiste": "Kaupungintalo", "Postinumero": "88900"},
    ]
    snapshot = changes.table_snapshot("Toimipisteet", columns, rows)
    assert list(snapshot["rows"]) == ["Kajaani · Virastotalo", "Kajaani · Ohjaamo", "Kuhmo · Kaupungintalo"]
    moved = [dict(rows[0], Postinumero="87101"), *rows[1:]]
    assert changes.compare(
        {"tables": {"t": snapshot}}, {"tables": {"t": changes.table_snapshot("Toimipisteet", columns, moved)}}
    ) == [changes.Change(changes.ChangeCode.VALUE, "Toimipisteet", "Kajaani · Virastotalo", "Postinumero", "87100",
                         "87101")]  # fmt: skip


cell = st.text(alphabet="abc123 ,", max_size=5)


@given(st.lists(st.tuples(cell, cell, cell), max_size=6), st.dictionaries(st.sampled_from("123456"), cell))
def test_a_version_compared_with_itself_has_no_changes(rows, texts):
    columns = [("Kunta", False), ("Tehtävä", False), ("Luku", True)]
    table = changes.table_snapshot(
        "T", columns, [dict(zip(["Kunta", "Tehtävä", "Luku"], r, strict=True)) for r in rows]
    )
    snapshot = {
        "month": "2026-01",
        "tables": {"t": table},
        "texts": {key: {"heading": value, "text": value} for key, value in texts.items()},
    }
    assert changes.compare(snapshot, snapshot) == []
