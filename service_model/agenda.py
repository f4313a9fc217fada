"""A counsellor's working hours and the free time in them: the rule behind the day agenda, the booking form's
suggestions and the booking service's refusal of a time outside working hours.

Times are local wall-clock times (naive datetimes); the caller converts. A counsellor works the same hours on every
working day (service_model.workdays: no weekends, no public holidays, no Christmas or Midsummer Eve). Problems are
returned as codes; texts are rendered from them by the caller through gettext.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from service_model.workdays import is_working_day

EARLIEST = time(6)
LATEST = time(20)
STEP_MINUTES = 15
GRID_MINUTES = 30


class Problem(StrEnum):
    START_NOT_BEFORE_END = "start_not_before_end"
    OUTSIDE_DAY = "outside_day"
    NOT_ON_STEP = "not_on_step"
    NON_WORKING_DAY = "non_working_day"
    OUTSIDE_HOURS = "outside_hours"


@dataclass(frozen=True, slots=True)
class Hours:
    start: time
    end: time

    def on(self, day: date) -> tuple[datetime, datetime]:
        return datetime.combine(day, self.start), datetime.combine(day, self.end)


DEFAULT_HOURS = Hours(time(8), time(16))


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of time from `start` to `end` (end excluded: back-to-back spans do not overlap)."""

    start: datetime
    end: datetime

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


def _on_step(moment: time) -> bool:
    return moment.second == 0 and moment.microsecond == 0 and moment.minute % STEP_MINUTES == 0


def hours_problems(start: time, end: time) -> list[tuple[str, Problem]]:
    """What is wrong with working hours from `start` to `end`, as (field, problem) pairs; empty when they are fine."""
    problems = []
    for field, moment in (("start", start), ("end", end)):
        if not EARLIEST <= moment <= LATEST:
            problems.append((field, Problem.OUTSIDE_DAY))
        elif not _on_step(moment):
            problems.append((field, Problem.NOT_ON_STEP))
    if start >= end:
        problems.append(("end", Problem.START_NOT_BEFORE_END))
    return problems


def booking_problem(start: datetime, minutes: int, hours: Hours) -> Problem | None:
    """Why a meeting from `start` lasting `minutes` cannot be booked in these working hours, or None if it can."""
    if not is_working_day(start.date()):
        return Problem.NON_WORKING_DAY
    opens, closes = hours.on(start.date())
    if start < opens or start + timedelta(minutes=minutes) > closes:
        return Problem.OUTSIDE_HOURS
    return None


def free_spans(day: date, hours: Hours, busy: list[Span]) -> list[Span]:
    """The longest stretches of the day's working hours that no busy span touches; none on a non-working day."""
    if not is_working_day(day):
        return []
    opens, closes = hours.on(day)
    free = []
    cursor = opens
    for span in sorted(busy):
        if span.end <= cursor or span.start >= closes:
            continue
        if span.start > cursor:
            free.append(Span(cursor, span.start))
        cursor = max(cursor, span.end)
    if cursor < closes:
        free.append(Span(cursor, closes))
    return free


def _round_up_to_step(moment: datetime) -> datetime:
    base = moment.replace(second=0, microsecond=0)
    if base < moment:
        base += timedelta(minutes=1)
    return base + timedelta(minutes=-base.minute % STEP_MINUTES)


def first_free_slots(
    after: datetime, hours: Hours, busy: list[Span], *, minutes: int, count: int, days: int
) -> list[Span]:
    """The first `count` slots of `minutes` from `after` on, within working hours on working days of the next `days`
    days, each starting on a STEP_MINUTES mark, overlapping no busy span and no earlier suggestion."""
    slots: list[Span] = []
    for offset in range(days):
        day = after.date() + timedelta(days=offset)
        for gap in free_spans(day, hours, busy):
            start = _round_up_to_step(max(gap.start, after))
            while start + timedelta(minutes=minutes) <= gap.end:
                slots.append(Span(start, start + timedelta(minutes=minutes)))
                if len(slots) == count:
                    return slots
                start += timedelta(minutes=minutes)
                start = _round_up_to_step(start)
    return slots


@dataclass(frozen=True, slots=True)
class Cell:
    """One grid row of one day: the meetings that start in it, and whether any of it is free working time."""

    span: Span
    starting: tuple
    free: Span | None
    working: bool  # within working hours on a working day


def _floor_to_grid(moment: time) -> time:
    return moment.replace(minute=moment.minute - moment.minute % GRID_MINUTES, second=0, microsecond=0)


def grid_rows(hours: Hours, spans: list[Span] = ()) -> list[time]:
    """The starts of the agenda's rows, every GRID_MINUTES: working hours, widened to show the given spans (a meeting
    booked before the hours were changed, a walk-in recorded late) as long as they fall on one day."""
    first = min([hours.start] + [_floor_to_grid(span.start.time()) for span in spans])
    last = max([hours.end] + [span.end.time() for span in spans if span.end.date() == span.start.date()])
    rows = []
    moment = datetime.combine(date.min, first)
    end = datetime.combine(date.min, last)
    while moment < end:
        rows.append(moment.time())
        moment += timedelta(minutes=GRID_MINUTES)
    return rows


def day_cells(day: date, hours: Hours, rows: list[time], meetings: list[tuple[Span, object]]) -> list[Cell]:
    """The day's grid over `rows` (grid_rows): for each row, the meetings (given with their spans) starting in it and
    the row's first stretch of free working time (None when the row is taken, outside hours or not a working day)."""
    free = free_spans(day, hours, [span for span, _meeting in meetings])
    opens, closes = hours.on(day)
    cells = []
    for row in rows:
        start = datetime.combine(day, row)
        span = Span(start, start + timedelta(minutes=GRID_MINUTES))
        starting = tuple(meeting for meeting_span, meeting in meetings if span.start <= meeting_span.start < span.end)
        stretch = next((Span(max(f.start, span.start), min(f.end, span.end)) for f in free if f.overlaps(span)), None)
        working = is_working_day(day) and opens <= span.start and span.end <= closes
        cells.append(Cell(span, starting, stretch, working))
    return cells
