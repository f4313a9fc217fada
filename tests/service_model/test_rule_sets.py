"""Choosing the rule set in force on a day, and what each rule set says."""

import dataclasses
from datetime import date

import pytest

from service_model.rule_sets import (
    RULE_SET_2022,
    RULE_SET_2026,
    RULE_SET_2026_09,
    RULE_SETS,
    NoRuleSetInForce,
    RuleSet,
    rule_set_for,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 5, 2), RULE_SET_2022),
        (date(2025, 12, 31), RULE_SET_2022),
        (date(2026, 1, 1), RULE_SET_2026),
        (date(2026, 8, 31), RULE_SET_2026),
        (date(2026, 9, 1), RULE_SET_2026_09),
        (date(2040, 1, 1), RULE_SET_2026_09),
    ],
)
def test_rule_set_for_picks_the_latest_in_force(day: date, expected: RuleSet) -> None:
    assert rule_set_for(day) is expected


def test_rule_set_for_refuses_days_before_the_model() -> None:
    with pytest.raises(NoRuleSetInForce, match=r"2022-05-01.*earliest takes effect on 2022-05-02"):
        rule_set_for(date(2022, 5, 1))


def test_a_future_rule_set_is_only_data() -> None:
    future = dataclasses.replace(RULE_SET_2026_09, id="future", effective_from=date(2028, 1, 1))
    rule_sets = (future, *RULE_SETS)  # the order of the tuple does not matter
    assert rule_set_for(date(2027, 12, 31), rule_sets) is RULE_SET_2026_09
    assert rule_set_for(date(2028, 1, 1), rule_sets) is future


def test_rule_sets_are_unique_and_carry_their_source() -> None:
    assert len({rule_set.id for rule_set in RULE_SETS}) == len(RULE_SETS)
    assert len({rule_set.effective_from for rule_set in RULE_SETS}) == len(RULE_SETS)
    assert all(rule_set.source for rule_set in RULE_SETS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        RULE_SET_2026.initial_interview_working_days = 5  # type: ignore[misc]


def test_the_job_search_profile_duty_begins_on_1_september_2026() -> None:
    assert rule_set_for(date(2026, 8, 31)).job_search_profile is None
    duty = rule_set_for(date(2026, 9, 1)).job_search_profile
    assert duty is not None and "HE 108/2025" in duty.source


def test_the_september_2026_rules_change_nothing_else() -> None:
    assert (
        dataclasses.replace(
            RULE_SET_2026_09,
            id=RULE_SET_2026.id,
            effective_from=RULE_SET_2026.effective_from,
            source=RULE_SET_2026.source,
            job_search_profile=None,
        )
        == RULE_SET_2026
    )
