"""A payment request (maksatushakemus) measured against its granted decision (pure: no Django).

A request claims whole months of the subsidy (the months counted from the decision's first day, as the decision
counts them) and is refused, with a reason code on the field it is about, when it claims:

* days outside the decided period, or a period that does not start and end at the subsidy's month boundaries;
* a month another live request of the same decision already claims (never paid twice for the same month);
* more than the decided monthly amount for its months, or more than all the requests together may have (the total);
* for a pay subsidy, more than the decided share of the realised pay costs (the pay slip's figure).

A start-up grant is paid per day for the first `days_per_week` days of each week: its months differ, so a request may
have the daily amount for the payable days of its period (never the average month), and all together the total.

texts.payment_problem_text renders the codes.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from common.dates import add_months
from subsidies.rates import HUNDRED, cents, weekdays


@dataclass(frozen=True)
class Grant:
    start: date
    end: date
    monthly_amount: Decimal
    total: Decimal
    # Pay subsidy: the decided share of the realised pay costs (%); None for the start-up grant.
    share_percent: Decimal | None = None
    # Start-up grant: paid per day, `days_per_week` days a week (None for a pay subsidy).
    daily_amount: Decimal | None = None
    days_per_week: int | None = None


@dataclass(frozen=True)
class Claim:
    period_start: date
    period_end: date
    amount: Decimal
    pay_costs: Decimal | None = None


@dataclass(frozen=True)
class Problem:
    code: str
    field: str
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Assessment:
    problems: tuple[Problem, ...]
    # The most the claim may have: the monthly amount for its months, the share of its pay costs and what is left of
    # the total, whichever is least (None when its period is not a run of the subsidy's months).
    ceiling: Decimal | None
    months: int

    @property
    def accepted(self) -> bool:
        return not self.problems


def subsidy_months(grant: Grant) -> list[tuple[date, date]]:
    """The subsidy's months as (first day, last day): from the decision's first day, the last one cut at its end."""
    months, n = [], 0
    while (first := add_months(grant.start, n)) <= grant.end:
        months.append((first, min(add_months(grant.start, n + 1) - timedelta(days=1), grant.end)))
        n += 1
    return months


def assess(grant: Grant, claim: Claim, others: list[Claim]) -> Assessment:
    """`others`: the decision's other live requests (recorded, approved or paid; not rejected)."""
    problems = []
    if claim.amount <= 0:
        problems.append(Problem("amount_not_positive", "amount"))
    if claim.period_end < claim.period_start:
        problems.append(Problem("period_reversed", "period_end"))
        return Assessment(tuple(problems), None, 0)
    if claim.period_start < grant.start or claim.period_end > grant.end:
        problems.append(Problem("period_outside", "period_start", {"start": grant.start, "end": grant.end}))
        return Assessment(tuple(problems), None, 0)
    months = subsidy_months(grant)
    starts = [first for first, _last in months]
    ends = [last for _first, last in months]
    if claim.period_start not in starts or claim.period_end not in ends:
        if claim.period_start not in starts:
            problems.append(Problem("not_month_start", "period_start", {"starts": starts}))
        if claim.period_end not in ends:
            problems.append(Problem("not_month_end", "period_end", {"ends": ends}))
        return Assessment(tuple(problems), None, 0)
    covered = ends.index(claim.period_end) - starts.index(claim.period_start) + 1
    claimed_before = [
        (first, last)
        for first, last in months
        if first <= claim.period_end
        and last >= claim.period_start
        and any(other.period_start <= last and other.period_end >= first for other in others)
    ]
    if claimed_before:
        problems.append(Problem("month_claimed", "period_start", {"months": claimed_before}))
    if grant.daily_amount is not None:
        days = weekdays(claim.period_start, claim.period_end, grant.days_per_week)
        ceiling = grant.daily_amount * days
        if claim.amount > ceiling:
            problems.append(
                Problem("over_days", "amount", {"daily": grant.daily_amount, "days": days, "ceiling": ceiling})
            )
    else:
        ceiling = grant.monthly_amount * covered
        if claim.amount > ceiling:
            problems.append(Problem("over_monthly", "amount", {"monthly": grant.monthly_amount, "ceiling": ceiling}))
    if grant.share_percent is not None:
        if claim.pay_costs is None or claim.pay_costs <= 0:
            problems.append(Problem("pay_costs_missing", "pay_costs"))
        else:
            share = cents(claim.pay_costs * grant.share_percent / HUNDRED)
            ceiling = min(ceiling, share)
            if claim.amount > share:
                problems.append(Problem("over_share", "amount", {"share": grant.share_percent, "ceiling": share}))
    left = grant.total - sum((other.amount for other in others), Decimal(0))
    ceiling = min(ceiling, max(left, Decimal(0)))
    if claim.amount > left:
        problems.append(Problem("over_total", "amount", {"total": grant.total, "left": max(left, Decimal(0))}))
    return Assessment(tuple(problems), ceiling, covered)


def fully_paid(grant: Grant, paid: list[Claim]) -> bool:
    """Every month of the subsidy is in one of `paid` (the requests already in a payment file): nothing is left to
    pay, and the payment phase ends."""
    return all(
        any(claim.period_start <= last and claim.period_end >= first for claim in paid)
        for first, last in subsidy_months(grant)
    )
