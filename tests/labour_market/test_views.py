import csv
import io
import re

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from accounts import permissions
from tests.labour_market.conftest import PX_FILE
from www import navigation  # noqa: F401  (imported before any test patches the predicates it holds)

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
PAGES = ["/tilastot/", "/tilastot/aikasarjat/", "/tilastot/pendelointi/", "/tilastot/tarkistus/"]
EXPORTS = [
    "/tilastot/vienti/kuntaluvut/suunnitelma-taulukko-1/2023-08/",
    "/tilastot/vienti/johdetut/suunnitelma-taulukko-1/2023-08/",
    "/tilastot/vienti/aikasarja/suunnitelma-taulukko-1/TYOTTOMATLOPUSSA/",
    "/tilastot/vienti/pendelointi/suunnitelma-pendelointi/",
    "/tilastot/vienti/tarkistus/",
]


def test_anonymous_is_sent_to_login(client, db):
    for url in PAGES + EXPORTS:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/kirjaudu/"), url


def test_statistics_need_the_permission(client_in, monkeypatch):
    # Every signed-in staff member may read statistics today, so the refusal is reached by changing the predicate.
    monkeypatch.setattr(permissions, "can_view_statistics", lambda user: False)
    for url in PAGES + EXPORTS:
        assert client_in.get(url).status_code == 403, url


def test_pages_have_no_inline_script(client_in):
    for url in PAGES:
        response = client_in.get(url)
        assert response.status_code == 200
        for tag in re.findall(r"<script[^>]*>", response.content.decode()):
            assert " src=" in tag or 'type="application/json"' in tag, (url, tag)


def test_overview_shows_august_2023_the_finnish_way(client_in):
    body = client_in.get("/tilastot/").content.decode()
    assert "Suunnitelman taulukko 1: Elokuu 2023" in body
    assert f'<td class="num">16{NBSP}615</td>' in body
    assert '<td class="num">10,2</td>' in body
    assert '<td class="num">...</td>' in body
    assert "Taulukon 1 sarake 8 (nimi puuttuu)" in body
    # the area total is computed, the published total row is kept beside it as printed
    assert "Alue yhteensä (laskettu)" in body and f'<td class="num">3{NBSP}217</td>' in body
    assert "Yhteensä (julkaistu rivi)" in body and '<td class="num">321</td>' in body
    assert '<td class="num">255–261</td>' in body
    assert '<canvas data-chart="rate-chart" role="img"' in body
    assert 'id="rate-chart" type="application/json"' in body


def test_derived_figures_of_the_plan(client_in):
    derived = client_in.get("/tilastot/").context["derived"]
    area_row = derived.rows[-1]
    assert str(area_row["rate"]) == "8.3" and str(area_row["rate_published"]) == "8.9"
    assert str(area_row["long_term_share"]) == "25.2"
    assert area_row["foreign_share"] is None  # two suppressed cells: no exact share
    ristijarvi = next(row for row in derived.rows if row["municipality"] == "Ristijärvi")
    assert str(ristijarvi["rate"]) == "7.0" and str(ristijarvi["rate_published"]) == "7"
    assert ristijarvi["youth_share"] is None


def test_monthly_changes_and_time_series_after_an_import(client_in):
    call_command("import_statistics", str(PX_FILE), stdout=io.StringIO())
    response = client_in.get("/tilastot/?table=statfin_tyonv_pxt_12r5&month=2023-08")
    kajaani = next(row for row in response.context["derived"].rows if row["municipality"] == "Kajaani")
    assert kajaani["unemployed_mom"] == 1384 - 1578
    assert kajaani["unemployed_yoy"] == 1384 - 1287
    assert str(kajaani["rate_yoy"]) == str(round(1384 / 16615 * 100 - 1287 / 16748 * 100, 1))
    series = client_in.get("/tilastot/aikasarjat/?table=statfin_tyonv_pxt_12r5&indicator=TYOTOSUUS")
    body = series.content.decode()
    assert series.context["enough_months"] and len(series.context["series"].rows) == 4
    assert '<canvas data-chart="series-chart"' in body and "Elokuu 2022" in body


def test_a_month_the_table_lacks_falls_back_on_the_page_but_not_in_an_export(client_in):
    assert client_in.get("/tilastot/?month=1999-01").context["month"].year == 2023
    assert client_in.get("/tilastot/vienti/kuntaluvut/suunnitelma-taulukko-1/1999-01/").status_code == 404
    assert client_in.get("/tilastot/?table=ei-ole").status_code == 404


def test_commuting_page_shows_recomputed_beside_published(client_in):
    response = client_in.get("/tilastot/pendelointi/")
    rows = {row["municipality"]: row for row in response.context["commuting"].rows}
    assert str(rows["Hyrynsalmi"]["published"]) == "89.13" and str(rows["Hyrynsalmi"]["recomputed"]) == "78.95"
    assert rows["Sotkamo"]["agrees"] == "ei täsmää" and rows["Kajaani"]["agrees"] == "täsmää"
    assert str(rows["Alue yhteensä (laskettu)"]["recomputed"]) == "100.26"
    assert str(rows["Yhteensä (julkaistu rivi)"]["published"]) == "91.773"
    body = response.content.decode()
    assert '<td class="num">78,95</td>' in body and '<td class="num">89,13</td>' in body
    assert "kaksinkertainen pyöristys" in body


def test_consistency_page_lists_the_findings(client_in):
    body = client_in.get("/tilastot/tarkistus/").content.decode()
    assert "Tarkistus löysi 11 ristiriitaa ja 5 huomiota." in body
    assert "numero on pudonnut pois (3217 → 321)" in body


def test_csv_and_xlsx_exports(client_in):
    response = client_in.get(EXPORTS[0] + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Kunta", "Työvoima", "Työttömyysaste, %"]
    assert rows[7][:3] == ["Ristijärvi", "487", "7"] and rows[1][7] == "..."
    assert rows[-1][:4] == ["Yhteensä (julkaistu rivi)", "38799", "8.9", "321"]
    workbook = load_workbook(io.BytesIO(client_in.get(EXPORTS[3] + "?format=xlsx").content))
    sheet = workbook.active
    assert sheet["A2"].value == "Hyrynsalmi" and sheet["F2"].value == 89.13 and sheet["G2"].value == 78.95
    findings = list(csv.reader(io.StringIO(client_in.get(EXPORTS[4]).content.decode())))
    assert len(findings) == 1 + 16


def test_unknown_export_table_is_404(client_in):
    assert client_in.get("/tilastot/vienti/pendelointi/ei-ole/").status_code == 404
    assert client_in.get("/tilastot/vienti/aikasarja/suunnitelma-taulukko-1/EI/").status_code == 404
