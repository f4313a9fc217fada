import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, area, make_user):
    make_user(role="counsellor", municipality_code="205", username="ohjaaja")
    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    return page


def test_login_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/")
    assert "/accounts/kirjaudu/" in page.url
    assert_accessible(page, "login")


def test_wrong_password_shows_error(page, live_server, make_user):
    make_user(username="ohjaaja")
    log_in(page, live_server, "ohjaaja", "väärä-salasana")
    assert page.get_by_role("alert").inner_text().startswith("Käyttäjätunnus tai salasana on väärin")


def test_overview_lists_ten_municipalities(signed_in, live_server):
    signed_in.get_by_role("navigation").get_by_role("link", name="Alue", exact=True).click()
    rows = signed_in.locator("#kunnat ~ .table-wrap").first.locator("tbody tr")
    expect(rows).to_have_count(10)
    assert "vastuukunta" in signed_in.locator("tbody tr", has_text="Kajaani").first.inner_text()
    assert_accessible(signed_in, "overview")


def test_office_directory_lists_thirteen_offices(signed_in, live_server):
    signed_in.get_by_role("navigation").get_by_role("link", name="Toimipisteet", exact=True).click()
    expect(signed_in.locator(".office-list > li")).to_have_count(13)
    assert "Laskutie 1" in signed_in.inner_text("body")
    assert_accessible(signed_in, "offices")


def test_arrangements_answer_who_serves_ristijarvi(signed_in, live_server):
    signed_in.get_by_role("navigation").get_by_role("link", name="Palvelujärjestelyt", exact=True).click()
    card = signed_in.locator("section.card", has=signed_in.get_by_role("heading", name="Kuka palvelee: Ristijärvi"))
    assert "Paltamo" in card.inner_text()
    assert_accessible(signed_in, "arrangements")


def test_municipality_page(signed_in, live_server):
    signed_in.goto(f"{live_server.url}/organisaatio/kunnat/697/")
    assert signed_in.get_by_role("heading", level=1).inner_text().startswith("Ristijärvi")
    assert_accessible(signed_in, "municipality")


def test_language_switch_to_swedish_and_english(signed_in, live_server):
    signed_in.goto(f"{live_server.url}/organisaatio/toimipisteet/")
    signed_in.get_by_label("Kieli").select_option("sv")
    signed_in.get_by_role("button", name="Vaihda").click()
    assert signed_in.locator("html").get_attribute("lang") == "sv"
    assert signed_in.get_by_role("heading", level=1).inner_text() == "Verksamhetsställen"
    assert_accessible(signed_in, "offices-sv")
    signed_in.get_by_label("Språk").select_option("en")
    signed_in.get_by_role("button", name="Byt").click()
    assert signed_in.locator("html").get_attribute("lang") == "en"
    assert signed_in.get_by_role("heading", level=1).inner_text() == "Offices"


def test_a_counsellor_lands_on_their_deadlines(signed_in, live_server):
    signed_in.goto(f"{live_server.url}/")
    card = signed_in.locator("section.card", has=signed_in.get_by_role("heading", name="Omat määräajat"))
    assert card.get_by_role("link", name="Avaa viikon määräajat").is_visible()
    assert_accessible(signed_in, "home-counsellor")
