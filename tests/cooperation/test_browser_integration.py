"""Browser flows of integration work and recruitment events, axe-core on every page (screenshots in test-artifacts/
and /tmp/h/): a counsellor of the foreign-language team records a customer's integration plan and a language training
from the card, counts International Info's contacts, and records a recruitment fair with its employers."""

import pytest

from tests.browser import log_in
from tests.conftest import TEST_PASSWORD
from tests.cooperation.test_browser import look, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


def test_a_counsellor_records_an_integration_plan_with_a_language_training(page, live_server, area, make_staff):
    from tests.jobseekers.factories import make_jobseeker

    counsellor = make_staff("counsellor", "205", team="kajaani-vieraskieliset", username="kv-ohjaaja")
    person = make_jobseeker(
        with_counsellor=counsellor, foreign_language=True, first_name="Olena", last_name="Kovalenko"
    )

    log_in(page, live_server, "kv-ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/asiakkaat/{person.pk}/")
    assert "ei kirjattu" in page.locator("#integration-plan").inner_text()
    page.get_by_role("link", name="Kotoutumissuunnitelma ja kielikoulutus: kirjaa ja muokkaa").click()
    page.wait_for_load_state("networkidle")
    page.locator("#id_drawn_up_by").fill("Vieraskielisten tiimi, Kajaani")
    submit(page, "Tallenna suunnitelma")
    assert page.locator("#id_summary-error").inner_text().strip()
    look(page, "integration-refused")
    page.locator("#id_summary").fill("Suomen kieli työn ohessa, työkokeilu hoiva-alalla.")
    page.locator("#id_valid_until").fill("2026-06-01")
    submit(page, "Tallenna suunnitelma")
    assert "Vieraskielisten tiimi, Kajaani" in page.locator("#plans").inner_text()
    page.locator("#id_plan").select_option(index=1)
    page.locator("#id_provider").fill("Kajaanin kaupungin koulutusliikelaitos (KAO)")
    page.locator("#id_course").fill("Suomea hoiva-alalle")
    page.locator("#id_level").fill("A2.2 → B1.1")
    page.locator("#id_starts_on").fill("2025-06-16")
    page.locator("#id_outcome").select_option("started")
    submit(page, "Tallenna kielikoulutus")
    assert "Suomea hoiva-alalle" in page.locator("#trainings").inner_text()
    look(page, "integration-person")
    page.get_by_role("link", name="Suomea hoiva-alalle").click()
    page.wait_for_load_state("networkidle")
    look(page, "language-training")
    page.goto(f"{live_server.url}/asiakkaat/{person.pk}/")
    assert "voimassa" in page.locator("#integration-plan").inner_text()
    page.goto(f"{live_server.url}/yhteistyo/kotoutuminen/")
    assert "Kovalenko" in page.locator("main").inner_text()
    look(page, "integration")

    page.goto(f"{live_server.url}/yhteistyo/international-info/")
    page.locator("#id_municipality").select_option("765")
    page.locator("#id_language").fill("uk")
    page.locator("#id_topic").select_option("language")
    page.locator("#id_contacts").fill("4")
    submit(page, "Kirjaa")
    assert "4 yhteydenottoa kirjattu." in page.locator("main").inner_text()
    look(page, "international-info")


def test_a_counsellor_records_a_recruitment_fair_with_employers(page, live_server, area, make_staff):
    from tests.cooperation.factories import make_vacancy

    make_staff("counsellor", "205", team="kajaani-aikuiset", username="ohjaaja")
    nurse = make_vacancy(title="Sairaanhoitaja")
    cook = make_vacancy(title="Kokki")

    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/yhteistyo/tapahtumat/")
    assert "Ei tapahtumia." in page.locator("main").inner_text()
    look(page, "events-empty")
    page.get_by_role("link", name="Kirjaa tapahtuma").click()
    page.wait_for_load_state("networkidle")
    page.locator("#id_name").fill("Kainuun rekrytointimessut")
    page.locator("#id_kind").select_option("fair")
    page.locator("#id_place").fill("Kajaanin kaupungintalo")
    page.locator("#id_organiser").fill("Työnantajapalvelut")
    page.locator("#id_vacancies").select_option([str(nurse.pk), str(cook.pk)])
    page.locator("#id_participants").fill("150")
    page.locator("#id_hires").fill("4")
    submit(page, "Tallenna tapahtuma")
    assert page.locator("#id_employers-error").inner_text().strip()
    look(page, "event-refused")
    page.locator("#id_employers").select_option([str(nurse.employer.pk), str(cook.employer.pk)])
    submit(page, "Tallenna tapahtuma")
    assert nurse.employer.name in page.locator("#employers").inner_text()
    assert "Kokki" in page.locator("#vacancies").inner_text()
    look(page, "event")
    page.goto(f"{live_server.url}/yhteistyo/tapahtumat/")
    assert "Kainuun rekrytointimessut" in page.locator("main").inner_text()
    look(page, "events")
    page.goto(f"{live_server.url}/yhteistyo/")
    assert "Rekrytointitapahtumia" in page.locator("main").inner_text()
    look(page, "report")
