"""In the browser: a counsellor sees a client's explained matches (another municipality's job and one outside the
area among them), makes a job offer and records its outcome; employer services open the vacancy and see its
candidates; the mobility report."""

import pytest
from django.urls import reverse

from matching.models import JobOffer
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.matching.factories import nurse, vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name):
    page.screenshot(path=f"/tmp/h/{name}.png", full_page=True)


@pytest.fixture
def scene(setting, make_staff):
    counsellor = make_staff(role="counsellor", municipality_code="205", team="kajaani-aikuiset", username="ohjaaja-t")
    make_staff(role="employer_services", municipality_code="205", username="tyonantajat-t")
    person = nurse(with_counsellor=counsellor, first_name="Anna", last_name="Ansio", max_commute_km=60)
    vacancy("205", title="Sairaanhoitaja, Kajaanin sairaala", required_languages=["fi"])
    sotkamo = vacancy("765", title="Sairaanhoitaja, Vuokatin hoivakoti", start_date=None)
    vacancy("765", occupation="5120", title="Kokki, Vuokatti", required_cards=["hygiene_passport"])
    vacancy(
        "205",
        title="Sairaanhoitaja, etävastaanotto Oulu",
        workplace_outside_area="564",
        workplace_outside_area_name="Oulu",
        remote_possible=True,
    )
    return person, sotkamo


def test_counsellor_offers_another_municipalitys_job_and_employer_services_see_candidates(page, live_server, scene):
    person, sotkamo = scene
    log_in(page, live_server, "ohjaaja-t", TEST_PASSWORD)
    page.goto(live_server.url + reverse("jobseekers:card", args=[person.pk]))
    section = page.locator("section", has=page.get_by_role("heading", name="Sopivat työpaikat"))
    assert "Sairaanhoitaja, Vuokatin hoivakoti" in section.inner_text()
    assert "toisen kunnan työpaikka" in section.inner_text()
    assert "Kokki" not in section.inner_text()
    assert "Ammatti 50/50" in section.inner_text() and "38 km" in section.inner_text()
    oulu = section.get_by_role("row").filter(has_text="etävastaanotto Oulu")
    assert "Oulu" in oulu.inner_text() and "alueen ulkopuolella" in oulu.inner_text() and "183 km" in oulu.inner_text()
    section.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/h/matching-card-section.png")
    assert_accessible(page, "matching-card")

    page.get_by_role("link", name="Kaikki sopivat työpaikat ja työtarjoukset").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sopivat työpaikat: Anna Ansio"
    assert "alueen ulkopuolella" in page.get_by_role("row").filter(has_text="etävastaanotto Oulu").inner_text()
    page.locator(f"#kind-{sotkamo.pk}").select_option(label="ohjaus avoimeen työpaikkaan")
    page.get_by_role("button", name="Tee työtarjous: Sairaanhoitaja, Vuokatin hoivakoti").click()
    assert "Ohjaus avoimeen työpaikkaan tehty" in page.locator(".messages").inner_text()
    shot(page, "matching-jobseeker")
    assert_accessible(page, "matching-jobseeker")
    offer = JobOffer.objects.get()
    assert (offer.vacancy_id, offer.kind, offer.distance_km) == (sotkamo.pk, "referral", 38)

    page.get_by_label("Tulos", exact=True).select_option(label="palkattiin")
    page.get_by_role("button", name="Kirjaa tulos: Sairaanhoitaja, Vuokatin hoivakoti").click()
    assert "Työtarjouksen tulos kirjattiin" in page.locator(".messages").inner_text()
    offers = page.locator("section", has=page.get_by_role("heading", name="Työtarjoukset ja ohjaukset"))
    assert "palkattiin" in offers.inner_text()
    offer.refresh_from_db()
    assert offer.outcome == "hired"
    page.goto(live_server.url + reverse("jobseekers:journal", args=[person.pk]))
    assert "Ohjaus avoimeen työpaikkaan: Sairaanhoitaja, Vuokatin hoivakoti" in page.content()

    page.get_by_role("link", name="Liikkuvuus").click()
    assert "Kajaani" in page.locator("section[aria-labelledby=kuntaparit]").inner_text()
    shot(page, "matching-mobility")
    assert_accessible(page, "matching-mobility")

    page.context.clear_cookies()
    log_in(page, live_server, "tyonantajat-t", TEST_PASSWORD)
    page.goto(live_server.url + reverse("employers:vacancy", args=[sotkamo.pk]))
    candidates = page.locator("section", has=page.get_by_role("heading", name="Sopivimmat työnhakijat"))
    assert "1 sopiva työnhakija, jonka tietoja et voi nähdä" in candidates.inner_text()
    assert "Ansio" not in page.content()
    shot(page, "matching-vacancy")
    assert_accessible(page, "matching-vacancy")
