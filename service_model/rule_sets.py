"""The Nordic service model's rule sets (pohjoismainen työvoimapalvelumalli), each with its effective date and source.

Every statutory parameter lives in a `RuleSet` data object; `RULE_SETS` lists them and `rule_set_for` picks the one in
force on a day, so a future amendment is one more entry in `RULE_SETS` and no code change. `rules.py` computes the
deadlines from them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache


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
    """Supplementary discussions `interval_days` after the previous discussion, during the first `duration_months` of
    the job search (HE 167/2021: "työnhaun alusta kolmen kuukauden ajan"), so a late initial_interview shortens the
    intensive start rather than moving it."""

    interval_days: int
    duration_months: int
    statuses: frozenset[JobSeekerStatus]


@dataclass(frozen=True)
class LongTermIntensification:
    """From `after_months` of unemployment, every `every_months` a period of `period_months` in which `discussions`
    discussions are held; only discussions inside the period count, so the regular three-monthly ones around it do
    not meet it. Due dates are `interval_days` apart from the period's start, which fits two in the month.
    """

    after_months: int
    every_months: int
    period_months: int
    discussions: int
    interval_days: int
    statuses: frozenset[JobSeekerStatus]


@dataclass(frozen=True)
class JobSearchProfileDuty:
    """The job seeker draws up and publishes a job-search profile on the national platform (Työmarkkinatori) within a
    time limit; if they do not, the employment authority draws it up and publishes it. The limit's length is set with
    the platform's provisions and is not in this system's sources, so nothing here computes a due date: the card
    flags a person whose profile is not recorded as published, and the counsellor records it."""

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
    job_search_profile: JobSearchProfileDuty | None = None


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
        "half year; job-search obligation 4 per month as a rule."
    ),
    initial_interview_working_days=5,
    new_initial_interview_after_months=6,
    job_search_discussion_interval_months=3,
    job_search_discussion_statuses=_FOLLOWED_UP,
    intensive_start=IntensiveStart(interval_days=14, duration_months=3, statuses=_LEGALLY_UNEMPLOYED),
    long_term=LongTermIntensification(
        after_months=6,
        every_months=6,
        period_months=1,
        discussions=2,
        interval_days=14,
        statuses=_LEGALLY_UNEMPLOYED,
    ),
    job_search_obligation=_OBLIGATION_DEFAULTS,
)

RULE_SET_2026 = RuleSet(
    id="nordic_2026",
    effective_from=date(2026, 1, 1),
    source=(
        "HE 108/2025, TyVM 9/2025: initial interview within 10 working days; supplementary discussions and "
        "long-term intensified periods by need, no schedule; job-search discussions every 3 months; same "
        "job-search obligation (its neglect is judged in a statement: statements/rules.py)."
    ),
    initial_interview_working_days=10,
    new_initial_interview_after_months=6,
    job_search_discussion_interval_months=3,
    job_search_discussion_statuses=_FOLLOWED_UP,
    intensive_start=None,
    long_term=None,
    job_search_obligation=_OBLIGATION_DEFAULTS,
)

# The platform and job-search profile provisions of the same reform came into force later than the rest.
RULE_SET_2026_09 = replace(
    RULE_SET_2026,
    id="nordic_2026_09",
    effective_from=date(2026, 9, 1),
    source=(
        "HE 108/2025, TyVM 9/2025, in force 1.9.2026 (the provisions on the service platform and job-search "
        "profiles): as from 1.1.2026, and a registered job seeker must draw up and publish a job-search profile "
        "within a time limit, failing which the employment authority does it."
    ),
    job_search_profile=JobSearchProfileDuty(
        source="HE 108/2025 (Act 380/2023 as amended, in force 1.9.2026); TyVM 9/2025."
    ),
)

RULE_SETS: tuple[RuleSet, ...] = (RULE_SET_2022, RULE_SET_2026, RULE_SET_2026_09)


def rule_set_for(day: date, rule_sets: Sequence[RuleSet] = RULE_SETS) -> RuleSet:
    """The rule set in force on `day`: the one with the latest `effective_from` not after it."""
    if rule_sets is RULE_SETS:
        return _in_force(day)
    return _pick(day, rule_sets)


# RULE_SETS is a constant tuple of frozen rule sets, so the answer for a day never changes; the deadlines ask it
# several times per job seeker and day. Another list of rule sets (a what-if) is not cached. A day with none in
# force raises each time (lru_cache keeps no exceptions).
@lru_cache(maxsize=1 << 14)
def _in_force(day: date) -> RuleSet:
    return _pick(day, RULE_SETS)


def _pick(day: date, rule_sets: Sequence[RuleSet]) -> RuleSet:
    in_force = [rule_set for rule_set in rule_sets if rule_set.effective_from <= day]
    if not in_force:
        earliest = min((rule_set.effective_from for rule_set in rule_sets), default=None)
        raise NoRuleSetInForce(
            f"No Nordic service model rule set is in force on {day.isoformat()}; "
            f"the earliest takes effect on {earliest.isoformat() if earliest else 'no date (none defined)'}."
        )
    return max(in_force, key=lambda rule_set: rule_set.effective_from)
