"""The statements' pure core: which rule is in force, how repeats count and what each conduct costs."""

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statements import rules
from statements.rules import CaseType, ConsequenceKind, days, work_obligation

JSN = CaseType.JOB_SEARCH_NEGLECT
REMINDER = rules.REMINDER


@pytest.mark.parametrize(
    ("case_type", "day", "earlier", "valid_reason", "expected", "section"),
    [
        # The staggered sanction of 2.5.2022: reminder, 7 days, 14 days, work obligation 12 weeks.
        (JSN, date(2025, 6, 1), [], False, REMINDER, "TTL 2 a luku 10 §"),
        (JSN, date(2025, 6, 1), [date(2025, 3, 1)], False, days(7), "TTL 2 a luku 10 §"),
        (JSN, date(2025, 6, 1), [date(2025, 3, 1), date(2025, 4, 1)], False, days(14), "TTL 2 a luku 10 §"),
        (JSN, date(2025, 6, 1), [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)], False, work_obligation(12), ""),
        # The 7-day first neglect from 1.3.2026 (HE 108/2025, TyVM 9/2025): the day before, still a reminder.
        (JSN, date(2026, 2, 28), [], False, REMINDER, ""),
        (JSN, date(2026, 3, 1), [], False, days(7), "TTL 2 a luku 10 §"),
        (JSN, date(2026, 3, 1), [date(2025, 12, 1)], False, work_obligation(6), ""),
        # Older than 12 months does not count.
        (JSN, date(2026, 6, 1), [date(2025, 6, 1)], False, days(7), ""),
        # The same review period joins the kinds of neglect; the rule of the conduct's own day applies.
        (CaseType.MISSED_MEETING, date(2025, 6, 1), [date(2025, 5, 1)], False, days(7), "TTL 2 a luku 9 §"),
        (CaseType.INTERRUPTED_SERVICE, date(2026, 4, 1), [], False, days(7), "TTL 2 a luku 12 §"),
        # Refusing a job one was chosen for: 45 days whatever came before.
        (CaseType.REFUSED_JOB, date(2026, 4, 1), [date(2026, 3, 1), date(2026, 3, 15)], False, days(45), "4 §"),
        # The official found a valid reason: no consequence, on any rule.
        (JSN, date(2026, 4, 1), [date(2026, 3, 1)], True, rules.NO_CONSEQUENCE, ""),
        (CaseType.REFUSED_JOB, date(2026, 4, 1), [], True, rules.NO_CONSEQUENCE, ""),
    ],
)
def test_assess(case_type, day, earlier, valid_reason, expected, section) -> None:
    found = rules.assess(case_type, day, valid_reason=valid_reason, earlier=earlier)
    assert found.consequence == expected
    assert section in found.rule.section
    assert found.rule.source


def test_reason_codes_say_why() -> None:
    second = rules.assess(JSN, date(2025, 6, 1), valid_reason=False, earlier=[date(2025, 3, 1)])
    assert second.reason == rules.Reason(rules.ReasonCode.NTH_WITHIN_PERIOD, {"ordinal": 2, "months": 12})
    fixed = rules.assess(CaseType.REFUSED_JOB, date(2025, 6, 1), valid_reason=False)
    assert fixed.reason.code is rules.ReasonCode.FIXED and fixed.ordinal == 1
    assert rules.assess(JSN, date(2025, 6, 1), valid_reason=True).reason.code is rules.ReasonCode.VALID_REASON


def test_no_rule_before_the_nordic_model() -> None:
    with pytest.raises(rules.NoRuleInForce, match="2022-05-01"):
        rules.rule_for(JSN, date(2022, 5, 1))


def test_unknown_case_type_is_refused() -> None:
    with pytest.raises(ValueError):
        rules.rule_for("sleeping_in", date(2026, 5, 1))


def test_a_future_amendment_is_only_data() -> None:
    current = rules.rule_for(JSN, date(2026, 6, 1))
    future = dataclasses.replace(current, id="future", effective_from=date(2028, 1, 1), ladder=(days(3),))
    amended = (*rules.RULES, future)
    assert rules.assess(JSN, date(2027, 12, 31), valid_reason=False, rules=amended).consequence == days(7)
    assert rules.assess(JSN, date(2028, 1, 1), valid_reason=False, rules=amended).consequence == days(3)


def test_every_rule_carries_its_source_section_and_certainty() -> None:
    assert len({rule.id for rule in rules.RULES}) == len(rules.RULES)
    for rule in rules.RULES:
        assert rule.source and rule.section.startswith("TTL 2 a luku") and rule.ladder
        assert rule.certainty in rules.Certainty
    assert {rule.case_type for rule in rules.RULES} == set(CaseType)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.RULES[0].review_months = 6  # type: ignore[misc]


def test_same_day_and_later_conducts_are_not_earlier() -> None:
    day = date(2026, 5, 10)
    assert rules.repeat_ordinal(day, [day, day + timedelta(days=1)], 12) == 1
    assert rules.repeat_ordinal(day, [date(2025, 5, 10)], 12) == 1  # exactly 12 months before: outside
    assert rules.repeat_ordinal(day, [date(2025, 5, 11)], 12) == 2


DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(case_type=st.sampled_from(list(CaseType)), day=DAYS)
def test_the_rule_chosen_is_never_one_not_yet_in_force(case_type, day) -> None:
    try:
        chosen = rules.rule_for(case_type, day)
    except rules.NoRuleInForce:
        assert all(rule.effective_from > day for rule in rules.RULES if rule.case_type is case_type)
        return
    assert chosen.effective_from <= day
    # …and it is the latest in force: no rule of the kind took effect between it and the day.
    assert not [
        rule
        for rule in rules.RULES
        if rule.case_type is case_type and chosen.effective_from < rule.effective_from <= day
    ]


@given(
    case_type=st.sampled_from(list(CaseType)),
    day=st.dates(min_value=date(2022, 5, 2), max_value=date(2035, 12, 31)),
    earlier=st.lists(st.integers(min_value=1, max_value=500), max_size=8),
)
def test_one_more_repeat_never_lessens_the_consequence(case_type, day, earlier) -> None:
    before = [day - timedelta(days=n) for n in earlier]
    one_more = [*before, day - timedelta(days=1)]
    fewer = rules.assess(case_type, day, valid_reason=False, earlier=before)
    more = rules.assess(case_type, day, valid_reason=False, earlier=one_more)
    assert more.ordinal >= fewer.ordinal
    assert more.consequence >= fewer.consequence
    assert fewer.consequence.kind > ConsequenceKind.NONE


@given(case_type=st.sampled_from(list(CaseType)), day=st.dates(min_value=date(2022, 5, 2)))
def test_a_valid_reason_always_means_no_consequence(case_type, day) -> None:
    assert rules.assess(case_type, day, valid_reason=True, earlier=[day - timedelta(days=1)]).consequence == (
        rules.NO_CONSEQUENCE
    )


def test_ladders_escalate() -> None:
    for rule in rules.RULES:
        assert list(rule.ladder) == sorted(rule.ladder)
