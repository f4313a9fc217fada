"""The stored deadline: compute a job seeker's next statutory meeting, and write, recompute and sync its row.

Every write that can move a deadline (a meeting booked, held, missed or cancelled; the job seeker's status,
job-search start or counsellor changing) rewrites the row in its own transaction, so a list never shows a deadline
that a saved change has already moved.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from common.bulk import many_ids
from jobseekers.models import Jobseeker
from service_model import adapter, enums, rules
from service_model.models import Deadline, Meeting
from service_model.today import service_today

DEADLINE_BATCH = 2000
Progress = Callable[[str, int, int], None]

# The one declaration of what the deadline depends on. RULE_INPUTS are the job seeker's fields the rule reads (named
# as adapter.deadline's arguments); COPIED are copied onto the row so that lists read one narrow table.
RULE_INPUTS = ("job_search_started_on", "status", "previous_job_search_ended_on", "unemployed_since")
COPIED = {"responsible_counsellor": "counsellor", "serving_municipality": "serving_municipality", "pool": "pool"}
# An ended job search has no statutory meeting pending: its row is closed (no due date), so it leaves every worklist
# and count, and is never overdue.
ENDED = "job_search_ended_on"
INPUTS = frozenset(RULE_INPUTS) | frozenset(COPIED) | {ENDED}


def depends_on(update_fields: Iterable[str] | None) -> bool:
    """Whether saving these fields of a job seeker (None: all of them) can move the stored deadline."""
    if update_fields is None:
        return True
    return any(Jobseeker._meta.get_field(name).name in INPUTS for name in update_fields)


def held_pairs(jobseeker_id: int) -> list[tuple[date, str]]:
    meetings = Meeting.objects.filter(jobseeker_id=jobseeker_id, state=enums.MeetingState.HELD)
    return list(meetings.values_list("held_on", "meeting_type"))


def next_booked_id(jobseeker_id: int) -> int | None:
    return (
        Meeting.objects.filter(jobseeker_id=jobseeker_id, state=enums.MeetingState.PLANNED)
        .order_by("planned_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def rule_inputs(jobseeker: Jobseeker) -> dict:
    return {name: getattr(jobseeker, name) for name in RULE_INPUTS}


def compute(jobseeker: Jobseeker, held: Iterable[tuple[date, str]], today: date) -> rules.Deadline | None:
    if getattr(jobseeker, ENDED) is not None:
        return None
    return adapter.deadline(**rule_inputs(jobseeker), held=held, today=today)


def deadline_values(
    found: rules.Deadline | None,
    *,
    counsellor_id: int | None,
    serving_municipality_id: int,
    pool: str,
    today: date,
    now: datetime,
    booked_id: int | None = None,
) -> dict:
    """The columns of a `Deadline` row for the core's answer (None: no statutory meeting pending)."""
    return {
        "next_booked_id": booked_id,
        "next_meeting_type": found.meeting_type.value if found else "",
        "due_on": found.due_on if found else None,
        "rule_set_id": found.rule_set_id if found else "",
        "reason_code": found.reason.code.value if found else "",
        "reason_params": dict(found.reason.params) if found else {},
        "computed_for": today,
        "computed_at": now,
        "counsellor_id": counsellor_id,
        "serving_municipality_id": serving_municipality_id,
        "pool": pool,
    }


# Everything deadline_values writes, so that a bulk upsert replaces the whole row.
DEADLINE_FIELDS = list(
    deadline_values(None, counsellor_id=None, serving_municipality_id=0, pool="", today=None, now=None)
)


def recompute_deadline(jobseeker: Jobseeker, *, today: date | None = None) -> Deadline:
    """Rewrite one job seeker's deadline row from their held meetings (call inside the writing transaction)."""
    today = today or service_today()
    values = deadline_values(
        compute(jobseeker, held_pairs(jobseeker.pk), today),
        counsellor_id=jobseeker.responsible_counsellor_id,
        serving_municipality_id=jobseeker.serving_municipality_id,
        pool=jobseeker.pool,
        today=today,
        now=timezone.now(),
        booked_id=next_booked_id(jobseeker.pk),
    )
    row, _created = Deadline.objects.update_or_create(jobseeker_id=jobseeker.pk, defaults=values)
    return row


def write_deadlines(rows: list[Deadline]) -> None:
    """Insert or replace deadline rows in one statement per batch."""
    Deadline.objects.bulk_create(
        rows,
        batch_size=DEADLINE_BATCH,
        update_conflicts=True,
        unique_fields=["jobseeker"],
        update_fields=DEADLINE_FIELDS,
    )


def recompute_all(
    *, today: date | None = None, queryset=None, progress: Progress | None = None, batch: int = DEADLINE_BATCH
) -> int:
    """Recompute every job seeker's deadline (or those of `queryset`) in primary-key chunks, two reads per chunk."""
    today = today or service_today()
    now = timezone.now()
    people = (queryset if queryset is not None else Jobseeker.objects.all()).order_by("pk")
    total = people.count()
    done = 0
    last_pk = 0
    copied = [Jobseeker._meta.get_field(name).attname for name in COPIED]
    while True:
        chunk = list(people.filter(pk__gt=last_pk).values("pk", ENDED, *RULE_INPUTS, *copied)[:batch])
        if not chunk:
            break
        low, high = chunk[0]["pk"], chunk[-1]["pk"]
        held: dict[int, list[tuple[date, str]]] = defaultdict(list)
        for jobseeker_id, held_on, meeting_type in Meeting.objects.filter(
            jobseeker_id__gte=low, jobseeker_id__lte=high, state=enums.MeetingState.HELD
        ).values_list("jobseeker_id", "held_on", "meeting_type"):
            held[jobseeker_id].append((held_on, meeting_type))
        booked: dict[int, int] = {}
        for jobseeker_id, meeting_id in (
            Meeting.objects.filter(jobseeker_id__gte=low, jobseeker_id__lte=high, state=enums.MeetingState.PLANNED)
            .order_by("jobseeker_id", "planned_at", "pk")
            .values_list("jobseeker_id", "pk")
        ):
            booked.setdefault(jobseeker_id, meeting_id)
        rows = []
        for person in chunk:
            pk = person["pk"]
            found = None
            if person[ENDED] is None:
                found = adapter.deadline(
                    **{name: person[name] for name in RULE_INPUTS}, held=held.get(pk, ()), today=today
                )
            values = deadline_values(
                found,
                counsellor_id=person["responsible_counsellor_id"],
                serving_municipality_id=person["serving_municipality_id"],
                pool=person["pool"],
                today=today,
                now=now,
                booked_id=booked.get(pk),
            )
            rows.append(Deadline(jobseeker_id=pk, **values))
        with transaction.atomic():
            write_deadlines(rows)
        done += len(chunk)
        last_pk = high
        if progress:
            progress("määräajat", done, total)
    return done


def sync_owners(jobseeker_ids) -> int:
    """Copy the counsellor, pool and serving municipality from the job seekers onto their deadline rows.

    For bulk writes that send no post_save (the batch assignment): one UPDATE per call.
    """
    source = Jobseeker.objects.filter(pk=OuterRef("jobseeker_id"))
    return Deadline.objects.filter(jobseeker_id__in=many_ids(jobseeker_ids)).update(
        **{column: Subquery(source.values(field)[:1]) for field, column in COPIED.items()}
    )
