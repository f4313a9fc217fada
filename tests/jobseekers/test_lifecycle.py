"""The job search's dates (jobseekers/lifecycle.py), tested directly: a pure core, no database."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jobseekers import lifecycle
from jobseekers.lifecycle import Problem

days = st.dates(min_value=date(2022, 5, 2), max_value=date(2030, 12, 31))


@given(started=days, ended=days, today=days)
def test_an_end_is_accepted_exactly_within_the_job_search_and_not_in_the_future(started, ended, today):
    problem = lifecycle.end_problem(started_on=started, ended_on=ended, already_ended_on=None, today=today)
    assert (problem is None) == (started <= ended <= today)
    if problem is not None:
        assert problem == (Problem.IN_FUTURE if ended > today else Problem.BEFORE_START)


@given(started=days, ended=days, earlier=days)
def test_a_job_search_ends_once(started, ended, earlier):
    problem = lifecycle.end_problem(
        started_on=started, ended_on=ended, already_ended_on=earlier, today=date(2031, 1, 1)
    )
    assert problem == Problem.ALREADY_ENDED


def test_an_end_needs_its_date():
    problem = lifecycle.end_problem(
        started_on=date(2025, 1, 1), ended_on=None, already_ended_on=None, today=date(2026, 1, 1)
    )
    assert problem == Problem.MISSING


def test_a_status_change_takes_effect_within_the_search_in_order():
    start, today = date(2025, 1, 10), date(2025, 6, 2)
    check = lifecycle.status_change_problem
    assert check(effective_on=date(2025, 3, 1), started_on=start, latest_change_on=None, today=today) is None
    assert check(effective_on=today, started_on=start, latest_change_on=today, today=today) is None
    assert check(effective_on=today + timedelta(days=1), started_on=start, latest_change_on=None, today=today) == (
        Problem.IN_FUTURE
    )
    assert check(effective_on=date(2025, 1, 9), started_on=start, latest_change_on=None, today=today) == (
        Problem.BEFORE_START
    )
    assert check(effective_on=date(2025, 3, 1), started_on=start, latest_change_on=date(2025, 4, 1), today=today) == (
        Problem.BEFORE_PREVIOUS_CHANGE
    )


@given(ended=days, restarts=days)
def test_a_new_job_search_starts_on_or_after_the_previous_end(ended, restarts):
    problem = lifecycle.restart_problem(previous_ended_on=ended, restarts_on=restarts)
    assert (problem is None) == (restarts >= ended)


@given(was=st.booleans(), now=st.booleans(), since=st.none() | days, effective=days)
def test_unemployment_starts_when_it_begins_and_is_kept_while_it_lasts(was, now, since, effective):
    result = lifecycle.unemployed_since(was_unemployed=was, is_unemployed=now, since=since, effective_on=effective)
    assert (result is not None) == now
    if now and was and since is not None:
        assert result == since
    elif now:
        assert result == effective


@given(
    st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 3)),
    st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 3)),
)
def test_changed_lists_exactly_the_differing_fields(old, new):
    result = lifecycle.changed(old, new)
    assert set(result) == {name for name in new if old.get(name) != new[name]}
    assert all(result[name] == (old.get(name), new[name]) for name in result)


def test_an_end_before_the_last_status_change_is_refused():
    start, today, changed = date(2025, 1, 10), date(2025, 6, 2), date(2025, 4, 1)

    def check(ended):
        return lifecycle.end_problem(
            started_on=start, ended_on=ended, already_ended_on=None, today=today, latest_change_on=changed
        )

    assert check(changed - timedelta(days=1)) == Problem.BEFORE_PREVIOUS_CHANGE
    assert check(changed) is None and check(today) is None
