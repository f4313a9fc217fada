"""Reads of the service model, always through the user: scopes come from accounts.permissions and the job-seeker
selectors. Functions that hand people to a page or a response log the read (`log_worklist`, `get_jobseeker`).

The worklist is a counsellor's own clients' stored deadlines up to a horizon, ordered by due date: overdue first
(the most overdue at the top), then those due within 7 days, then the upcoming ones. The overview and the on-time
rate are counts only.

"On time": a statutory deadline that fell due in a period was met on time when a meeting meeting it was held on or
before the due date (Meeting.on_time). Deadlines of the period that are still open on the reference day count as
missed. A held meeting is credited to the counsellor who held it and the municipality that served then; an open
deadline to the job seeker's responsible counsellor and serving municipality now.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts import permissions
from accounts.models import User
from audit.services import log_access
from common.dates import add_months
from common.prepared import PreparedQuery
from jobseekers import selectors as jobseeker_selectors
from organisation.models import Municipality
from service_model import enums
from service_model.enums import WEEK_DAYS
from service_model.models import Deadline, EmploymentPlan, JobApplication, JobSearchObligation, Meeting

SUBJECT_TYPE = jobseeker_selectors.SUBJECT_TYPE
DEFAULT_HORIZON_DAYS = 28
ON_TIME_WINDOW_DAYS = 90


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def get_jobseeker(user, pk, *, view: str, purpose: str):
    """The job seeker if the user may read them (logged), else 404 and a denied row – as the registry does."""
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


# --- The worklist ---------------------------------------------------------------------------------------------

MEETING_TYPE_LABELS = dict(enums.MeetingType.choices)
BUCKET_LABELS = dict(enums.Bucket.choices)


@dataclass(frozen=True, slots=True)
class Standing:
    """How a due date stands on a day: its worklist bucket and the days overdue or left (0 when not)."""

    bucket: enums.Bucket
    days_overdue: int
    days_until: int


def standing(due_on: date, today: date) -> Standing:
    days = (due_on - today).days
    return Standing(enums.Bucket.of(due_on, today), max(-days, 0), max(days, 0))


@dataclass(slots=True)
class Person:
    """The little of a job seeker that a worklist row shows."""

    pk: int
    first_name: str
    last_name: str
    municipality_code: str
    municipality_name: str

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


@dataclass(slots=True)
class Booked:
    pk: int
    planned_at: datetime
    meeting_type: str
    channel: str

    @property
    def meeting_type_label(self) -> str:
        return MEETING_TYPE_LABELS.get(self.meeting_type, self.meeting_type)


@dataclass(slots=True)
class WorklistRow:
    jobseeker: Person
    meeting_type: str
    due_on: date
    rule_set_id: str
    bucket: str
    days_overdue: int
    days_until: int
    booked: Booked | None = None

    @property
    def meeting_type_label(self) -> str:
        return MEETING_TYPE_LABELS.get(self.meeting_type, self.meeting_type)

    @property
    def bucket_label(self) -> str:
        return BUCKET_LABELS[self.bucket]


# One row per deadline: the job seeker's name and home municipality, the stored deadline and the stored next booked
# meeting – two primary-key joins from the counsellor's clients, no per-row subquery.
WORKLIST_COLUMNS = (
    "jobseeker_id",
    "jobseeker__first_name",
    "jobseeker__last_name",
    "jobseeker__municipality__code",
    "jobseeker__municipality__name_fi",
    "next_meeting_type",
    "due_on",
    "rule_set_id",
    "next_booked_id",
    "next_booked__planned_at",
    "next_booked__meeting_type",
    "next_booked__channel",
)


def _worklist_deadlines(counsellor_id: int, horizon: date) -> QuerySet:
    """Filtered by the job seeker's responsible counsellor itself (not the copy on the deadline row), so a client just
    assigned in bulk is never missing from the list."""
    return (
        Deadline.objects.filter(
            jobseeker__responsible_counsellor_id=counsellor_id, due_on__isnull=False, due_on__lte=horizon
        )
        .order_by("due_on", "jobseeker__last_name", "jobseeker__first_name", "jobseeker_id")
        .values_list(*WORKLIST_COLUMNS)
    )


# The worklist is the hottest read (every counsellor, many times a day) and its query takes under a millisecond:
# compiled once, see common/prepared.py. The placeholders are values no real call has.
_WORKLIST = PreparedQuery(_worklist_deadlines, counsellor_id=-7_301_927, horizon=date(1, 1, 2))


def worklist_deadlines(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS):
    """The user's own clients' deadlines due up to today + horizon, in worklist order, as WORKLIST_COLUMNS tuples;
    countable and sliceable for pagination."""
    if not permissions.can_view_worklist(user):
        return Deadline.objects.none().values_list(*WORKLIST_COLUMNS)
    return _WORKLIST.bind(counsellor_id=user.pk, horizon=today + timedelta(days=horizon_days))


def worklist_row(values: tuple, today: date) -> WorklistRow:
    (pk, first, last, code, municipality, meeting_type, due_on, rule_set_id,
     booked_id, booked_at, booked_type, booked_channel) = values  # fmt: skip
    found = standing(due_on, today)
    return WorklistRow(
        Person(pk, first, last, code, municipality),
        meeting_type,
        due_on,
        rule_set_id,
        found.bucket,
        found.days_overdue,
        found.days_until,
        Booked(booked_id, booked_at, booked_type, booked_channel) if booked_id else None,
    )


def worklist(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS, deadlines=None) -> list[WorklistRow]:
    """Rows of "my week"; pass `deadlines` (a slice of worklist_deadlines) to build a page of it."""
    if deadlines is None:
        deadlines = worklist_deadlines(user, today, horizon_days)
    return [worklist_row(values, today) for values in deadlines]


def log_worklist(user, rows, *, view: str, purpose: str, more_ids=()) -> None:
    ids = [row.jobseeker.pk for row in rows] + list(more_ids)
    log_access(user, ids, view=view, purpose=purpose, subject_type=SUBJECT_TYPE)


def bucket_counts(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> dict[str, int]:
    if not permissions.can_view_worklist(user):
        return dict.fromkeys(enums.Bucket.values, 0)
    counts = (
        _worklist_deadlines(user.pk, today + timedelta(days=horizon_days))
        .order_by()
        .aggregate(
            **{
                bucket.value: Count("due_on", filter=condition)
                for bucket, condition in enums.Bucket.filters(today).items()
            }
        )
    )
    return {key: value or 0 for key, value in counts.items()}


def bucket_counts_of(deadlines, today: date) -> dict[str, int]:
    """bucket_counts of a whole list already read (WORKLIST_COLUMNS tuples): no second query."""
    counts = dict.fromkeys(enums.Bucket.values, 0)
    for values in deadlines:
        counts[enums.Bucket.of(values[6], today).value] += 1
    return counts


# What "my week" shows of an unrecorded meeting, as UNRECORDED_COLUMNS tuples: it asks on every visit, so the query
# is compiled once (common/prepared.py) and reads only these columns.
UNRECORDED_COLUMNS = (
    "pk", "jobseeker_id", "planned_at", "meeting_type", "channel", "jobseeker__first_name", "jobseeker__last_name"
)  # fmt: skip


def _unrecorded_meetings(counsellor_id: int, end: datetime) -> QuerySet:
    return (
        Meeting.objects.filter(counsellor_id=counsellor_id, state=enums.MeetingState.PLANNED, planned_at__lt=end)
        .filter(jobseeker__responsible_counsellor_id=counsellor_id)
        .order_by("planned_at", "pk")
        .values_list(*UNRECORDED_COLUMNS)
    )


_UNRECORDED = PreparedQuery(_unrecorded_meetings, counsellor_id=-7_301_928, end=datetime(1, 1, 3, 4, 5, 6, tzinfo=UTC))


def unrecorded_meetings(user, today: date):
    """The user's booked meetings whose day has come but which are not recorded held, missed or cancelled, as
    UNRECORDED_COLUMNS tuples; sliceable."""
    if not permissions.can_view_worklist(user):
        return Meeting.objects.none().values_list(*UNRECORDED_COLUMNS)
    return _UNRECORDED.bind(counsellor_id=user.pk, end=day_start(today + timedelta(days=1)))


def counsellor_calendar(counsellor_id: int, day: date) -> QuerySet:
    """A counsellor's booked and held meetings on a day (for the booking form's conflict check)."""
    start = day_start(day)
    return (
        Meeting.objects.filter(
            counsellor_id=counsellor_id,
            planned_at__gte=start,
            planned_at__lt=start + timedelta(days=1),
            state__in=enums.MeetingState.occupying(),
        )
        .select_related("office")
        .order_by("planned_at")
    )


# --- One job seeker (after get_jobseeker has checked and logged the read) ------------------------------------------


def meetings_of(jobseeker) -> QuerySet:
    return (
        Meeting.objects.filter(jobseeker=jobseeker)
        .select_related("office", "counsellor", "jobseeker")
        .order_by("-planned_at", "-pk")
    )


def deadline_of(jobseeker) -> Deadline | None:
    return Deadline.objects.filter(jobseeker=jobseeker).first()


def has_plan(jobseeker) -> bool:
    return EmploymentPlan.objects.filter(jobseeker=jobseeker).exists()


def plan_of(jobseeker) -> EmploymentPlan | None:
    return EmploymentPlan.objects.filter(jobseeker=jobseeker).prefetch_related("tasks", "obligations").first()


def applications_of(jobseeker) -> QuerySet:
    return JobApplication.objects.filter(jobseeker=jobseeker).order_by("-applied_on", "-pk")


# --- The supervisor's overview ----------------------------------------------------------------------------------


def share_of(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), ROUND_HALF_EVEN)


@dataclass
class OverviewRow:
    key: str
    name: str
    municipality: str = ""
    overdue: int = 0
    due_this_week: int = 0
    met: int = 0
    on_time: int = 0
    missed: int = 0

    @property
    def due_in_window(self) -> int:
        return self.met + self.missed

    @property
    def on_time_share(self) -> Decimal | None:
        return share_of(self.on_time, self.due_in_window)

    def add(self, other: "OverviewRow") -> None:
        self.overdue += other.overdue
        self.due_this_week += other.due_this_week
        self.met += other.met
        self.on_time += other.on_time
        self.missed += other.missed


@dataclass
class Overview:
    today: date
    window_starts: date
    counsellors: list[OverviewRow] = field(default_factory=list)
    municipalities: list[OverviewRow] = field(default_factory=list)
    total: OverviewRow | None = None


def overview_counts(scope: Q, today: date, window_days: int = ON_TIME_WINDOW_DAYS):
    """The two aggregate queries of the overview, per (serving municipality, counsellor).

    They count `due_on` (in both indexes, never null in these ranges) rather than the key, so that PostgreSQL can
    answer from the index alone (an index-only scan) instead of visiting every meeting row of the window.

    Deadlines due before today + 7 (index (serving_municipality, due_on, counsellor)): overdue, due this week, and
    missed within the window; held meetings whose met deadline fell due in the window (the partial index
    meeting_met_deadline): met and on time.
    """
    window = today - timedelta(days=window_days)
    week = today + timedelta(days=WEEK_DAYS)
    deadlines = (
        Deadline.objects.filter(scope, due_on__lt=week)
        .values_list("serving_municipality_id", "counsellor_id")
        .annotate(
            overdue=Count("due_on", filter=Q(due_on__lt=today)),
            due_this_week=Count("due_on", filter=Q(due_on__gte=today)),
            missed=Count("due_on", filter=Q(due_on__gte=window, due_on__lt=today)),
        )
        .order_by()
    )
    met = (
        Meeting.objects.filter(scope, due_on__gte=window, due_on__lt=today)
        .values_list("serving_municipality_id", "counsellor_id")
        .annotate(met=Count("due_on"), on_time=Count("due_on", filter=Q(on_time=True)))
        .order_by()
    )
    return list(deadlines), list(met)


def overview_total(user, today: date, window_days: int = ON_TIME_WINDOW_DAYS) -> OverviewRow | None:
    """The overview's total row alone (for the front page): the same two counts, without naming anyone."""
    scope = permissions.service_overview_scope(user)
    if scope is None:
        return None
    deadlines, met = overview_counts(scope, today, window_days)
    total = OverviewRow("total", "Yhteensä")
    for _municipality, _counsellor, overdue, due_this_week, missed in deadlines:
        total.add(OverviewRow("", "", overdue=overdue, due_this_week=due_this_week, missed=missed))
    for _municipality, _counsellor, met_count, on_time in met:
        total.add(OverviewRow("", "", met=met_count, on_time=on_time))
    return total


