"""The deadlines the Nordic service model's rule sets (`rule_sets.py`) produce for a job seeker's meeting history.

Transition rule — deadlines arising from an event are governed by the rules in force on the event date:

* the initial_interview deadline arises from the job search starting, so the start date chooses the rules
  (a search started 31.12.2025 has 5 working days, one started 1.1.2026 has 10);
* the next job_search_discussion arises from the previous initial_interview or job_search_discussion, and an
  intensive-start supplementary_discussion from the previous discussion, so the date of that meeting chooses;
* a long-term intensified period arises from the period starting, so its start date chooses.

Absent a specific transitional provision, this is the usual reading of a procedural amendment: a duty is judged
by the law in force when it arose, so a deadline already running is neither retroactively shortened nor
lengthened, yet nothing new arises under repealed rules once the amendment is in force (a job seeker who started
in December 2025 keeps the biweekly discussion already due in January, but gets no further ones). Passing an
explicit `rule_set` overrides the choice for every event, which is what a what-if calculator wants.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import NamedTuple

from common.dates import add_months
from service_model.reasons import Reason, ReasonCode
from service_model.rule_sets import (
    RULE_SET_2022,
    RULE_SET_2026,
    RULE_SET_2026_09,
    RULE_SETS,
    IntensiveStart,
    JobSearchObligationDefaults,
    JobSearchProfileDuty,
    JobSeekerStatus,
    LongTermIntensification,
    MeetingType,
    NoRuleSetInForce,
    Quota,
    RuleSet,
    rule_set_for,
)
from service_model.workdays import add_working_days, next_working_day_on_or_after

__all__ = [
    "RULE_SETS",
    "RULE_SET_2022",
    "RULE_SET_2026",
    "RULE_SET_2026_09",
    "Deadline",
    "IntensiveStart",
    "JobSearchObligation",
    "JobSearchObligationDefaults",
    "JobSearchProfileDuty",
    "JobSeekerStatus",
    "LongTermIntensification",
    "Meeting",
    "MeetingType",
    "NoRuleSetInForce",
    "PlannedMeeting",
    "Quota",
    "Reason",
    "ReasonCode",
    "RuleSet",
    "job_search_obligation",
    "next_statutory_meeting",
    "rule_set_for",
    "schedule",
]


# Meetings in which the employment_plan is reviewed; "other" contacts (calls, info sessions) satisfy no rule.
_DISCUSSIONS = frozenset(
    {MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION, MeetingType.SUPPLEMENTARY_DISCUSSION}
)
# The three-month clock runs from the initial_interview or the previous job_search_discussion only.
_THREE_MONTH_ANCHORS = frozenset({MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION})
_INITIAL = frozenset({MeetingType.INITIAL_INTERVIEW})
_HELD_ON = attrgetter("held_on")


@dataclass(frozen=True)
class Meeting:
    held_on: date
    meeting_type: MeetingType

    def __post_init__(self) -> None:
        # Callers pass the stored string; normalising here rejects unknown types at the boundary.
        object.__setattr__(self, "meeting_type", MeetingType(self.meeting_type))


@dataclass(frozen=True)
class Deadline:
    meeting_type: MeetingType
    due_on: date
    overdue: bool
    days_overdue: int
    rule_set_id: str
    reason: Reason


class _Candidate(NamedTuple):
    """A deadline one rule would set. The reason's parameters become a Reason only for the candidate chosen: a
    simulated history (demo/history.py) asks the core millions of times and discards most candidates."""

    meeting_type: MeetingType
    due_on: date
    rule_set: RuleSet
    code: ReasonCode
    params: dict


_RulesOn = Callable[[date], RuleSet]


def next_statutory_meeting(
    *,
    job_search_started_on: date,
    status: JobSeekerStatus | str,
    meetings: Iterable[Meeting] = (),
    today: date,
    previous_job_search_ended_on: date | None = None,
    unemployed_since: date | None = None,
    rule_set: RuleSet | None = None,
) -> Deadline | None:
    """The next statutory meeting of a job seeker, or None when no statutory meeting is pending.

    Only meetings held from the job search start up to `today` count. Until the opening meeting is held it is
    the only one due: the initial_interview, or — when the previous job search ended less than
    `new_initial_interview_after_months` before this one started — a job_search_discussion that updates the
    existing employment_plan, on the same working-day deadline. After that the earliest of these is due:
    the three-monthly job_search_discussion, the intensive-start supplementary_discussion and the long-term
    intensified period's discussion, whose periods count from `unemployed_since` when it is given. The due date is
    always a working day; `days_overdue` counts calendar days.
    `rule_set` fixes the rules for every event; without it each event's date chooses (see the module docstring).
    """
    if type(status) is not JobSeekerStatus:
        status = JobSeekerStatus(status)
    start = job_search_started_on
    if previous_job_search_ended_on is not None and previous_job_search_ended_on > start:
        raise ValueError("the previous job search cannot end after the current one started")
    held = sorted((meeting for meeting in meetings if start <= meeting.held_on <= today), key=_HELD_ON)
    rules_on = rule_set_for if rule_set is None else (lambda _day: rule_set)

    candidate = _opening_meeting(start, held, previous_job_search_ended_on, rules_on(start))
    if candidate is None:
        candidates = [
            _job_search_discussion(held, status, rules_on),
            _intensive_start_discussion(start, held, status, rules_on),
            _long_term_discussion(start, unemployed_since, held, status, today, rules_on),
        ]
        pending = [candidate for candidate in candidates if candidate is not None]
        if not pending:
            return None
        # On a tie the job_search_discussion wins: holding it also satisfies the supplementary one.
        candidate = min(pending, key=lambda c: (c.due_on, c.meeting_type != MeetingType.JOB_SEARCH_DISCUSSION))

    days_overdue = max((today - candidate.due_on).days, 0)
    return Deadline(
        meeting_type=candidate.meeting_type,
        due_on=candidate.due_on,
        overdue=days_overdue > 0,
        days_overdue=days_overdue,
        rule_set_id=candidate.rule_set.id,
        reason=Reason(candidate.code, candidate.params),
    )


def _opening_meeting(
    start: date, held: Sequence[Meeting], previous_end: date | None, rules: RuleSet
) -> _Candidate | None:
    new_interview_needed = (
        previous_end is None or add_months(previous_end, rules.new_initial_interview_after_months) <= start
    )
    opening_types = _INITIAL if new_interview_needed else _THREE_MONTH_ANCHORS
    if any(meeting.meeting_type in opening_types for meeting in held):
        return None
    due_on = add_working_days(start, rules.initial_interview_working_days)
    if new_interview_needed:
        return _Candidate(
            MeetingType.INITIAL_INTERVIEW,
            due_on,
            rules,
            ReasonCode.INITIAL_INTERVIEW,
            {"days": rules.initial_interview_working_days},
        )
    return _Candidate(
        MeetingType.JOB_SEARCH_DISCUSSION,
        due_on,
        rules,
        ReasonCode.RETURNING_DISCUSSION,
        {"months": rules.new_initial_interview_after_months},
    )


def _last_held_on(held: Sequence[Meeting], types: frozenset[MeetingType]) -> date:
    """The day of the latest meeting of one of the types; `held` is in date order and holds one (the opening
    meeting is of every type asked)."""
    for meeting in reversed(held):
        if meeting.meeting_type in types:
            return meeting.held_on
    raise ValueError("no meeting of the types asked is held")


def _job_search_discussion(held: Sequence[Meeting], status: JobSeekerStatus, rules_on: _RulesOn) -> _Candidate | None:
    anchor = _last_held_on(held, _THREE_MONTH_ANCHORS)
    rules = rules_on(anchor)
    if status not in rules.job_search_discussion_statuses:
        return None
    months = rules.job_search_discussion_interval_months
    return _Candidate(
        MeetingType.JOB_SEARCH_DISCUSSION,
        next_working_day_on_or_after(add_months(anchor, months)),
        rules,
        ReasonCode.JOB_SEARCH_DISCUSSION,
        {"months": months, "previous": anchor.isoformat()},
    )


def _intensive_start_discussion(
    start: date, held: Sequence[Meeting], status: JobSeekerStatus, rules_on: _RulesOn
) -> _Candidate | None:
    last_discussion = _last_held_on(held, _DISCUSSIONS)
    rules = rules_on(last_discussion)
    intensive = rules.intensive_start
    if intensive is None or status not in intensive.statuses:
        return None
    due = last_discussion + timedelta(days=intensive.interval_days)
    if due > add_months(start, intensive.duration_months):
        return None
    return _Candidate(
        MeetingType.SUPPLEMENTARY_DISCUSSION,
        next_working_day_on_or_after(due),
        rules,
        ReasonCode.INTENSIVE_START,
        {"days": intensive.interval_days, "months": intensive.duration_months},
    )


def _long_term_discussion(
    start: date,
    unemployed_since: date | None,
    held: Sequence[Meeting],
    status: JobSeekerStatus,
    today: date,
    rules_on: _RulesOn,
) -> _Candidate | None:
    # The periods are counted from the start of the unemployment (its length is what makes a job seeker long-term
    # unemployed), or from the job search start when no unemployment is recorded, with the cadence in force at the
    # job search start; whether a period arises is decided by the rules in force when it would begin, so a period
    # beginning under the 2026 rules is not scheduled.
    cadence = rules_on(start).long_term
    if cadence is None:
        return None
    anchor = unemployed_since or start

    current = current_period(cadence, anchor, today)
    # The current period while it runs and is unmet, else the next one. A period whose month has passed unmet is
    # missed, not pending: it cannot be met afterwards, and keeping it would hide the next job-search discussion.
    for number in (current, current + 1):
        begins = period_begins(cadence, anchor, number)
        if begins < start:
            continue
        rules = rules_on(begins)
        long_term = rules.long_term
        if long_term is None or status not in long_term.statuses:
            continue
        ends = add_months(begins, long_term.period_months)
        if ends <= today:
            continue
        in_period = [
            meeting.held_on
            for meeting in held
            if meeting.meeting_type in _DISCUSSIONS and begins <= meeting.held_on < ends
        ]
        if len(in_period) < long_term.discussions:
            previous = in_period[-1] if in_period else begins
            last_day = ends - timedelta(days=1)
            return _Candidate(
                MeetingType.SUPPLEMENTARY_DISCUSSION,
                next_working_day_on_or_after(min(previous + timedelta(days=long_term.interval_days), last_day)),
                rules,
                ReasonCode.LONG_TERM_PERIOD,
                {"begins": begins.isoformat(), "discussions": long_term.discussions, "days": long_term.interval_days},
            )
    return None


def period_begins(cadence: LongTermIntensification, anchor: date, number: int) -> date:
    """The first day of the long-term intensified period `number` (1, 2, …) counted from `anchor`."""
    return add_months(anchor, cadence.after_months + (number - 1) * cadence.every_months)


def current_period(cadence: LongTermIntensification, anchor: date, today: date) -> int:
    """The number of the last period that has begun by `today` (1 when none has). The periods begin later the higher
    their number, so the months since the anchor point at it, give or take the days of a month; walking from period 1
    took a dozen steps for a search years old, at every step of a simulated history (demo/history.py)."""
    months = (today.year - anchor.year) * 12 + today.month - anchor.month
    current = max(1, (months - cadence.after_months) // cadence.every_months + 1)
    while current > 1 and period_begins(cadence, anchor, current) > today:
        current -= 1
    while period_begins(cadence, anchor, current + 1) <= today:
        current += 1
    return current


@dataclass(frozen=True)
class PlannedMeeting:
    meeting_type: MeetingType
    due_on: date
    rule_set_id: str


def schedule(
    rule_set: RuleSet | None,
    job_search_started_on: date,
    first_year: bool = True,
    *,
    status: JobSeekerStatus | str = JobSeekerStatus.UNEMPLOYED,
    previous_job_search_ended_on: date | None = None,
) -> list[PlannedMeeting]:
    """Statutory meetings of the first year of a job search (or, with first_year=False, of the second year),
    assuming each is held on its due date. With rule_set None each event's date chooses the rules.
    """
    start = job_search_started_on
    year_begins = start if first_year else add_months(start, 12)
    year_ends = add_months(year_begins, 12)
    held: list[Meeting] = []
    planned: list[PlannedMeeting] = []
    while True:
        deadline = next_statutory_meeting(
            job_search_started_on=start,
            status=status,
            meetings=held,
            today=held[-1].held_on if held else start,
            rule_set=rule_set,
            previous_job_search_ended_on=previous_job_search_ended_on,
        )
        if deadline is None or deadline.due_on >= year_ends:
            return planned
        held.append(Meeting(deadline.due_on, deadline.meeting_type))
        if deadline.due_on >= year_begins:
            planned.append(PlannedMeeting(deadline.meeting_type, deadline.due_on, deadline.rule_set_id))


class JobSearchObligation(NamedTuple):
    count: int
    period_months: int
    reason: Reason


def job_search_obligation(
    rule_set: RuleSet | None,
    status: JobSeekerStatus | str,
    laid_off_since: date | None = None,
    day: date | None = None,
) -> JobSearchObligation:
    """The default job_search_obligation recorded in the employment_plan; the counsellor may lower it.

    A laid-off person's obligation begins only after `lay_off_grace_months` of lay-off, so both
    `laid_off_since` and `day` are needed for them. With rule_set None the rules in force on `day` apply.
    """
    status = JobSeekerStatus(status)
    if rule_set is None:
        if day is None:
            raise ValueError("day is needed to choose the rule set in force")
        rule_set = rule_set_for(day)
    defaults = rule_set.job_search_obligation
    general = defaults.general
    match status:
        case JobSeekerStatus.UNEMPLOYED | JobSeekerStatus.IN_SERVICES:
            return _obligation(general, Reason(ReasonCode.OBLIGATION_GENERAL))
        case JobSeekerStatus.PART_TIME:
            return _obligation(defaults.part_time, Reason(ReasonCode.OBLIGATION_PART_TIME))
        case JobSeekerStatus.STUDENT:
            return _obligation(defaults.student, Reason(ReasonCode.OBLIGATION_STUDENT))
        case JobSeekerStatus.EMPLOYED_SEEKING | JobSeekerStatus.PAY_SUBSIDISED:
            # The obligation is a condition of unemployment benefit, which an employed person does not get.
            return JobSearchObligation(0, general.period_months, Reason(ReasonCode.OBLIGATION_EMPLOYED))
        case JobSeekerStatus.FULLY_LAID_OFF | JobSeekerStatus.PARTLY_LAID_OFF:
            if laid_off_since is None or day is None:
                raise ValueError("laid_off_since and day are needed for a laid-off job seeker")
            quota = general if status is JobSeekerStatus.FULLY_LAID_OFF else defaults.partly_laid_off
            obligation_begins = add_months(laid_off_since, defaults.lay_off_grace_months)
            if day < obligation_begins:
                return JobSearchObligation(
                    0,
                    quota.period_months,
                    Reason(
                        ReasonCode.OBLIGATION_LAID_OFF_GRACE,
                        {"months": defaults.lay_off_grace_months, "begins": obligation_begins.isoformat()},
                    ),
                )
            return _obligation(quota, Reason(ReasonCode.OBLIGATION_LAID_OFF, {"months": defaults.lay_off_grace_months}))


def _obligation(quota: Quota, reason: Reason) -> JobSearchObligation:
    return JobSearchObligation(quota.count, quota.period_months, reason)
