"""The time series in Swedish in a browser: Swedish indicator and municipality names, a drawn line, accessible."""

import io

import pytest
from django.core.management import call_command

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.labour_market.conftest import PX_FILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_time_series_in_swedish(page, live_server, area, make_user):
    make_user(role="counsellor", municipality_code="205", username="statistik")
    call_command("import_statistics", str(PX_FILE), stdout=io.StringIO())
    log_in(page, live_server, "statistik", TEST_PASSWORD)
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": live_server.url}])
    page.goto(f"{live_server.url}/tilastot/aikasarjat/?table=statfin_tyonv_pxt_12r5")
    table = page.locator("#aikasarja ~ .table-wrap").first
    assert "Kajana" in table.locator("thead").inner_text()
    assert "Arbetslösa arbetssökande" in page.locator("#aikasarja").inner_text()
    page.wait_for_function("() => window.Chart !== undefined")
    assert page.evaluate("() => Boolean(Chart.getChart(document.querySelector(\"canvas[data-chart='series-chart']\")))")
    page.screenshot(path="/tmp/h/polish-time-series-sv.png", full_page=True)
    assert_accessible(page, "statistics-time-series-sv")
