"""The codes with which the pure core explains its answers (no prose here: service_model/texts.py renders them)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class ReasonCode(StrEnum):
    """Why a deadline or a default obligation is what it is; texts.py renders each in the user's language."""

    INITIAL_INTERVIEW = "initial_interview"  # days
    RETURNING_DISCUSSION = "returning_discussion"  # months: the previous search ended less than this ago
    JOB_SEARCH_DISCUSSION = "job_search_discussion"  # months, previous (ISO date)
    INTENSIVE_START = "intensive_start"  # days, months
    LONG_TERM_PERIOD = "long_term_period"  # begins (ISO date), discussions, days
    OBLIGATION_GENERAL = "obligation_general"
    OBLIGATION_PART_TIME = "obligation_part_time"
    OBLIGATION_STUDENT = "obligation_student"
    OBLIGATION_EMPLOYED = "obligation_employed"
    OBLIGATION_LAID_OFF_GRACE = "obligation_laid_off_grace"  # months, begins (ISO date)
    OBLIGATION_LAID_OFF = "obligation_laid_off"  # months


@dataclass(frozen=True)
class Reason:
    """A reason code and its parameters (numbers and ISO dates only, so that a row can store them as JSON)."""

    code: ReasonCode
    params: Mapping[str, int | str] = field(default_factory=dict, hash=False)
