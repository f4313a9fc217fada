import csv
import io

import pytest
from openpyxl import load_workbook

from organisation.tables import EXPORTS

pytestmark = pytest.mark.django_db

PAGES = [
    "/organisaatio/",
    "/organisaatio/toimipisteet/",
    "/organisaatio/palvelujarjestelyt/",
    "/organisaatio/kunnat/205/",
]


@pytest.fixture
def client_in(client, area, make_user):
    user = make_user(role="counsellor", municipality_code="205")
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", [*PAGES, "/organisaatio/vienti/kunnat.csv", "/"])
def test_anonymous_is_sent_to_login(client, area, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/kirjaudu/")


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_for_staff(client_in, url):
    assert client_in.get(url).status_code == 200


def test_overview_marks_the_responsible_municipality(client_in):
    body = client_in.get("/organisaatio/").content.decode()
    for name in [
        "Hyrynsalmi",
        "Kajaani",
        "Kuhmo",
        "Kuusamo",
        "Paltamo",
        "Puolanka",
        "Ristijärvi",
        "Sotkamo",
        "Suomussalmi",
        "Taivalkoski",
    ]:
        assert name in body
    assert '<span class="badge">vastuukunta</span>' in body


def test_office_directory_shows_all_addresses(client_in):
    body = client_in.get("/organisaatio/toimipisteet/").content.decode()
    for address in [
        "Laskutie 1",
        "Kalliokatu 4",
        "Pohjolankatu 13",
        "Pohjolankatu 16",
        "Kainuuntie 82",
        "Keskuskuja 6",
        "Salmelankuja 1",
        "Maaherrankatu 7",
        "Aholantie 25",
        "Markkinatie 1",
        "Ratatie 8A",
        "Kauppakatu 20",
        "Kirkkotie 6",
    ]:
        assert address in body
    assert body.count('<li class="card">') == 13


def test_arrangements_page_answers_who_serves_the_small_municipalities(client_in):
    response = client_in.get("/organisaatio/palvelujarjestelyt/")
    entries = response.context["who_serves"]
    for code in ("105", "697"):
        providers = {e["provider"].code for e in entries if e["municipality"].code == code and e["is_primary"]}
        assert "578" in providers, f"Paltamo should serve {code}"


def test_unknown_municipality_is_404(client_in):
    assert client_in.get("/organisaatio/kunnat/999/").status_code == 404


def test_staffing_table_sums_fte_ranges(client_in):
    table = client_in.get("/organisaatio/").context["staffing"]
    suomussalmi = next(row for row in table.rows if row["municipality"] == "Suomussalmi")
    assert "–" in suomussalmi["total"], "Suomussalmi's 7–8 htv keeps its range in the total"


def test_csv_export_has_a_header_and_ten_rows(client_in):
    response = client_in.get("/organisaatio/vienti/kunnat.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Kuntanumero"
    assert len(rows) == 11
    assert {row[0] for row in rows[1:]} >= {"205", "697", "832"}


def test_xlsx_export_opens_in_openpyxl(client_in):
    response = client_in.get("/organisaatio/vienti/toimipisteet.csv?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 14
    assert sheet.cell(row=1, column=2).value == "Toimipiste"


@pytest.mark.parametrize("table", sorted(EXPORTS))
def test_every_export_opens_as_xlsx(client_in, table):
    response = client_in.get(f"/organisaatio/vienti/{table}.csv?format=xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).active.max_row > 1


def test_unknown_export_is_404(client_in):
    assert client_in.get("/organisaatio/vienti/salaisuudet.csv").status_code == 404


def test_pages_follow_the_chosen_language(client_in):
    client_in.cookies["django_language"] = "sv"
    body = client_in.get("/organisaatio/toimipisteet/").content.decode()
    assert '<html lang="sv">' in body
    assert "Verksamhetsställen" in body
