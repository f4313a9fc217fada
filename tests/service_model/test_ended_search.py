"""An ended job search keeps no meetings to come: ending it cancels them in the same transaction, and nothing new can
be booked, recorded as a walk-in or moved for the person (service_model.apps.job_search_ending, services.meetings)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jobseekers import changes
from jobseekers.models import Jobseeker
from service_model import enums
from service_model.models import Deadline, Meeting
from service_model.services import meetings
from tests.service_model.conftest import at, book

pytestmark = pytest.mark.django_db


def end(jobseeker, counsellor, today):
    return changes.end_job_search(jobseeker, ended_on=today, reason="employed", by=counsellor, today=today)


def test_ending_the_search_cancels_the_meetings_to_come_and_leaves_the_past_to_record(client_of, counsellor, today):
    person = client_of()
    past = book(person, counsellor, at(today, 9))
    Meeting.objects.filter(pk=past.pk).update(planned_at=at(today - timedelta(days=3), 9))
    later_today = book(person, counsellor, at(today, 14))
    next_week = book(person, counsellor, at(today + timedelta(days=7), 10))
    assert Deadline.objects.get(jobseeker=person).next_booked_id == past.pk

    end(person, counsellor, today)

    states = dict(Meeting.objects.filter(jobseeker=person).values_list("pk", "state"))
    assert states == {
        past.pk: enums.MeetingState.PLANNED,
        later_today.pk: enums.MeetingState.CANCELLED,
        next_week.pk: enums.MeetingState.CANCELLED,
    }
    assert set(Meeting.objects.filter(state=enums.MeetingState.CANCELLED).values_list("cancel_reason", flat=True)) == {
        "työnhaku päättyi"
    }
    # The deadline row the end's save rewrote already saw the cancellations: only the unrecorded past one is booked.
    deadline = Deadline.objects.get(jobseeker=person)
    assert deadline.due_on is None and deadline.next_booked_id == past.pk


def test_a_refused_end_cancels_nothing(client_of, counsellor, today):
    person = client_of()
    meeting = book(person, counsellor, at(today + timedelta(days=1), 10))
    with pytest.raises(ValidationError):
        changes.end_job_search(person, ended_on=today, reason="bored", by=counsellor, today=today)
    meeting.refresh_from_db()
    assert meeting.state == enums.MeetingState.PLANNED and meeting.cancel_reason == ""


def test_an_ended_search_gets_no_booking_walk_in_or_move(client_of, counsellor, today):
    person = client_of()
    past = book(person, counsellor, at(today, 9))
    Meeting.objects.filter(pk=past.pk).update(planned_at=at(today - timedelta(days=1), 9))
    end(person, counsellor, today)
    person.refresh_from_db()

    with pytest.raises(ValidationError) as booking:
        book(person, counsellor, at(today + timedelta(days=2), 10))
    with pytest.raises(ValidationError) as walk_in:
        meetings.record_meeting(
            jobseeker=person,
            meeting_type="other",
            channel="phone",
            held_at=at(today, 8),
            counsellor=counsellor,
            by=counsellor,
            today=today,
        )
    with pytest.raises(ValidationError) as move:
        meetings.reschedule(past, by=counsellor, planned_at=at(today + timedelta(days=1), 10), today=today)
    for refused in (booking, walk_in, move):
        assert "työnhaku päättyi 2.3.2026" in refused.value.message_dict["job_search_ended_on"][0]
    assert Meeting.objects.filter(jobseeker=person).count() == 1


def test_a_booking_with_the_person_loaded_before_the_end_is_refused_under_the_lock(client_of, counsellor, today):
    person = client_of()
    loaded_before = Jobseeker.objects.get(pk=person.pk)
    end(person, counsellor, today)
    with pytest.raises(ValidationError) as refused:
        book(loaded_before, counsellor, at(today + timedelta(days=2), 10))
    assert set(refused.value.message_dict) == {"job_search_ended_on"}
    assert not Meeting.objects.filter(jobseeker=person).exists()


def test_the_client_page_of_an_ended_search_offers_no_booking(client, client_of, counsellor, today):
    person = client_of()
    client.force_login(counsellor)
    page, booking = (reverse(name, kwargs={"pk": person.pk}) for name in ("service_model:client", "service_model:book"))
    assert booking in client.get(page).content.decode()
    end(person, counsellor, today)
    assert booking not in client.get(page).content.decode()
