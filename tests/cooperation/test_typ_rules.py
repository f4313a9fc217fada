"""The TYP rule core (cooperation/typ_rules.py), tested directly: the rule in force by date, the statutory triggers
of the assessment, and the need deciding the client relationship."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooperation import typ_rules
from cooperation.typ_rules import TypInput, assess, rule_set_for

DAY = date(2026, 3, 2)


def facts(age=40, months=None, days=None, need=None, on=DAY):
    return TypInput(
        on=on,
        age=age,
        continuous_unemployment_months=months,
        labour_market_subsidy_days=days,
        needs_multisectoral_services=need,
    )


def test_the_rule_in_force_names_its_source_and_parties_by_date():
    assert rule_set_for(date(2016, 6, 1)).parties == ("te_office", "municipality", "kela")
    assert rule_set_for(date(2023, 1, 1)).parties == ("te_office", "wellbeing_services_county", "kela")
    current = rule_set_for(DAY)
    assert current.id == "typ-2025" and "employment_authority" in current.parties
    # 1369/2014 was repealed from 1.1.2025 (HE 207/2022 vp); its successor's section is not yet checked.
    assert "381/2023" in current.source and "tarkistettava" in current.section
    assert rule_set_for(date(2023, 1, 1)).section == "1369/2014 2 §"
    with pytest.raises(typ_rules.NoTypRuleInForce):
        rule_set_for(date(2014, 12, 31))


@pytest.mark.parametrize(
    ("age", "months", "days", "code"),
    [
        (24, 6, None, "youth_unemployment"),
        (24, 5, None, "not_due"),
        (25, 6, None, "not_due"),
        (25, 12, None, "adult_unemployment"),
        (40, 2, 300, "subsidy_days"),
        (40, 2, 299, "not_due"),
        (40, None, None, "not_due"),
    ],
)
def test_the_assessment_is_due_after_the_statutory_durations(age, months, days, code):
    found = assess(facts(age=age, months=months, days=days))
    assert found.reasons[0].code == code
    assert found.assessment_due == (code != "not_due")


def test_the_need_found_in_the_joint_assessment_decides():
    assert assess(facts(months=13, need=True)).eligible is True
    assert assess(facts(months=13, need=False)).eligible is False
    assert assess(facts(months=13, need=None)).eligible is None
    assert assess(facts(months=13, need=None)).reasons[-1].code == "need_not_assessed"


ages = st.integers(min_value=17, max_value=70)
months = st.one_of(st.none(), st.integers(min_value=0, max_value=120))
days = st.one_of(st.none(), st.integers(min_value=0, max_value=1500))


@given(ages, months, days, st.integers(min_value=0, max_value=24), st.integers(min_value=0, max_value=400))
def test_more_unemployment_never_makes_the_assessment_less_due(age, base_months, base_days, more_months, more_days):
    before = assess(facts(age=age, months=base_months, days=base_days))
    after = assess(
        facts(
            age=age,
            months=None if base_months is None else base_months + more_months,
            days=None if base_days is None else base_days + more_days,
        )
    )
    assert not before.assessment_due or after.assessment_due


@given(months, days, st.one_of(st.none(), st.booleans()))
def test_a_youth_is_due_no_later_than_an_adult_with_the_same_history(m, d, need):
    youth = assess(facts(age=24, months=m, days=d, need=need))
    adult = assess(facts(age=25, months=m, days=d, need=need))
    assert not adult.assessment_due or youth.assessment_due
    assert youth.eligible == adult.eligible == need
