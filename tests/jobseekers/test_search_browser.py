"""The forgiving search in a browser, checked by axe-core (screenshots in test-artifacts/)."""

from datetime import date

import pytest

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.jobseekers.factories import make_jobseeker, synthetic_hetu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lehtimaki_without_diacritics_finds_lehtimaki(page, live_server, area, make_staff):
    counsellor = make_staff(municipality_code="205", team="kajaani-aikuiset", first_name="Olli", last_name="Ohjaaja")
    matti = make_jobseeker(first_name="Matti", last_name="Lehtimäki", hetu=synthetic_hetu(date(1990, 11, 28), "male"))
    make_jobseeker(first_name="Maija", last_name="Mäkinen")
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.get_by_role("link", name="Asiakkaat", exact=True).click()

    page.get_by_label("Nimi").fill("lehtimaki")
    page.get_by_role("button", name="Hae", exact=True).click()
    assert page.locator("tbody tr").count() == 1
    assert page.locator("tbody th").inner_text() == "Lehtimäki, Matti"
    assert page.locator(".search-summary").inner_text() == "Haettiin: nimi ”lehtimaki”. Löytyi 1 asiakas."
    assert_accessible(page, "jobseekers-search-forgiving")

    page.get_by_label("Nimi").fill("")
    page.get_by_label("Syntymäaika").fill("28.11.1990")
    page.get_by_role("button", name="Hae", exact=True).click()
    assert page.locator("tbody th").inner_text() == "Lehtimäki, Matti"
    assert "syntymäaika 28.11.1990" in page.locator(".search-summary").inner_text()

    page.get_by_label("Syntymäaika").fill("31.2.1990")
    page.get_by_role("button", name="Hae", exact=True).click()
    assert "Kirjoita syntymäaika muodossa" in page.locator("#birth_date-error").inner_text()
    assert_accessible(page, "jobseekers-search-birth-date-error")

    code = matti.reveal_hetu()
    page.get_by_label("Henkilötunnus").fill((code[:6] + code[7:]).lower())
    page.get_by_role("button", name="Hae henkilötunnuksella").click()
    page.get_by_role("heading", level=1, name="Matti Lehtimäki").wait_for()
    assert page.url.endswith(f"/asiakkaat/{matti.pk}/")
