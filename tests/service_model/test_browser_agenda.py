"""Browser flow of the agenda: from a deadline row to the agenda, book a free slot, see the meeting on the grid, move
it. Every page is checked by axe-core (screenshots in test-artifacts/)."""

from datetime import date

import pytest

from service_model.models import Meeting
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD
from tests.service_model.conftest import at, book

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_counsellor_books_a_free_slot_from_the_agenda_and_sees_it_on_the_grid(
    page, live_server, client_of, counsellor, today
):
    client_of(started=date(2026, 1, 12), last_name="Myöhänen")
    booked = client_of(started=date(2026, 2, 20), last_name="Varattu")
    book(booked, counsellor, at(today, 9), channel="phone")
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Kalenteri").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kalenteri"
    assert "Varattu" in page.locator("tr", has=page.locator("th", has_text="9.00")).inner_text()
    assert_accessible(page, "service-model-agenda-day")

    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Oma viikko").click()
    page.wait_for_url("**/viikko/")
    page.locator("tr[data-bucket=overdue]").get_by_role("link", name="Kalenteri").click()
    page.wait_for_url("**/kalenteri/?*asiakas=*")
    assert "Varataan aikaa asiakkaalle" in page.locator("#varattava").inner_text()
    ten = page.locator("tr", has=page.locator("th", has_text="10.00"))
    ten.get_by_role("link", name="Varaa 2.3.2026 klo 10.00").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Varaa tapaaminen")
    assert page.get_by_label("Kellonaika").input_value() == "10:00"
    assert page.locator("#suggestions li").count() == 5
    page.get_by_label("Asiointitapa").select_option("phone")
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "service-model-book-from-agenda")
    page.get_by_role("button", name="Varaa").click()
    assert "Tapaaminen varattiin" in page.locator(".messages").inner_text()
    assert "Myöhänen" in page.locator("tr", has=page.locator("th", has_text="10.00")).inner_text()
    assert page.locator("#varattava").count() == 0

    page.get_by_role("link", name="Siirrä tapaaminen klo 10.00").click()
    page.get_by_label("Kellonaika").fill("17:00")
    page.get_by_role("button", name="Siirrä").click()
    assert "työaikaan 8.00–16.00" in page.locator(".message.error").inner_text()
    assert_accessible(page, "service-model-move-error")
    page.get_by_label("Kellonaika").fill("14:00")
    page.get_by_role("button", name="Siirrä").click()
    assert "Tapaaminen siirrettiin" in page.locator(".messages").inner_text()
    assert "Myöhänen" in page.locator("tr", has=page.locator("th", has_text="14.00")).inner_text()
    assert Meeting.objects.filter(jobseeker__last_name="Myöhänen", planned_at=at(today, 14)).exists()

    page.get_by_label("Näkymä").select_option("viikko")
    page.get_by_role("button", name="Näytä").click()
    assert page.locator("table.agenda thead th").count() == 6
    assert_accessible(page, "service-model-agenda-week")
    page.get_by_role("link", name="Muuta työaikaa").click()
    page.get_by_label("Työaika päättyy").fill("05:00")
    page.get_by_role("button", name="Tallenna työaika").click()
    assert "välillä 6.00–20.00" in page.locator("#end-error").inner_text()
    assert_accessible(page, "service-model-working-hours-error")
