"""The checks both kinds of table share: a published total against the sum of its municipalities, and the same
quantity printed in two tables.

Pure: no Django.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from labour_market.consistency.diagnoses import diagnose
from labour_market.consistency.findings import Code, Collector, Finding, Kind, Quantity, Reason
from labour_market.consistency.inputs import Area
from labour_market.figures import Figure, Total, agrees, within


def check_total(
    collector: Collector,
    *,
    table_key: str,
    column: str,
    quantity: Quantity,
    published: Figure,
    summed: Total,
    month: date | None,
    basis: str = "",
) -> None:
    """`basis` names the table whose municipal rows were summed, when it is not the table itself."""
    prefix = (Reason.of(Code.BASIS_TABLE, table=basis),) if basis else ()

    def add(kind: Kind, reasons, recomputed=None, low=None, high=None):
        collector.add(
            Finding(
                kind,
                table_key,
                None,
                column,
                quantity,
                published.value,
                recomputed,
                (*prefix, *reasons),
                month=month,
                decimals=published.decimals,
                low=low,
                high=high,
            )
        )

    if summed.exact:
        collector.remember(table_key, None, month, column, summed.value)
        if agrees(published.value, published.decimals, summed.value):
            return
        reasons = diagnose(published.value, published.decimals, summed.value)
        add(Kind.TOTAL, [Reason.of(Code.MUNICIPAL_SUM, value=summed.value), *reasons], recomputed=summed.value)
        return
    if not summed.checkable:
        add(Kind.NOT_CHECKABLE, [Reason.of(Code.MISSING_MUNICIPALITIES, count=summed.missing)])
        return
    bounds = Reason.of(
        Code.SUPPRESSED_BOUNDS,
        suppressed=summed.suppressed,
        known_sum=summed.known_sum,
        low=summed.low,
        high=summed.high,
    )
    if within(published.value, published.decimals, summed.low, summed.high):
        add(Kind.NOT_CHECKABLE, [Reason.of(Code.NOT_EXACT, bounds=bounds)], low=summed.low, high=summed.high)
        return
    reasons = [Reason.of(Code.OUTSIDE_BOUNDS, bounds=bounds)]
    if published.value == summed.known_sum:
        reasons.append(Reason.of(Code.SUPPRESSED_AS_ZERO))
    add(Kind.OUTSIDE_BOUNDS, reasons, low=summed.low, high=summed.high)


def differs(a: Figure, b: Figure) -> bool:
    """Two printings of one quantity disagree beyond the coarser one's rounding."""
    coarse, fine = (a, b) if a.decimals <= b.decimals else (b, a)
    return not agrees(coarse.value, coarse.decimals, fine.value)


def explained_by_municipalities(
    area: Area, differences: Mapping[str, Decimal], total_difference: Decimal
) -> Reason | None:
    """An area difference between two tables that is exactly the sum of their municipalities' differences."""
    if not differences or sum(differences.values(), Decimal(0)) != total_difference:
        return None
    return Reason.of(
        Code.EXPLAINED_BY_MUNICIPALITIES,
        difference=total_difference,
        municipalities=tuple((area.name_of(code), d) for code, d in differences.items()),
    )