def supervisor_overview(user, today: date, window_days: int = ON_TIME_WINDOW_DAYS) -> Overview:
    """Overdue counts and the share on time per counsellor and per serving municipality, within the user's scope."""
    overview = Overview(today=today, window_starts=today - timedelta(days=window_days))
    scope = permissions.service_overview_scope(user)
    if scope is None:
        return overview
    deadlines, met = overview_counts(scope, today, window_days)
    cells: dict[tuple[int, int | None], OverviewRow] = defaultdict(lambda: OverviewRow("", ""))
    for municipality_id, counsellor_id, overdue, due_this_week, missed in deadlines:
        cell = cells[(municipality_id, counsellor_id)]
        cell.overdue, cell.due_this_week, cell.missed = overdue, due_this_week, missed
    for municipality_id, counsellor_id, met_count, on_time in met:
        cell = cells[(municipality_id, counsellor_id)]
        cell.met, cell.on_time = met_count, on_time
    municipality_names = dict(Municipality.objects.filter(pk__in={m for m, _c in cells}).values_list("pk", "name_fi"))
    counsellor_ids = {c for _m, c in cells if c is not None}
    people = {
        u.pk: u
        for u in User.objects.filter(pk__in=counsellor_ids)
        .select_related("team", "home_municipality")
        .only("first_name", "last_name", "username", "team__name", "home_municipality__name_fi")
    }
    by_counsellor: dict[int | None, OverviewRow] = {}
    by_municipality: dict[int, OverviewRow] = {}
    total = OverviewRow("total", "Yhteensä")
    for (municipality_id, counsellor_id), cell in cells.items():
        if counsellor_id not in by_counsellor:
            person = people.get(counsellor_id)
            if person is None:
                row = OverviewRow("none", "(ei vastuuohjaajaa)")
            else:
                home = (
                    person.team.name
                    if person.team
                    else (person.home_municipality.name_fi if person.home_municipality else "")
                )
                row = OverviewRow(f"user:{person.pk}", str(person), home)
            by_counsellor[counsellor_id] = row
        by_counsellor[counsellor_id].add(cell)
        if municipality_id not in by_municipality:
            name = municipality_names.get(municipality_id, "")
            by_municipality[municipality_id] = OverviewRow(f"municipality:{municipality_id}", name, name)
        by_municipality[municipality_id].add(cell)
        total.add(cell)
    overview.counsellors = sorted(by_counsellor.values(), key=lambda r: (-r.overdue, r.name))
    overview.municipalities = sorted(by_municipality.values(), key=lambda r: r.name)
    overview.total = total
    return overview


@dataclass(frozen=True)
class ObligationStatus:
    obligation: JobSearchObligation
    period_starts: date
    period_ends: date  # inclusive
    reported: int

    @property
    def required(self) -> int:
        return self.obligation.applications

    @property
    def met(self) -> bool:
        return self.reported >= self.required


def obligation_status(plan: EmploymentPlan, today: date) -> ObligationStatus | None:
    """The current obligation period's review window containing `today`, and the applications reported in it."""
    obligation = plan.obligations.filter(starts_on__lte=today).order_by("-starts_on", "-pk").first()
    if obligation is None or (obligation.ends_on is not None and obligation.ends_on < today):
        return None
    step = 0
    while add_months(obligation.starts_on, (step + 1) * obligation.period_months) <= today:
        step += 1
    begins = add_months(obligation.starts_on, step * obligation.period_months)
    ends = add_months(obligation.starts_on, (step + 1) * obligation.period_months) - timedelta(days=1)
    reported = JobApplication.objects.filter(
        jobseeker_id=plan.jobseeker_id, applied_on__gte=begins, applied_on__lte=min(ends, today)
    ).count()
    return ObligationStatus(obligation, begins, ends, reported)
