"""Browser flow of a counsellor's day: edit a client's details and status on the card, then end the job search – the
person leaves the counsellor's worklist; axe-core on every page (screenshots in test-artifacts/)."""

import pytest
from django.utils import timezone

from jobseekers.models import Jobseeker
from organisation.models import Team
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.jobseekers.factories import make_jobseeker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_edit_a_client_and_end_the_job_search(page, live_server, area, make_user):
    counsellor = make_user(
        role="counsellor",
        municipality_code="578",
        username="ohjaaja",
        first_name="Paula",
        last_name="Paltamolainen",
        team=Team.objects.get(key="paltamo-pienet-kunnat"),
    )
    person = make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen", with_counsellor=counsellor)
    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/palvelumalli/viikko/")
    assert "Hyrynen" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/asiakkaat/{person.pk}/")
    page.get_by_role("link", name="Muuta tietoja tai tilaa").click()
    assert_accessible(page, "jobseekers-edit")
    page.get_by_label("Puhelin").fill("040 765 4321")
    page.locator("#id_status").select_option(label="työssä, hakee työtä")
    page.get_by_label("Muutoksen peruste").fill("Osa-aikainen työ alkoi")
    page.get_by_role("button", name="Tallenna muutokset").click()
    page.wait_for_load_state("networkidle")
    assert "Tallennettiin 3 muutosta." in page.locator(".messages").inner_text()
    history = page.locator("section[aria-labelledby=muutokset]").inner_text()
    assert "040 765 4321" in history and "työssä, hakee työtä" in history and "Osa-aikainen työ alkoi" in history
    assert_accessible(page, "jobseekers-card-history")

    page.get_by_role("link", name="Päätä työnhaku").click()
    page.get_by_label("Päättymisen syy").select_option(label="työllistyi")
    assert_accessible(page, "jobseekers-end-job-search")
    page.get_by_role("button", name="Päätä työnhaku").click()
    page.wait_for_load_state("networkidle")
    assert "Asiakas poistui työjonoista" in page.locator(".messages").inner_text()
    assert "Työnhaku päättyi" in page.locator("main").inner_text()
    assert_accessible(page, "jobseekers-card-ended")

    page.goto(f"{live_server.url}/palvelumalli/viikko/")
    assert "Hyrynen" not in page.locator("main").inner_text()
    person = Jobseeker.objects.get(pk=person.pk)
    assert person.job_search_ended_on == timezone.localdate() and person.responsible_counsellor is None


def test_a_supervisor_balances_caseloads(page, live_server, area, make_user):
    team = Team.objects.get(key="kajaani-aikuiset")
    busy = make_user(role="counsellor", municipality_code="205", team=team, first_name="Kiire", last_name="Kallio")
    free = make_user(role="counsellor", municipality_code="205", team=team, first_name="Vapaa", last_name="Virta")
    people = [make_jobseeker(with_counsellor=busy, last_name=f"Siirrettävä{i}") for i in range(2)]
    make_user(role="supervisor", municipality_code="205", username="esihenkilo")
    log_in(page, live_server, "esihenkilo", TEST_PASSWORD)
    page.goto(f"{live_server.url}/asiakkaat/asiakasmaarat/")
    page.get_by_role("link", name="Tasaa asiakasmääriä: siirrä asiakkaita ohjaajalta toiselle").click()
    page.get_by_label("Siirrettävä0, Testi").check()
    page.get_by_label("Siirrettävä1, Testi").check()
    choice = page.locator("#id_counsellor")
    choice.select_option(value=str(free.pk))
    label = choice.locator(f"option[value='{free.pk}']").inner_text()
    assert label.startswith("Vapaa Virta") and "0 asiakasta" in label and "tavoite" in label
    page.get_by_label("Siirron peruste").fill("Kuormituksen tasaus")
    assert_accessible(page, "jobseekers-balance")
    page.get_by_role("button", name="Siirrä valitut asiakkaat").click()
    page.wait_for_load_state("networkidle")
    assert "2 asiakasta siirrettiin ohjaajalle Vapaa Virta." in page.locator(".messages").inner_text()
    assert all(Jobseeker.objects.get(pk=p.pk).responsible_counsellor_id == free.pk for p in people)
