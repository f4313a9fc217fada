"""The job-search obligation the rule sets set by default."""

from datetime import date

import pytest

from service_model.reasons import Reason, ReasonCode
from service_model.rules import (
    RULE_SET_2026,
    RULE_SETS,
    JobSearchObligation,
    JobSeekerStatus,
    RuleSet,
    job_search_obligation,
)

S = JobSeekerStatus


@pytest.mark.parametrize("rule_set", RULE_SETS, ids=lambda rule_set: rule_set.id)
@pytest.mark.parametrize(
    ("status", "laid_off_since", "day", "count", "period_months"),
    [
        (S.UNEMPLOYED, None, None, 4, 1),
        (S.IN_SERVICES, None, None, 4, 1),
        (S.PART_TIME, None, None, 1, 3),
        (S.STUDENT, None, None, 3, 3),
        (S.EMPLOYED_SEEKING, None, None, 0, 1),
        (S.PAY_SUBSIDISED, None, None, 0, 1),
        (S.FULLY_LAID_OFF, date(2026, 1, 31), date(2026, 4, 29), 0, 1),
        (S.FULLY_LAID_OFF, date(2026, 1, 31), date(2026, 4, 30), 4, 1),
        (S.PARTLY_LAID_OFF, date(2026, 1, 1), date(2026, 3, 31), 0, 3),
        (S.PARTLY_LAID_OFF, date(2026, 1, 1), date(2026, 4, 1), 1, 3),
    ],
)
def test_job_search_obligation_defaults(
    rule_set: RuleSet,
    status: JobSeekerStatus,
    laid_off_since: date | None,
    day: date | None,
    count: int,
    period_months: int,
) -> None:
    obligation = job_search_obligation(rule_set, status, laid_off_since=laid_off_since, day=day)
    assert isinstance(obligation, JobSearchObligation)
    assert (obligation.count, obligation.period_months) == (count, period_months)
    assert obligation.reason.code in ReasonCode


def test_job_search_obligation_tells_when_a_lay_off_obligation_begins() -> None:
    count, _, reason = job_search_obligation(
        RULE_SET_2026, "fully_laid_off", laid_off_since=date(2026, 1, 31), day=date(2026, 2, 15)
    )
    assert count == 0
    assert reason == Reason(ReasonCode.OBLIGATION_LAID_OFF_GRACE, {"months": 3, "begins": "2026-04-30"})


def test_job_search_obligation_chooses_the_rule_set_by_day() -> None:
    assert job_search_obligation(None, S.STUDENT, day=date(2026, 1, 1)) == job_search_obligation(
        RULE_SET_2026, S.STUDENT
    )


@pytest.mark.parametrize(
    ("rule_set", "status", "kwargs", "message"),
    [
        (None, S.UNEMPLOYED, {}, "day is needed"),
        (RULE_SET_2026, S.FULLY_LAID_OFF, {"day": date(2026, 3, 1)}, "laid_off_since and day"),
        (RULE_SET_2026, S.PARTLY_LAID_OFF, {"laid_off_since": date(2026, 3, 1)}, "laid_off_since and day"),
    ],
)
def test_job_search_obligation_needs_its_dates(
    rule_set: RuleSet | None, status: JobSeekerStatus, kwargs: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        job_search_obligation(rule_set, status, **kwargs)
