"""Derived labour-market figures, computed from the published ones and never copied from a table.

Pure: no Django. A published cell is a `Figure` (value, status, the decimals it was printed with); totals over
municipalities are `Total`s that stay bounded, not exact, when a cell is suppressed.
"""

import decimal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
# Divisions keep far more digits than any published figure has, so rounding for comparison happens once, at the end.
_CONTEXT = decimal.Context(prec=34)


class Status(StrEnum):
    """Four different things: a printed number, a hidden small number, no data at all, and a printed zero."""

    PUBLISHED = "published"
    SUPPRESSED = "suppressed"
    MISSING = "missing"
    ZERO = "zero"


class Concept(StrEnum):
    """The role an indicator plays in the derived figures and the consistency check; indicators themselves are data."""

    LABOUR_FORCE = "labour_force"
    UNEMPLOYED = "unemployed"
    UNEMPLOYMENT_RATE = "unemployment_rate"
    UNEMPLOYED_MEN = "unemployed_men"
    UNEMPLOYED_WOMEN = "unemployed_women"
    UNEMPLOYED_UNDER_20 = "unemployed_under_20"
    UNEMPLOYED_UNDER_25 = "unemployed_under_25"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    FOREIGN_UNEMPLOYED = "foreign_unemployed"
    VACANCIES = "vacancies"


@dataclass(frozen=True)
class Figure:
    status: Status
    value: Decimal | None = None
    decimals: int = 0

    def __post_init__(self):
        if self.known and self.value is None:
            raise ValueError("a published figure needs a value")
        if not self.known and self.value is not None:
            raise ValueError("a suppressed or missing figure has no value")
        if self.status == Status.ZERO and self.value != 0:
            raise ValueError("a zero figure is zero")

    @property
    def known(self) -> bool:
        return self.status in (Status.PUBLISHED, Status.ZERO)

    @classmethod
    def of(cls, value, decimals: int | None = None) -> "Figure":
        """A printed number; zero gets its own status so that it is never mistaken for a hidden value."""
        number = Decimal(value)
        if decimals is None:
            decimals = decimals_of(number)
        return cls(Status.ZERO if number == 0 else Status.PUBLISHED, number, decimals)


SUPPRESSED = Figure(Status.SUPPRESSED)
MISSING = Figure(Status.MISSING)


@dataclass(frozen=True)
class SuppressedRange:
    """What a hidden cell can hold; `high` is None when the publisher does not say how small a hidden number is."""

    low: Decimal = Decimal(1)
    high: Decimal | None = None


@dataclass(frozen=True)
class Total:
    """A sum over municipalities: exact when every cell is known, otherwise the range the suppressed cells allow."""

    known_sum: Decimal
    low: Decimal | None
    high: Decimal | None
    suppressed: int = 0
    missing: int = 0

    @property
    def exact(self) -> bool:
        return self.suppressed == 0 and self.missing == 0

    @property
    def value(self) -> Decimal | None:
        return self.known_sum if self.exact else None

    @property
    def checkable(self) -> bool:
        """A missing cell could be anything, so only suppression (not absence) still bounds the total."""
        return self.missing == 0


def total(figures: Iterable[Figure], suppressed_range: SuppressedRange = SuppressedRange()) -> Total:
    known_sum = Decimal(0)
    suppressed = missing = 0
    for figure in figures:
        if figure.known:
            known_sum += figure.value
        elif figure.status == Status.SUPPRESSED:
            suppressed += 1
        else:
            missing += 1
    if missing:
        return Total(known_sum, None, None, suppressed, missing)
    low = known_sum + suppressed * suppressed_range.low
    high = (
        None if suppressed and suppressed_range.high is None else known_sum + suppressed * (suppressed_range.high or 0)
    )
    return Total(known_sum, low, high, suppressed, missing)


def ratio_percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return _CONTEXT.multiply(_CONTEXT.divide(Decimal(part), Decimal(whole)), HUNDRED)


def unemployment_rate(unemployed: Decimal | None, labour_force: Decimal | None) -> Decimal | None:
    """Unemployed job seekers as a percentage of the labour force (Statistics Finland's TYOTOSUUS)."""
    return ratio_percent(unemployed, labour_force)


