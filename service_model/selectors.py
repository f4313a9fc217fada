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
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts import permissions
from accounts.models import User
from jobseekers import selectors as jobseeker_selectors
from organisation.models import Municipality
from service_model import enums
from service_model.models import Deadline, EmploymentPlan, JobApplication, Meeting
from service_model.workdays import add_months

WEEK_DAYS = 7
DEFAULT_HORIZON_DAYS = 28
ON_TIME_WINDOW_DAYS = 90


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def get_jobseeker(user, pk, *, view: str, purpose: str):
    """The job seeker if the user may read them (logged), else 404 and a denied row – as the registry does."""
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


def log_people(user, people, *, view: str, purpose: str) -> None:
    jobseeker_selectors.log_listing(user, people, view=view, purpose=purpose)


# --- The worklist ---------------------------------------------------------------------------------------------


def bucket_of(due_on: date, today: date) -> str:
    if due_on < today:
        return enums.Bucket.OVERDUE
    if due_on < today + timedelta(days=WEEK_DAYS):
        return enums.Bucket.THIS_WEEK
    return enums.Bucket.UPCOMING


@dataclass
class WorklistRow:
    deadline: Deadline
    bucket: str
    days_overdue: int
    days_until: int
    booked: Meeting | None = None

    @property
    def jobseeker(self):
        return self.deadline.jobseeker

    @property
    def due_on(self) -> date:
        return self.deadline.due_on

    @property
    def meeting_type(self) -> str:
        return self.deadline.next_meeting_type

    @property
    def meeting_type_label(self) -> str:
        return self.deadline.get_next_meeting_type_display()

    @property
    def bucket_label(self) -> str:
        return enums.Bucket(self.bucket).label


def worklist_queryset(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> QuerySet:
    """The stored deadlines of the user's own clients due up to today + horizon, in worklist order."""
    if not permissions.can_view_worklist(user):
        return Deadline.objects.none()
    return (
        Deadline.objects.filter(
            jobseeker__responsible_counsellor_id=user.pk,
            due_on__isnull=False,
            due_on__lte=today + timedelta(days=horizon_days),
        )
        .select_related("jobseeker", "jobseeker__municipality")
        .order_by("due_on", "jobseeker__last_name", "jobseeker__first_name", "jobseeker_id")
    )


def booked_meetings(jobseeker_ids, today: date) -> dict[int, Meeting]:
    """The next booked (planned) meeting from today on of each job seeker."""
    if not jobseeker_ids:
        return {}
    start = day_start(today)
    found: dict[int, Meeting] = {}
    meetings = Meeting.objects.filter(
        jobseeker_id__in=list(jobseeker_ids), state=enums.MeetingState.PLANNED, planned_at__gte=start
    ).order_by("planned_at", "pk")
    for meeting in meetings:
        found.setdefault(meeting.jobseeker_id, meeting)
    return found


def worklist(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS, deadlines=None) -> list[WorklistRow]:
    """Rows of "my week"; pass `deadlines` (a slice of worklist_queryset) to build a page of it."""
    if deadlines is None:
        deadlines = worklist_queryset(user, today, horizon_days)
    deadlines = list(deadlines)
    booked = booked_meetings([d.jobseeker_id for d in deadlines], today)
    return [
        WorklistRow(
            deadline=d,
            bucket=bucket_of(d.due_on, today),
            days_overdue=max((today - d.due_on).days, 0),
            days_until=max((d.due_on - today).days, 0),
            booked=booked.get(d.jobseeker_id),
        )
        for d in deadlines
    ]


def bucket_counts(user, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> dict[str, int]:
    week = today + timedelta(days=WEEK_DAYS)
    counts = (
        worklist_queryset(user, today, horizon_days)
        .order_by()
        .aggregate(
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            this_week=Count("pk", filter=Q(due_on__gte=today, due_on__lt=week)),
            upcoming=Count("pk", filter=Q(due_on__gte=week)),
        )
    )
    return {key: value or 0 for key, value in counts.items()}


def unrecorded_meetings(user, today: date) -> QuerySet:
    """The user's booked meetings whose day has come but which are not recorded held, missed or cancelled."""
    if not permissions.can_view_worklist(user):
        return Meeting.objects.none()
    end = day_start(today + timedelta(days=1))
    return (
        Meeting.objects.filter(counsellor_id=user.pk, state=enums.MeetingState.PLANNED, planned_at__lt=end)
        .filter(jobseeker__responsible_counsellor_id=user.pk)
        .select_related("jobseeker", "office")
        .order_by("planned_at", "pk")
    )


def counsellor_calendar(counsellor_id: int, day: date) -> QuerySet:
    """A counsellor's booked and held meetings on a day (for the booking form's conflict check)."""
    start = day_start(day)
    return (
        Meeting.objects.filter(
            counsellor_id=counsellor_id,
            planned_at__gte=start,
            planned_at__lt=start + timedelta(days=1),
            state__in=[enums.MeetingState.PLANNED, enums.MeetingState.HELD],
        )
        .select_related("office")
        .order_by("planned_at")
    )


# --- One job seeker (after get_jobseeker has checked and logged the read) ------------------------------------------


def meetings_of(jobseeker) -> QuerySet:
    return (
        Meeting.objects.filter(jobseeker=jobseeker)
        .select_related("office", "counsellor")
        .order_by("-planned_at", "-pk")
    )


def deadline_of(jobseeker) -> Deadline | None:
    return Deadline.objects.filter(jobseeker=jobseeker).first()


def plan_of(jobseeker) -> EmploymentPlan | None:
    return EmploymentPlan.objects.filter(jobseeker=jobseeker).prefetch_related("tasks", "obligations").first()


def applications_of(jobseeker) -> QuerySet:
    return JobApplication.objects.filter(jobseeker=jobseeker).order_by("-applied_on", "-pk")


# --- The supervisor's overview ----------------------------------------------------------------------------------


def _share(part: int, whole: int) -> Decimal | None:
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
        return _share(self.on_time, self.due_in_window)

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
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            due_this_week=Count("pk", filter=Q(due_on__gte=today)),
            missed=Count("pk", filter=Q(due_on__gte=window, due_on__lt=today)),
        )
        .order_by()
    )
    met = (
        Meeting.objects.filter(scope, due_on__gte=window, due_on__lt=today)
        .values_list("serving_municipality_id", "counsellor_id")
        .annotate(met=Count("pk"), on_time=Count("pk", filter=Q(on_time=True)))
        .order_by()
    )
    return list(deadlines), list(met)


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
    people = {u.pk: u for u in User.objects.filter(pk__in=counsellor_ids).select_related("team", "home_municipality")}
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
                row = OverviewRow(f"user:{person.pk}", person.get_full_name() or person.username, home)
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


