"""The client journal's writes (jobseekers/journal.py) and reads (jobseekers/journal_selectors.py)."""

# The shared fixtures are imported by name, and pytest passes them back as arguments of the same name.
# ruff: noqa: F401, F811

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import permissions
from jobseekers import journal, journal_selectors
from jobseekers.journal_selectors import JournalFilters
from jobseekers.models import Jobseeker, JournalEntry
from tests.jobseekers.journal_fixtures import meeting_of, other_person, person, staff, write

pytestmark = pytest.mark.django_db


def fields_of(error: ValidationError) -> set[str]:
    return set(error.value.message_dict)


def test_an_entry_is_dated_today_by_default_and_remembers_the_authors_municipality(person, staff):
    entry = write(person, staff["counsellor"], text="  Soitto asiakkaalle.  ")
    assert entry.entry_date == timezone.localdate()
    assert entry.text == "Soitto asiakkaalle."
    assert entry.author_municipality.code == "578"
    assert entry.corrects is None and not entry.is_corrected


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "fax"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"text": "   "}, "text"),
        ({"text": "x" * (journal.MAX_TEXT_LENGTH + 1)}, "text"),
        ({"entry_date": timezone.localdate() + timedelta(days=1)}, "entry_date"),
        ({"entry_date": "2026-01-01"}, "entry_date"),
        ({"meeting_id": "abc"}, "meeting"),
        ({"meeting_id": 999_999}, "meeting"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(person, staff, values, field):
    arguments = {"kind": "note", "text": "Muistiinpano.", **values}
    with pytest.raises(ValidationError) as error:
        journal.add_entry(jobseeker=person, by=staff["counsellor"], **arguments)
    assert fields_of(error) == {field}
    assert not JournalEntry.objects.exists()


def test_every_problem_is_reported_at_once(person, staff):
    with pytest.raises(ValidationError) as error:
        journal.add_entry(
            jobseeker=person, kind="?", text="", entry_date=timezone.localdate() + timedelta(days=3), by=staff["admin"]
        )
    assert fields_of(error) == {"kind", "text", "entry_date"}


def test_a_meeting_of_another_person_is_refused_and_ones_own_accepted(person, other_person, staff):
    theirs = meeting_of(other_person, staff["counsellor"])
    with pytest.raises(ValidationError) as error:
        write(person, staff["counsellor"], meeting_id=theirs.pk)
    assert fields_of(error) == {"meeting"}
    own = meeting_of(person, staff["counsellor"])
    assert write(person, staff["counsellor"], meeting_id=own.pk).meeting == own


def test_a_correction_is_a_new_entry_and_the_original_stays(person, staff):
    original = write(person, staff["counsellor"], text="Soitto: asiakas sairaana.", kind="note")
    correction = journal.correct_entry(original, text="Soitto: asiakas lomalla.", by=staff["counsellor"])
    original.refresh_from_db()
    assert original.text == "Soitto: asiakas sairaana."
    assert original.is_corrected and original.correction == correction
    assert (correction.corrects, correction.kind, correction.entry_date) == (original, "note", original.entry_date)
    assert JournalEntry.objects.count() == 2


def test_correcting_the_same_entry_twice_is_refused_but_the_correction_can_be_corrected(person, staff):
    original = write(person, staff["counsellor"], text="Ensimmäinen.")
    first = journal.correct_entry(original, text="Toinen.", by=staff["counsellor"])
    with pytest.raises(ValidationError) as error:
        journal.correct_entry(original, text="Kolmas.", by=staff["counsellor"])
    assert fields_of(error) == {"corrects"}
    second = journal.correct_entry(first, text="Kolmas.", by=staff["counsellor"])
    assert second.corrects == first
    rows = journal_selectors.rows(staff["counsellor"], person, journal_selectors.entries(staff["counsellor"], person))
    by_pk = {row.entry.pk: row for row in rows}
    assert [by_pk[e.pk].text for e in (original, first, second)] == ["Kolmas."] * 3
    assert by_pk[original.pk].current == second and by_pk[first.pk].current == second
    assert not by_pk[second.pk].corrected


def test_a_correction_dated_in_the_future_is_refused(person, staff):
    original = write(person, staff["counsellor"])
    with pytest.raises(ValidationError) as error:
        journal.correct_entry(
            original, text="Korjaus.", entry_date=timezone.localdate() + timedelta(days=1), by=staff["counsellor"]
        )
    assert fields_of(error) == {"entry_date"}
    assert not JournalEntry.objects.filter(corrects=original).exists()


def test_a_correction_keeps_or_removes_the_meeting(person, other_person, staff):
    meeting = meeting_of(person, staff["counsellor"])
    original = write(person, staff["counsellor"], meeting_id=meeting.pk)
    kept = journal.correct_entry(original, text="Korjaus.", by=staff["counsellor"])
    assert kept.meeting == meeting
    removed = journal.correct_entry(kept, text="Korjaus 2.", meeting_id="", by=staff["counsellor"])
    assert removed.meeting is None
    with pytest.raises(ValidationError) as error:
        journal.correct_entry(
            removed, text="x", meeting_id=meeting_of(other_person, staff["counsellor"]).pk, by=staff["counsellor"]
        )
    assert fields_of(error) == {"meeting"}


def test_the_original_is_read_only_by_the_authors_supervisor_and_administrators(person, staff):
    original = write(person, staff["counsellor"], text="Alkuperäinen virheellinen.")
    journal.correct_entry(original, text="Korjattu teksti.", by=staff["counsellor"])
    seen = {}
    for name in ("counsellor", "supervisor", "decider", "admin"):
        user = staff[name]
        [row] = journal_selectors.rows(user, person, [JournalEntry.objects.get(pk=original.pk)])
        seen[name] = (row.text, row.original_shown)
        assert permissions.sees_corrected_original(user, original) == row.original_shown
    assert seen == {
        "counsellor": ("Korjattu teksti.", False),
        "supervisor": ("Alkuperäinen virheellinen.", True),
        "decider": ("Korjattu teksti.", False),
        "admin": ("Alkuperäinen virheellinen.", True),
    }


def test_a_supervisor_of_another_authors_municipality_reads_the_correction(person, staff):
    """The administrator (Kajaani) wrote it: the Paltamo supervisor, who sees the person, is not the author's."""
    original = write(person, staff["admin"], text="Ylläpitäjän virhe.")
    journal.correct_entry(original, text="Ylläpitäjän korjaus.", by=staff["admin"])
    [row] = journal_selectors.rows(staff["supervisor"], person, [JournalEntry.objects.get(pk=original.pk)])
    assert (row.text, row.original_shown) == ("Ylläpitäjän korjaus.", False)


def test_the_text_search_looks_at_what_the_reader_sees(person, staff):
    original = write(person, staff["counsellor"], text="Salaisuus kirjattu vahingossa.")
    correction = journal.correct_entry(original, text="Puhelu, ei lisättävää.", by=staff["counsellor"])
    other = write(person, staff["counsellor"], text="Puhelu työnantajalle.")

    def found(user, text):
        return set(journal_selectors.entries(user, person, JournalFilters(text=text)))

    assert found(staff["counsellor"], "salaisuus") == set()
    assert found(staff["supervisor"], "salaisuus") == {original}
    assert found(staff["admin"], "SALAISUUS") == {original}
    assert found(staff["counsellor"], "lisättävää") == {original, correction}
    assert found(staff["supervisor"], "lisättävää") == {correction}
    assert found(staff["counsellor"], "puhelu") == {original, correction, other}
    assert found(staff["counsellor"], "puhelu työnantajalle") == {other}


def test_kind_and_date_filters_and_newest_first(person, staff):
    today = timezone.localdate()
    old = write(person, staff["counsellor"], kind="email", entry_date=today - timedelta(days=30))
    middle = write(person, staff["counsellor"], kind="note", entry_date=today - timedelta(days=10))
    new = write(person, staff["counsellor"], kind="email", entry_date=today)
    later_same_day = write(person, staff["counsellor"], kind="note", entry_date=today)
    user = staff["counsellor"]
    assert list(journal_selectors.entries(user, person)) == [later_same_day, new, middle, old]
    assert list(journal_selectors.entries(user, person, JournalFilters(kind="email"))) == [new, old]
    window = JournalFilters(since=today - timedelta(days=20), until=today - timedelta(days=1))
    assert list(journal_selectors.entries(user, person, window)) == [middle]


def test_out_of_scope_users_get_no_entries(person, staff):
    write(person, staff["counsellor"])
    for name in ("outsider", "other_supervisor", "area_manager"):
        assert not journal_selectors.entries(staff[name], person).exists()
        assert journal_selectors.latest(staff[name], person) == []


def test_deleting_a_person_deletes_their_journal_with_its_corrections(person, staff):
    original = write(person, staff["counsellor"])
    journal.correct_entry(original, text="Korjaus.", by=staff["counsellor"])
    Jobseeker.objects.filter(pk=person.pk).delete()
    assert not JournalEntry.objects.exists()
