"""POST /api/v1/meetings/{id}/invitation/: sending, bad input naming the field, scope and role refusals."""

import pytest
from django.core import mail

from audit.models import PersonalDataAccess
from jobseekers.models import JournalEntry
from service_model.services import meetings

pytestmark = pytest.mark.django_db


def url(meeting) -> str:
    return f"/api/v1/meetings/{meeting.pk}/invitation/"


def post(client, meeting, body):
    return client.post(url(meeting), body, content_type="application/json")


def test_sending_by_email(client, meeting, counsellor, person):
    client.force_login(counsellor)
    response = post(client, meeting, {"channel": "email"})
    assert response.status_code == 201
    body = response.json()
    entry = JournalEntry.objects.get(jobseeker=person)
    assert body == {
        "meeting": meeting.pk,
        "channel": "email",
        "recipient": "aino@example.fi",
        "journal_entry": entry.pk,
        "document": f"/viestit/tapaaminen/{meeting.pk}/kutsu.docx",
    }
    assert len(mail.outbox) == 1 and entry.meeting_id == meeting.pk
    assert PersonalDataAccess.objects.filter(
        user=counsellor, subject_id=str(person.pk), view="api:meeting-invitation-create"
    ).exists()


def test_a_letter_for_printing(client, meeting, counsellor, person):
    client.force_login(counsellor)
    response = post(client, meeting, {"channel": "letter"})
    assert response.status_code == 201
    assert response.json()["recipient"] == ""
    assert mail.outbox == []


def test_email_without_an_address_is_400_naming_the_channel(client, meeting, counsellor, person):
    person.email = ""
    person.save()
    client.force_login(counsellor)
    response = post(client, meeting, {"channel": "email"})
    assert response.status_code == 400
    assert list(response.json()) == ["channel"]
    assert not JournalEntry.objects.filter(jobseeker=person).exists() and mail.outbox == []


@pytest.mark.parametrize("body", [{}, {"channel": "fax"}])
def test_a_missing_or_unknown_channel_is_400(client, meeting, counsellor, person, body):
    client.force_login(counsellor)
    response = post(client, meeting, body)
    assert response.status_code == 400
    assert list(response.json()) == ["channel"]
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_a_cancelled_meeting_is_400_naming_the_meeting(client, meeting, counsellor, person):
    meetings.cancel_meeting(meeting, by=counsellor, reason="Asiakas sai työtä.")
    client.force_login(counsellor)
    response = post(client, meeting, {"channel": "letter"})
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]
    assert JournalEntry.objects.filter(jobseeker=person).count() == 0


def test_a_failing_mail_server_is_503_and_nothing_is_recorded(client, meeting, counsellor, person, failing_mail):
    client.force_login(counsellor)
    response = post(client, meeting, {"channel": "email"})
    assert response.status_code == 503
    assert "mitään ei kirjattu" in response.json()["detail"]
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


def test_a_meeting_out_of_scope_is_404(client, meeting, make_staff, person):
    outsider = make_staff(team="kuusamo", municipality_code="305")
    client.force_login(outsider)
    assert post(client, meeting, {"channel": "letter"}).status_code == 404
    assert PersonalDataAccess.objects.filter(user=outsider, subject_id=str(person.pk), outcome="denied").exists()
    assert not JournalEntry.objects.filter(jobseeker=person).exists()


@pytest.mark.parametrize("role", ["decision_maker", "area_manager", "payment_handler"])
def test_roles_that_do_not_send_are_refused(client, meeting, make_user, person, role):
    client.force_login(make_user(role=role, municipality_code="205"))
    assert post(client, meeting, {"channel": "letter"}).status_code == 403
    assert not JournalEntry.objects.filter(jobseeker=person).exists()
