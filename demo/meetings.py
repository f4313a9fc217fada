"""Writes the synthetic meeting history (demo/history.py decides it) and the deadlines that follow.

`generate` is idempotent: it deletes the synthetic meetings, plans and applications (only those, never a recorded
one) and inserts new ones for every synthetic job seeker (jobseekers.Jobseeker.synthetic_month set), in primary-key
chunks with three reads per chunk and inserts through the bulk writer (COPY on PostgreSQL), then writes each job
seeker's deadline from the same simulation – no second pass over five million meetings.

Each meeting is booked in the diary (demo/diary.py) of the counsellor responsible for the person on its day, read from
the person's periods of responsibility (jobseekers.CounsellorAssignment), the first of which is moved back to the start
of the job search: so a counsellor is never booked twice at once, and every meeting is held by whoever was responsible
at the time. The histories are simulated in processes beside the writer, split by counsellor (demo/simulation.py),
with the same rows as in one process.
"""

import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock_time

from django.db import connection, transaction
from django.utils import timezone

from common import bulk
from common.bulk import RowWriter, many_ids, update_column
from demo import erase, simulation
from demo.diary import HELSINKI
from demo.simulation import Period, search_began
from jobseekers.models import CounsellorAssignment, Jobseeker
from service_model import enums
from service_model.models import (
    Deadline,
    EmploymentPlan,
    JobApplication,
    JobSearchObligation,
    Meeting,
    PlanTask,
)
from service_model.today import service_today

CHUNK = 5000
# Simulation processes at most (demo/simulation.py); more than the cores only compete with the writer and the database.
MAX_WORKERS = 4
# Rows of the synthetic job seekers, as SQL for erase.delete.
SYNTHETIC_PEOPLE = "jobseeker_id IN (SELECT id FROM jobseekers_jobseeker WHERE synthetic_month IS NOT NULL)"
Progress = Callable[[str, int, int], None]
WRITTEN = (Meeting, Deadline, EmploymentPlan, PlanTask, JobSearchObligation, JobApplication)


@dataclass
class MeetingReport:
    today: date
    seed: int
    people: int = 0
    deleted: int = 0
    meetings: int = 0
    by_state: dict = field(default_factory=dict)
    plans: int = 0
    applications: int = 0
    deadlines: int = 0
    overdue: int = 0
    seconds: float = 0.0


def delete_synthetic() -> int:
    """The synthetic plans (with their tasks and obligations), applications and meetings; the number of meetings."""
    erase.delete(EmploymentPlan, "synthetic")
    erase.delete(JobApplication, "synthetic")
    return erase.delete(Meeting, "synthetic")


def link_booked() -> int:
    """Point the synthetic people's deadline rows at their earliest booked meeting (the generator's meetings have no
    ids until they are in the database): one UPDATE joined to each person's first planned meeting, found by a window
    over the planned meetings, so that it needs no index (UPDATE … FROM: SQLite 3.33 or later). Run while the
    indexes and keys are deferred: set after the keys are back, each pointer was checked on its own at the commit."""
    deadline, meeting = (connection.ops.quote_name(model._meta.db_table) for model in (Deadline, Meeting))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {deadline} SET next_booked_id = earliest.id FROM ("  # noqa: S608
            "SELECT jobseeker_id, id, ROW_NUMBER() OVER (PARTITION BY jobseeker_id ORDER BY planned_at, id) AS place "
            f"FROM {meeting} WHERE state = %s) AS earliest "
            f"WHERE earliest.place = 1 AND {deadline}.jobseeker_id = earliest.jobseeker_id "
            f"AND {deadline}.{SYNTHETIC_PEOPLE}",
            [enums.MeetingState.PLANNED.value],
        )
        return cursor.rowcount


