from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service_model.rules import (
    RULE_SET_2022,
    RULE_SET_2026,
    RULE_SETS,
    JobSeekerStatus,
    Meeting,
    MeetingType,
    PlannedMeeting,
    RuleSet,
    next_statutory_meeting,
    schedule,
)
from service_model.workdays import is_working_day

II = MeetingType.INITIAL_INTERVIEW
JSD = MeetingType.JOB_SEARCH_DISCUSSION
SUPP = MeetingType.SUPPLEMENTARY_DISCUSSION
OTHER = MeetingType.OTHER
S = JobSeekerStatus


def meet(day: date, meeting_type: MeetingType) -> Meeting:
    return Meeting(held_on=day, meeting_type=meeting_type)


# --- deadlines ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("started_on", "rule_set", "due_on", "rule_set_id"),
    [
        # 5 working days skipping Christmas Eve, Christmas Day and Boxing Day
        (date(2025, 12, 19), None, date(2025, 12, 31), "nordic_2022"),
        # the last start under the 2022 rules: over New Year's Day and Epiphany
        (date(2025, 12, 31), None, date(2026, 1, 9), "nordic_2022"),
        (date(2026, 1, 1), None, date(2026, 1, 16), "nordic_2026"),
        # an explicit rule set overrides the choice by date
        (date(2026, 1, 1), RULE_SET_2022, date(2026, 1, 9), "nordic_2022"),
        (date(2025, 4, 30), None, date(2025, 5, 8), "nordic_2022"),  # May Day
        (date(2026, 12, 30), None, date(2027, 1, 15), "nordic_2026_09"),  # New Year and Epiphany
        (date(2026, 4, 2), None, date(2026, 4, 20), "nordic_2026"),  # Easter
        (date(2026, 6, 17), None, date(2026, 7, 2), "nordic_2026"),  # Midsummer Eve
        (date(2027, 12, 3), None, date(2027, 12, 20), "nordic_2026_09"),  # Independence Day
    ],
)
def test_initial_interview_deadline(started_on: date, rule_set: RuleSet | None, due_on: date, rule_set_id: str) -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=started_on, status=S.UNEMPLOYED, today=started_on, rule_set=rule_set
    )
    assert deadline is not None
    assert (deadline.meeting_type, deadline.due_on, deadline.rule_set_id) == (II, due_on, rule_set_id)
    assert not deadline.overdue


@pytest.mark.parametrize(
    ("today", "overdue", "days_overdue"),
    [
        (date(2025, 12, 19), False, 0),
        (date(2025, 12, 31), False, 0),
        (date(2026, 1, 1), True, 1),
        (date(2026, 1, 5), True, 5),
    ],
)
def test_overdue_counts_calendar_days_after_the_due_date(today: date, overdue: bool, days_overdue: int) -> None:
    deadline = next_statutory_meeting(job_search_started_on=date(2025, 12, 19), status="unemployed", today=today)
    assert deadline is not None
    assert (deadline.overdue, deadline.days_overdue) == (overdue, days_overdue)


