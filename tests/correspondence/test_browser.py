"""Browser flow of correspondence: send an invitation from the agenda and see it in the journal; print the plan as a
letter from the client page. axe-core on every page (screenshots in test-artifacts/)."""

import pytest
from django.core import mail
from django.urls import reverse

from common.documents import read_text
from tests.browser import assert_accessible, log_in
from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_send_an_invitation_from_the_agenda_and_see_it_in_the_journal(page, live_server, meeting, counsellor, person):
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('service_model:agenda')}?paiva=2026-03-05")
    assert_accessible(page, "correspondence-agenda-with-invitation-link")
    page.get_by_role("link", name="Lähetä kutsu tapaamiseen klo 9.30").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kutsu tapaamiseen: Aino Lehtimäki"
    preview = page.locator("article.letter")
    assert "torstai 5.3.2026 klo 9.30–10.15" in preview.inner_text()
    assert "ilman pätevää syytä" in preview.inner_text()
    assert page.get_by_label("sähköpostilla").is_checked()
    assert_accessible(page, "correspondence-invitation-preview")

    page.get_by_role("button", name="Lähetä ja kirjaa").click()
    page.wait_for_url("**/kalenteri/?paiva=2026-03-05")
    assert "Kutsu lähetettiin osoitteeseen aino@example.fi" in page.locator(".messages").inner_text()
    assert [message.to for message in mail.outbox] == [["aino@example.fi"]]

    page.goto(f"{live_server.url}{reverse('jobseekers:journal', kwargs={'pk': person.pk})}")
    journal = page.locator(".journal").inner_text()
    assert "lähetetty viesti" in journal
    assert "Kutsu tapaamiseen 5.3.2026 klo 9.30 lähetetty sähköpostilla osoitteeseen aino@example.fi" in journal
    assert_accessible(page, "correspondence-invitation-in-journal")


def test_print_the_plan_as_a_letter_from_the_client_page(page, live_server, plan, counsellor, person):
    log_in(page, live_server, counsellor.username, TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('service_model:client', kwargs={'pk': person.pk})}")
    page.get_by_role("link", name="Työllistymissuunnitelma kirjeenä").click()
    assert "Päivitä CV" in page.locator("article.letter").inner_text()
    page.get_by_label("kirjeenä tulostettavaksi").check()
    page.get_by_role("button", name="Lähetä ja kirjaa").click()
    page.wait_for_load_state("networkidle")
    assert "Lataa kirje ja tulosta se." in page.locator(".messages").inner_text()
    assert_accessible(page, "correspondence-plan-letter")
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa kirje tulostettavaksi (DOCX)").click()
    with open(download.value.path(), "rb") as document:
        assert "Työ kaupan alalta Kajaanista." in read_text(document.read())
    assert mail.outbox == []
