"""Double submits racing on real connections: two "start the TYP client relationship" for one person, and the same
job seeker linked twice to an event. Exactly one of each wins, the other is a form error, not a crash."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from cooperation.models import EventParticipant, TypClient
from cooperation.services import events, typ
from tests.concurrency import race
from tests.cooperation.factories import make_assessment, make_event
from tests.jobseekers.factories import TODAY

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def one_won(outcomes, field: str, words: str) -> None:
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    loser = next(outcome for outcome in outcomes if not outcome.ok)
    assert isinstance(loser.error, ValidationError), repr(loser.error)
    assert words in " ".join(loser.error.message_dict[field])


def atomic(write):
    def run():
        with transaction.atomic():
            return write()

    return run


def test_a_double_submit_opens_one_typ_client(staff, client_of):
    counsellor = staff["counsellor"]
    make_assessment(counsellor, client_of, need=True)

    def start():
        return typ.open_client(
            client_of,
            started_on=TODAY,
            joint_plan="Yhteinen suunnitelma.",
            county_contact="",
            kela_contact="",
            by=counsellor,
        )

    one_won(race(atomic(start), atomic(start)), "__all__", "jo voimassa oleva")
    assert TypClient.objects.filter(jobseeker=client_of).count() == 1


def test_a_double_submit_links_a_participant_once(staff, client_of):
    event = make_event(staff["employer_services"], participants=0, hires=0)

    def link():
        return events.add_participant(event, jobseeker=client_of.pk, by=staff["counsellor"])

    one_won(race(atomic(link), atomic(link)), "jobseeker", "jo kirjattu")
    assert EventParticipant.objects.filter(event=event).count() == 1
    event.refresh_from_db()
    assert event.participants == 1
