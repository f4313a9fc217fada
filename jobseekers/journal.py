"""Writes to the client journal (asiakaskertomus): adding an entry and correcting one.

An entry is never changed or deleted: a correction is a new entry whose `corrects` points at the entry it replaces,
so the original stays for those entitled to read it (accounts.permissions.sees_corrected_original). Each entry can be
corrected once; a correction can itself be corrected, which makes a chain whose last entry is the text in force.
Bad input raises one ValidationError naming every field at fault (the API's field names), and nothing is written.
Callers check the user's right to write (accounts.permissions.can_write_journal) before calling.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import Errors
from jobseekers import enums
from jobseekers.models import Jobseeker, JournalEntry

MAX_TEXT_LENGTH = 10_000


def _meetings_of(jobseeker: Jobseeker):
    # The meeting model lives on a higher layer (service_model): reached through the foreign key, never imported.
    return JournalEntry._meta.get_field("meeting").related_model.objects.filter(jobseeker=jobseeker)


def _already_corrected() -> ValidationError:
    return ValidationError({"corrects": [_("Merkintä on jo korjattu; korjaa sen uusin korjaus.")]})


def _clean(jobseeker: Jobseeker, by, *, kind, text, entry_date, meeting_id, today: date | None) -> dict:
    """The new entry's values, typed and checked; every problem at once as one ValidationError."""
    errors = Errors()
    today = today or timezone.localdate()
    if kind not in enums.JournalEntryKind.values:
        errors.add("kind", _("Merkinnän laji puuttuu tai on tuntematon."))
    text = (text or "").strip()
    if not text:
        errors.add("text", _("Teksti puuttuu."))
    elif len(text) > MAX_TEXT_LENGTH:
        errors.add("text", _("Teksti on liian pitkä (enintään %(max)s merkkiä).") % {"max": MAX_TEXT_LENGTH})
    if entry_date is None:
        entry_date = today
    if not isinstance(entry_date, date):
        errors.add("entry_date", _("Päivä puuttuu tai ei ole päivämäärä."))
    elif entry_date > today:
        errors.add("entry_date", _("Päivä on tulevaisuudessa: merkitään vain tapahtunutta."))
    elif entry_date < jobseeker.birth_date:
        errors.add("entry_date", _("Päivä on ennen henkilön syntymää."))
    meeting = None
    if meeting_id not in (None, ""):
        meeting = _meetings_of(jobseeker).filter(pk=meeting_id).first() if str(meeting_id).isdigit() else None
        if meeting is None:
            errors.add("meeting", _("Tapaamista ei ole tällä työnhakijalla."))
    errors.raise_if_any()
    return {
        "jobseeker_id": jobseeker.pk,
        "kind": kind,
        "text": text,
        "entry_date": entry_date,
        "meeting": meeting,
        "author": by,
        "author_municipality_id": by.home_municipality_id,
    }


@transaction.atomic
def add_entry(
    *,
    jobseeker: Jobseeker,
    kind: str,
    text: str,
    by,
    entry_date: date | None = None,
    meeting_id=None,
    today: date | None = None,
) -> JournalEntry:
    """A new entry on the job seeker's journal, dated `entry_date` (today when not given, never in the future)."""
    values = _clean(jobseeker, by, kind=kind, text=text, entry_date=entry_date, meeting_id=meeting_id, today=today)
    return JournalEntry.objects.create(**values)


def correct_entry(
    entry: JournalEntry,
    *,
    text: str,
    by,
    kind: str | None = None,
    entry_date: date | None = None,
    meeting_id=None,
    today: date | None = None,
) -> JournalEntry:
    """A new entry replacing the text of `entry`; kind, date and meeting default to those of `entry`."""
    values = _clean(
        entry.jobseeker,
        by,
        kind=kind or entry.kind,
        text=text,
        entry_date=entry_date or entry.entry_date,
        meeting_id=entry.meeting_id if meeting_id is None else meeting_id,
        today=today,
    )
    try:
        with transaction.atomic():
            # The row lock makes a second, simultaneous correction wait and then see the first one.
            locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
            if JournalEntry.objects.filter(corrects=locked).exists():
                raise _already_corrected()
            return JournalEntry.objects.create(corrects=locked, **values)
    except IntegrityError:
        # SQLite takes no row locks: the unique `corrects` refuses the second correction instead.
        raise _already_corrected() from None