@pytest.mark.parametrize(
    ("case", "started_on", "status", "meetings", "today", "expected"),
    [
        (
            "2022 intensive start: two weeks after the initial interview",
            date(2025, 9, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 9, 8), II)],
            date(2025, 9, 10),
            (SUPP, date(2025, 9, 22), "nordic_2022"),
        ),
        (
            "intensive start over Christmas: 26.12 moves to Monday 29.12",
            date(2025, 11, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 11, 7), II), meet(date(2025, 11, 28), SUPP), meet(date(2025, 12, 12), SUPP)],
            date(2025, 12, 15),
            (SUPP, date(2025, 12, 29), "nordic_2022"),
        ),
        (
            "a follow-up arising in 2025 stays due in 2026; Epiphany 6.1 moves it to 7.1",
            date(2025, 11, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 11, 7), II), meet(date(2025, 12, 12), SUPP), meet(date(2025, 12, 23), SUPP)],
            date(2026, 1, 2),
            (SUPP, date(2026, 1, 7), "nordic_2022"),
        ),
        (
            "a discussion held under the 2026 rules starts no intensive-start follow-up",
            date(2025, 11, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 11, 7), II), meet(date(2026, 1, 2), SUPP)],
            date(2026, 1, 2),
            (JSD, date(2026, 2, 9), "nordic_2022"),
        ),
        (
            "fully laid-off counts as unemployed for the intensive start",
            date(2025, 9, 1),
            S.FULLY_LAID_OFF,
            [meet(date(2025, 9, 8), II)],
            date(2025, 9, 10),
            (SUPP, date(2025, 9, 22), "nordic_2022"),
        ),
        (
            "in services: job-search discussions only",
            date(2025, 9, 1),
            S.IN_SERVICES,
            [meet(date(2025, 9, 8), II)],
            date(2025, 9, 10),
            (JSD, date(2025, 12, 8), "nordic_2022"),
        ),
        (
            "2026: three months after the initial interview, Sunday 12.4 moves to Monday",
            date(2026, 1, 5),
            S.UNEMPLOYED,
            [meet(date(2026, 1, 12), II)],
            date(2026, 1, 12),
            (JSD, date(2026, 4, 13), "nordic_2026"),
        ),
        (
            "31.10 + 3 months is clamped to 31.1 (Saturday), then moved to Monday",
            date(2025, 8, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 8, 7), II), meet(date(2025, 10, 31), JSD)],
            date(2025, 11, 1),
            (JSD, date(2026, 2, 2), "nordic_2022"),
        ),
        (
            "a supplementary discussion does not restart the three-month clock",
            date(2026, 1, 5),
            S.UNEMPLOYED,
            [meet(date(2026, 1, 12), II), meet(date(2026, 2, 2), SUPP), meet(date(2026, 3, 2), OTHER)],
            date(2026, 3, 2),
            (JSD, date(2026, 4, 13), "nordic_2026"),
        ),
        (
            "2022 long-term: the job-search discussion falls first",
            date(2022, 5, 2),
            S.UNEMPLOYED,
            [meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD)],
            date(2022, 11, 3),
            (JSD, date(2022, 11, 9), "nordic_2022"),
        ),
        (
            "2022 long-term: the second discussion of the intensified period",
            date(2022, 5, 2),
            S.UNEMPLOYED,
            [meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD), meet(date(2022, 11, 9), JSD)],
            date(2022, 11, 10),
            (SUPP, date(2022, 11, 23), "nordic_2022"),
        ),
        (
            "2022 long-term: a period with both discussions held is done",
            date(2022, 5, 2),
            S.UNEMPLOYED,
            [
                meet(date(2022, 5, 9), II),
                meet(date(2022, 8, 9), JSD),
                meet(date(2022, 11, 9), JSD),
                meet(date(2022, 11, 23), SUPP),
            ],
            date(2022, 11, 24),
            (JSD, date(2023, 2, 9), "nordic_2022"),
        ),
        (
            "2022 long-term: a period begun under the 2026 rules is not scheduled",
            date(2025, 9, 1),
            S.UNEMPLOYED,
            [meet(date(2025, 9, 8), II), meet(date(2025, 12, 8), JSD), meet(date(2026, 2, 27), JSD)],
            date(2026, 3, 2),
            (JSD, date(2026, 5, 27), "nordic_2026"),
        ),
        (
            "previous job search ended under 6 months ago: a job-search discussion instead",
            date(2025, 12, 1),
            S.UNEMPLOYED,
            [],
            date(2025, 12, 1),
            (JSD, date(2025, 12, 8), "nordic_2022"),
        ),
        (
            "an initial interview from the previous job search does not count",
            date(2026, 3, 2),
            S.UNEMPLOYED,
            [meet(date(2025, 3, 2), II)],
            date(2026, 3, 2),
            (II, date(2026, 3, 16), "nordic_2026"),
        ),
        (
            "a meeting after today has not been held yet",
            date(2026, 3, 2),
            S.UNEMPLOYED,
            [meet(date(2026, 3, 10), II)],
            date(2026, 3, 9),
            (II, date(2026, 3, 16), "nordic_2026"),
        ),
        (
            "a job-search discussion does not replace a due initial interview",
            date(2026, 3, 2),
            S.PART_TIME,
            [meet(date(2026, 3, 3), JSD), meet(date(2026, 3, 4), SUPP)],
            date(2026, 3, 4),
            (II, date(2026, 3, 16), "nordic_2026"),
        ),
        (
            "an employed job seeker still has the initial interview",
            date(2026, 3, 2),
            S.EMPLOYED_SEEKING,
            [],
            date(2026, 3, 2),
            (II, date(2026, 3, 16), "nordic_2026"),
        ),
    ],
)
def test_next_statutory_meeting(
    case: str,
    started_on: date,
    status: JobSeekerStatus,
    meetings: list[Meeting],
    today: date,
    expected: tuple[MeetingType, date, str],
) -> None:
    previous_end = date(2025, 9, 1) if case.startswith("previous job search") else None
    deadline = next_statutory_meeting(
        job_search_started_on=started_on,
        status=status,
        meetings=meetings,
        today=today,
        previous_job_search_ended_on=previous_end,
    )
    assert deadline is not None, case
    assert (deadline.meeting_type, deadline.due_on, deadline.rule_set_id) == expected, case


def test_a_missed_long_term_period_stays_overdue() -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=date(2022, 5, 2),
        status=S.UNEMPLOYED,
        meetings=[meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD), meet(date(2022, 11, 1), JSD)],
        today=date(2022, 12, 1),
    )
    assert deadline is not None
    assert (deadline.meeting_type, deadline.due_on, deadline.days_overdue) == (SUPP, date(2022, 11, 16), 15)