def share(part: Decimal | None, unemployed: Decimal | None) -> Decimal | None:
    """A group's share of the unemployed, in per cent: long-term, foreign and youth shares."""
    return ratio_percent(part, unemployed)


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Mean of values weighted by their weights, e.g. municipal rates by labour force."""
    weighted = weight_sum = Decimal(0)
    for value, weight in pairs:
        weighted = _CONTEXT.add(weighted, _CONTEXT.multiply(value, weight))
        weight_sum += weight
    if weight_sum == 0:
        return None
    return _CONTEXT.divide(weighted, weight_sum)


def unweighted_mean(values: Iterable[Decimal]) -> Decimal | None:
    values = list(values)
    if not values:
        return None
    return _CONTEXT.divide(sum(values, Decimal(0)), Decimal(len(values)))


@dataclass(frozen=True)
class CommutingFlows:
    working_in_own_municipality: Decimal
    commuting_in: Decimal
    commuting_out: Decimal

    @property
    def jobs(self) -> Decimal:
        """People working in the municipality, wherever they live."""
        return self.working_in_own_municipality + self.commuting_in

    @property
    def employed_residents(self) -> Decimal:
        """Employed people living in the municipality, wherever they work."""
        return self.working_in_own_municipality + self.commuting_out


def job_self_sufficiency(flows: CommutingFlows) -> Decimal | None:
    """Statistics Finland's työpaikkaomavaraisuus: jobs in the municipality per employed resident × 100."""
    return ratio_percent(flows.jobs, flows.employed_residents)


def area_job_self_sufficiency(municipalities: Iterable[CommutingFlows]) -> Decimal | None:
    """The area's figure is jobs in the area per employed resident of the area, a ratio of sums.

    Summing (own + in) over the municipalities counts every job located in the area once, at its municipality;
    summing (own + out) counts every employed resident once, at their home. Commuting between two municipalities of
    the area is a job in one and a resident of the other, so it belongs in both sums and nothing is double-counted.
    The unweighted mean of the municipal percentages is not this figure: it gives the smallest municipality the
    same weight as the largest.
    """
    jobs = residents = Decimal(0)
    for flows in municipalities:
        jobs += flows.jobs
        residents += flows.employed_residents
    return ratio_percent(jobs, residents)


@dataclass(frozen=True)
class Change:
    absolute: Decimal
    percent: Decimal | None


def change(current: Decimal | None, previous: Decimal | None) -> Change | None:
    """Change from an earlier month; for a rate the absolute change is in percentage points."""
    if current is None or previous is None:
        return None
    return Change(current - previous, ratio_percent(current - previous, previous))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def agrees(published: Decimal, decimals: int, recomputed: Decimal) -> bool:
    """True when the recomputed value rounds to the published one at the published precision.

    Half a unit of the last printed digit either way, inclusive, so that a tie rounded either up or to even passes.
    """
    return abs(recomputed - published) <= Decimal(5).scaleb(-(decimals + 1))


def within(published: Decimal, decimals: int, low: Decimal | None, high: Decimal | None) -> bool:
    tolerance = Decimal(5).scaleb(-(decimals + 1))
    if low is not None and published < low - tolerance:
        return False
    return not (high is not None and published > high + tolerance)


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def parse_finnish_number(text: str) -> Decimal:
    """'16 615', '8,3', '1 234,5' (with a normal or no-break space) as printed in Finnish tables."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except decimal.InvalidOperation:
        raise ValueError(f"ei luku: {text!r}") from None
    if not number.is_finite():
        raise ValueError(f"ei luku: {text!r}")
    return number


SUPPRESSED_SYMBOLS = frozenset({"...", ".."})
# "." and the longer dot runs are PC-Axis's other "no data" symbols; an empty cell is no data too.
MISSING_SYMBOLS = frozenset({"", ".", "....", ".....", "......"})
# Statistics Finland prints a dash for a magnitude that is exactly nil.
ZERO_SYMBOLS = frozenset({"-", "–"})


def parse_printed(text: str, decimals: int | None = None) -> Figure:
    """A cell as printed: '8,3', '16 615', '0', '...', '-' or blank; raises ValueError for anything else."""
    symbol = text.strip()
    if symbol in SUPPRESSED_SYMBOLS:
        return SUPPRESSED
    if symbol in MISSING_SYMBOLS:
        return MISSING
    if symbol in ZERO_SYMBOLS:
        return Figure(Status.ZERO, Decimal(0), decimals or 0)
    number = parse_finnish_number(symbol)
    return Figure.of(number, decimals_of(number) if decimals is None else decimals)


def month_before(month: date) -> date:
    return date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)


def year_before(month: date) -> date:
    return date(month.year - 1, month.month, 1)
