"""Between the registry's vocabulary and the pure core (no Django here either).

Two decisions live here and nowhere else:

* **Statuses.** The registry's statuses (jobseekers.enums.JobseekerStatus) map onto the core's. `employed` is the
  core's `employed_seeking`. `outside_labour_force` (e.g. a pensioner or a person on family leave who registered to
  find work) is neither unemployed nor covered by the three-monthly discussions of 380/2023, so it is treated like an
  employed job seeker: the opening meeting only, no follow-up schedule.
* **Job searches older than the model.** The Nordic model took effect on 2.5.2022; the core refuses earlier dates
  (there were no such deadlines). A job search that had begun before it entered the model on its first day, so
  its clock starts then: `clock_start`. Meetings held before that day count for nothing.
"""

from collections.abc import Iterable
from datetime import date

from service_model import rules

MODEL_START = min(rule_set.effective_from for rule_set in rules.RULE_SETS)

_STATUS = {
    "unemployed": rules.JobSeekerStatus.UNEMPLOYED,
    "fully_laid_off": rules.JobSeekerStatus.FULLY_LAID_OFF,
    "partly_laid_off": rules.JobSeekerStatus.PARTLY_LAID_OFF,
    "part_time": rules.JobSeekerStatus.PART_TIME,
    "pay_subsidised": rules.JobSeekerStatus.PAY_SUBSIDISED,
    "employed": rules.JobSeekerStatus.EMPLOYED_SEEKING,
    "employed_seeking": rules.JobSeekerStatus.EMPLOYED_SEEKING,
    "outside_labour_force": rules.JobSeekerStatus.EMPLOYED_SEEKING,
    "in_services": rules.JobSeekerStatus.IN_SERVICES,
    "student": rules.JobSeekerStatus.STUDENT,
}
STATUSES = tuple(_STATUS)


def core_status(status: str) -> rules.JobSeekerStatus:
    try:
        return _STATUS[status]
    except KeyError:
        raise ValueError(f"unknown job-seeker status {status!r}") from None


def clock_start(job_search_started_on: date) -> date:
    return max(job_search_started_on, MODEL_START)


def deadline(
    *,
    job_search_started_on: date,
    status: str,
    held: Iterable[tuple[date, str]],
    today: date,
    previous_job_search_ended_on: date | None = None,
    unemployed_since: date | None = None,
) -> rules.Deadline | None:
    """The next statutory meeting of a stored job seeker; `held` pairs (held_on, meeting_type)."""
    return rules.next_statutory_meeting(
        job_search_started_on=clock_start(job_search_started_on),
        status=core_status(status),
        meetings=[rules.Meeting(day, meeting_type) for day, meeting_type in held],
        today=max(today, MODEL_START),
        previous_job_search_ended_on=previous_job_search_ended_on,
        unemployed_since=unemployed_since,
    )


def satisfied_deadline(*, held: Iterable[tuple[date, str]], held_on: date, meeting_type: str, **inputs) -> date | None:
    """The due date of the statutory meeting that a meeting held on `held_on` met, or None if it met none.

    A meeting meets the deadline pending on its day when holding it moves that deadline (an "other" contact never
    does; a job-search discussion also meets a supplementary discussion due, as the core decides). `inputs` are
    `deadline`'s job-seeker arguments.
    """
    held = [pair for pair in held]
    before = deadline(**inputs, held=held, today=held_on)
    if before is None:
        return None
    after = deadline(**inputs, held=[*held, (held_on, meeting_type)], today=held_on)
    if after is not None and (after.meeting_type, after.due_on) == (before.meeting_type, before.due_on):
        return None
    return before.due_on
