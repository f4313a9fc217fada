"""Projecting a scenario's changes month by month per serving municipality, beside the baseline. Pure: no Django.

The baseline keeps each unit at today's level: clients, their mix and FTE (no trend, no season). The changes:

* `unemployment_change`: from its month on, the unit's baseline clients × (1 + percent / 100); several multiply;
* `layoff`: `people` × `share_registering` register in its month as legally unemployed new job seekers; each later
  month `monthly_outflow` of those still registered find work again (a layoff schedule is one change per month);
* `hiring`: `people` × `share_registering` of the registered clients find work in its month, for good;
* `staffing_change`: `fte` added (or, negative, removed) from its month on.

A change is named by the municipality where the people live; its unit is the municipality that serves them (the
Paltamo team serves Hyrynsalmi and Ristijärvi, plan §1). Clients never go below zero, and a layoff's people are added
after that floor, so adding a layoff never lowers the projected clients.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from fractions import Fraction

from common.dates import add_months
from jobseekers.capacity import missing_fte
from planning.capacity import Target, per_fte
from planning.workload import DEFAULTS, ClientMix, Parameters, meeting_hours
from service_model.rule_sets import RULE_SET_2022, RULE_SETS, RuleSet

HORIZON_MONTHS = 24
# Laid-off people still registered after the 2022 rules' long-term threshold count as long-term clients.
LONG_TERM_AFTER_MONTHS = RULE_SET_2022.long_term.after_months
# Without a figure from the user: a tenth of the laid-off still registered find work each month (an assumption,
# docs/planning.md).
DEFAULT_MONTHLY_OUTFLOW = Decimal("0.1")


class Kind(StrEnum):
    LAYOFF = "layoff"
    HIRING = "hiring"
    UNEMPLOYMENT_CHANGE = "unemployment_change"
    STAFFING_CHANGE = "staffing_change"


@dataclass(frozen=True)
class Change:
    kind: Kind
    municipality_code: str
    month: date
    people: int = 0
    share_registering: Decimal = Decimal(1)
    percent: Decimal = Decimal(0)
    fte: Decimal = Decimal(0)
    monthly_outflow: Decimal = DEFAULT_MONTHLY_OUTFLOW


@dataclass(frozen=True)
class Baseline:
    code: str
    name: str
    mix: ClientMix
    fte: Decimal
    target: Target | None


@dataclass(frozen=True)
class Row:
    month: date
    code: str
    name: str
    clients: int
    fte: Decimal
    clients_per_fte: Decimal | None
    meeting_hours: Decimal
    fte_gap: Decimal | None


def months_from(start: date, count: int = HORIZON_MONTHS) -> list[date]:
    first = start.replace(day=1)
    return [add_months(first, n) for n in range(count)]


def _elapsed(since: date, month: date) -> int:
    return (month.year - since.year) * 12 + month.month - since.month


def _unit_month(
    baseline: Baseline,
    changes: Sequence[Change],
    month: date,
    parameters: Parameters,
    rule_sets: Sequence[RuleSet],
) -> Row:
    factor = Fraction(1)
    hired = Fraction(0)
    fte = Fraction(baseline.fte)
    laid_off = Fraction(0)
    arriving = Fraction(0)
    long_term = Fraction(0)
    for change in changes:
        elapsed = _elapsed(change.month.replace(day=1), month)
        if elapsed < 0:
            continue
        if change.kind == Kind.UNEMPLOYMENT_CHANGE:
            factor *= 1 + Fraction(change.percent) / 100
        elif change.kind == Kind.STAFFING_CHANGE:
            fte += Fraction(change.fte)
        elif change.kind == Kind.HIRING:
            hired += change.people * Fraction(change.share_registering)
        else:
            registered = change.people * Fraction(change.share_registering)
            still = registered * (1 - Fraction(change.monthly_outflow)) ** elapsed
            laid_off += still
            arriving += registered if elapsed == 0 else 0
            long_term += still if elapsed >= LONG_TERM_AFTER_MONTHS else 0
    level = max(baseline.mix.clients * factor - hired, Fraction(0))
    base_mix = baseline.mix.scaled(round(level))
    extra = round(laid_off)
    mix = base_mix + ClientMix(
        clients=extra,
        followed=extra,
        new=min(round(arriving), extra),
        new_unemployed=min(round(arriving), extra),
        long_term=min(round(long_term), extra),
    )
    fte_shown = Decimal(fte.numerator) / Decimal(fte.denominator)
    fte_shown = max(fte_shown, Decimal(0)).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    maximum = baseline.target.maximum if baseline.target else None
    hours = meeting_hours(month, mix, parameters, rule_sets)
    return Row(
        month=month,
        code=baseline.code,
        name=baseline.name,
        clients=mix.clients,
        fte=fte_shown,
        clients_per_fte=per_fte(mix.clients, fte_shown),
        meeting_hours=(Decimal(hours.numerator) / Decimal(hours.denominator)).quantize(Decimal("0.1")),
        fte_gap=missing_fte(mix.clients, fte_shown, maximum) if maximum else None,
    )


def project(
    baselines: Sequence[Baseline],
    changes: Sequence[Change],
    start: date,
    serving: Mapping[str, str],
    months: int = HORIZON_MONTHS,
    parameters: Parameters = DEFAULTS,
    rule_sets: Sequence[RuleSet] = RULE_SETS,
) -> list[Row]:
    """Rows per month and unit; `serving` maps a home municipality's code to the code of the unit serving it."""
    by_unit: dict[str, list[Change]] = {}
    for change in changes:
        code = serving.get(change.municipality_code, change.municipality_code)
        by_unit.setdefault(code, []).append(change)
    return [
        _unit_month(baseline, by_unit.get(baseline.code, ()), month, parameters, rule_sets)
        for month in months_from(start, months)
        for baseline in baselines
    ]