# --- The on-time rate per month -----------------------------------------------------------------------------------


@dataclass
class MonthRow:
    month: date
    met: int = 0
    on_time: int = 0
    missed: int = 0

    @property
    def due(self) -> int:
        return self.met + self.missed

    @property
    def late(self) -> int:
        return self.met - self.on_time

    @property
    def rate(self) -> Decimal | None:
        return _share(self.on_time, self.due)


def on_time_scope(user) -> Q | None:
    """The area's figures: the user's area (or all, for a user with no home municipality)."""
    if not permissions.can_view_on_time_rate(user):
        return None
    if user.home_municipality_id is not None:
        return Q(serving_municipality__area_id=user.home_municipality.area_id)
    return Q()


def on_time_rate(user, months: int, today: date, municipality_code: str = "") -> list[MonthRow]:
    """Per calendar month of the due date, the last `months` months up to today's month."""
    scope = on_time_scope(user)
    if scope is None or months < 1:
        return []
    first = add_months(today.replace(day=1), -(months - 1))
    if municipality_code:
        scope &= Q(serving_municipality__code=municipality_code)
    rows = {add_months(first, i): MonthRow(add_months(first, i)) for i in range(months)}

    def month_of(value) -> date:
        return value.date() if hasattr(value, "date") and callable(value.date) else value

    met = (
        Meeting.objects.filter(scope, due_on__gte=first, due_on__lt=today)
        .annotate(month=TruncMonth("due_on"))
        .values_list("month")
        .annotate(met=Count("pk"), on_time=Count("pk", filter=Q(on_time=True)))
        .order_by()
    )
    for month, met_count, on_time in met:
        row = rows.get(month_of(month))
        if row is not None:
            row.met, row.on_time = met_count, on_time
    missed = (
        Deadline.objects.filter(scope, due_on__gte=first, due_on__lt=today)
        .annotate(month=TruncMonth("due_on"))
        .values_list("month")
        .annotate(missed=Count("pk"))
        .order_by()
    )
    for month, missed_count in missed:
        row = rows.get(month_of(month))
        if row is not None:
            row.missed = missed_count
    return list(rows.values())
