"""Subsidy reports as figures (pure: no Django): decisions and payments by municipality, kind and month, and the
processing time from receipt to the first decision. Rows in, summary rows out; selectors hand in plain tuples with no
person in them, tables.py shows and exports the result."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import median


@dataclass(frozen=True)
class DecisionRow:
    municipality: str
    kind: str
    decided_on: date
    granted: bool
    # The decision on a request for rectification (counted apart: it is not a new application).
    rectification: bool
    total: Decimal | None


@dataclass(frozen=True)
class PaymentRow:
    municipality: str
    kind: str
    month: date
    paid: bool
    amount: Decimal


@dataclass(frozen=True)
class Processing:
    municipality: str
    kind: str
    received_on: date
    # The first decision's day; None while the application waits.
    decided_on: date | None
    # The payment phase has ended (subsidies.closing).
    closed: bool = False


def month_of(day: date) -> date:
    return day.replace(day=1)


def decisions_by_month(rows: list[DecisionRow]) -> list[dict]:
    groups = defaultdict(lambda: {"granted": 0, "rejected": 0, "rectifications": 0, "granted_total": Decimal(0)})
    for row in rows:
        group = groups[(row.municipality, row.kind, month_of(row.decided_on))]
        if row.rectification:
            group["rectifications"] += 1
        elif row.granted:
            group["granted"] += 1
            group["granted_total"] += row.total or Decimal(0)
        else:
            group["rejected"] += 1
    return [
        {"municipality": municipality, "kind": kind, "month": month, **figures}
        for (municipality, kind, month), figures in sorted(groups.items())
    ]


def payments_by_month(rows: list[PaymentRow]) -> list[dict]:
    groups = defaultdict(lambda: {"approved": Decimal(0), "paid": Decimal(0), "count": 0})
    for row in rows:
        group = groups[(row.municipality, row.kind, month_of(row.month))]
        group["paid" if row.paid else "approved"] += row.amount
        group["count"] += 1
    return [
        {"municipality": municipality, "kind": kind, "month": month, **figures}
        for (municipality, kind, month), figures in sorted(groups.items())
    ]


def processing_times(rows: list[Processing], today: date) -> list[dict]:
    """Per municipality and kind: decided applications' days from receipt to decision (median, mean, longest), the
    waiting ones' count and the oldest one's age in days, and how many are closed."""
    groups = defaultdict(lambda: {"done": [], "waiting": [], "closed": 0})
    for row in rows:
        group = groups[(row.municipality, row.kind)]
        group["closed"] += row.closed
        if row.decided_on is None:
            group["waiting"].append((today - row.received_on).days)
        else:
            group["done"].append((row.decided_on - row.received_on).days)
    result = []
    for (municipality, kind), group in sorted(groups.items()):
        done, waiting = group["done"], group["waiting"]
        result.append(
            {
                "municipality": municipality,
                "kind": kind,
                "decided": len(done),
                "median_days": median(done) if done else None,
                "mean_days": round(Decimal(sum(done)) / len(done), 1) if done else None,
                "max_days": max(done) if done else None,
                "waiting": len(waiting),
                "oldest_waiting_days": max(waiting) if waiting else None,
                "closed": group["closed"],
            }
        )
    return result