def test_six_months_after_the_previous_job_search_a_new_initial_interview_is_due() -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=date(2025, 12, 1),
        status=S.UNEMPLOYED,
        today=date(2025, 12, 1),
        previous_job_search_ended_on=date(2025, 6, 1),
    )
    assert deadline is not None
    assert deadline.meeting_type is II


def test_an_employed_job_seeker_has_no_follow_up_after_the_initial_interview() -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=date(2026, 3, 2),
        status=S.EMPLOYED_SEEKING,
        meetings=[meet(date(2026, 3, 5), II)],
        today=date(2026, 6, 1),
    )
    assert deadline is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "retired"}, "retired"),
        ({"previous_job_search_ended_on": date(2026, 3, 3)}, "cannot end after"),
    ],
)
def test_invalid_input_is_refused(kwargs: dict, message: str) -> None:
    arguments = {"job_search_started_on": date(2026, 3, 2), "status": "unemployed", "today": date(2026, 3, 2)}
    with pytest.raises(ValueError, match=message):
        next_statutory_meeting(**(arguments | kwargs))


def test_meeting_accepts_the_stored_string_and_refuses_unknown_types() -> None:
    assert Meeting(date(2026, 3, 5), "initial_interview").meeting_type is II  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="coffee"):
        Meeting(date(2026, 3, 5), "coffee")  # type: ignore[arg-type]


# --- schedule ----------------------------------------------------------------------------------------------


def test_schedule_2022_first_year() -> None:
    planned = schedule(RULE_SET_2022, date(2022, 5, 2))
    assert [(p.meeting_type, p.due_on) for p in planned] == [
        (II, date(2022, 5, 9)),
        (SUPP, date(2022, 5, 23)),
        (SUPP, date(2022, 6, 6)),
        (SUPP, date(2022, 6, 20)),
        (SUPP, date(2022, 7, 4)),
        (SUPP, date(2022, 7, 18)),
        (SUPP, date(2022, 8, 1)),
        (JSD, date(2022, 8, 9)),
        (JSD, date(2022, 11, 9)),  # also the first discussion of the long-term period from 2.11
        (SUPP, date(2022, 11, 23)),
        (JSD, date(2023, 2, 9)),
    ]
    assert {p.rule_set_id for p in planned} == {"nordic_2022"}


def test_schedule_2026_first_and_second_year() -> None:
    assert schedule(RULE_SET_2026, date(2026, 3, 2)) == [
        PlannedMeeting(II, date(2026, 3, 16), "nordic_2026"),
        PlannedMeeting(JSD, date(2026, 6, 16), "nordic_2026"),
        PlannedMeeting(JSD, date(2026, 9, 16), "nordic_2026"),
        PlannedMeeting(JSD, date(2026, 12, 16), "nordic_2026"),
    ]
    assert [p.due_on for p in schedule(RULE_SET_2026, date(2026, 3, 2), first_year=False)] == [
        date(2027, 3, 16),
        date(2027, 6, 16),
        date(2027, 9, 16),
        date(2027, 12, 16),
    ]


def test_schedule_across_the_reform_follows_each_event_date() -> None:
    planned = schedule(None, date(2025, 9, 1))
    assert [(p.meeting_type, p.due_on, p.rule_set_id) for p in planned][-3:] == [
        (JSD, date(2025, 12, 8), "nordic_2022"),
        (JSD, date(2026, 3, 9), "nordic_2022"),
        (JSD, date(2026, 6, 9), "nordic_2026"),
    ]


def test_schedule_of_an_employed_job_seeker_is_the_initial_interview_only() -> None:
    assert schedule(RULE_SET_2026, date(2026, 3, 2), status=S.EMPLOYED_SEEKING) == [
        PlannedMeeting(II, date(2026, 3, 16), "nordic_2026")
    ]


# --- properties --------------------------------------------------------------------------------------------

starts = st.dates(min_value=date(2022, 5, 2), max_value=date(2027, 12, 31))
statuses = st.sampled_from(JobSeekerStatus)
rule_set_choices = st.sampled_from([None, *RULE_SETS])
meeting_lists = st.lists(st.tuples(st.integers(min_value=0, max_value=500), st.sampled_from(MeetingType)), max_size=8)


def _meetings(start: date, offsets: list[tuple[int, MeetingType]]) -> list[Meeting]:
    return [meet(start + timedelta(days=offset), meeting_type) for offset, meeting_type in offsets]


