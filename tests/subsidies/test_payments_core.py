"""The payment check (pure): whole months of the subsidy, never twice, never above the month, the share or the total."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subsidies.payments import Claim, Grant, assess, subsidy_months

# A pay subsidy of 1 260,00 € a month for five months from 15.3.2025, 50 % of the pay costs.
PAY = Grant(date(2025, 3, 15), date(2025, 8, 14), Decimal("1260.00"), Decimal("6300.00"), Decimal(50))
# A start-up grant: the average month 806,21 €, 4 837,30 € in all (130 working days).
START_UP = Grant(
    date(2025, 3, 1),
    date(2025, 8, 31),
    Decimal("806.21"),
    Decimal("4837.30"),
    daily_amount=Decimal("37.21"),
    days_per_week=5,
)


def codes(result):
    return {(problem.code, problem.field) for problem in result.problems}


def test_the_subsidy_months_count_from_the_first_day():
    assert subsidy_months(PAY) == [
        (date(2025, 3, 15), date(2025, 4, 14)),
        (date(2025, 4, 15), date(2025, 5, 14)),
        (date(2025, 5, 15), date(2025, 6, 14)),
        (date(2025, 6, 15), date(2025, 7, 14)),
        (date(2025, 7, 15), date(2025, 8, 14)),
    ]


@pytest.mark.parametrize(
    ("claim", "others", "refused"),
    [
        (Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal("1260.00"), Decimal("2520")), [], set()),
        (Claim(date(2025, 3, 15), date(2025, 5, 14), Decimal("2520.00"), Decimal("5040")), [], set()),
        # Over the month: two months' worth for one month.
        (
            Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal("1260.01"), Decimal("9000")),
            [],
            {("over_monthly", "amount")},
        ),
        # Over the share: the pay slip shows less than was planned.
        (
            Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal("1200.00"), Decimal("2000")),
            [],
            {("over_share", "amount")},
        ),
        (Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal("100"), None), [], {("pay_costs_missing", "pay_costs")}),
        # Outside the period, and not on the month boundaries.
        (
            Claim(date(2025, 3, 1), date(2025, 3, 31), Decimal("100"), Decimal("2520")),
            [],
            {("period_outside", "period_start")},
        ),
        (
            Claim(date(2025, 4, 1), date(2025, 4, 30), Decimal("100"), Decimal("2520")),
            [],
            {("not_month_start", "period_start"), ("not_month_end", "period_end")},
        ),
        (
            Claim(date(2025, 4, 14), date(2025, 3, 15), Decimal("1"), Decimal("2")),
            [],
            {("period_reversed", "period_end")},
        ),
        (
            Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal("0"), Decimal("2520")),
            [],
            {("amount_not_positive", "amount")},
        ),
        # Never twice for the same month.
        (
            Claim(date(2025, 4, 15), date(2025, 6, 14), Decimal("100"), Decimal("2520")),
            [Claim(date(2025, 5, 15), date(2025, 6, 14), Decimal("100"))],
            {("month_claimed", "period_start")},
        ),
        # Never above the total: a month left, but the earlier requests took nearly everything.
        (
            Claim(date(2025, 7, 15), date(2025, 8, 14), Decimal("1260.00"), Decimal("2520")),
            [Claim(date(2025, 3, 15), date(2025, 7, 14), Decimal("5100.00"))],
            {("over_total", "amount")},
        ),
    ],
)
def test_a_pay_subsidy_request(claim, others, refused):
    assert codes(assess(PAY, claim, others)) == refused


def test_the_month_claimed_names_the_months():
    result = assess(
        PAY,
        Claim(date(2025, 3, 15), date(2025, 5, 14), Decimal("100"), Decimal("2520")),
        [Claim(date(2025, 4, 15), date(2025, 5, 14), Decimal("100"))],
    )
    (problem,) = result.problems
    assert problem.params["months"] == [(date(2025, 4, 15), date(2025, 5, 14))]


def test_a_start_up_grant_is_paid_for_the_working_days_of_its_period():
    # March 2025 has 21 weekdays: 781,41 €, less than the average month.
    march = assess(START_UP, Claim(date(2025, 3, 1), date(2025, 3, 31), Decimal("781.41")), [])
    assert march.accepted and march.ceiling == Decimal("781.41")
    average = assess(START_UP, Claim(date(2025, 3, 1), date(2025, 3, 31), Decimal("806.21")), [])
    assert codes(average) == {("over_days", "amount")}
    assert average.problems[0].params["days"] == 21
    six = Claim(date(2025, 3, 1), date(2025, 8, 31), Decimal("4837.30"))
    result = assess(START_UP, six, [])
    assert result.accepted and result.ceiling == Decimal("4837.30") and result.months == 6


MONTHS = subsidy_months(PAY)


@st.composite
def claims(draw):
    first = draw(st.integers(0, len(MONTHS) - 1))
    last = draw(st.integers(first, len(MONTHS) - 1))
    amount = draw(st.decimals(Decimal("0.01"), Decimal("7000"), places=2))
    costs = draw(st.decimals(Decimal("0.01"), Decimal("20000"), places=2))
    return Claim(MONTHS[first][0], MONTHS[last][1], amount, costs)


@given(st.lists(claims(), max_size=8))
def test_accepted_requests_never_pay_a_month_twice_nor_above_the_decision(sequence):
    accepted = []
    for claim in sequence:
        result = assess(PAY, claim, accepted)
        if result.accepted:
            assert claim.amount <= result.ceiling
            assert claim.amount <= PAY.monthly_amount * result.months
            assert claim.amount * 2 <= claim.pay_costs
            accepted.append(claim)
    assert sum((c.amount for c in accepted), Decimal(0)) <= PAY.total
    for i, one in enumerate(accepted):
        for other in accepted[i + 1 :]:
            assert one.period_end < other.period_start or other.period_end < one.period_start
