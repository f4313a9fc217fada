"""Rule sets of the Nordic service model (pohjoismainen työvoimapalvelumalli) and the deadlines they produce.

Every statutory parameter lives in a `RuleSet` data object; `RULE_SETS` lists them and `rule_set_for` picks the
one in force on a day, so a future amendment is one more entry in `RULE_SETS` and no code change.

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
from enum import StrEnum
from typing import NamedTuple

from common.dates import add_months
from service_model.workdays import add_working_days, next_working_day_on_or_after

__all__ = [
    "RULE_SETS",
    "RULE_SET_2022",
    "RULE_SET_2026",
    "Deadline",
    "IntensiveStart",
    "JobSearchObligation",
    "JobSearchObligationDefaults",
    "JobSeekerStatus",
    "LongTermIntensification",
    "Meeting",
    "MeetingType",
    "NeglectSanction",
    "NoRuleSetInForce",
    "PlannedMeeting",
    "Quota",
    "RuleSet",
    "job_search_obligation",
    "next_statutory_meeting",
    "rule_set_for",
    "schedule",
]


class JobSeekerStatus(StrEnum):
    UNEMPLOYED = "unemployed"
    FULLY_LAID_OFF = "fully_laid_off"
    PARTLY_LAID_OFF = "partly_laid_off"
    PART_TIME = "part_time"
    PAY_SUBSIDISED = "pay_subsidised"
    EMPLOYED_SEEKING = "employed_seeking"
    IN_SERVICES = "in_services"
    STUDENT = "student"


class MeetingType(StrEnum):
    INITIAL_INTERVIEW = "initial_interview"
    JOB_SEARCH_DISCUSSION = "job_search_discussion"
    SUPPLEMENTARY_DISCUSSION = "supplementary_discussion"
    OTHER = "other"


# Meetings in which the employment_plan is reviewed; "other" contacts (calls, info sessions) satisfy no rule.
_DISCUSSIONS = frozenset(
    {MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION, MeetingType.SUPPLEMENTARY_DISCUSSION}
)
# The three-month clock runs from the initial_interview or the previous job_search_discussion only.
_THREE_MONTH_ANCHORS = frozenset({MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION})

_S = JobSeekerStatus
# Unemployed in the statutory sense (916/2012 ch. 1 § 3 as amended by 1379/2021: a fully laid-off person
# counts as unemployed). The intensified schedules target them; students and people in services already have
# their time committed by the employment_plan.
_LEGALLY_UNEMPLOYED = frozenset({_S.UNEMPLOYED, _S.FULLY_LAID_OFF})
# Everyone but an employed job seeker, who receives no benefit and has no statutory follow-up.
_FOLLOWED_UP = frozenset(_S) - {_S.EMPLOYED_SEEKING}


class NoRuleSetInForce(LookupError):
    pass


@dataclass(frozen=True)
class Quota:
    count: int
    period_months: int


@dataclass(frozen=True)
class JobSearchObligationDefaults:
    general: Quota
    part_time: Quota
    partly_laid_off: Quota
    student: Quota
    lay_off_grace_months: int


@dataclass(frozen=True)
class IntensiveStart:
    """Supplementary discussions at `interval_days` after the initial_interview until `duration_months`."""

    interval_days: int
    duration_months: int
    statuses: frozenset[JobSeekerStatus]


@dataclass(frozen=True)
class LongTermIntensification:
    """From `after_months` of job search, every `every_months` a period of `discussions` discussions.

    The periods are one month long; modelled as the discussions at `interval_days` intervals from the start
    of the period, which fits two discussions in the month.
    """

    after_months: int
    every_months: int
    discussions: int
    interval_days: int
    statuses: frozenset[JobSeekerStatus]


@dataclass(frozen=True)
class NeglectSanction:
    days_without_benefit: int
    effective_from: date
    source: str


@dataclass(frozen=True)
class RuleSet:
    id: str
    effective_from: date
    source: str
    initial_interview_working_days: int
    new_initial_interview_after_months: int
    job_search_discussion_interval_months: int
    job_search_discussion_statuses: frozenset[JobSeekerStatus]
    intensive_start: IntensiveStart | None
    long_term: LongTermIntensification | None
    job_search_obligation: JobSearchObligationDefaults
    first_neglect: NeglectSanction | None

    def first_neglect_days_without_benefit(self, day: date) -> int:
        """Benefit days lost for a first neglect on `day`; 0 means a reminder only."""
        sanction = self.first_neglect
        if sanction is None or day < sanction.effective_from:
            return 0
        return sanction.days_without_benefit


_OBLIGATION_DEFAULTS = JobSearchObligationDefaults(
    general=Quota(count=4, period_months=1),
    part_time=Quota(count=1, period_months=3),
    partly_laid_off=Quota(count=1, period_months=3),
    student=Quota(count=3, period_months=3),
    lay_off_grace_months=3,
)

RULE_SET_2022 = RuleSet(
    id="nordic_2022",
    effective_from=date(2022, 5, 2),
    source=(
        "HE 167/2021, Act 1379/2021 (in force 2.5.2022), carried over to Act 380/2023: initial interview "
        "within 5 working days; supplementary discussions about every 2 weeks in the first 3 months; "
        "job-search discussions every 3 months; after 6 months a one-month period with two discussions every "
        "half year; job-search obligation 4 per month as a rule; a first neglect brings a reminder only."
    ),
    initial_interview_working_days=5,
    new_initial_interview_after_months=6,
    job_search_discussion_interval_months=3,
    job_search_discussion_statuses=_FOLLOWED_UP,
    intensive_start=IntensiveStart(interval_days=14, duration_months=3, statuses=_LEGALLY_UNEMPLOYED),
    long_term=LongTermIntensification(
        after_months=6, every_months=6, discussions=2, interval_days=14, statuses=_LEGALLY_UNEMPLOYED
    ),
    job_search_obligation=_OBLIGATION_DEFAULTS,
    first_neglect=None,
)

RULE_SET_2026 = RuleSet(
    id="nordic_2026",
    effective_from=date(2026, 1, 1),
    source=(
        "HE 108/2025, TyVM 9/2025: initial interview within 10 working days; supplementary discussions and "
        "long-term intensified periods by need, no schedule; job-search discussions every 3 months; same "
        "job-search obligation; a first neglect costs 7 days without benefit from 1.3.2026."
    ),
    initial_interview_working_days=10,
    new_initial_interview_after_months=6,
    job_search_discussion_interval_months=3,
    job_search_discussion_statuses=_FOLLOWED_UP,
    intensive_start=None,
    long_term=None,
    job_search_obligation=_OBLIGATION_DEFAULTS,
    first_neglect=NeglectSanction(
        days_without_benefit=7, effective_from=date(2026, 3, 1), source="HE 108/2025, TyVM 9/2025"
    ),
)

RULE_SETS: tuple[RuleSet, ...] = (RULE_SET_2022, RULE_SET_2026)


def rule_set_for(day: date, rule_sets: Sequence[RuleSet] = RULE_SETS) -> RuleSet:
    """The rule set in force on `day`: the one with the latest `effective_from` not after it."""
    in_force = [rule_set for rule_set in rule_sets if rule_set.effective_from <= day]
    if not in_force:
        earliest = min((rule_set.effective_from for rule_set in rule_sets), default=None)
        raise NoRuleSetInForce(
            f"No Nordic service model rule set is in force on {day.isoformat()}; "
            f"the earliest takes effect on {earliest.isoformat() if earliest else 'no date (none defined)'}."
        )
    return max(in_force, key=lambda rule_set: rule_set.effective_from)


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
    reason: str


@dataclass(frozen=True)
class _Candidate:
    meeting_type: MeetingType
    due_on: date
    rule_set: RuleSet
    reason: str


_RulesOn = Callable[[date], RuleSet]


def next_statutory_meeting(
    *,
    job_search_started_on: date,
    status: JobSeekerStatus | str,
    meetings: Iterable[Meeting] = (),
    today: date,
    previous_job_search_ended_on: date | None = None,
    rule_set: RuleSet | None = None,
) -> Deadline | None:
    """The next statutory meeting of a job seeker, or None when no statutory meeting is pending.

    Only meetings held from the job search start up to `today` count. Until the opening meeting is held it is
    the only one due: the initial_interview, or — when the previous job search ended less than
    `new_initial_interview_after_months` before this one started — a job_search_discussion that updates the
    existing employment_plan, on the same working-day deadline. After that the earliest of these is due:
    the three-monthly job_search_discussion, the intensive-start supplementary_discussion and the long-term
    intensified period's discussion. The due date is always a working day; `days_overdue` counts calendar days.
    `rule_set` fixes the rules for every event; without it each event's date chooses (see the module docstring).
    """
    status = JobSeekerStatus(status)
    start = job_search_started_on
    if previous_job_search_ended_on is not None and previous_job_search_ended_on > start:
        raise ValueError("the previous job search cannot end after the current one started")
    held = sorted(
        (meeting for meeting in meetings if start <= meeting.held_on <= today),
        key=lambda meeting: meeting.held_on,
    )

    def rules_on(day: date) -> RuleSet:
        return rule_set if rule_set is not None else rule_set_for(day)

    candidate = _opening_meeting(start, held, previous_job_search_ended_on, rules_on(start))
    if candidate is None:
        candidates = [
            _job_search_discussion(held, status, rules_on),
            _intensive_start_discussion(start, held, status, rules_on),
            _long_term_discussion(start, held, status, today, rules_on),
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
        reason=candidate.reason,
    )


def _opening_meeting(
    start: date, held: Sequence[Meeting], previous_end: date | None, rules: RuleSet
) -> _Candidate | None:
    new_interview_needed = (
        previous_end is None or add_months(previous_end, rules.new_initial_interview_after_months) <= start
    )
    opening_types = {MeetingType.INITIAL_INTERVIEW} if new_interview_needed else _THREE_MONTH_ANCHORS
    if any(meeting.meeting_type in opening_types for meeting in held):
        return None
    due_on = add_working_days(start, rules.initial_interview_working_days)
    if new_interview_needed:
        return _Candidate(
            MeetingType.INITIAL_INTERVIEW,
            due_on,
            rules,
            f"initial interview within {rules.initial_interview_working_days} working days of the job search starting",
        )
    return _Candidate(
        MeetingType.JOB_SEARCH_DISCUSSION,
        due_on,
        rules,
        f"previous job search ended less than {rules.new_initial_interview_after_months} months ago: "
        "no new initial interview, the employment plan is updated in a job-search discussion",
    )


def _job_search_discussion(held: Sequence[Meeting], status: JobSeekerStatus, rules_on: _RulesOn) -> _Candidate | None:
    anchor = max(meeting.held_on for meeting in held if meeting.meeting_type in _THREE_MONTH_ANCHORS)
    rules = rules_on(anchor)
    if status not in rules.job_search_discussion_statuses:
        return None
    months = rules.job_search_discussion_interval_months
    return _Candidate(
        MeetingType.JOB_SEARCH_DISCUSSION,
        next_working_day_on_or_after(add_months(anchor, months)),
        rules,
        f"job-search discussion {months} months after the previous one ({anchor.isoformat()})",
    )


def _intensive_start_discussion(
    start: date, held: Sequence[Meeting], status: JobSeekerStatus, rules_on: _RulesOn
) -> _Candidate | None:
    last_discussion = max(meeting.held_on for meeting in held if meeting.meeting_type in _DISCUSSIONS)
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
        f"intensive start: a discussion every {intensive.interval_days} days during the first "
        f"{intensive.duration_months} months",
    )


def _long_term_discussion(
    start: date, held: Sequence[Meeting], status: JobSeekerStatus, today: date, rules_on: _RulesOn
) -> _Candidate | None:
    # The periods are counted from the job search start with the cadence in force at the start (the event
    # that starts the unemployment clock); whether a period arises is decided by the rules in force when it
    # would begin, so a period beginning under the 2026 rules is not scheduled.
    cadence = rules_on(start).long_term
    if cadence is None:
        return None

    def period_begins(number: int) -> date:
        return add_months(start, cadence.after_months + (number - 1) * cadence.every_months)

    current = 1
    while period_begins(current + 1) <= today:
        current += 1
    # The current period while it is unmet, else the next one. Discussions held late still count until the
    # next period begins, so a missed period can be cleared.
    for number in (current, current + 1):
        begins, ends = period_begins(number), period_begins(number + 1)
        rules = rules_on(begins)
        long_term = rules.long_term
        if long_term is None or status not in long_term.statuses:
            continue
        in_period = [
            meeting.held_on
            for meeting in held
            if meeting.meeting_type in _DISCUSSIONS and begins <= meeting.held_on < ends
        ]
        if len(in_period) < long_term.discussions:
            previous = in_period[-1] if in_period else begins
            return _Candidate(
                MeetingType.SUPPLEMENTARY_DISCUSSION,
                next_working_day_on_or_after(previous + timedelta(days=long_term.interval_days)),
                rules,
                f"long-term intensified period from {begins.isoformat()}: {long_term.discussions} "
                f"discussions {long_term.interval_days} days apart",
            )
    return None


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
    reason: str


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
            return _obligation(general, "general rule")
        case JobSeekerStatus.PART_TIME:
            return _obligation(defaults.part_time, "part-time work")
        case JobSeekerStatus.STUDENT:
            return _obligation(defaults.student, "self-motivated study with unemployment benefit")
        case JobSeekerStatus.EMPLOYED_SEEKING | JobSeekerStatus.PAY_SUBSIDISED:
            # The obligation is a condition of unemployment benefit, which an employed person does not get.
            return JobSearchObligation(0, general.period_months, "employed: no unemployment benefit")
        case JobSeekerStatus.FULLY_LAID_OFF | JobSeekerStatus.PARTLY_LAID_OFF:
            if laid_off_since is None or day is None:
                raise ValueError("laid_off_since and day are needed for a laid-off job seeker")
            quota = general if status is JobSeekerStatus.FULLY_LAID_OFF else defaults.partly_laid_off
            obligation_begins = add_months(laid_off_since, defaults.lay_off_grace_months)
            if day < obligation_begins:
                return JobSearchObligation(
                    0,
                    quota.period_months,
                    f"laid off for less than {defaults.lay_off_grace_months} months; "
                    f"obligation from {obligation_begins.isoformat()}",
                )
            return _obligation(quota, f"laid off for at least {defaults.lay_off_grace_months} months")


def _obligation(quota: Quota, reason: str) -> JobSearchObligation:
    return JobSearchObligation(quota.count, quota.period_months, reason)
