"""Writes the synthetic meeting history (service_model/population.py decides it) and the deadlines that follow.

`generate` is idempotent: it deletes the synthetic meetings, plans and applications (only those, never a recorded
one) and inserts new ones for every synthetic job seeker (jobseekers.Jobseeker.synthetic_month set), in primary-key
chunks with two reads per chunk and inserts straight through the database cursor (COPY on PostgreSQL), then writes
each job seeker's deadline from the same simulation – no second pass over five million meetings.
"""

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from jobseekers.models import Jobseeker
from service_model import enums, population
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
INSERT_BATCH = 5000
Progress = Callable[[str, int, int], None]


class CursorWriter:
    """Inserts plain rows (foreign keys as ids) through the cursor: COPY on PostgreSQL, executemany elsewhere.

    Every column must be given (defaults and auto_now stamps are filled in here), so a new field fails loudly.
    """

    def __init__(self, model, include_pk: bool = False):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if include_pk or not f.primary_key]
        self.postgres = connection.vendor == "postgresql"
        now = timezone.now()
        stamp = now if self.postgres else connection.ops.adapt_datetimefield_value(now)
        # Per column: a constant (auto_now stamps) or the attribute name and whether the value needs converting.
        self.plan = []
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.plan.append((None, stamp))
            elif f.get_internal_type() == "JSONField":
                self.plan.append((f.attname, json.dumps))
            elif not self.postgres and f.get_internal_type() in ("DateField", "DateTimeField"):
                self.plan.append((f.attname, self._sqlite_date))
            else:
                self.plan.append((f.attname, None))
        self.rows: list[tuple] = []
        self.written = 0

    @staticmethod
    def _sqlite_date(value):
        if value is None:
            return None
        return value.isoformat() if type(value) is date else connection.ops.adapt_datetimefield_value(value)

    def add(self, values: dict) -> None:
        row = []
        for attname, convert in self.plan:
            if attname is None:
                row.append(convert)
            elif convert is None:
                row.append(values[attname])
            else:
                row.append(convert(values[attname]))
        self.rows.append(tuple(row))
        if len(self.rows) >= INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows)  # noqa: S608
        self.written += len(self.rows)
        self.rows = []


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


def delete_for_people(pks) -> None:
    """Everything of this app that references these job seekers (raw deletes; see jobseekers.signals)."""
    alias = connection.alias
    plans = EmploymentPlan.objects.filter(jobseeker_id__in=pks).values("pk")
    PlanTask.objects.filter(plan_id__in=plans)._raw_delete(alias)
    JobSearchObligation.objects.filter(plan_id__in=plans)._raw_delete(alias)
    EmploymentPlan.objects.filter(jobseeker_id__in=pks)._raw_delete(alias)
    JobApplication.objects.filter(jobseeker_id__in=pks)._raw_delete(alias)
    Deadline.objects.filter(jobseeker_id__in=pks)._raw_delete(alias)
    Meeting.objects.filter(jobseeker_id__in=pks)._raw_delete(alias)


def delete_synthetic() -> int:
    alias = connection.alias
    plans = EmploymentPlan.objects.filter(synthetic=True).values("pk")
    PlanTask.objects.filter(plan_id__in=plans)._raw_delete(alias)
    JobSearchObligation.objects.filter(plan_id__in=plans)._raw_delete(alias)
    EmploymentPlan.objects.filter(synthetic=True)._raw_delete(alias)
    JobApplication.objects.filter(synthetic=True)._raw_delete(alias)
    return Meeting.objects.filter(synthetic=True)._raw_delete(alias) or 0


def link_booked(deadlines) -> int:
    """Point each deadline row at its job seeker's earliest booked meeting (the generator's meetings have no ids
    until they are in the database): one UPDATE over the rows that have one."""
    planned = Meeting.objects.filter(state=enums.MeetingState.PLANNED)
    earliest = planned.filter(jobseeker_id=OuterRef("jobseeker_id")).order_by("planned_at", "pk").values("pk")[:1]
    return deadlines.filter(jobseeker_id__in=planned.values("jobseeker_id")).update(next_booked_id=Subquery(earliest))


