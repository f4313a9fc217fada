"""An FTE range in an export is two numbers a program can read, its lower and upper bound; the page keeps "7,5–8"."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client, area, make_user):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    return client


def _csv(client, table) -> list[dict]:
    response = client.get(f"/organisaatio/vienti/{table}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _xlsx(client, table) -> list[dict]:
    response = client.get(f"/organisaatio/vienti/{table}.csv?format=xlsx")
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_staffing_csv_has_the_bounds_as_dot_decimal_numbers(client_in):
    rows = {row["Kunta"]: row for row in _csv(client_in, "henkilosto")}
    suomussalmi = rows["Suomussalmi"]
    assert (suomussalmi["Yhteensä, alaraja"], suomussalmi["Yhteensä, yläraja"]) == ("8", "9")
    assert "Yhteensä" not in suomussalmi, "no column left with the range as text"
    for row in rows.values():
        for key, value in row.items():
            if key != "Kunta":
                assert Decimal(value) >= 0, (key, value)
                assert "–" not in value and "," not in value, (key, value)


def test_the_staffing_xlsx_has_the_bounds_as_numbers(client_in):
    suomussalmi = next(row for row in _xlsx(client_in, "henkilosto") if row["Kunta"] == "Suomussalmi")
    assert (suomussalmi["Yhteensä, alaraja"], suomussalmi["Yhteensä, yläraja"]) == (8, 9)
    assert all(isinstance(value, int | float) for key, value in suomussalmi.items() if key != "Kunta")


def test_a_position_with_a_decimal_bound_exports_it_with_a_dot(client_in):
    rows = _csv(client_in, "henkilostoresurssit")
    assert any(row["Htv, alaraja"] == "0.5" for row in rows)
    ranged = [row for row in rows if row["Htv, alaraja"] != row["Htv, yläraja"]]
    assert ranged and all(Decimal(row["Htv, alaraja"]) < Decimal(row["Htv, yläraja"]) for row in ranged)
    xlsx = _xlsx(client_in, "henkilostoresurssit")
    assert any(row["Htv, alaraja"] == 0.5 for row in xlsx)


def test_the_pages_keep_the_range_as_text(client_in):
    page = client_in.get("/organisaatio/")
    suomussalmi = next(row for row in page.context["staffing"].rows if row["municipality"] == "Suomussalmi")
    assert suomussalmi["total"] == "8–9"
    assert "Yhteensä, alaraja" not in page.content.decode()
    municipality = client_in.get("/organisaatio/kunnat/777/").content.decode()
    assert "6–7" in municipality
