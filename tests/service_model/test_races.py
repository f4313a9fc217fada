"""Two writers putting one counsellor in the same slot at the same moment: exactly one of them succeeds, whichever
path each takes (booking, recording a walk-in, rescheduling), because all three reserve the slot the same way."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from service_model import enums
from service_model.models import Meeting
from service_model.services import meetings
from tests.concurrency import race
from tests.service_model.conftest import at, book

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def one_won(outcomes, counsellor, when) -> None:
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    loser = next(outcome for outcome in outcomes if not outcome.ok)
    assert isinstance(loser.error, ValidationError), repr(loser.error)
    assert "Ohjaajalla on jo tapaaminen" in " ".join(loser.error.message_dict["planned_at"])
    taken = Meeting.objects.filter(counsellor=counsellor, planned_at=when, state__in=enums.MeetingState.occupying())
    assert taken.count() == 1


def atomic(write):
    def run():
        with transaction.atomic():
            return write()

    return run


def test_two_bookings_of_the_same_slot_one_wins(client_of, counsellor, today):
    first, second = client_of(), client_of()
    when = at(today + timedelta(days=2), 10)

    outcomes = race(atomic(lambda: book(first, counsellor, when)), atomic(lambda: book(second, counsellor, when)))
    one_won(outcomes, counsellor, when)


def test_a_booking_and_a_walk_in_recorded_in_the_same_slot_one_wins(client_of, counsellor, today):
    booked, walked_in = client_of(), client_of()
    when = at(today, 10)

    def record():
        return meetings.record_meeting(
            jobseeker=walked_in,
            meeting_type="other",
            channel="phone",
            held_at=when,
            counsellor=counsellor,
            by=counsellor,
        )

    outcomes = race(atomic(lambda: book(booked, counsellor, when)), atomic(record))
    one_won(outcomes, counsellor, when)


def test_a_reschedule_and_a_booking_into_the_same_slot_one_wins(client_of, counsellor, today):
    moved, booked = client_of(), client_of()
    meeting = book(moved, counsellor, at(today + timedelta(days=2), 9))
    when = at(today + timedelta(days=2), 14)

    outcomes = race(
        atomic(lambda: meetings.reschedule(meeting, by=counsellor, planned_at=when)),
        atomic(lambda: book(booked, counsellor, when)),
    )
    one_won(outcomes, counsellor, when)
