"""Sending an invitation and the plan: the mail (locmem outbox), the journal entry, and refusals that write nothing."""

from datetime import timedelta
from email.utils import parseaddr

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from common.documents import DOCX_CONTENT_TYPE, read_text
from correspondence import services
from jobseekers.models import JournalEntry
from service_model.services import meetings
from tests.correspondence.conftest import MEETING_DAY
from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db


def entries(person):
    return JournalEntry.objects.filter(jobseeker=person)


def test_an_emailed_invitation_carries_the_letter_and_is_journalled(meeting, person, counsellor, settings):
    settings.DEFAULT_FROM_EMAIL = "tyollisyysalue@example.fi"
    sent = services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)

    [message] = mail.outbox
    assert message.to == ["aino@example.fi"]
    assert message.from_email == "tyollisyysalue@example.fi"
    assert message.reply_to == ["olli@example.fi"]
    assert message.subject == "Kutsu työnhakukeskusteluun 5.3.2026 klo 9.30"
    assert "torstai 5.3.2026 klo 9.30–10.15" in message.body
    assert "Virastotalo, Kalliokatu 4, 87100 Kajaani" in message.body
    [(name, content, content_type)] = message.attachments
    assert name == "Kutsu-tyonhakukeskusteluun-5-3-2026.docx"
    assert content_type == DOCX_CONTENT_TYPE
    document = read_text(content)
    assert "Aino Lehtimäki" in document and "Kauppakatu 1" in document and "87100 Kajaani" in document
    assert "ilman pätevää syytä" in document

    entry = sent.entry
    assert entry.kind == "message_sent"
    assert entry.meeting_id == meeting.pk
    assert entry.author == counsellor
    assert "aino@example.fi" in entry.text and "5.3.2026 klo 9.30" in entry.text
    assert (sent.delivery, sent.address) == ("email", "aino@example.fi")


def test_a_letter_for_printing_is_journalled_and_no_mail_goes_out(meeting, person, counsellor):
    sent = services.send_invitation(meeting, jobseeker=person, delivery="letter", by=counsellor)
    assert mail.outbox == []
    assert sent.address == ""
    assert "kirjeenä tulostettavaksi" in sent.entry.text
    assert sent.entry.meeting_id == meeting.pk


def test_email_to_a_person_without_an_address_is_refused_naming_the_channel(meeting, person, counsellor):
    person.email = ""
    person.save()
    with pytest.raises(ValidationError) as refused:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert set(refused.value.message_dict) == {"channel"}
    assert "sähköpostiosoitetta" in refused.value.message_dict["channel"][0]
    assert not entries(person).exists() and mail.outbox == []


def test_an_unknown_delivery_is_refused(meeting, person, counsellor):
    with pytest.raises(ValidationError) as refused:
        services.send_invitation(meeting, jobseeker=person, delivery="fax", by=counsellor)
    assert set(refused.value.message_dict) == {"channel"}
    assert not entries(person).exists()


@pytest.mark.parametrize("record", ["cancelled", "did_not_attend"])
def test_no_invitation_to_a_recorded_meeting(meeting, person, counsellor, record, settings):
    if record == "cancelled":
        meetings.cancel_meeting(meeting, by=counsellor, reason="Asiakas sai työtä.")
    else:
        settings.SERVICE_MODEL_TODAY = MEETING_DAY
        meetings.record_did_not_attend(meeting, by=counsellor, today=MEETING_DAY)
    meeting.refresh_from_db()
    before = entries(person).count()
    with pytest.raises(ValidationError) as refused:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert set(refused.value.message_dict) == {"meeting"}
    assert "jo kirjattu" in refused.value.message_dict["meeting"][0]
    assert entries(person).count() == before and mail.outbox == []


def test_no_invitation_to_a_meeting_whose_day_has_passed(meeting, person, counsellor):
    with pytest.raises(ValidationError) as refused:
        services.send_invitation(
            meeting, jobseeker=person, delivery="letter", by=counsellor, today=MEETING_DAY + timedelta(days=1)
        )
    assert set(refused.value.message_dict) == {"meeting"}
    assert not entries(person).exists()


def test_every_problem_is_named_at_once(meeting, person, counsellor):
    person.email = ""
    meetings.cancel_meeting(meeting, by=counsellor, reason="Peruttu.")
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert set(refused.value.message_dict) == {"channel", "meeting"}


def test_a_failing_mail_server_records_nothing(meeting, person, counsellor, failing_mail):
    with pytest.raises(services.DeliveryFailed) as failed:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert "mitään ei kirjattu" in str(failed.value)
    assert not entries(person).exists()


def test_a_failing_mail_server_does_not_stop_a_letter(meeting, person, counsellor, failing_mail):
    services.send_invitation(meeting, jobseeker=person, delivery="letter", by=counsellor)
    assert entries(person).count() == 1


def test_a_phone_meeting_invitation_names_the_number(person, counsellor):
    phone_meeting = book(person, counsellor, at(MEETING_DAY, 13, 0))
    services.send_invitation(phone_meeting, jobseeker=person, delivery="email", by=counsellor)
    [message] = mail.outbox
    assert "numeroon 040 123 4567" in message.body
    assert "Paikka:" not in message.body


def test_the_plan_goes_by_email_with_its_tasks(plan, person, counsellor, meeting):
    sent = services.send_plan(plan, jobseeker=person, delivery="email", by=counsellor)
    [message] = mail.outbox
    assert message.subject == "Työllistymissuunnitelmasi"
    assert parseaddr(message.to[0])[1] == "aino@example.fi"
    [(name, content, _type)] = message.attachments
    document = read_text(content)
    assert "Työ kaupan alalta Kajaanista." in document
    assert "Päivitä CV\t20.3.2026\tkesken" in document
    assert "Haettavia työmahdollisuuksia\t4" in document
    assert "Aika\t5.3.2026 klo 9.30" in document  # the next booked meeting
    assert sent.entry.meeting_id is None
    assert "Työllistymissuunnitelma lähetetty sähköpostilla" in sent.entry.text


def test_the_plan_as_a_letter_for_printing(plan, person, counsellor):
    sent = services.send_plan(plan, jobseeker=person, delivery="letter", by=counsellor)
    assert mail.outbox == []
    assert "kirjeenä tulostettavaksi" in sent.entry.text


def test_no_invitation_is_sent_for_an_ended_job_search(meeting, person, counsellor, today):
    from jobseekers.models import Jobseeker

    # Ended by a path that left this meeting booked (the end itself cancels the meetings to come).
    Jobseeker.objects.filter(pk=person.pk).update(job_search_ended_on=today, job_search_end_reason="employed")
    person.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert set(error.value.message_dict) == {"job_search_ended_on"}
    assert "päättyi 2.3.2026" in error.value.message_dict["job_search_ended_on"][0]
    assert not mail.outbox and not entries(person).exists()


@pytest.mark.parametrize(("language", "day"), [("sv", "2.3.2026"), ("en", "2 Mar 2026")])
def test_the_refusal_for_an_ended_job_search_names_the_day_in_the_language(
    meeting, person, counsellor, today, language, day
):
    from django.utils import translation

    from jobseekers.models import Jobseeker

    Jobseeker.objects.filter(pk=person.pk).update(job_search_ended_on=today, job_search_end_reason="employed")
    person.refresh_from_db()
    with translation.override(language), pytest.raises(ValidationError) as error:
        services.send_invitation(meeting, jobseeker=person, delivery="email", by=counsellor)
    assert day in error.value.message_dict["job_search_ended_on"][0]
