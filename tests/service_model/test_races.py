"""Two staff members booking the same counsellor's slot at the same moment: exactly one booking is made."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from service_model.models import Meeting
from tests.concurrency import race
from tests.service_model.conftest import at, book

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_bookings_of_the_same_slot_one_wins(client_of, counsellor, today):
    first, second = client_of(), client_of()
    when = at(today + timedelta(days=2), 10)

    def attempt(jobseeker):
        with transaction.atomic():
            return book(jobseeker, counsellor, when)

    outcomes = race(lambda: attempt(first), lambda: attempt(second))
    assert sorted(outcome.ok for outcome in outcomes) == [False, True]
    loser = next(outcome for outcome in outcomes if not outcome.ok)
    assert isinstance(loser.error, ValidationError), repr(loser.error)
    assert "Ohjaajalla on jo tapaaminen" in " ".join(loser.error.message_dict["planned_at"])
    assert Meeting.objects.filter(counsellor=counsellor, planned_at=when).count() == 1
