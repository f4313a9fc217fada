"""Reads of a counsellor's agenda: working hours, the meetings of a day or a week as a grid, and the first free
slots for a booking. The agenda is shown to the counsellor and to the supervisor who leads them
(accounts.permissions.can_view_agenda); a client's name is shown only when the viewer may read that client, and
every name shown is logged."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from accounts import permissions
from accounts.models import User
from audit.services import log_access
from jobseekers.models import Jobseeker
from service_model import agenda, enums
from service_model.models import Meeting, WorkingHours
from service_model.selectors import SUBJECT_TYPE, day_start
from service_model.workdays import is_working_day

SUGGESTION_DAYS = 28
SATURDAY = 5


def hours_of(counsellor_id: int) -> agenda.Hours:
    row = WorkingHours.objects.filter(counsellor_id=counsellor_id).values_list("starts_at", "ends_at").first()
    return agenda.Hours(*row) if row else agenda.DEFAULT_HOURS


def counsellors_led(user) -> QuerySet:
    """The counsellors whose agenda the user may open: themselves, or a supervisor's municipality's counsellors."""
    if permissions.has_own_clients(user):
        return User.objects.filter(pk=user.pk)
    if not permissions.leads_municipality(user):
        return User.objects.none()
    return User.objects.filter(
        permissions.counsellors_filter(), home_municipality_id=user.home_municipality_id
    ).order_by("last_name", "first_name", "pk")


def get_counsellor(user, pk: int) -> User:
    """The counsellor if the user may open their agenda; 404 otherwise, so another unit's staff list does not leak."""
    counsellor = User.objects.filter(pk=pk).select_related("home_municipality").first()
    if counsellor is None or not permissions.can_view_agenda(user, counsellor):
        raise Http404
    return counsellor


def _local_naive(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def _meetings(counsellor_id: int, first: date, last: date) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            counsellor_id=counsellor_id,
            planned_at__gte=day_start(first),
            planned_at__lt=day_start(last + timedelta(days=1)),
            state__in=enums.MeetingState.occupying(),
        )
        .select_related("office", "jobseeker")
        .order_by("planned_at", "pk")
    )


def _busy(meetings) -> list[agenda.Span]:
    return [agenda.Span(_local_naive(m.planned_at), _local_naive(m.ends_at)) for m in meetings]


@dataclass(frozen=True)
class AgendaMeeting:
    meeting: Meeting
    visible: bool  # may the viewer read the client (their name and page)?
    starts: datetime
    ends: datetime


@dataclass(frozen=True)
class AgendaDay:
    day: date
    working: bool
    cells: list


@dataclass(frozen=True)
class Agenda:
    counsellor: User
    hours: agenda.Hours
    days: list[AgendaDay]
    rows: list  # the row start times, shared by every day

    @property
    def grid(self) -> list[tuple]:
        """Row by row: the row's start and each day's cell in it, the shape of an HTML table."""
        return [(row, [day.cells[index] for day in self.days]) for index, row in enumerate(self.rows)]

    @property
    def meetings(self) -> list[AgendaMeeting]:
        return [m for day in self.days for cell in day.cells for m in cell.starting]


def agenda_for(user, counsellor: User, first: date, last: date, *, view: str, week: bool = False) -> Agenda:
    """The counsellor's grid from `first` to `last`, the names the user may read shown and logged. A week leaves out
    its Saturday and Sunday unless a meeting falls on them."""
    hours = hours_of(counsellor.pk)
    meetings = _meetings(counsellor.pk, first, last)
    scope = permissions.jobseeker_scope(user)
    ids = {m.jobseeker_id for m in meetings}
    visible = (
        set(Jobseeker.objects.filter(scope, pk__in=ids).values_list("pk", flat=True))
        if scope is not None and ids
        else set()
    )
    items = [
        (span, AgendaMeeting(m, m.jobseeker_id in visible, span.start, span.end))
        for span, m in zip(_busy(meetings), meetings, strict=True)
    ]
    rows = agenda.grid_rows(hours, [span for span, _item in items])
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        todays = [(span, item) for span, item in items if span.start.date() == day]
        if week and day.weekday() >= SATURDAY and not todays:
            continue
        days.append(AgendaDay(day, is_working_day(day), agenda.day_cells(day, hours, rows, todays)))
    log_access(user, sorted(visible), view=view, purpose="ohjaajan kalenteri", subject_type=SUBJECT_TYPE)
    return Agenda(counsellor, hours, days, rows)


def suggested_slots(counsellor_id: int, *, minutes: int, count: int, today: date) -> list[agenda.Span]:
    """The counsellor's first free slots of `minutes` from now (or from the start of `today` when today is pinned to
    another day than the clock's) within their working hours."""
    now = _local_naive(timezone.now())
    after = now if now.date() == today else datetime.combine(today, datetime.min.time())
    last = today + timedelta(days=SUGGESTION_DAYS)
    busy = _busy(_meetings(counsellor_id, today, last))
    return agenda.first_free_slots(
        after, hours_of(counsellor_id), busy, minutes=minutes, count=count, days=SUGGESTION_DAYS
    )
