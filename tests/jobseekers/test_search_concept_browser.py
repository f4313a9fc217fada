"""The statistical concept on the search page in a browser, checked by axe-core (screenshots in test-artifacts/)."""

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.jobseekers.factories import make_jobseeker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_unemployed_concept_lists_the_fully_laid_off_too(page, live_server, area, make_staff):
    counsellor = make_staff(municipality_code="205", team="kajaani-aikuiset", first_name="Olli", last_name="Ohjaaja")
    make_jobseeker(first_name="Tuula", last_name="Työtön", status="unemployed")
    make_jobseeker(first_name="Lauri", last_name="Lomautettu", status="fully_laid_off")
    make_jobseeker(first_name="Osmo", last_name="Osalomautettu", status="partly_laid_off")
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.get_by_role("link", name="Asiakkaat", exact=True).click()

    page.get_by_label("Tilaston käsite").select_option("unemployed")
    page.get_by_role("button", name="Hae", exact=True).click()
    expect(page.locator("tbody th")).to_have_text(["Lomautettu, Lauri", "Työtön, Tuula"])
    assert (
        "Haettiin: työttömät (Tilastokeskus: myös kokoaikaisesti lomautetut)"
        in page.locator(".search-summary").inner_text()
    )
    page.screenshot(path="/tmp/h/jobseekers-search-concept.png", full_page=True)
    assert_accessible(page, "jobseekers-search-concept")
