"""Browser flows of the phone staffing page and the change-situation registry, axe-core on every page (screenshots in
test-artifacts/)."""

import pytest

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = "weekday,hour,calls\n" + "\n".join(f"{d},{h},{c}" for d in (1, 2) for h, c in ((8, 60), (9, 200), (10, 120)))


def test_importing_a_week_and_keeping_the_rota(page, live_server, area, make_user):
    make_user(role="area_manager", municipality_code="205", username="johto")
    log_in(page, live_server, "johto", TEST_PASSWORD)
    page.get_by_role("link", name="Suunnittelu").click()
    page.get_by_role("link", name="Puhelinpalvelu").click()
    assert page.get_by_text("Puhelumääriä ei ole vielä tuotu.").is_visible()

    page.get_by_label("Viikon nimi").fill("Viikko 48")
    page.get_by_label("tai rivit tähän (weekday,hour,calls)").fill(WEEK + "\n3,25,1\n")
    page.get_by_role("button", name="Tuo ja laske").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("rivi 8: hour: anna tunti 0–23").is_visible()

    page.get_by_label("tai rivit tähän (weekday,hour,calls)").fill(WEEK)
    page.get_by_role("button", name="Tuo ja laske").click()
    page.wait_for_load_state("networkidle")
    row = page.get_by_role("row").filter(has_text="maanantai 9–10")
    assert row.first.is_visible()

    page.locator("#id_municipality").select_option("205")
    page.locator("#id_weekday").select_option("1")
    page.get_by_label("Alkaen, tunti").fill("8")
    page.get_by_label("Päättyen, tunti").fill("11")
    page.get_by_label("Vastaajia", exact=True).fill("12")
    page.get_by_role("button", name="Lisää vuoro").click()
    page.wait_for_load_state("networkidle")
    assert "Kajaani" in page.get_by_role("row").filter(has_text="maanantai 9–10").first.inner_text()
    assert page.locator("canvas[data-chart='phone-chart']").is_visible()
    assert_accessible(page, "planning-phone")
    page.screenshot(path="/tmp/h/planning-phone.png", full_page=True)


def test_recording_a_change_situation_and_ticking_its_plan(page, live_server, area, make_user):
    from planning import checklists

    checklists.load_checklists()
    make_user(role="area_manager", municipality_code="205", username="johto")
    log_in(page, live_server, "johto", TEST_PASSWORD)
    page.get_by_role("link", name="Muutostilanteet").first.click()
    page.get_by_label("Työnantaja").fill("Sotkamon Malmi Oy")
    page.locator("#id_municipality").select_option("765")
    page.locator("#id_kind").select_option("layoff")
    page.get_by_label("Henkilöitä koskee").fill("abc")
    page.get_by_label("Ilmoitettu (pp.kk.vvvv)").fill("2.11.2026")
    page.get_by_role("button", name="Kirjaa tilanne").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Anna henkilömäärä 1–100 000.").is_visible()
    assert_accessible(page, "planning-change-situations-error")

    page.get_by_label("Henkilöitä koskee").fill("420")
    page.get_by_role("button", name="Kirjaa tilanne").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Sotkamon Malmi Oy").is_visible()
    first = page.get_by_role("checkbox").first
    first.check()
    page.get_by_role("button", name="Tallenna:").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("checkbox").first.is_checked()
    assert page.get_by_text("1/4 tehty").is_visible()
    assert_accessible(page, "planning-change-situation")
    page.screenshot(path="/tmp/h/planning-change-situation.png", full_page=True)

    page.get_by_role("link", name="Muutosturva", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Näet vain lukumäärät, et henkilöitä.").is_visible()
    assert_accessible(page, "planning-change-security")
    page.goto(f"{live_server.url}/suunnittelu/muutostilanteet/")
    assert_accessible(page, "planning-change-situations")
    page.screenshot(path="/tmp/h/planning-change-situations.png", full_page=True)
