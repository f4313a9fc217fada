"""The subsidy rules stored in the database, handed to the pure core (subsidies.rates) as its dataclasses."""

from decimal import Decimal

from subsidies import rates
from subsidies.models import EmployerRestriction, PaySubsidyRate, StartUpGrantRate


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def pay_subsidy_rule(row: PaySubsidyRate) -> rates.PaySubsidyRule:
    return rates.PaySubsidyRule(
        id=row.key,
        kind=rates.Kind(row.kind),
        effective_from=row.effective_from,
        effective_until=row.effective_until,
        source=row.source,
        share_percent=Decimal(row.share_percent),
        monthly_cap=Decimal(row.monthly_cap),
        max_months=row.max_months,
        employer_types=frozenset(rates.EmployerType(value) for value in row.employer_types),
        max_hours_share_percent=_decimal(row.max_hours_share_percent),
        min_weekly_hours=_decimal(row.min_weekly_hours),
        min_age=row.min_age,
        unemployed_months=row.unemployed_months,
        unemployment_window_months=row.unemployment_window_months,
        base_months=row.base_months,
        extension_unemployed_months=row.extension_unemployed_months,
        extension_window_months=row.extension_window_months,
    )


def start_up_grant_rule(row: StartUpGrantRate) -> rates.StartUpGrantRule:
    return rates.StartUpGrantRule(
        id=row.key,
        effective_from=row.effective_from,
        effective_until=row.effective_until,
        source=row.source,
        daily_amount=Decimal(row.daily_amount),
        days_per_week=row.days_per_week,
        max_months=row.max_months,
        period_months=row.period_months,
    )


def employer_restriction(row: EmployerRestriction) -> rates.EmployerRestriction:
    return rates.EmployerRestriction(
        id=row.key,
        employer_type=rates.EmployerType(row.employer_type),
        effective_from=row.effective_from,
        effective_until=row.effective_until,
        source=row.source,
        allowed_kinds=frozenset(rates.Kind(value) for value in row.allowed_kinds),
        conditional_kinds=frozenset(rates.Kind(value) for value in row.conditional_kinds),
        conditional_min_age=row.conditional_min_age,
        conditional_unemployed_months=row.conditional_unemployed_months,
    )


def current_rules() -> rates.Rules:
    """Every stored rule (the core picks the one in force on a day): read on each use, so an administrator's change
    applies from the next calculation."""
    return rates.Rules(
        pay_subsidy=tuple(pay_subsidy_rule(row) for row in PaySubsidyRate.objects.all()),
        start_up_grant=tuple(start_up_grant_rule(row) for row in StartUpGrantRate.objects.all()),
        restrictions=tuple(employer_restriction(row) for row in EmployerRestriction.objects.all()),
    )
