import pytest

from employers.models import Vacancy
from tests.browser import assert_accessible, log_in
from tests.conftest import AREA_DIR, TEST_PASSWORD
from tests.employers.factories import COOK, NURSE, EmployerFactory, make_occupations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page, live_server, area, make_user):
    from employers import distance_store

    make_occupations(NURSE, COOK)
    distance_store.load(AREA_DIR / "road-distances.csv")
    EmployerFactory(name="Kainuun Hoiva Oy")
    make_user(role="employer_services", municipality_code="205", username="tyonantajapalvelut")
    log_in(page, live_server, "tyonantajapalvelut", TEST_PASSWORD)
    return page


def test_create_a_vacancy_with_a_suggested_occupation_and_close_it(signed_in, live_server):
    page = signed_in
    page.get_by_role("link", name="Työpaikat", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Avoimet työpaikat"
    page.get_by_role("link", name="Uusi työpaikka").click()
    page.get_by_label("Työnantaja").select_option(index=1)
    page.get_by_label("Tehtävänimike").fill("Sairaanhoitaja, päivystys")
    occupation = page.get_by_label("Ammattiryhmä (ISCO-08)")
    occupation.press_sequentially("sairaanhoit")
    page.wait_for_function("() => document.querySelectorAll('#occupation-options option').length > 0")
    suggestion = page.locator("#occupation-options option").first
    assert suggestion.inner_text() == "3221 Sairaanhoitajat ym."
    # A datalist's pick puts the option's value into the field, as choosing it in the browser's list does.
    occupation.fill(suggestion.get_attribute("value"))
    page.get_by_label("Työpaikan kunta").select_option(label="Sotkamo")
    page.get_by_label("Työpaikka alueen ulkopuolella").select_option(label="Nurmes")
    page.get_by_label("B (henkilöauto)", exact=True).check()
    page.get_by_label("hygieniapassi").check()
    page.get_by_label("Työpaikka alueen ulkopuolella").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/h/employers-vacancy-form-outside.png")
    assert_accessible(page, "employers-vacancy-form")
    page.get_by_role("button", name="Tallenna").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sairaanhoitaja, päivystys"
    assert "3221 Sairaanhoitajat ym." in page.locator("dl").inner_text()
    assert "Nurmes (541); työnantajapalvelut: Sotkamo" in page.locator("dl").inner_text()
    assert "alueen ulkopuolella" in page.locator(".lead").inner_text()
    page.screenshot(path="/tmp/h/employers-vacancy-outside.png")
    page.get_by_role("button", name="Sulje haku").click()
    assert page.locator("#vacancy-status").inner_text() == "suljettu"
    assert "Työpaikan tila on nyt: suljettu." in page.locator(".messages").inner_text()
    assert_accessible(page, "employers-vacancy-closed")
    vacancy = Vacancy.objects.get()
    assert (vacancy.status, vacancy.occupation, vacancy.municipality.code) == ("closed", "3221", "765")
    assert vacancy.workplace_outside_area == "541"
    assert (vacancy.required_driving_licences, vacancy.required_cards) == (["B"], ["hygiene_passport"])