def _responsibility(chunk: list[dict]) -> dict[int, list[Period]]:
    """Each person's periods of responsibility, the first one moved back to the start of the job search (and stored
    so): the batch assignment began them today, but the generated history says who was responsible from the
    beginning. A population generated here has them moved already (`move_first_periods`)."""
    begins = {p["pk"]: search_began(p) for p in chunk}
    rows = (
        CounsellorAssignment.objects.filter(jobseeker_id__in=many_ids(begins))
        .order_by("jobseeker_id", "started_at", "pk")
        .values_list("pk", "jobseeker_id", "started_at", "ended_at", "counsellor_id")
    )
    periods: dict[int, list[Period]] = defaultdict(list)
    moved = []
    for (pk, jobseeker_id, started_at, ended_at, counsellor_id), was_moved in _from_search_start(
        rows, lambda row: begins[row[1]]
    ):
        periods[jobseeker_id].append(Period(started_at, ended_at, counsellor_id))
        if was_moved:
            moved.append((pk, started_at))
    update_column(CounsellorAssignment, "started_at", moved)
    return periods


def move_first_periods(people) -> int:
    """Move the first period of responsibility of each of the people back to the start of their job search, as
    `_responsibility` does chunk by chunk; the number moved. The population (demo/people.py) calls it while the
    assignments' indexes are deferred, so that the meetings find nothing left to update (their chunks spent half a
    minute of the database's time on it at a national scale). On PostgreSQL one UPDATE: reading 675 000 periods
    into Python took 16 s, mostly in reading their moments."""
    if connection.vendor != "postgresql":
        rows = (
            CounsellorAssignment.objects.filter(jobseeker__in=people)
            .order_by("jobseeker_id", "started_at", "pk")
            .values_list("pk", "jobseeker_id", "started_at", "jobseeker__job_search_started_on")
        )
        searches = _from_search_start(
            rows.iterator(chunk_size=CHUNK), lambda row: search_began({"job_search_started_on": row[3]})
        )
        moved = [(row[0], row[2]) for row, was_moved in searches if was_moved]
        return update_column(CounsellorAssignment, "started_at", moved)
    chosen, params = people.values("pk").query.sql_with_params()
    assignments, jobseekers = (connection.ops.quote_name(m._meta.db_table) for m in (CounsellorAssignment, Jobseeker))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {assignments} AS a SET started_at = earliest.began FROM ("  # noqa: S608
            f"SELECT DISTINCT ON (c.jobseeker_id) c.id, c.started_at, "
            f"(j.job_search_started_on::timestamp AT TIME ZONE %s) AS began "
            f"FROM {assignments} c JOIN {jobseekers} j ON j.id = c.jobseeker_id WHERE c.jobseeker_id IN ({chosen}) "
            f"ORDER BY c.jobseeker_id, c.started_at, c.id) AS earliest "
            f"WHERE a.id = earliest.id AND earliest.started_at > earliest.began",
            [HELSINKI.key, *params],
        )
        return cursor.rowcount


def _from_search_start(rows, began):
    """The assignment rows (pk, jobseeker_id, started_at, …), in order of person, start and pk, each with whether it
    was moved: a person's first period starts when their job search began (`began`, of the row) if it began later."""
    previous = None
    for row in rows:
        pk, jobseeker_id, started_at, *rest = row
        first, previous = jobseeker_id != previous, jobseeker_id
        if first and started_at > (start := began(row)):
            yield (pk, jobseeker_id, start, *rest), True
        else:
            yield row, False


def _shards_of_counsellors(people, shards: int) -> dict[int, int]:
    """Each counsellor's shard (demo/simulation.py), from every synthetic person's counsellors: those of their
    periods, or the responsible one when they have none."""
    if shards == 1:
        return {}
    counsellors: dict[int, set[int]] = defaultdict(set)
    pairs = CounsellorAssignment.objects.filter(jobseeker__in=people).values_list("jobseeker_id", "counsellor_id")
    for jobseeker_id, counsellor_id in pairs.iterator(chunk_size=CHUNK):
        counsellors[jobseeker_id].add(counsellor_id)
    responsible = people.filter(responsible_counsellor__isnull=False).values_list("pk", "responsible_counsellor_id")
    for pk, counsellor_id in responsible.iterator(chunk_size=CHUNK):
        counsellors.setdefault(pk, {counsellor_id})
    loads = Counter(counsellor for linked in counsellors.values() for counsellor in linked)
    return simulation.shard_of_counsellor(
        (sorted(linked) for linked in counsellors.values() if len(linked) > 1), loads, shards
    )


