"""Summaries the plan prints that no app's report has in that shape. Pure: no Django."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


class DecisionLike(Protocol):
    municipality: str
    kind: str
    granted: bool
    rectification: bool
    total: Decimal | None


@dataclass(frozen=True)
class DecisionSummary:
    municipality: str
    kind: str
    granted: int
    rejected: int
    rectifications: int
    granted_total: Decimal


def decisions_by_municipality_and_kind(rows: Iterable[DecisionLike]) -> list[DecisionSummary]:
    """Decisions counted per municipality and subsidy kind (a rectification's decision apart: it is not a new
    application), with the granted amounts summed; in municipality and kind order."""
    groups: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, 0, Decimal(0)])
    for row in rows:
        group = groups[(row.municipality, row.kind)]
        if row.rectification:
            group[2] += 1
        elif row.granted:
            group[0] += 1
            group[3] += row.total or Decimal(0)
        else:
            group[1] += 1
    return [DecisionSummary(municipality, kind, *figures) for (municipality, kind), figures in sorted(groups.items())]