def _meeting_row(meeting: population.SyntheticMeeting, person: dict) -> dict:
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
        "counsellor_id": person["responsible_counsellor_id"],
        "serving_municipality_id": person["serving_municipality_id"],
        "outcome": meeting.outcome,
        "plan_review": meeting.plan_review,
        "cancel_reason": meeting.cancel_reason,
        "due_on": meeting.due_on,
        "on_time": meeting.on_time,
        "synthetic": True,
        "booked_by_id": person["responsible_counsellor_id"],
    }


def _deadline_row(found, person: dict, today: date, now: datetime) -> dict:
    return {
        "jobseeker_id": person["pk"],
        "next_meeting_type": found.meeting_type.value if found else "",
        "due_on": found.due_on if found else None,
        "rule_set_id": found.rule_set_id if found else "",
        "reason": found.reason[:300] if found else "",
        "computed_for": today,
        "computed_at": now,
        "counsellor_id": person["responsible_counsellor_id"],
        "serving_municipality_id": person["serving_municipality_id"],
        "pool": person["pool"],
        "next_booked_id": None,
    }


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
    with transaction.atomic():
        # Deadlines first: they point at the booked meetings about to go.
        Deadline.objects.filter(jobseeker_id__in=people.values("pk"))._raw_delete(connection.alias)
        report.deleted = delete_synthetic()
        meetings = CursorWriter(Meeting)
        deadlines = CursorWriter(Deadline, include_pk=True)
        tasks = CursorWriter(PlanTask)
        obligations = CursorWriter(JobSearchObligation)
        applications = CursorWriter(JobApplication)
        states: dict[str, int] = {}
        last_pk = 0
        while True:
            chunk = list(people.filter(pk__gt=last_pk).values(*PERSON_FIELDS)[:CHUNK])
            if not chunk:
                break
            last_pk = chunk[-1]["pk"]
            plan_rows = []
            for person in chunk:
                # Keyed by the identity code's hash, which a regenerated population keeps: the same history again.
                rng = random.Random(f"{seed}:meetings:{person['hetu_hash']}")
                subject = population.Person(
                    pk=person["pk"],
                    started_on=person["job_search_started_on"],
                    status=person["status"],
                    has_office=person["meeting_office_id"] is not None,
                    preferred_channel=person["preferred_channel"],
                )
                history = population.simulate(subject, today, rng)
                if person["responsible_counsellor_id"] is not None:
                    for meeting in history.meetings:
                        meetings.add(_meeting_row(meeting, person))
                        states[meeting.state] = states.get(meeting.state, 0) + 1
                    if plans:
                        plan = population.plan_for(subject, history, today, rng, person["unemployed_since"])
                        if plan is not None:
                            plan_rows.append((person, plan))
                deadlines.add(_deadline_row(history.deadline, person, today, now))
                if history.deadline is not None and history.deadline.due_on < today:
                    report.overdue += 1
            if plan_rows:
                _write_plans(plan_rows, tasks, obligations, applications, report)
            report.people += len(chunk)
            if progress:
                progress("tapaamiset", report.people, total)
        for writer in (meetings, deadlines, tasks, obligations, applications):
            writer.flush()
        link_booked(Deadline.objects.filter(jobseeker_id__in=people.values("pk")))
    report.meetings = meetings.written
    report.by_state = states
    report.deadlines = deadlines.written
    report.applications = applications.written
    report.seconds = time.perf_counter() - clock
    return report


def _write_plans(plan_rows, tasks: CursorWriter, obligations: CursorWriter, applications: CursorWriter, report):
    created = EmploymentPlan.objects.bulk_create(
        [
            EmploymentPlan(
                jobseeker_id=person["pk"],
                goal=plan.goal,
                drawn_up_on=plan.drawn_up_on,
                updated_by_id=person["responsible_counsellor_id"],
                synthetic=True,
            )
            for person, plan in plan_rows
        ],
        batch_size=INSERT_BATCH,
    )
    report.plans += len(created)
    for row, (person, plan) in zip(created, plan_rows, strict=True):
        for title, due_on, status in plan.tasks:
            tasks.add(
                {
                    "plan_id": row.pk,
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
                "plan_id": row.pk,
                "starts_on": plan.drawn_up_on,
                "ends_on": None,
                "applications": plan.lowered_to if plan.lowered_to is not None else obligation.count,
                "period_months": obligation.period_months,
                "default_applications": obligation.count,
                "default_period_months": obligation.period_months,
                "default_reason": obligation.reason[:200],
                "rule_set_id": plan.rule_set_id,
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
