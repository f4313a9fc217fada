"""The job search's dates: when a status change or the end of a job search may take effect, when a returning person's
new job search may start, and what a status change does to the start of unemployment.

A pure core (no Django): plain dates and booleans in, a Problem code or a date out; jobseekers/changes.py renders the
codes as Finnish messages and stores the results.
"""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum


class Problem(StrEnum):
    MISSING = "missing"
    IN_FUTURE = "in_future"
    BEFORE_START = "before_start"  # before the job search started
    BEFORE_PREVIOUS_CHANGE = "before_previous_change"  # before the status change recorded last
    ALREADY_ENDED = "already_ended"
    RESTART_BEFORE_END = "restart_before_end"  # a new job search starting before the previous one ended


def end_problem(
    *,
    started_on: date,
    ended_on: date | None,
    already_ended_on: date | None,
    today: date,
    latest_change_on: date | None = None,
) -> Problem | None:
    """Whether a job search that started on `started_on` may be ended on `ended_on`: not before the status change
    recorded last either, since a status cannot take effect after the search it belongs to has ended."""
    if already_ended_on is not None:
        return Problem.ALREADY_ENDED
    if ended_on is None:
        return Problem.MISSING
    if ended_on > today:
        return Problem.IN_FUTURE
    if ended_on < started_on:
        return Problem.BEFORE_START
    if latest_change_on is not None and ended_on < latest_change_on:
        return Problem.BEFORE_PREVIOUS_CHANGE
    return None


def status_change_problem(
    *, effective_on: date, started_on: date, latest_change_on: date | None, today: date
) -> Problem | None:
    """Whether a status change may take effect on `effective_on`: within the job search, not in the future, and not
    before the status change recorded last (the history stays in order)."""
    if effective_on > today:
        return Problem.IN_FUTURE
    if effective_on < started_on:
        return Problem.BEFORE_START
    if latest_change_on is not None and effective_on < latest_change_on:
        return Problem.BEFORE_PREVIOUS_CHANGE
    return None


def restart_problem(*, previous_ended_on: date, restarts_on: date) -> Problem | None:
    """A returning person's new job search starts on or after the day the previous one ended."""
    if restarts_on < previous_ended_on:
        return Problem.RESTART_BEFORE_END
    return None


def unemployed_since(
    *, was_unemployed: bool, is_unemployed: bool, since: date | None, effective_on: date
) -> date | None:
    """The start of unemployment after a status change that took effect on `effective_on`.

    Becoming unemployed starts it on that day; staying unemployed (unemployed ↔ fully laid off) keeps it; any other
    status has none.
    """
    if not is_unemployed:
        return None
    if was_unemployed and since is not None:
        return since
    return effective_on


def changed(old: Mapping[str, object], new: Mapping[str, object]) -> dict[str, tuple[object, object]]:
    """The fields of `new` whose value differs from `old`, as name → (old, new), in `new`'s order."""
    return {name: (old.get(name), value) for name, value in new.items() if old.get(name) != value}
