"""Whether clients per counsellor FTE meet the plan's caseload target, as the plan words it (plan §1). Pure.

The one reading of the wording that both the planning pages (planning/capacity.py) and the caseload page
(jobseekers.selectors.Caseload.status) use:

- a range, "100–150": both ends belong to it (100 and 150 are within);
- "alle 100" (under 100): a strict bound, 100 itself is over; 99,5 is within, because clients per FTE is a ratio;
- "n. 100" / "noin 100" (about 100): the figure with a tolerance of `tolerance_percent` either side, ends included.
  The area's tolerance and why it was chosen are in data/areas/<slug>/caseload_targets.yaml beside the targets.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

HUNDRED = Fraction(100)


class Bound(StrEnum):
    RANGE = "range"
    BELOW = "below"
    ABOUT = "about"


class Verdict(StrEnum):
    WITHIN = "within"
    OVER = "over"
    UNDER = "under"


@dataclass(frozen=True)
class Bounds:
    minimum: int | None
    maximum: int | None
    bound: Bound = Bound.RANGE
    tolerance_percent: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "bound", Bound(self.bound))
        if self.bound == Bound.BELOW and (self.maximum is None or self.minimum is not None):
            raise ValueError("alle-tavoitteella on vain yläraja")
        if self.bound == Bound.ABOUT:
            if self.tolerance_percent is None or self.tolerance_percent < 0:
                raise ValueError("noin-tavoitteelle tarvitaan ei-negatiivinen toleranssi")
            if self.minimum is None or self.maximum is None:
                raise ValueError("noin-tavoitteella on luku (ala- ja yläraja)")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("asiakasmäärätavoitteen alaraja on suurempi kuin yläraja")

    @property
    def lowest(self) -> Fraction | None:
        """The fewest clients per FTE that still meet the target (None: no lower end)."""
        if self.minimum is None:
            return None
        if self.bound == Bound.ABOUT:
            return Fraction(self.minimum) * (1 - Fraction(self.tolerance_percent) / HUNDRED)
        return Fraction(self.minimum)

    @property
    def highest(self) -> Fraction | None:
        """The upper end: the most clients per FTE allowed, or for "alle" the first figure that is over."""
        if self.maximum is None:
            return None
        if self.bound == Bound.ABOUT:
            return Fraction(self.maximum) * (1 + Fraction(self.tolerance_percent) / HUNDRED)
        return Fraction(self.maximum)

    @property
    def strict(self) -> bool:
        return self.bound == Bound.BELOW


def verdict(ratio: Fraction | Decimal | int, bounds: Bounds) -> Verdict:
    """Clients per FTE (exact) against the target."""
    ratio = Fraction(ratio)
    highest, lowest = bounds.highest, bounds.lowest
    if highest is not None and (ratio >= highest if bounds.strict else ratio > highest):
        return Verdict.OVER
    if lowest is not None and ratio < lowest:
        return Verdict.UNDER
    return Verdict.WITHIN


def as_number(value: Fraction | None) -> Decimal | None:
    """A bound for display: whole numbers as such, others to one decimal (110, 90, 107.5)."""
    if value is None:
        return None
    if value.denominator == 1:
        return Decimal(value.numerator)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.1"))


HUNDREDTHS = 100


def missing_fte(clients: int, fte: Decimal | Fraction | int, bounds: Bounds) -> Decimal:
    """Counsellor FTE to add so that clients per FTE meets the upper end, in hundredths rounded up (adding the figure
    shown is enough, a hundredth less is not); zero when it already does or there is no upper end. Landing exactly on
    a strict "alle" bound is still over, so there a hundredth more is needed."""
    highest = bounds.highest
    if highest is None:
        return Decimal(0)
    if highest <= 0:
        raise ValueError("asiakasmäärätavoitteen on oltava suurempi kuin nolla")
    if clients < 0 or fte < 0:
        raise ValueError("asiakasmäärä ja htv eivät voi olla negatiivisia")
    if not clients:
        return Decimal(0)
    missing = Fraction(clients) / highest - Fraction(fte)
    if missing < 0 or (missing == 0 and not bounds.strict):
        return Decimal(0)
    hundredths = -(-missing.numerator * HUNDREDTHS // missing.denominator)
    if bounds.strict and Fraction(hundredths, HUNDREDTHS) == missing:
        hundredths += 1
    return Decimal(hundredths).scaleb(-2)