PERSON_FIELDS = (
    "pk",
    "hetu_hash",
    "job_search_started_on",
    "unemployed_since",
    "status",
    "preferred_channel",
    "meeting_office_id",
    "responsible_counsellor_id",
    "serving_municipality_id",
    "pool",
)


def generate(
    *,
    seed: int = 1,
    today: date | None = None,
    plans: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
) -> MeetingReport:
    """`workers`: simulation processes (default: one per core, at most MAX_WORKERS); any number gives the same rows."""
    today = today or service_today()
    report = MeetingReport(today=today, seed=seed)
    clock = time.perf_counter()
    people = Jobseeker.objects.filter(synthetic_month__isnull=False).order_by("pk")
    total = people.count()
    now = timezone.now()
    with transaction.atomic(), ExitStack() as deferred:
        # Deadlines first: they are all rewritten below, so their pointers at the meetings about to go need no clearing.
        erase.delete(Deadline, SYNTHETIC_PEOPLE)
        report.deleted = delete_synthetic()
        # Rebuilt once every row is written and the booked meetings are linked (common/bulk.py).
        deferred.enter_context(bulk.indexes_and_keys_deferred(*WRITTEN))
        writers = simulation.Writers(
            RowWriter(Meeting),
            RowWriter(Deadline, include_pk=True),
            RowWriter(EmploymentPlan, include_pk=True),
            RowWriter(PlanTask),
            RowWriter(JobSearchObligation),
            RowWriter(JobApplication),
        )
        plan_ids = bulk.ReservedIds(EmploymentPlan)
        states: Counter = Counter()
        # Meetings booked for today start after the generation (or the pinned day's start): none is left in the past
        # unrecorded, and the counsellor's day ahead is a believable one.
        opens = now if timezone.localdate(now) == today else datetime.combine(today, clock_time.min, tzinfo=HELSINKI)
        settings = simulation.Settings(seed, today, now, opens, plans, writers)
        shards = workers or default_workers()
        shard_of = _shards_of_counsellors(people, shards)

        def write(chunk: list[dict], simulated: simulation.Simulated) -> None:
            blocks = zip(*(encoded for _pk, encoded, _counts in simulated.people), strict=True)
            counts = zip(*(numbers for _pk, _encoded, numbers in simulated.people), strict=True)
            for writer, encoded, numbers in zip(writers, blocks, counts, strict=True):
                writer.add_blocks(encoded, sum(numbers))
            states.update(simulated.states)
            report.overdue += simulated.overdue
            report.people += len(chunk)
            if progress:
                progress("tapaamiset", report.people, total)

        with simulation.Shards(settings, shard_of, shards) as running:
            last_pk = 0
            while True:
                chunk = list(people.filter(pk__gt=last_pk).values(*PERSON_FIELDS)[:CHUNK])
                if not chunk:
                    break
                last_pk = chunk[-1]["pk"]
                running.send(chunk, _responsibility(chunk), plan_ids.take(len(chunk)) if plans else None)
                while running.ready():
                    write(*running.receive())
            while running.pending:
                write(*running.receive())
        for writer in writers:
            writer.flush()
        link_booked()
        deferred.close()
    report.meetings = writers.meetings.written
    report.by_state = dict(states)
    report.deadlines = writers.deadlines.written
    report.plans = writers.plans.written
    report.applications = writers.applications.written
    report.seconds = time.perf_counter() - clock
    return report


def default_workers() -> int:
    """A simulation process per core: the writer mostly waits for the database meanwhile."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))
