"""Writes the synthetic meeting history (demo/history.py decides it) and the deadlines that follow.

`generate` is idempotent: it deletes the synthetic meetings, plans and applications (only those, never a recorded
one) and inserts new ones for every synthetic job seeker (jobseekers.Jobseeker.synthetic_month set), in primary-key
chunks with three reads per chunk and inserts through the bulk writer (COPY on PostgreSQL), then writes each job
seeker's deadline from the same simulation – no second pass over five million meetings.

Each meeting is booked in the diary (demo/diary.py) of the counsellor responsible for the person on its day, read from
the person's periods of responsibility (jobseekers.CounsellorAssignment), the first of which is moved back to the start
of the job search: so a counsellor is never booked twice at once, and every meeting is held by whoever was responsible
at the time.
"""

import random
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from common import bulk
from common.bulk import RowWriter, update_column
from demo import diary, erase, history
from demo.diary import HELSINKI
from jobseekers.models import CounsellorAssignment, Jobseeker
from service_model import enums
from service_model.agenda import DEFAULT_HOURS
from service_model.models import (
    Deadline,
    EmploymentPlan,
    JobApplication,
    JobSearchObligation,
    Meeting,
    PlanTask,
)
from service_model.services.deadlines import deadline_values
from service_model.services.plans import default_values
from service_model.today import service_today

CHUNK = 5000
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


def _meeting_row(meeting: history.SyntheticMeeting, person: dict) -> dict:
    return {
        "jobseeker_id": person["pk"],
        "meeting_type": meeting.meeting_type,
        "channel": meeting.channel,
        "state": meeting.state,
        "planned_at": meeting.planned_at,
        "duration_minutes": 45 if meeting.meeting_type != enums.MeetingType.OTHER else 15,
        "held_at": meeting.held_at,
        "held_on": meeting.held_on,
        "office_id": person["meeting_office_id"] if meeting.channel == enums.Channel.FACE_TO_FACE else None,
        "counsellor_id": meeting.counsellor_id,
        "serving_municipality_id": person["serving_municipality_id"],
        "outcome": meeting.outcome,
        "plan_review": meeting.plan_review,
        "cancel_reason": meeting.cancel_reason,
        "due_on": meeting.due_on,
        "on_time": meeting.on_time,
        "synthetic": True,
        "booked_by_id": meeting.counsellor_id,
    }


@dataclass(frozen=True)
class Period:
    started_at: datetime
    ended_at: datetime | None
    counsellor_id: int

    def days(self) -> tuple[date, date | None]:
        """The first and last day whose whole working hours fall in the period (None: open)."""
        start = self.started_at.astimezone(HELSINKI)
        first = start.date() + timedelta(days=start.time() > DEFAULT_HOURS.start)
        if self.ended_at is None:
            return first, None
        end = self.ended_at.astimezone(HELSINKI)
        return first, end.date() - timedelta(days=end.time() < DEFAULT_HOURS.end)


def _search_began(person: dict) -> datetime:
    return datetime.combine(person["job_search_started_on"], clock_time(0), tzinfo=HELSINKI)


def _responsibility(chunk: list[dict]) -> dict[int, list[Period]]:
    """Each person's periods of responsibility, the first one moved back to the start of the job search: the batch
    assignment began them today, but the generated history says who was responsible from the beginning."""
    begins = {p["pk"]: _search_began(p) for p in chunk}
    rows = (
        CounsellorAssignment.objects.filter(jobseeker_id__in=list(begins))
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


def _booker(periods: list[Period], diaries: dict[int, diary.Diary]) -> history.Booker:
    """Books in the diary of whoever was responsible on the day, within the days of their period."""

    def book(day, minutes, rng, earliest, latest):
        for period in periods:
            first, last = period.days()
            if first <= day and (last is None or day <= last):
                moment = diaries[period.counsellor_id].book(
                    day, minutes, rng, earliest=max(earliest, first), latest=min(latest, last or latest)
                )
                return None if moment is None else (moment, period.counsellor_id)
        return None

    return book


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
    *, seed: int = 1, today: date | None = None, plans: bool = True, progress: Progress | None = None
) -> MeetingReport:
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
        states: dict[str, int] = {}
        # Meetings booked for today start after the generation (or the pinned day's start): none is left in the past
        # unrecorded, and the counsellor's day ahead is a believable one.
        opens = now if timezone.localdate(now) == today else datetime.combine(today, clock_time.min, tzinfo=HELSINKI)
        diaries: dict[int, diary.Diary] = defaultdict(lambda: diary.Diary(opens))
        last_pk = 0
        while True:
            chunk = list(people.filter(pk__gt=last_pk).values(*PERSON_FIELDS)[:CHUNK])
            if not chunk:
                break
            last_pk = chunk[-1]["pk"]
            periods = _responsibility(chunk)
            plan_rows = []
            for person in chunk:
                # Keyed by the identity code's hash, which a regenerated population keeps: the same history again.
                rng = random.Random(f"{seed}:meetings:{person['hetu_hash']}")
                subject = history.Person(
                    pk=person["pk"],
                    started_on=person["job_search_started_on"],
                    status=person["status"],
                    has_office=person["meeting_office_id"] is not None,
                    preferred_channel=person["preferred_channel"],
                    unemployed_since=person["unemployed_since"],
                )
                responsible = periods.get(person["pk"])
                if not responsible and person["responsible_counsellor_id"] is not None:
                    # A counsellor set without a recorded period (by hand in the database): theirs from the start.
                    responsible = [Period(_search_began(person), None, person["responsible_counsellor_id"])]
                booker = _booker(responsible, diaries) if responsible else None
                simulated = history.simulate(subject, today, rng, booker)
                if person["responsible_counsellor_id"] is not None:
                    for meeting in simulated.meetings:
                        meetings.add(_meeting_row(meeting, person))
                        states[meeting.state] = states.get(meeting.state, 0) + 1
                    if plans:
                        plan = history.plan_for(subject, simulated, today, rng, person["unemployed_since"])
                        if plan is not None:
                            plan_rows.append((person, plan))
                deadlines.add(
                    {
                        "jobseeker_id": person["pk"],
                        **deadline_values(
                            simulated.deadline,
                            counsellor_id=person["responsible_counsellor_id"],
                            serving_municipality_id=person["serving_municipality_id"],
                            pool=person["pool"],
                            today=today,
                            now=now,
                        ),
                    }
                )
                if simulated.deadline is not None and simulated.deadline.due_on < today:
                    report.overdue += 1
            if plan_rows:
                _write_plans(plan_rows, writers, report)
            report.people += len(chunk)
            if progress:
                progress("tapaamiset", report.people, total)
        for writer in (meetings, deadlines, *writers.values()):
            writer.flush()
        deferred.close()
        link_booked(Deadline.objects.filter(jobseeker_id__in=people.values("pk")))
    report.meetings = meetings.written
    report.by_state = states
    report.deadlines = deadlines.written
    report.applications = writers["applications"].written
    report.seconds = time.perf_counter() - clock
    return report


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
    plan_ids = dict(
        EmploymentPlan.objects.filter(jobseeker_id__in=[person["pk"] for person, _plan in plan_rows]).values_list(
            "jobseeker_id", "pk"
        )
    )
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
