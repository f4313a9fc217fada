"""Browser flows: a counsellor books and records a meeting from "my week"; the supervisor's and the area's views.
Every page is checked by axe-core (screenshots in test-artifacts/)."""

from datetime import date

import pytest

from service_model.models import Deadline, EmploymentPlan, Meeting
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_counsellor_books_and_records_a_meeting_and_the_overdue_list_changes(
    page, live_server, client_of, counsellor, today
):
    late = client_of(started=date(2026, 1, 12), last_name="Myöhänen")  # interview due 26.1.: overdue
    client_of(started=date(2026, 2, 20), last_name="Pian")  # due 6.3.: this week
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Oma viikko").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Oma viikko"
    overdue = page.locator("tr[data-bucket=overdue]")
    assert overdue.count() == 1 and "Myöhänen" in overdue.inner_text() and "myöhässä 35 pv" in overdue.inner_text()
    assert page.locator("#count-overdue + .figure").inner_text() == "1"
    assert_accessible(page, "service-model-my-week")

    overdue.get_by_role("link", name="Varaa aika").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Varaa tapaaminen")
    assert page.get_by_label("Tapaamisen tyyppi").input_value() == "initial_interview"
    page.get_by_label("Päivä").fill(today.isoformat())
    page.get_by_label("Kellonaika").fill("08:00")
    page.get_by_label("Asiointitapa").select_option("phone")
    page.wait_for_load_state("networkidle")  # the htmx calendar check
    assert_accessible(page, "service-model-book")
    page.get_by_role("button", name="Varaa").click()
    assert "Tapaaminen varattiin" in page.locator(".messages").inner_text()
    assert "2.3.2026 8.00" in page.locator("tr[data-bucket=overdue]").inner_text()

    page.locator("#kirjaamatta").scroll_into_view_if_needed()
    page.locator("table").first.get_by_role("link", name="Kirjaa").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Kirjaa tapaaminen")
    page.get_by_label("Pidetty").check()
    page.get_by_role("button", name="Tallenna kirjaus").click()
    assert "Kirjaa, miten työllistymissuunnitelma käytiin läpi" in page.locator("#plan_review-error").inner_text()
    assert "laaditaan alkuhaastattelussa" in page.locator("#plan_goal-error").inner_text()
    assert_accessible(page, "service-model-record-error")
    page.get_by_label("Työllistymissuunnitelman läpikäynti").fill("Suunnitelma laadittu: tavoite kaupan ala.")
    page.get_by_label("Työllistymissuunnitelman tavoite").fill("Myyjä kaupan alalle.")
    page.get_by_label("Tulos").fill("Sovittu neljä hakemusta kuukaudessa.")
    page.get_by_role("button", name="Tallenna kirjaus").click()
    assert "Tapaaminen kirjattiin pidetyksi" in page.locator(".messages").inner_text()
    assert page.locator("tr[data-bucket=overdue]").count() == 0
    assert page.locator("#count-overdue + .figure").inner_text() == "0"
    meeting = Meeting.objects.get(jobseeker=late)
    assert (meeting.state, meeting.due_on, meeting.on_time) == ("held", date(2026, 1, 26), False)
    assert Deadline.objects.get(jobseeker=late).due_on == date(2026, 6, 2)
    assert EmploymentPlan.objects.get(jobseeker=late).drawn_up_in == meeting

    page.goto(f"{live_server.url}/palvelumalli/asiakas/{late.pk}/")
    assert "myöhässä" in page.locator("#tapaamiset ~ .table-wrap").inner_text()
    assert_accessible(page, "service-model-client")


def test_supervisor_overview_and_on_time_chart(page, live_server, client_of, counsellor, make_staff, today):
    client_of(started=date(2026, 1, 12), last_name="Myöhänen")
    supervisor = make_staff(role="supervisor", username="esihenkilo-testi")
    log_in(page, live_server, supervisor.username, TEST_PASSWORD)
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Määräaikaseuranta").click()
    assert "Olli Ohjaaja" in page.locator("#ohjaajat ~ .table-wrap").first.inner_text()
    assert_accessible(page, "service-model-overview")
    page.get_by_role("link", name="Ajallaan", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ajallaan pidetyt tapaamiset"
    page.wait_for_function("document.querySelector('canvas[data-chart]').width > 0")
    assert "2/2026" in page.locator("#taulukko ~ div").inner_text()
    assert_accessible(page, "service-model-on-time")
