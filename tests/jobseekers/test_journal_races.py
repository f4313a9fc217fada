"""Two people correcting the same client journal entry at once: one correction is written, the other is refused."""

# The shared fixtures are imported by name, and pytest passes them back as arguments of the same name.
# ruff: noqa: F401, F811

import pytest
from django.core.exceptions import ValidationError

from jobseekers import journal
from jobseekers.models import JournalEntry
from tests.concurrency import race
from tests.jobseekers.journal_fixtures import person, staff, write

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_corrections_of_one_entry_one_wins(person, staff):
    entry = write(person, staff["counsellor"], text="Alkuperäinen.")
    outcomes = race(
        lambda: journal.correct_entry(entry, text="Ohjaajan korjaus.", by=staff["counsellor"]),
        lambda: journal.correct_entry(entry, text="Esihenkilön korjaus.", by=staff["supervisor"]),
    )
    assert sorted(outcome.ok for outcome in outcomes) == [False, True]
    [refused] = [outcome.error for outcome in outcomes if not outcome.ok]
    assert isinstance(refused, ValidationError) and set(refused.message_dict) == {"corrects"}
    assert JournalEntry.objects.filter(corrects=entry).count() == 1
