"""Browser flows of planning, axe-core on every page (screenshots in test-artifacts/)."""

import pytest

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_capacity_and_a_layoff_scenario_beside_the_baseline(page, live_server, area, make_user):
    make_user(role="area_manager", municipality_code="205", username="johto")
    log_in(page, live_server, "johto", TEST_PASSWORD)
    page.get_by_role("link", name="Suunnittelu").click()
    page.locator("#id_source").select_option("statistics")
    page.get_by_role("button", name="Näytä").click()
    page.wait_for_load_state("networkidle")
    kajaani = page.get_by_role("row").filter(has_text="Kajaani").first
    assert "puuttuu 0,70 htv" in kajaani.inner_text()
    assert "15,5 htv valtiolta siirtyvää" in page.locator("#sijoittamaton-htv").inner_text()
    assert page.locator("canvas[data-chart='capacity-chart']").is_visible()
    assert_accessible(page, "planning-capacity")
    page.screenshot(path="/tmp/h/fidelity-capacity.png", full_page=True)

    page.get_by_role("link", name="Tapaamisten työmäärä").click()
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "planning-workload")

    page.get_by_role("link", name="Skenaariot").click()
    page.locator("#id_name").fill("Kaivoksen lomautukset")
    page.locator("#id_start_month").fill("2026-11")
    page.locator("#id_c0-kind").select_option("layoff")
    page.locator("#id_c0-municipality").select_option("765")
    page.locator("#id_c0-month").fill("2027-01")
    page.locator("#id_c0-people").fill("400")
    page.locator("#id_c0-share_registering").fill("0,7")
    page.get_by_role("button", name="Tallenna skenaario").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Kaivoksen lomautukset").is_visible()
    row = page.get_by_role("row").filter(has_text="1/2027").filter(has_text="Sotkamo").first
    assert row.is_visible()
    assert_accessible(page, "planning-scenario")
