"""The pure rate core: which rule is in force, what it pays, which conditions refuse (tables and properties)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subsidies import rates
from subsidies.rates import Case, EmployerType, Kind, Status, calculate, in_force, months_unemployed, weekdays
from tests.subsidies.rules import GENERAL, GENERAL_2025, RULES, START_UP_2024, START_UP_2025, START_UP_2026

E = EmployerType


def pay_case(kind=Kind.GENERAL, costs="2000", hours="37.5", full_time="37.5", employer=E.COMPANY, **extra):
    values = {
        "kind": kind,
        "start_date": date(2024, 3, 1),
        "months": 5,
        "monthly_pay_costs": Decimal(costs),
        "weekly_hours": Decimal(hours),
        "full_time_weekly_hours": Decimal(full_time),
        "employer_type": employer,
    }
    return Case(**{**values, **extra})


def codes(result, status=Status.NOT_MET):
    return {check.code for check in result.checks if check.status == status}


@pytest.mark.parametrize(
    ("kind", "costs", "monthly"),
    [
        (Kind.GENERAL, "2000", "1000.00"),  # 50 % under the cap
        (Kind.GENERAL, "2520", "1260.00"),  # exactly at the cap
        (Kind.GENERAL, "3000", "1260.00"),  # capped
        (Kind.GENERAL, "2000.03", "1000.01"),  # half a cent is cut, never rounded up
        (Kind.REDUCED_WORK_ABILITY, "2000", "1400.00"),
        (Kind.REDUCED_WORK_ABILITY, "3000", "1770.00"),
        (Kind.AGE_55_PLUS, "2000", "1400.00"),
        (Kind.AGE_55_PLUS, "2600", "1770.00"),
    ],
)
def test_monthly_amount_is_the_share_up_to_the_cap(kind, costs, monthly):
    result = calculate(pay_case(kind, costs), RULES)
    assert result.eligible
    assert result.monthly_amount == Decimal(monthly)
    assert result.total == Decimal(monthly) * 5
    assert result.end_date == date(2024, 7, 31)


def test_association_pays_all_costs_up_to_its_cap_for_at_most_65_percent_hours():
    ok = calculate(pay_case(Kind.ASSOCIATION, "1800", hours="24", employer=E.ASSOCIATION), RULES)
    assert ok.eligible and ok.monthly_amount == Decimal("1800.00")
    capped = calculate(pay_case(Kind.ASSOCIATION, "2500", hours="24", employer=E.ASSOCIATION), RULES)
    assert capped.monthly_amount == Decimal("2020.00")
    # 25 / 37.5 = 66.7 % > 65 %
    refused = calculate(pay_case(Kind.ASSOCIATION, "1800", hours="25", employer=E.ASSOCIATION), RULES)
    assert not refused.eligible
    (refusal,) = refused.refusals
    assert (refusal.code, refusal.field, refusal.rule_id) == (
        "max_hours_share",
        "weekly_hours",
        "palkkatuki-yhdistys-2023-07",
    )
    assert refusal.params["share"] == Decimal("66.7")


def test_association_kind_is_for_associations_only():
    result = calculate(pay_case(Kind.ASSOCIATION, hours="20", employer=E.COMPANY), RULES)
    assert codes(result) == {"employer_type"}
    assert result.refusals[0].field == "employer_type"


@pytest.mark.parametrize(
    ("kind", "start", "extra", "refused"),
    [
        # Before 2025 a municipality gets the general pay subsidy like anyone.
        (Kind.GENERAL, date(2024, 12, 31), {}, set()),
        (Kind.GENERAL, date(2025, 1, 1), {}, {"employer_restriction"}),
        # The exception: a long-term unemployed person aged 60 or more.
        (Kind.GENERAL, date(2025, 3, 1), {"age": 60, "unemployed_since": date(2024, 3, 1)}, set()),
        (Kind.GENERAL, date(2025, 3, 1), {"age": 59, "unemployed_since": date(2024, 3, 1)}, {"employer_restriction"}),
        (Kind.GENERAL, date(2025, 3, 1), {"age": 61, "unemployed_since": date(2024, 3, 2)}, {"employer_restriction"}),
        (Kind.REDUCED_WORK_ABILITY, date(2025, 3, 1), {}, set()),
        (Kind.AGE_55_PLUS, date(2025, 3, 1), {}, {"employer_restriction"}),
    ],
)
def test_municipality_as_employer_from_2025(kind, start, extra, refused):
    result = calculate(pay_case(kind, employer=E.MUNICIPALITY, start_date=start, **extra), RULES)
    assert codes(result) == refused
    if refused:
        assert result.refusals[0].rule_id == "kunta-tyonantajana-2025"
        assert result.refusals[0].source.startswith("HE 120/2024")


def test_age_55_plus_conditions_unknown_then_checked():
    unknown = calculate(pay_case(Kind.AGE_55_PLUS), RULES)
    assert unknown.eligible
    assert codes(unknown, Status.UNKNOWN) == {"min_age", "unemployment"}
    known = calculate(pay_case(Kind.AGE_55_PLUS, age=54, unemployed_since=date(2022, 6, 1), hours="24"), RULES)
    assert codes(known) == {"min_age", "unemployment", "min_weekly_hours"}
    met = calculate(pay_case(Kind.AGE_55_PLUS, age=55, unemployed_since=date(2022, 3, 1)), RULES)
    assert met.eligible and not codes(met, Status.UNKNOWN)


def test_months_over_the_rule_are_refused():
    assert codes(calculate(pay_case(months=11), RULES)) == {"max_months"}
    assert calculate(pay_case(months=10, unemployed_since=date(2022, 1, 1)), RULES).eligible


def test_no_rule_before_the_reform_names_the_start_date():
    result = calculate(pay_case(start_date=date(2023, 6, 30)), RULES)
    assert result.rule is None and not result.eligible
    assert [(c.code, c.field) for c in result.refusals] == [("no_rule_in_force", "start_date")]


@pytest.mark.parametrize(
    ("start", "rule"),
    [
        (date(2024, 1, 1), START_UP_2024),
        (date(2024, 12, 31), START_UP_2024),
        (date(2025, 1, 1), START_UP_2025),
        (date(2026, 1, 1), START_UP_2026),
        (date(2027, 1, 1), None),  # no amount stored for 2027 yet: an administrator adds it
        (date(2023, 12, 31), None),
    ],
)
def test_start_up_grant_rule_by_year(start, rule):
    assert rates.rule_for(Kind.START_UP_GRANT, start, RULES) == rule


def test_start_up_grant_is_paid_five_days_a_week():
    # March–August 2025: 26 full weeks + 2 days (Mon 1.9 is outside; 1.3.2025 is a Saturday).
    result = calculate(Case(Kind.START_UP_GRANT, date(2025, 3, 1), 6), RULES)
    assert result.eligible
    assert result.end_date == date(2025, 8, 31)
    assert result.days == 130
    assert result.total == Decimal("37.21") * 130
    assert result.monthly_amount == Decimal("806.21")  # 37.21 × 5 × 52/12, cut to the cent
    (check,) = result.checks
    assert (check.code, check.params) == ("period_months", {"limit": 12, "period": 6})


@pytest.mark.parametrize(
    ("months", "granted", "refused"),
    [
        (6, None, set()),  # the calculator does not know the person: one period is fine
        (7, None, {"period_months"}),  # granted 6 months at a time
        (13, None, {"period_months"}),
        (6, 0, set()),
        (6, 6, set()),  # the second period: 12 in all
        (1, 11, set()),
        (2, 11, {"granted_months"}),  # 13 in all
        (6, 12, {"granted_months"}),
        (7, 6, {"period_months", "granted_months"}),
    ],
)
def test_start_up_grant_periods_and_months_granted_before(months, granted, refused):
    result = calculate(Case(Kind.START_UP_GRANT, date(2025, 3, 1), months, granted_months=granted), RULES)
    assert codes(result) == refused
    assert {check.field for check in result.refusals} <= {"months"}
    assert {check.rule_id for check in result.refusals} <= {"starttiraha-2025"}


@given(months=st.integers(1, 60), granted=st.integers(0, 24))
def test_start_up_grant_never_above_the_maximum_in_all(months, granted):
    result = calculate(Case(Kind.START_UP_GRANT, date(2025, 3, 1), months, granted_months=granted), RULES)
    assert result.eligible == (months <= 6 and months + granted <= 12)


@pytest.mark.parametrize(
    ("months", "since", "refused", "extended"),
    [
        (5, None, set(), False),  # the rule: 5 months for anyone
        (1, None, set(), False),
        (6, None, {"extended_period"}, True),  # longer only when unemployment is shown
        (10, None, {"extended_period"}, True),
        (10, date(2023, 3, 1), set(), True),  # 12 full months before 1.3.2024
        (10, date(2023, 3, 2), {"extended_period"}, True),  # a day short of 12 months
        (6, date(2022, 1, 1), set(), True),
        (11, date(2022, 1, 1), {"max_months"}, False),  # over the maximum: no period check on top
    ],
)
def test_general_pay_subsidy_five_months_or_ten_after_long_unemployment(months, since, refused, extended):
    result = calculate(pay_case(months=months, unemployed_since=since), RULES)
    assert codes(result) == refused
    periods = [check for check in result.checks if check.code == "extended_period"]
    assert [check.params["extended"] for check in periods] == ([] if "max_months" in refused else [extended])
    assert all(check.field == "months" and check.rule_id == GENERAL.id for check in result.refusals)


def test_the_extension_is_only_for_the_kinds_whose_rule_has_it():
    assert calculate(pay_case(Kind.REDUCED_WORK_ABILITY, months=20), RULES).eligible


@pytest.mark.parametrize(
    ("received", "first", "last"),
    [
        (date(2025, 2, 1), date(2025, 2, 1), date(2026, 2, 1)),
        (date(2024, 2, 29), date(2024, 2, 29), date(2025, 2, 28)),
        (date(2025, 1, 31), date(2025, 1, 31), date(2026, 1, 31)),
    ],
)
def test_a_subsidy_starts_between_receipt_and_twelve_months_after(received, first, last):
    assert rates.start_date_window(received) == (first, last)


def test_in_force_takes_the_latest_started_rule():
    raised = replace(
        GENERAL_2025, id="palkkatuki-yleinen-2026", effective_from=date(2026, 1, 1), monthly_cap=Decimal(1300)
    )
    rules = replace(RULES, pay_subsidy=(*RULES.pay_subsidy, raised))
    assert in_force([GENERAL, GENERAL_2025, raised], date(2024, 12, 31)) == GENERAL
    assert in_force([GENERAL, GENERAL_2025, raised], date(2025, 12, 31)) == GENERAL_2025
    assert in_force([GENERAL, GENERAL_2025, raised], date(2026, 1, 1)) == raised
    assert calculate(pay_case(costs="3000", start_date=date(2026, 2, 1)), rules).monthly_amount == Decimal(1300)


@pytest.mark.parametrize(
    ("since", "start", "window", "months"),
    [
        (date(2023, 1, 1), date(2025, 1, 1), 28, 24),
        (date(2023, 1, 2), date(2025, 1, 1), 28, 23),
        (date(2020, 1, 1), date(2025, 1, 1), 28, 28),
        (date(2025, 1, 1), date(2025, 1, 1), 28, 0),
    ],
)
def test_months_unemployed(since, start, window, months):
    assert months_unemployed(since, start, window) == months


def test_weekdays():
    assert weekdays(date(2025, 3, 3), date(2025, 3, 9), 5) == 5  # Monday to Sunday
    assert weekdays(date(2025, 3, 8), date(2025, 3, 9), 5) == 0
    assert weekdays(date(2025, 3, 9), date(2025, 3, 8), 5) == 0


# --- properties ----------------------------------------------------------------------------------------------------

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("20000"), places=2)
pay_kinds = st.sampled_from([Kind.GENERAL, Kind.REDUCED_WORK_ABILITY, Kind.AGE_55_PLUS])
starts = st.dates(min_value=date(2023, 7, 1), max_value=date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(kind=pay_kinds, costs=money, start=starts, months=st.integers(1, 10))
def test_never_above_cap_nor_share_and_total_is_whole_months(kind, costs, start, months):
    result = calculate(pay_case(kind, str(costs), start_date=start, months=months), RULES)
    rule = result.rule
    assert result.monthly_amount <= rule.monthly_cap
    assert result.monthly_amount <= costs * rule.share_percent / 100
    assert result.monthly_amount >= 0 and result.monthly_amount == result.monthly_amount.quantize(Decimal("0.01"))
    assert result.total == result.monthly_amount * months


@settings(max_examples=200, deadline=None)
@given(kind=pay_kinds, low=money, high=money, start=starts)
def test_monotone_in_pay(kind, low, high, start):
    low, high = sorted((low, high))
    amount = [calculate(pay_case(kind, str(costs), start_date=start), RULES).monthly_amount for costs in (low, high)]
    assert amount[0] <= amount[1]


@settings(max_examples=200, deadline=None)
@given(
    hours=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=1),
    full_time=st.decimals(min_value=Decimal("30"), max_value=Decimal("40"), places=1),
)
def test_association_hours_refused_exactly_over_65_percent(hours, full_time):
    result = calculate(
        pay_case(Kind.ASSOCIATION, hours=str(hours), full_time=str(full_time), employer=E.ASSOCIATION), RULES
    )
    share = (hours * 100 / full_time).quantize(Decimal("0.1"))
    assert ("max_hours_share" in codes(result)) == (share > 65)


@settings(max_examples=200, deadline=None)
@given(start=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)), months=st.integers(1, 12))
def test_start_up_grant_never_more_than_five_days_a_week(start, months):
    result = calculate(Case(Kind.START_UP_GRANT, start, months), RULES)
    length = (result.end_date - start).days + 1
    assert result.days <= -(-length // 7) * 5
    assert result.days >= (length // 7) * 5
    assert result.total == result.rule.daily_amount * result.days


def test_the_stored_choices_are_the_cores():
    from subsidies.enums import EmployerType as StoredEmployerType
    from subsidies.enums import SubsidyKind

    assert set(SubsidyKind.values) == {kind.value for kind in Kind}
    assert set(StoredEmployerType.values) == {employer.value for employer in EmployerType}


@pytest.mark.parametrize(
    ("start", "rule_id", "act"),
    [
        (date(2023, 7, 1), "palkkatuki-yleinen-2023-07", "916/2012"),
        (date(2024, 12, 31), "palkkatuki-yleinen-2023-07", "916/2012"),
        (date(2025, 1, 1), "palkkatuki-yleinen-2025-01", "380/2023"),
        (date(2026, 11, 30), "palkkatuki-yleinen-2025-01", "380/2023"),
    ],
)
def test_the_act_cited_follows_the_start_date_across_the_repeal_of_916_2012(start, rule_id, act):
    result = calculate(pay_case(start_date=start), RULES)
    assert (result.rule.id, result.monthly_amount) == (rule_id, Decimal("1000.00"))
    assert act in result.rule.source


@pytest.mark.parametrize("kind", [Kind.GENERAL, Kind.REDUCED_WORK_ABILITY, Kind.ASSOCIATION, Kind.AGE_55_PLUS])
def test_every_kind_has_a_2025_version_with_the_same_amounts(kind):
    old, new = (rates.rule_for(kind, day, RULES) for day in (date(2024, 12, 31), date(2025, 1, 1)))
    assert "916/2012" in old.source and "380/2023" in new.source and "916/2012" not in new.source
    assert (old.share_percent, old.monthly_cap, old.max_months) == (new.share_percent, new.monthly_cap, new.max_months)
