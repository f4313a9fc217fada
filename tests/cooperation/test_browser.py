"""Browser flows of the cooperation services, axe-core on every page (screenshots in test-artifacts/ and /tmp/h/): a
counsellor raises a service need and the working group finds it on its agenda; a TYP referral is made under a consent
and the consent withdrawn; a recruited person's spouse is registered and their outcome recorded; the report."""

from pathlib import Path

import pytest

from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/h")


def look(page, name):
    """Keep a full-page screenshot for a person to look at, then fail on any axe-core violation."""
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / f"cooperation-{name}.png"), full_page=True)
    assert_accessible(page, f"cooperation-{name}")


def submit(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state("networkidle")


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


def test_a_need_raised_by_a_counsellor_reaches_the_working_groups_agenda(page, live_server, area, make_staff):
    make_staff("counsellor", "205", team="kajaani-aikuiset", username="ohjaaja")
    make_staff("supervisor", "205", username="esihenkilo")

    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.get_by_role("link", name="Yhteistyö").click()
    page.wait_for_load_state("networkidle")
    look(page, "report")
    page.get_by_role("link", name="Palvelutarpeet").first.click()
    page.get_by_role("link", name="Esitä palvelutarve").click()
    page.locator("#id_service_type").select_option("coaching")
    page.locator("#id_target_group").select_option("youth")
    page.locator("#id_places").fill("6")
    submit(page, "Lähetä hankintatyöryhmälle")
    assert page.locator("#id_justification-error").inner_text().strip()
    look(page, "need-refused")
    page.locator("#id_justification").fill("Nuorten työnhakuvalmennukselle on jonoa.")
    page.get_by_label("kiireellinen").check()
    submit(page, "Lähetä hankintatyöryhmälle")
    assert page.locator("#state").inner_text() == "odottaa käsittelyä"
    look(page, "need")
    page.get_by_role("button", name="Kirjaudu ulos").click()

    log_in(page, live_server, "esihenkilo", TEST_PASSWORD)
    page.goto(f"{live_server.url}/yhteistyo/hankinta/kokoukset/")
    assert "1 palvelutarve odottaa käsittelyä." in page.locator("main").inner_text()
    page.locator("#id_held_on").fill("2025-06-09")
    page.locator("#id_place").fill("Kajaanin virastotalo")
    submit(page, "Kirjaa kokous")
    page.locator("#id_need").select_option(index=1)
    submit(page, "Lisää esityslistalle")
    item = page.get_by_role("region").filter(has_text="Nuorten työnhakuvalmennukselle on jonoa.")
    assert item.count() == 1 or "Nuorten työnhakuvalmennukselle" in page.locator("main").inner_text()
    look(page, "agenda")
    page.get_by_label("hylätty").check()
    submit(page, "Kirjaa käsittely")
    assert "Pakollinen" in page.locator("main").inner_text() or page.locator(".field-error p").count() >= 1
    page.get_by_label("hyväksytty hankintaan").check()
    submit(page, "Kirjaa käsittely")
    assert "Käsittely kirjattiin." in page.locator("main").inner_text()
    look(page, "agenda-handled")


def test_a_typ_referral_with_consent_made_and_the_consent_withdrawn(page, live_server, area, make_staff):
    from tests.jobseekers.factories import make_jobseeker

    counsellor = make_staff("counsellor", "205", team="kajaani-aikuiset", username="ohjaaja")
    person = make_jobseeker(with_counsellor=counsellor, first_name="Tyyne", last_name="Typinen", long_term=True)

    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/asiakkaat/{person.pk}/")
    page.get_by_role("link", name="TYP-tiedot").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#county").inner_text() == "Kainuun hyvinvointialue"
    page.locator("#id_needs_multisectoral_services").select_option("yes")
    page.locator("#id_need_description").fill("Työkyvyn selvittäminen.")
    submit(page, "Tallenna arvio")
    assert page.locator("#eligibility").inner_text() == "monialaisen palvelun asiakas"
    page.locator("#id_recipient").select_option(label="Kainuun hyvinvointialue")
    page.get_by_label("yhteystiedot").check()
    page.get_by_label("työ- ja toimintakyvyn tiedot").check()
    page.locator("#id_purpose").fill("Työkyvyn arvio.")
    page.locator("#id_given_on").fill("2025-06-02")
    page.locator("#id_valid_until").fill("2025-12-31")
    submit(page, "Tallenna suostumus")
    page.locator("#id_consent").select_option(index=1)
    page.locator("#id_reason").fill("Sosiaalityön arvio.")
    submit(page, "Tallenna ohjaus")
    assert "Sosiaalityön arvio." in page.locator("main").inner_text()
    look(page, "typ-person")
    page.get_by_role("link", name="Peru suostumus").click()
    page.wait_for_load_state("networkidle")
    look(page, "consent-withdraw")
    page.locator("#id_withdrawal_note").fill("Asiakas perui.")
    submit(page, "Peru suostumus")
    history = page.locator("#history").inner_text()
    assert "Suostumus peruttu" in history and "Ohjaus" in history
    assert page.get_by_role("heading", name="Ohjaa yhteistyökumppanille").count() == 0
    look(page, "typ-person-withdrawn")
    page.goto(f"{live_server.url}/yhteistyo/typ/")
    look(page, "typ")
    page.goto(f"{live_server.url}/yhteistyo/ohjaamo/")
    page.locator("#id_municipality").select_option("205")
    page.locator("#id_visitors").fill("5")
    page.locator("#id_topic").select_option("education")
    submit(page, "Kirjaa")
    assert "5 kävijää kirjattu." in page.locator("main").inner_text()
    look(page, "youth-point")


def test_a_spouse_registered_through_the_spouse_job_service_and_followed(page, live_server, area, make_staff):
    from tests.cooperation.factories import make_vacancy

    make_staff("employer_services", "205", username="tyonantajapalvelut")
    vacancy = make_vacancy(title="Sairaanhoitaja")

    log_in(page, live_server, "tyonantajapalvelut", TEST_PASSWORD)
    page.goto(f"{live_server.url}/yhteistyo/kv/")
    page.get_by_role("link", name="Kirjaa rekrytointi").click()
    page.locator("#id_employer").select_option(str(vacancy.employer.pk))
    page.locator("#id_vacancy").select_option(str(vacancy.pk))
    page.get_by_label("EURES-rekrytointi").check()
    page.locator("#id_recruited_name").fill("Ana García")
    page.locator("#id_recruited_country").fill("es")
    page.get_by_label("Asunto järjestetty").check()
    look(page, "case-form")
    submit(page, "Tallenna rekrytointi")
    page.locator("#id_name").fill("Luis García")
    page.locator("#id_aim").select_option("work")
    page.locator("#id_field_of_work").fill("sairaanhoito")
    submit(page, "Kirjaa puoliso")
    assert "Luis García" in page.locator("#spouse").inner_text()
    page.locator("#id_outcome").select_option("employed")
    submit(page, "Tallenna tilanne")
    assert page.locator("#id_detail-error").inner_text().strip()
    page.locator("#id_detail").fill("Kainuun sairaala")
    submit(page, "Tallenna tilanne")
    assert "Kainuun sairaala" in page.locator("#follow-ups").inner_text()
    look(page, "case")
    page.goto(f"{live_server.url}/yhteistyo/kv/")
    assert "työllistynyt" in page.locator("main").inner_text()
    look(page, "recruitment")
    page.goto(f"{live_server.url}/yhteistyo/")
    assert "Puolisoita työssä tai opiskelemassa" in page.locator("main").inner_text()
