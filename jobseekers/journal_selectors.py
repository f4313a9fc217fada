"""Reads of the client journal (asiakaskertomus). Every function takes the user; access is asked from
accounts.permissions.

`journal_jobseeker` is the way in: it finds the job seeker within the user's scope and logs the read (a 404 and a
refused row otherwise), so no journal is shown without a PersonalDataAccess row. What a reader sees of a corrected
entry depends on who they are: the text in force (the last correction of its chain) for most, the original for the
author's supervisor and administrators (permissions.sees_corrected_original). The text search looks at what the
reader sees, so it never finds a replaced original for someone who may not read it.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from accounts import permissions
from jobseekers import selectors
from jobseekers.models import Jobseeker, JournalEntry

CARD_ENTRIES = 5


@dataclass(frozen=True)
class JournalFilters:
    text: str = ""
    kind: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class JournalRow:
    entry: JournalEntry
    text: str
    # The entry in force when this one has been corrected (the last of its chain), else None.
    current: JournalEntry | None = None
    original_shown: bool = False

    @property
    def corrected(self) -> bool:
        return self.current is not None


def journal_jobseeker(user, pk, *, view: str, purpose: str) -> Jobseeker:
    """The job seeker whose journal the user asks for; the read is logged, out of scope is a 404 (logged too)."""
    jobseeker = selectors.get_jobseeker(user, pk, view=view, purpose=purpose)
    if not permissions.can_view_journal(user, jobseeker):
        raise Http404
    return jobseeker


def _chains(jobseeker: Jobseeker) -> dict[int, int]:
    """Entry id → the id of the entry in force at the end of its correction chain (itself when not corrected)."""
    corrected_by = {
        corrects: pk
        for pk, corrects in JournalEntry.objects.filter(jobseeker=jobseeker, corrects__isnull=False).values_list(
            "pk", "corrects_id"
        )
    }
    heads = {}
    for pk in JournalEntry.objects.filter(jobseeker=jobseeker).values_list("pk", flat=True):
        head = pk
        while head in corrected_by:
            head = corrected_by[head]
        heads[pk] = head
    return heads


def entries(user, jobseeker: Jobseeker, filters: JournalFilters = JournalFilters()) -> QuerySet:
    """The journal's entries the filters select, newest first (by date, then by when written)."""
    if not permissions.can_view_journal(user, jobseeker):
        return JournalEntry.objects.none()
    queryset = JournalEntry.objects.filter(jobseeker=jobseeker).select_related(
        "author", "meeting", "corrects", "correction"
    )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.since:
        queryset = queryset.filter(entry_date__gte=filters.since)
    if filters.until:
        queryset = queryset.filter(entry_date__lte=filters.until)
    for term in filters.text.split():
        queryset = queryset.filter(pk__in=_matching_text(user, jobseeker, term))
    return queryset.order_by("-entry_date", "-created_at", "-pk")


def _matching_text(user, jobseeker: Jobseeker, term: str) -> set[int]:
    """Ids of the entries whose text as this user sees it contains `term`."""
    own = JournalEntry.objects.filter(jobseeker=jobseeker)
    corrected = own.filter(correction__isnull=False)
    original_scope = permissions.corrected_original_scope(user)
    originals_shown = (
        set() if original_scope is None else set(corrected.filter(original_scope).values_list("pk", flat=True))
    )
    in_force = set(own.filter(correction__isnull=True, text__icontains=term).values_list("pk", flat=True))
    found = in_force | originals_shown.intersection(corrected.filter(text__icontains=term).values_list("pk", flat=True))
    heads = _chains(jobseeker)
    found.update(
        pk for pk in corrected.values_list("pk", flat=True) if pk not in originals_shown and heads[pk] in in_force
    )
    return found


def rows(user, jobseeker: Jobseeker, page_entries) -> list[JournalRow]:
    """The entries as this user may read them."""
    page_entries = list(page_entries)
    if not any(entry.is_corrected for entry in page_entries):
        return [JournalRow(entry, entry.text) for entry in page_entries]
    heads = _chains(jobseeker)
    current = JournalEntry.objects.select_related("author").in_bulk(
        {heads[entry.pk] for entry in page_entries if entry.is_corrected}
    )
    result = []
    for entry in page_entries:
        if not entry.is_corrected:
            result.append(JournalRow(entry, entry.text))
            continue
        head = current[heads[entry.pk]]
        shown = permissions.sees_corrected_original(user, entry)
        result.append(JournalRow(entry, entry.text if shown else head.text, current=head, original_shown=shown))
    return result


def latest(user, jobseeker: Jobseeker) -> list[JournalRow]:
    """The newest entries, for the job seeker's card (whose view has logged the read)."""
    return rows(user, jobseeker, entries(user, jobseeker)[:CARD_ENTRIES])


def entry_of(user, jobseeker: Jobseeker, pk) -> JournalEntry:
    """One entry of a journal the user may read; any other id is a 404."""
    entry = entries(user, jobseeker).filter(pk=pk).first() if str(pk).isdigit() else None
    if entry is None:
        raise Http404
    return entry


def meetings_to_link(user, jobseeker: Jobseeker) -> list:
    """The job seeker's meetings an entry may refer to, newest first."""
    if not permissions.can_view_meetings(user, jobseeker):
        return []
    return list(jobseeker.meetings.order_by("-planned_at", "-pk")[:50])
