"""The invitation and plan-letter pages: preview, sending, the DOCX, the links to them, and refusals."""

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import PersonalDataAccess
from common.documents import DOCX_CONTENT_TYPE, read_text
from jobseekers.models import JournalEntry
from service_model.services import meetings

pytestmark = pytest.mark.django_db


def invitation_url(meeting, **query):
    url = reverse("correspondence:invitation", kwargs={"pk": meeting.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_preview_shows_the_letter_and_logs_the_read(client, meeting, counsellor, person):
    client.force_login(counsellor)
    response = client.get(invitation_url(meeting))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kutsu työnhakukeskusteluun" in text
    assert "torstai 5.3.2026 klo 9.30–10.15" in text
    assert "aino@example.fi" in text
    assert 'value="email" id="id_channel_0" required checked' in text
    row = PersonalDataAccess.objects.filter(user=counsellor, subject_id=str(person.pk)).latest("pk")
    assert (row.view, row.outcome) == ("correspondence:invitation", PersonalDataAccess.Outcome.GRANTED)
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_sending_by_email_returns_to_the_given_page(client, meeting, counsellor, person):
    client.force_login(counsellor)
    back = reverse("service_model:agenda") + "?paiva=2026-03-05"
    response = client.post(invitation_url(meeting), {"channel": "email", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert len(mail.outbox) == 1
    entry = JournalEntry.objects.get(jobseeker=person)
    assert entry.meeting_id == meeting.pk
    followed = client.get(back)
    assert "Kutsu lähetettiin osoitteeseen aino@example.fi" in followed.content.decode()


def test_a_letter_for_printing_comes_back_to_the_page_with_its_download(client, meeting, counsellor, person):
    client.force_login(counsellor)
    response = client.post(invitation_url(meeting), {"channel": "letter"}, follow=True)
    text = response.content.decode()
    assert response.redirect_chain == [(invitation_url(meeting, tulosta=1), 302)]
    assert "Lataa kirje ja tulosta se." in text
    assert "Lataa kirje tulostettavaksi (DOCX)" in text
    assert reverse("correspondence:invitation_document", kwargs={"pk": meeting.pk}) in text
    assert mail.outbox == []
    assert "kirjeenä tulostettavaksi" in JournalEntry.objects.get(jobseeker=person).text


def test_email_without_an_address_is_refused_on_the_page(client, meeting, counsellor, person):
    person.email = ""
    person.save()
    client.force_login(counsellor)
    assert 'value="letter" id="id_channel_1" required checked' in client.get(invitation_url(meeting)).content.decode()
    response = client.post(invitation_url(meeting), {"channel": "email"})
    assert response.status_code == 400
    assert "Henkilöllä ei ole sähköpostiosoitetta" in response.content.decode()
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_a_client_who_prefers_letters_gets_a_letter_suggested(client, meeting, counsellor, person):
    person.preferred_channel = "letter"
    person.save()
    client.force_login(counsellor)
    assert 'value="letter" id="id_channel_1" required checked' in client.get(invitation_url(meeting)).content.decode()


def test_a_cancelled_meeting_shows_why_and_offers_no_sending(client, meeting, counsellor, person):
    meetings.cancel_meeting(meeting, by=counsellor, reason="Asiakas sai työtä.")
    client.force_login(counsellor)
    response = client.get(invitation_url(meeting))
    text = response.content.decode()
    assert "Tapaaminen on jo kirjattu (peruttu): kutsua ei lähetetä." in text
    assert "Lähetä ja kirjaa" not in text
    refused = client.post(invitation_url(meeting), {"channel": "letter"})
    assert refused.status_code == 400
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_a_failing_mail_server_is_reported_and_nothing_is_recorded(client, meeting, counsellor, person, failing_mail):
    client.force_login(counsellor)
    response = client.post(invitation_url(meeting), {"channel": "email"})
    assert response.status_code == 503
    assert "Sähköpostin lähetys epäonnistui; mitään ei kirjattu." in response.content.decode()
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_the_invitation_docx(client, meeting, counsellor):
    client.force_login(counsellor)
    response = client.get(reverse("correspondence:invitation_document", kwargs={"pk": meeting.pk}))
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="Kutsu-tyonhakukeskusteluun-5-3-2026.docx"'
    assert "Aika\ttorstai 5.3.2026 klo 9.30–10.15" in read_text(response.content)


def test_the_plan_letter_page_and_docx(client, plan, counsellor, person):
    client.force_login(counsellor)
    page = client.get(reverse("correspondence:plan", kwargs={"pk": person.pk}))
    assert page.status_code == 200
    assert "Työ kaupan alalta Kajaanista." in page.content.decode()
    document = client.get(reverse("correspondence:plan_document", kwargs={"pk": person.pk}))
    assert "Päivitä CV\t20.3.2026\tkesken" in read_text(document.content)
    sent = client.post(reverse("correspondence:plan", kwargs={"pk": person.pk}), {"channel": "email"})
    assert sent.status_code == 302
    assert sent["Location"] == reverse("service_model:client", kwargs={"pk": person.pk})
    assert mail.outbox[0].subject == "Työllistymissuunnitelmasi"


def test_no_plan_no_letter(client, person, counsellor):
    client.force_login(counsellor)
    assert client.get(reverse("correspondence:plan", kwargs={"pk": person.pk})).status_code == 404


def test_a_decision_maker_who_sees_the_person_may_not_send(client, meeting, make_user, person):
    client.force_login(make_user(role="decision_maker", municipality_code="205"))
    assert client.get(invitation_url(meeting)).status_code == 403
    assert client.post(invitation_url(meeting), {"channel": "letter"}).status_code == 403
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_a_counsellor_of_another_municipality_gets_404_and_a_refused_row(client, meeting, make_staff, person):
    outsider = make_staff(team="kuusamo", municipality_code="305")
    client.force_login(outsider)
    for url in (invitation_url(meeting), reverse("correspondence:invitation_document", kwargs={"pk": meeting.pk})):
        assert client.get(url).status_code == 404
    assert client.post(invitation_url(meeting), {"channel": "letter"}).status_code == 404
    assert (
        PersonalDataAccess.objects.filter(
            user=outsider, subject_id=str(person.pk), outcome=PersonalDataAccess.Outcome.DENIED
        ).count()
        == 3
    )
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_an_unknown_meeting_is_404_and_logged(client, counsellor):
    client.force_login(counsellor)
    assert client.get(reverse("correspondence:invitation", kwargs={"pk": 999999})).status_code == 404
    row = PersonalDataAccess.objects.get(user=counsellor)
    assert (row.subject_type, row.subject_id, row.outcome) == ("service_model.meeting", "999999", "denied")


def test_the_client_page_and_the_agenda_link_to_the_letters(client, meeting, plan, counsellor, person):
    client.force_login(counsellor)
    card = client.get(reverse("service_model:client", kwargs={"pk": person.pk})).content.decode()
    assert invitation_url(meeting) in card
    assert reverse("correspondence:plan", kwargs={"pk": person.pk}) in card
    agenda = client.get(reverse("service_model:agenda") + "?paiva=2026-03-05").content.decode()
    assert invitation_url(meeting) + "?next=" in agenda


def test_the_invitation_link_names_its_meeting_and_is_gone_once_the_job_search_has_ended(
    client, meeting, counsellor, person, today
):
    from jobseekers.models import Jobseeker

    client.force_login(counsellor)
    client_page = reverse("service_model:client", kwargs={"pk": person.pk})
    agenda = reverse("service_model:agenda") + "?paiva=2026-03-05"
    assert (
        'Lähetä kutsu<span class="visually-hidden"> tapaamiseen klo 9.30</span>' in client.get(agenda).content.decode()
    )
    # Ended by a path that left the meeting booked: the pages still show it, without the invitation.
    Jobseeker.objects.filter(pk=person.pk).update(job_search_ended_on=today, job_search_end_reason="employed")
    for page in (client_page, agenda):
        body = client.get(page).content.decode()
        assert reverse("service_model:record", kwargs={"pk": meeting.pk}) in body
        assert invitation_url(meeting) not in body