@settings(max_examples=150, deadline=None)
@given(
    start=starts,
    status=statuses,
    offsets=meeting_lists,
    today_offset=st.integers(min_value=0, max_value=600),
    previous_gap=st.none() | st.integers(min_value=0, max_value=400),
    rule_set=rule_set_choices,
)
def test_every_due_date_is_a_working_day(
    start: date,
    status: JobSeekerStatus,
    offsets: list[tuple[int, MeetingType]],
    today_offset: int,
    previous_gap: int | None,
    rule_set: RuleSet | None,
) -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=start,
        status=status,
        meetings=_meetings(start, offsets),
        today=start + timedelta(days=today_offset),
        previous_job_search_ended_on=None if previous_gap is None else start - timedelta(days=previous_gap),
        rule_set=rule_set,
    )
    if deadline is not None:
        assert is_working_day(deadline.due_on)
        assert deadline.overdue == (deadline.days_overdue > 0)


@settings(max_examples=200, deadline=None)
@given(
    start=starts,
    status=statuses,
    offsets=meeting_lists,
    extra=st.tuples(st.integers(min_value=0, max_value=500), st.sampled_from(MeetingType)),
    today_offset=st.integers(min_value=0, max_value=600),
    rule_set=rule_set_choices,
)
def test_holding_another_meeting_never_brings_the_next_due_date_forward(
    start: date,
    status: JobSeekerStatus,
    offsets: list[tuple[int, MeetingType]],
    extra: tuple[int, MeetingType],
    today_offset: int,
    rule_set: RuleSet | None,
) -> None:
    def due(meetings: list[Meeting]) -> date | None:
        deadline = next_statutory_meeting(
            job_search_started_on=start,
            status=status,
            meetings=meetings,
            today=start + timedelta(days=today_offset),
            rule_set=rule_set,
        )
        return None if deadline is None else deadline.due_on

    before = due(_meetings(start, offsets))
    after = due(_meetings(start, [*offsets, extra]))
    if before is None:
        assert after is None
    else:
        assert after is None or after >= before


@settings(max_examples=60, deadline=None)
@given(start=starts, status=statuses, rule_set=rule_set_choices, first_year=st.booleans())
def test_schedule_is_strictly_increasing_working_days(
    start: date, status: JobSeekerStatus, rule_set: RuleSet | None, first_year: bool
) -> None:
    due_dates = [planned.due_on for planned in schedule(rule_set, start, first_year, status=status)]
    assert all(earlier < later for earlier, later in zip(due_dates, due_dates[1:], strict=False))
    assert all(is_working_day(day) for day in due_dates)


# --- the long-term unemployed's intensified period ------------------------------------------------------------

_LONG_TERM_HISTORY = [meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD), meet(date(2022, 11, 9), JSD)]


@pytest.mark.parametrize(
    ("case", "meetings", "today", "unemployed_since", "expected"),
    [
        (
            "only discussions inside the period's month count: the second is due two weeks after the first",
            _LONG_TERM_HISTORY,
            date(2022, 11, 24),
            None,
            (SUPP, date(2022, 11, 23)),
        ),
        (
            "a period whose month passed unmet is missed, and the next job-search discussion is due",
            _LONG_TERM_HISTORY,
            date(2022, 12, 5),
            None,
            (JSD, date(2023, 2, 9)),
        ),
        (
            "the periods count from the start of the unemployment, not of the job search",
            [meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD)],
            date(2022, 8, 10),
            date(2022, 2, 1),
            (SUPP, date(2022, 8, 23)),
        ),
        (
            "the same history counted from the job search start has no period yet",
            [meet(date(2022, 5, 9), II), meet(date(2022, 8, 9), JSD)],
            date(2022, 8, 10),
            None,
            (JSD, date(2022, 11, 9)),
        ),
        (
            "a period running when this job search began is not this job search's: the intensive start is due",
            [meet(date(2022, 5, 9), II)],
            date(2022, 5, 10),
            date(2021, 10, 20),
            (SUPP, date(2022, 5, 23)),
        ),
    ],
)
def test_long_term_intensified_period(case, meetings, today, unemployed_since, expected) -> None:
    deadline = next_statutory_meeting(
        job_search_started_on=date(2022, 5, 2),
        status=S.UNEMPLOYED,
        meetings=meetings,
        today=today,
        unemployed_since=unemployed_since,
    )
    assert deadline is not None, case
    assert (deadline.meeting_type, deadline.due_on) == expected, case


def test_a_late_initial_interview_shortens_the_intensive_start() -> None:
    # The three months run from the job search start, so an interview held at 2½ months leaves no room for a
    # supplementary discussion two weeks later.
    deadline = next_statutory_meeting(
        job_search_started_on=date(2022, 5, 2),
        status=S.UNEMPLOYED,
        meetings=[meet(date(2022, 7, 20), II)],
        today=date(2022, 7, 21),
    )
    assert deadline is not None
    assert (deadline.meeting_type, deadline.due_on) == (JSD, date(2022, 10, 20))
