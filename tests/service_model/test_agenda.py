"""The agenda core: working hours, free time and the first free slots (service_model/agenda.py), without Django."""

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from service_model import agenda
from service_model.agenda import DEFAULT_HOURS, Hours, Problem, Span
from service_model.workdays import is_working_day

MONDAY = date(2026, 3, 2)
EPIPHANY = date(2026, 1, 6)  # a Tuesday, a public holiday


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute))


quarter = st.integers(6 * 4, 20 * 4).map(lambda q: time(q // 4, q % 4 * 15))
hours_strategy = st.tuples(quarter, quarter).filter(lambda t: t[0] < t[1]).map(lambda t: Hours(*t))
days = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@st.composite
def busy_spans(draw, first_day):
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        day = first_day + timedelta(days=draw(st.integers(0, 6)))
        start = at(day, 6) + timedelta(minutes=5 * draw(st.integers(0, 14 * 12)))
        spans.append(Span(start, start + timedelta(minutes=draw(st.integers(5, 180)))))
    return spans


# The holiday calendar of a year is built on first use: no deadline.
@settings(deadline=None)
@given(day=days, hours=hours_strategy, data=st.data())
def test_free_time_lies_in_working_hours_of_a_working_day_and_never_overlaps_a_meeting(day, hours, data):
    busy = data.draw(busy_spans(day))
    free = agenda.free_spans(day, hours, busy)
    if not is_working_day(day):
        assert free == []
    opens, closes = hours.on(day)
    for span in free:
        assert opens <= span.start < span.end <= closes
        assert not any(span.overlaps(b) for b in busy)
    # Free time and busy time together cover the working hours: nothing free is lost.
    if is_working_day(day):
        minute = opens
        while minute < closes:
            probe = Span(minute, minute + timedelta(minutes=1))
            assert any(s.overlaps(probe) for s in free) != any(b.overlaps(probe) for b in busy)
            minute += timedelta(minutes=1)


@settings(deadline=None)
@given(day=days, hours=hours_strategy, minutes=st.integers(15, 120), count=st.integers(1, 6), data=st.data())
def test_suggested_slots_are_bookable_and_apart(day, hours, minutes, count, data):
    busy = data.draw(busy_spans(day))
    after = at(day, 0) + timedelta(minutes=data.draw(st.integers(0, 24 * 60 - 1)))
    slots = agenda.first_free_slots(after, hours, busy, minutes=minutes, count=count, days=7)
    assert len(slots) <= count
    for slot in slots:
        assert slot.start >= after and slot.minutes == minutes
        assert slot.start.minute % agenda.STEP_MINUTES == 0
        assert agenda.booking_problem(slot.start, minutes, hours) is None
        assert not any(slot.overlaps(b) for b in busy)
    assert all(a.end <= b.start for a, b in zip(slots, slots[1:], strict=False))


def test_the_first_slots_of_a_morning_skip_a_meeting():
    busy = [Span(at(MONDAY, 9), at(MONDAY, 9, 45))]
    slots = agenda.first_free_slots(at(MONDAY, 7), DEFAULT_HOURS, busy, minutes=45, count=3, days=1)
    assert [s.start.time() for s in slots] == [time(8), time(9, 45), time(10, 30)]


def test_slots_start_on_the_next_working_day_after_a_holiday():
    slots = agenda.first_free_slots(at(EPIPHANY, 7), DEFAULT_HOURS, [], minutes=45, count=1, days=3)
    assert slots[0].start == at(date(2026, 1, 7), 8)


def test_booking_refused_outside_hours_and_on_non_working_days():
    assert agenda.booking_problem(at(MONDAY, 8), 45, DEFAULT_HOURS) is None
    assert agenda.booking_problem(at(MONDAY, 15, 15), 45, DEFAULT_HOURS) is None  # ends 16.00 exactly
    assert agenda.booking_problem(at(MONDAY, 15, 30), 45, DEFAULT_HOURS) == Problem.OUTSIDE_HOURS
    assert agenda.booking_problem(at(MONDAY, 7, 45), 45, DEFAULT_HOURS) == Problem.OUTSIDE_HOURS
    assert agenda.booking_problem(at(EPIPHANY, 10), 45, DEFAULT_HOURS) == Problem.NON_WORKING_DAY
    assert agenda.booking_problem(at(date(2026, 3, 7), 10), 45, DEFAULT_HOURS) == Problem.NON_WORKING_DAY


def test_working_hours_validation():
    assert agenda.hours_problems(time(8), time(16)) == []
    assert agenda.hours_problems(time(6), time(20)) == []
    assert agenda.hours_problems(time(16), time(8)) == [("end", Problem.START_NOT_BEFORE_END)]
    assert agenda.hours_problems(time(5, 45), time(16)) == [("start", Problem.OUTSIDE_DAY)]
    assert agenda.hours_problems(time(8), time(20, 15)) == [("end", Problem.OUTSIDE_DAY)]
    assert agenda.hours_problems(time(8, 10), time(16)) == [("start", Problem.NOT_ON_STEP)]


@given(start=st.times(), end=st.times())
def test_accepted_hours_are_on_quarters_within_the_day(start, end):
    if not agenda.hours_problems(start, end):
        assert time(6) <= start < end <= time(20)
        assert start.minute % 15 == 0 == end.minute % 15 and start.second == 0 == end.second


def test_grid_rows_cover_the_hours_and_a_meeting_outside_them():
    assert agenda.grid_rows(DEFAULT_HOURS)[0] == time(8) and agenda.grid_rows(DEFAULT_HOURS)[-1] == time(15, 30)
    early = Span(at(MONDAY, 7, 10), at(MONDAY, 7, 40))
    assert agenda.grid_rows(DEFAULT_HOURS, [early])[0] == time(7)


def test_day_cells_place_a_meeting_in_its_row_and_the_rest_free():
    meeting = (Span(at(MONDAY, 10), at(MONDAY, 10, 45)), "tapaaminen")
    cells = agenda.day_cells(MONDAY, DEFAULT_HOURS, agenda.grid_rows(DEFAULT_HOURS), [meeting])
    by_time = {cell.span.start.time(): cell for cell in cells}
    assert by_time[time(10)].starting == ("tapaaminen",) and by_time[time(10)].free is None
    assert by_time[time(10, 30)].free == Span(at(MONDAY, 10, 45), at(MONDAY, 11))
    assert by_time[time(8)].free == Span(at(MONDAY, 8), at(MONDAY, 8, 30))
    holiday = agenda.day_cells(EPIPHANY, DEFAULT_HOURS, agenda.grid_rows(DEFAULT_HOURS), [])
    assert all(cell.free is None and not cell.working for cell in holiday)
