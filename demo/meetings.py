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

from django.db import transaction
from django.db.models import OuterRef, Subquery
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
from service_model.services.plans import default_values
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


def link_booked(deadlines) -> int:
    """Point each deadline row at its job seeker's earliest booked meeting (the generator's meetings have no ids
    until they are in the database): one UPDATE over the rows that have one."""
    planned = Meeting.objects.filter(state=enums.MeetingState.PLANNED)
    earliest = planned.filter(jobseeker_id=OuterRef("jobseeker_id")).order_by("planned_at", "pk").values("pk")[:1]
    return deadlines.filter(jobseeker_id__in=planned.values("jobseeker_id")).update(next_booked_id=Subquery(earliest))


def _responsibility(chunk: list[dict]) -> dict[int, list[Period]]:
    """Each person's periods of responsibility, the first one moved back to the start of the job search: the batch
    assignment began them today, but the generated history says who was responsible from the beginning."""
    begins = {p["pk"]: search_began(p) for p in chunk}
    rows = (
        CounsellorAssignment.objects.filter(jobseeker_id__in=many_ids(begins))
        .order_by("jobseeker_id", "started_at", "pk")
        .values_list("pk", "jobseeker_id", "started_at", "ended_at", "counsellor_id")
    )
    periods: dict[int, list[Period]] = defaultdict(list)
    moved = []
    for pk, jobseeker_id, started_at, ended_at, counsellor_id in rows:
        if not periods[jobseeker_id] and started_at > begins[jobseeker_id]:
            started_at = begins[jobseeker_id]
            moved.append((pk, started_at))
        periods[jobseeker_id].append(Period(started_at, ended_at, counsellor_id))
    update_column(CounsellorAssignment, "started_at", moved)
    return periods


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
        # Rebuilt once every row is written (common/bulk.py), before the booked meetings are linked.
        deferred.enter_context(bulk.indexes_and_keys_deferred(*WRITTEN))
        meetings = RowWriter(Meeting)
        deadlines = RowWriter(Deadline, include_pk=True)
        writers = {
            "plans": RowWriter(EmploymentPlan),
            "tasks": RowWriter(PlanTask),
            "obligations": RowWriter(JobSearchObligation),
            "applications": RowWriter(JobApplication),
        }
        states: Counter = Counter()
        # Meetings booked for today start after the generation (or the pinned day's start): none is left in the past
        # unrecorded, and the counsellor's day ahead is a believable one.
        opens = now if timezone.localdate(now) == today else datetime.combine(today, clock_time.min, tzinfo=HELSINKI)
        settings = simulation.Settings(seed, today, now, opens, plans, meetings, deadlines)
        shards = workers or default_workers()
        shard_of = _shards_of_counsellors(people, shards)

        def write(chunk: list[dict], simulated: simulation.Simulated) -> None:
            plan_rows = []
            for person, (_pk, rows, count, deadline, plan) in zip(chunk, simulated.people, strict=True):
                meetings.add_encoded(rows, count)
                deadlines.add_encoded(deadline, 1)
                if plan is not None:
                    plan_rows.append((person, plan))
            states.update(simulated.states)
            report.overdue += simulated.overdue
            if plan_rows:
                _write_plans(plan_rows, writers, report)
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
                running.send(chunk, _responsibility(chunk))
                while running.ready():
                    write(*running.receive())
            while running.pending:
                write(*running.receive())
        for writer in (meetings, deadlines, *writers.values()):
            writer.flush()
        deferred.close()
        link_booked(Deadline.objects.filter(jobseeker_id__in=people.values("pk")))
    report.meetings = meetings.written
    report.by_state = dict(states)
    report.deadlines = deadlines.written
    report.applications = writers["applications"].written
    report.seconds = time.perf_counter() - clock
    return report


def default_workers() -> int:
    """A simulation process per core: the writer mostly waits for the database meanwhile."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _write_plans(plan_rows, writers: dict[str, RowWriter], report):
    """The plans through the bulk writer, then their ids in one read (a job seeker has one plan): bulk_create would
    build a model instance per plan and read the ids back row by row."""
    plans = writers["plans"]
    for person, plan in plan_rows:
        plans.add(
            {
                "jobseeker_id": person["pk"],
                "goal": plan.goal,
                "drawn_up_on": plan.drawn_up_on,
                "drawn_up_in_id": None,
                "updated_by_id": person["responsible_counsellor_id"],
                "synthetic": True,
            }
        )
    plans.flush()
    planned = many_ids(person["pk"] for person, _plan in plan_rows)
    plan_ids = dict(EmploymentPlan.objects.filter(jobseeker_id__in=planned).values_list("jobseeker_id", "pk"))
    report.plans += len(plan_rows)
    tasks, obligations, applications = writers["tasks"], writers["obligations"], writers["applications"]
    for person, plan in plan_rows:
        plan_id = plan_ids[person["pk"]]
        for title, due_on, status in plan.tasks:
            tasks.add(
                {
                    "plan_id": plan_id,
                    "title": title,
                    "description": "",
                    "due_on": due_on,
                    "status": status,
                    "completed_on": due_on if status == enums.TaskStatus.DONE else None,
                    "created_in_id": None,
                }
            )
        obligation = plan.obligation
        obligations.add(
            {
                "plan_id": plan_id,
                "starts_on": plan.drawn_up_on,
                "ends_on": None,
                "applications": plan.lowered_to if plan.lowered_to is not None else obligation.count,
                "period_months": obligation.period_months,
                **default_values(obligation, plan.drawn_up_on),
                "lowered_reason": plan.lowered_reason,
                "set_in_id": None,
                "created_by_id": person["responsible_counsellor_id"],
            }
        )
        for applied_on, employer, title in plan.applications:
            applications.add(
                {
                    "jobseeker_id": person["pk"],
                    "applied_on": applied_on,
                    "employer": employer,
                    "job_title": title,
                    "vacancy_reference": "",
                    "source": enums.ApplicationSource.JOBSEEKER,
                    "recorded_by_id": None,
                    "synthetic": True,
                }
            )
