"""Pay subsidy and start-up grant: which rule is in force on a day, what it pays and which of its conditions a case
meets (pure: no Django).

The rules are data (data/subsidies/rates.yaml, loaded into the database and editable in the admin) handed in as the
dataclasses below; `in_force` is the one function that decides which rule applies to a day. The answer is a `Result`
with amounts and a checklist of `Check`s carrying reason codes; texts.py renders the codes.

Money is Decimal euros rounded *down* to the cent: rounding half up could pay half a cent more than the share of the
pay costs or the cap allows. A pay subsidy's amount is fixed by the rule in force on the first day of the period and
paid for whole months; a start-up grant is paid per day for `days_per_week` days of each calendar week (Monday to
Friday).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from typing import TypeVar

from common.dates import add_months

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# An average month has 52/12 weeks; the start-up grant's monthly figure is the daily amount for that many weeks.
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)

Rule = TypeVar("Rule", "PaySubsidyRule", "StartUpGrantRule", "EmployerRestriction")


class Kind(StrEnum):
    GENERAL = "general"
    REDUCED_WORK_ABILITY = "reduced_work_ability"
    ASSOCIATION = "association"
    AGE_55_PLUS = "age_55_plus"
    START_UP_GRANT = "start_up_grant"


class EmployerType(StrEnum):
    COMPANY = "company"
    ASSOCIATION = "association"
    MUNICIPALITY = "municipality"
    OTHER_PUBLIC = "other_public"


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    # The case does not say (e.g. the calculator was not told the person's age): the preparer checks it.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PaySubsidyRule:
    id: str
    kind: Kind
    effective_from: date
    source: str
    share_percent: Decimal
    monthly_cap: Decimal
    max_months: int
    effective_until: date | None = None
    # Empty: any employer type.
    employer_types: frozenset[EmployerType] = frozenset()
    max_hours_share_percent: Decimal | None = None
    min_weekly_hours: Decimal | None = None
    min_age: int | None = None
    # Unemployed at least `unemployed_months` of the `unemployment_window_months` before the start.
    unemployed_months: int | None = None
    unemployment_window_months: int | None = None
    # As a rule at most `base_months`; up to `max_months` for a person unemployed at least
    # `extension_unemployed_months` of the `extension_window_months` before the start (None: `max_months` for all).
    base_months: int | None = None
    extension_unemployed_months: int | None = None
    extension_window_months: int | None = None


@dataclass(frozen=True)
class StartUpGrantRule:
    id: str
    effective_from: date
    source: str
    daily_amount: Decimal
    days_per_week: int
    max_months: int
    period_months: int
    effective_until: date | None = None


@dataclass(frozen=True)
class EmployerRestriction:
    """From `effective_from` an employer of `employer_type` gets only `allowed_kinds`, and `conditional_kinds` only for
    a person of at least `conditional_min_age` unemployed for at least `conditional_unemployed_months` (long-term)."""

    id: str
    employer_type: EmployerType
    effective_from: date
    source: str
    allowed_kinds: frozenset[Kind]
    conditional_kinds: frozenset[Kind] = frozenset()
    conditional_min_age: int | None = None
    conditional_unemployed_months: int | None = None
    effective_until: date | None = None


@dataclass(frozen=True)
class Rules:
    pay_subsidy: tuple[PaySubsidyRule, ...] = ()
    start_up_grant: tuple[StartUpGrantRule, ...] = ()
    restrictions: tuple[EmployerRestriction, ...] = ()


@dataclass(frozen=True)
class Case:
    kind: Kind
    start_date: date
    months: int
    monthly_pay_costs: Decimal | None = None
    weekly_hours: Decimal | None = None
    full_time_weekly_hours: Decimal | None = None
    employer_type: EmployerType | None = None
    # What the system knows of the person (None: not known).
    age: int | None = None
    unemployed_since: date | None = None
    reduced_work_ability: bool | None = None
    # Other subsidies granted to the person for days of this period (None: not looked up, as in the calculator).
    overlapping: int | None = None
    # Start-up grant months already granted to the person on other applications (None: not looked up).
    granted_months: int | None = None


@dataclass(frozen=True)
class Check:
    """One condition of the rule: the input `field` it is about, the rule that sets it, and the outcome."""

    code: str
    status: Status
    field: str
    rule_id: str
    source: str
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Result:
    case: Case
    rule: PaySubsidyRule | StartUpGrantRule | None
    checks: tuple[Check, ...]
    monthly_amount: Decimal | None = None
    total: Decimal | None = None
    end_date: date | None = None
    # The start-up grant: payable days in the period.
    days: int | None = None

    @property
    def refusals(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.status == Status.NOT_MET)

    @property
    def eligible(self) -> bool:
        return self.rule is not None and not self.refusals


# A pay subsidy is not granted retroactively and a start-up grant never for a business started before the application;
# a start further than this from the receipt is a new application's matter, not this one's.
MAX_START_AFTER_RECEIPT_MONTHS = 12


def start_date_window(received_on: date) -> tuple[date, date]:
    """The first and the last day a subsidy applied for on `received_on` may start."""
    return received_on, add_months(received_on, MAX_START_AFTER_RECEIPT_MONTHS)


def in_force(rules: Iterable[Rule], day: date) -> Rule | None:
    """The rule in force on `day`: of those started by then and not ended before it, the one started last."""
    current = [r for r in rules if r.effective_from <= day and (r.effective_until is None or day <= r.effective_until)]
    return max(current, key=lambda r: r.effective_from, default=None)


def rule_for(kind: Kind, day: date, rules: Rules) -> PaySubsidyRule | StartUpGrantRule | None:
    if kind == Kind.START_UP_GRANT:
        return in_force(rules.start_up_grant, day)
    return in_force((r for r in rules.pay_subsidy if r.kind == kind), day)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def months_unemployed(unemployed_since: date, start: date, window_months: int) -> int:
    """Whole months of unemployment within the `window_months` before `start` (continuous since `unemployed_since`)."""
    window_start = add_months(start, -window_months)
    since = max(unemployed_since, window_start)
    months = 0
    while months < window_months and add_months(since, months + 1) <= start:
        months += 1
    return months


def weekdays(start: date, end: date, days_per_week: int) -> int:
    """Days from `start` to `end` inclusive that fall on the first `days_per_week` days of the week (Monday first)."""
    if end < start:
        return 0
    full_weeks, rest = divmod((end - start).days + 1, 7)
    count = full_weeks * days_per_week
    count += sum(1 for offset in range(rest) if (start + timedelta(days=offset)).weekday() < days_per_week)
    return count


def period_end(start: date, months: int) -> date:
    """The last day of a period of `months` months starting on `start`."""
    return add_months(start, months) - timedelta(days=1)


def calculate(case: Case, rules: Rules) -> Result:
    rule = rule_for(case.kind, case.start_date, rules)
    if rule is None:
        check = Check("no_rule_in_force", Status.NOT_MET, "start_date", "", "", {"day": case.start_date})
        return Result(case, None, (check,))
    if isinstance(rule, StartUpGrantRule):
        return _start_up_grant(case, rule)
    return _pay_subsidy(case, rule, in_force(_restrictions(rules, case.employer_type), case.start_date))


def _restrictions(rules: Rules, employer_type: EmployerType | None) -> Sequence[EmployerRestriction]:
    return [r for r in rules.restrictions if r.employer_type == employer_type]


def _pay_subsidy(case: Case, rule: PaySubsidyRule, restriction: EmployerRestriction | None) -> Result:
    def check(code, met, name, **params):
        status = Status.UNKNOWN if met is None else (Status.MET if met else Status.NOT_MET)
        return Check(code, status, name, rule.id, rule.source, params)

    checks = []
    if rule.employer_types:
        checks.append(
            check(
                "employer_type",
                case.employer_type in rule.employer_types,
                "employer_type",
                allowed=sorted(rule.employer_types),
            )
        )
    if restriction is not None:
        checks.append(_restriction_check(case, restriction))
    if rule.max_hours_share_percent is not None:
        share = _hours_share(case)
        checks.append(
            check(
                "max_hours_share",
                None if share is None else share <= rule.max_hours_share_percent,
                "weekly_hours",
                limit=rule.max_hours_share_percent,
                share=share,
            )
        )
    if rule.min_weekly_hours is not None:
        hours = case.weekly_hours
        met = None if hours is None else hours >= rule.min_weekly_hours
        checks.append(check("min_weekly_hours", met, "weekly_hours", limit=rule.min_weekly_hours, hours=hours))
    if rule.min_age is not None:
        checks.append(
            check("min_age", None if case.age is None else case.age >= rule.min_age, "age", limit=rule.min_age)
        )
    if rule.unemployed_months is not None:
        window = rule.unemployment_window_months or rule.unemployed_months
        since = case.unemployed_since
        months = None if since is None else months_unemployed(since, case.start_date, window)
        met = None if months is None else months >= rule.unemployed_months
        checks.append(
            check("unemployment", met, "unemployed_since", limit=rule.unemployed_months, window=window, months=months)
        )
    if rule.kind == Kind.REDUCED_WORK_ABILITY:
        checks.append(check("reduced_work_ability", case.reduced_work_ability, "kind"))
    checks.append(check("max_months", case.months <= rule.max_months, "months", limit=rule.max_months))
    if rule.base_months is not None and case.months <= rule.max_months:
        checks.append(_extension_check(case, rule))
    if case.overlapping is not None:
        checks.append(check("no_overlap", case.overlapping == 0, "start_date", count=case.overlapping))
    end = period_end(case.start_date, case.months)
    if case.monthly_pay_costs is None:
        return Result(case, rule, tuple(checks), end_date=end)
    share = cents(case.monthly_pay_costs * rule.share_percent / HUNDRED)
    monthly = min(share, rule.monthly_cap)
    capped = share > rule.monthly_cap
    checks.append(
        check(
            "monthly_amount", True, "monthly_pay_costs", share=rule.share_percent, cap=rule.monthly_cap, capped=capped
        )
    )
    return Result(case, rule, tuple(checks), monthly, monthly * case.months, end)


def _extension_check(case: Case, rule: PaySubsidyRule) -> Check:
    """Up to `base_months` for anyone; longer only for a person shown to have been unemployed long enough: the longer
    period is the exception, so an unknown unemployment is not enough."""
    window = rule.extension_window_months or rule.extension_unemployed_months or 0
    required = rule.extension_unemployed_months or 0
    months = (
        None if case.unemployed_since is None else months_unemployed(case.unemployed_since, case.start_date, window)
    )
    met = case.months <= rule.base_months or (months is not None and months >= required)
    return Check(
        "extended_period",
        Status.MET if met else Status.NOT_MET,
        "months",
        rule.id,
        rule.source,
        {
            "base": rule.base_months,
            "limit": rule.max_months,
            "required": required,
            "window": window,
            "months": months,
            "extended": case.months > rule.base_months,
        },
    )


def _hours_share(case: Case) -> Decimal | None:
    if case.weekly_hours is None or not case.full_time_weekly_hours:
        return None
    return (case.weekly_hours * HUNDRED / case.full_time_weekly_hours).quantize(Decimal("0.1"))


def _restriction_check(case: Case, restriction: EmployerRestriction) -> Check:
    """Refused unless the kind is allowed, or conditional and the person is shown to meet the condition: the exception
    is for a few, so an unknown age or unemployment is not enough."""
    met = case.kind in restriction.allowed_kinds
    if not met and case.kind in restriction.conditional_kinds:
        old_enough = case.age is not None and case.age >= (restriction.conditional_min_age or 0)
        long_term = case.unemployed_since is not None and (
            months_unemployed(case.unemployed_since, case.start_date, restriction.conditional_unemployed_months or 0)
            >= (restriction.conditional_unemployed_months or 0)
        )
        met = old_enough and long_term
    return Check(
        "employer_restriction",
        Status.MET if met else Status.NOT_MET,
        "employer_type",
        restriction.id,
        restriction.source,
        {
            "employer_type": restriction.employer_type,
            "from": restriction.effective_from,
            "allowed": sorted(restriction.allowed_kinds),
            "conditional": sorted(restriction.conditional_kinds),
            "min_age": restriction.conditional_min_age,
            "unemployed_months": restriction.conditional_unemployed_months,
        },
    )


def _start_up_grant(case: Case, rule: StartUpGrantRule) -> Result:
    def check(code, met, name, **params):
        return Check(code, Status.MET if met else Status.NOT_MET, name, rule.id, rule.source, params)

    # Granted a period at a time (a longer wish is a new application when the period ends), so one application is
    # never above the maximum either; the maximum is checked against the months granted before.
    checks = [
        check(
            "period_months",
            case.months <= rule.period_months,
            "months",
            period=rule.period_months,
            limit=rule.max_months,
        ),
    ]
    if case.granted_months is not None:
        total = case.granted_months + case.months
        checks.append(
            check(
                "granted_months",
                total <= rule.max_months,
                "months",
                limit=rule.max_months,
                granted=case.granted_months,
                total=total,
            )
        )
    if case.overlapping is not None:
        checks.append(check("no_overlap", case.overlapping == 0, "start_date", count=case.overlapping))
    end = period_end(case.start_date, case.months)
    days = weekdays(case.start_date, end, rule.days_per_week)
    monthly = cents(rule.daily_amount * rule.days_per_week * WEEKS_PER_MONTH)
    return Result(case, rule, tuple(checks), monthly, rule.daily_amount * days, end, days)
