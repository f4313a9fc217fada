import io

import pytest
from django.core.management import call_command

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.labour_market.conftest import PX_FILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, area, make_user):
    make_user(role="counsellor", municipality_code="205", username="tilastot")
    log_in(page, live_server, "tilastot", TEST_PASSWORD)
    return page


def chart_drawn(page, selector):
    return page.evaluate("(s) => Boolean(window.Chart && Chart.getChart(document.querySelector(s)))", selector)


def test_statistics_overview_with_chart_and_its_table(signed_in, live_server):
    signed_in.get_by_role("link", name="Tilastot", exact=True).click()
    assert signed_in.get_by_role("heading", level=1).inner_text() == "Työmarkkinatilastot"
    first = signed_in.locator("#kuntaluvut ~ .table-wrap").first
    assert first.locator("tbody tr").count() == 12
    assert "16\u00a0615" in first.inner_text()
    signed_in.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(signed_in, "canvas[data-chart='rate-chart']")
    signed_in.get_by_text("Kaavion luvut taulukkona").click()
    assert "Ristijärvi" in signed_in.locator("details table").inner_text()
    assert_accessible(signed_in, "statistics-overview")


def test_time_series_after_importing_statfin_months(signed_in, live_server):
    call_command("import_statistics", str(PX_FILE), stdout=io.StringIO())
    signed_in.goto(f"{live_server.url}/tilastot/aikasarjat/")
    signed_in.get_by_label("Taulukko").select_option("statfin_tyonv_pxt_12r5")
    signed_in.get_by_label("Tieto").select_option("TYOTOSUUS")
    signed_in.get_by_role("button", name="Näytä").click()
    signed_in.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(signed_in, "canvas[data-chart='series-chart']")
    assert signed_in.locator("#aikasarja ~ .table-wrap tbody tr").count() == 4
    assert_accessible(signed_in, "statistics-time-series")


def test_commuting_page(signed_in, live_server):
    signed_in.goto(f"{live_server.url}/tilastot/")
    signed_in.get_by_role("link", name="Pendelöinti", exact=True).click()
    row = signed_in.locator("tbody tr", has_text="Hyrynsalmi").first
    assert "89,13" in row.inner_text() and "78,95" in row.inner_text()
    assert_accessible(signed_in, "statistics-commuting")


def test_consistency_page_and_its_download(signed_in, live_server):
    signed_in.goto(f"{live_server.url}/tilastot/tarkistus/")
    assert "11 ristiriitaa" in signed_in.locator(".lead").inner_text()
    with signed_in.expect_download() as download:
        signed_in.get_by_role("link", name="Lataa CSV: Tarkistuksen havainnot").click()
    assert download.value.suggested_filename == "tarkistus.csv"
    assert_accessible(signed_in, "statistics-consistency")


def test_occupations_page_searches_and_suggests(signed_in, live_server, occupations):
    signed_in.goto(f"{live_server.url}/tilastot/")
    signed_in.get_by_role("link", name="Ammatit", exact=True).click()
    assert signed_in.get_by_role("heading", level=1).inner_text() == "Ammattiluokitus (ISCO-08)"
    signed_in.get_by_text("2 Erityisasiantuntijat", exact=True).click()
    assert signed_in.get_by_text("2221 Ylihoitajat ja osastonhoitajat").is_visible()
    search = signed_in.get_by_label("Hae koodilla tai nimellä")
    search.press_sequentially("sairaanhoit")
    signed_in.wait_for_function("() => document.querySelectorAll('#occupation-options option').length > 0")
    assert signed_in.locator("#occupation-options option").first.get_attribute("value") == "3221"
    signed_in.get_by_role("button", name="Hae", exact=True).click()
    results = signed_in.locator("ul.occupations")
    assert "3221 Sairaanhoitajat ym." in results.inner_text()
    assert "322 Sairaanhoitajat, kätilöt ym." in results.inner_text()
    assert_accessible(signed_in, "statistics-occupations")
