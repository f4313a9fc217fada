"""Capacity against the plan's caseload targets: clients per counsellor FTE, the FTE needed and the gap. Pure.

A unit is a serving municipality or a team. Its counsellor FTE comes in three figures from the plan's staff positions
(customer work only): what is filled today, and the whole plan at the lower and the upper end of its ranges ("7–8
htv"). Each figure is assessed against the target separately, so a page can say "reached only with 8 FTE". The missing
FTE is `organisation.caseload_bounds.missing_fte`, the one definition the caseload page also uses.
"""

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from fractions import Fraction

from organisation.caseload_bounds import Bound, Bounds, Verdict, as_number, missing_fte, verdict

ONE_DECIMAL = Decimal("0.1")
HUNDREDTH = Decimal("0.01")

# The plan gives "clients per counsellor" but counts its clients nowhere; its one statement with both numbers is
# Kuusamo's (§1): 9 FTE at about 140 clients each, i.e. about 1 260 clients, against 607 unemployed job seekers in
# Table 1 (August 2023). 1 260 / 607 = 2.08 registered clients per unemployed job seeker – the same order as the
# national ratio of all job seekers to unemployed ones. Used only when planning ahead from the statistics.
CLIENTS_PER_UNEMPLOYED = Decimal("2.08")


class Status(StrEnum):
    WITHIN = "within"
    OVER = "over"
    UNDER = "under"
    NO_TARGET = "no_target"
    NO_STAFF = "no_staff"
    NO_CLIENTS = "no_clients"


class ReasonCode(StrEnum):
    WITHIN_TARGET = "within_target"  # per_fte, wording
    OVER_TARGET = "over_target"  # per_fte, maximum, gap, wording
    UNDER_TARGET = "under_target"  # per_fte, minimum, spare, wording
    NO_TARGET = "no_target"  # per_fte
    NO_STAFF = "no_staff"  # clients
    NO_CLIENTS = "no_clients"
    # The plan's range of FTE decides: out of reach at the lower end, reached at the upper (low, high: FTE).
    RANGE_DECIDES = "range_decides"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """Clients per FTE as the plan words it; "alle 100" has only a strict maximum, "noin 100" the same minimum and
    maximum with the area's tolerance (organisation/caseload_bounds.py reads all three)."""

    minimum: int | None
    maximum: int | None
    wording: str
    bound: Bound = Bound.RANGE
    tolerance_percent: Decimal | None = None

    @property
    def bounds(self) -> Bounds:
        return Bounds(self.minimum, self.maximum, self.bound, self.tolerance_percent)


@dataclass(frozen=True)
class Staffing:
    filled: Decimal
    planned_low: Decimal
    planned_high: Decimal

    def __post_init__(self):
        if min(self.filled, self.planned_low, self.planned_high) < 0:
            raise ValueError("htv ei voi olla negatiivinen")
        if self.planned_low > self.planned_high:
            raise ValueError("htv-vaihteluvälin alaraja on suurempi kuin yläraja")


@dataclass(frozen=True)
class Unit:
    key: str
    name: str
    municipality_code: str
    clients: int
    staffing: Staffing
    target: Target | None
    team: str = ""


@dataclass(frozen=True)
class Assessment:
    fte: Decimal
    clients: int
    per_fte: Decimal | None
    status: Status
    # FTE that bring clients per FTE to the target maximum, rounded up to the hundredth; None without a maximum.
    fte_needed: Decimal | None
    gap: Decimal
    # FTE above what the target minimum calls for, rounded down: can be given up without falling below it.
    spare: Decimal
    reason: Reason

    @property
    def out_of_reach(self) -> bool:
        return self.status in (Status.OVER, Status.NO_STAFF)


@dataclass(frozen=True)
class UnitCapacity:
    unit: Unit
    filled: Assessment
    planned_low: Assessment
    planned_high: Assessment
    reasons: tuple[Reason, ...]


def per_fte(clients: int, fte: Decimal) -> Decimal | None:
    if not fte:
        return None
    return (Decimal(clients) / Decimal(fte)).quantize(ONE_DECIMAL, ROUND_HALF_EVEN)


def assess(clients: int, fte: Decimal, target: Target | None) -> Assessment:
    """One FTE figure against the target: exact ratios decide the status, the shown ratio has one decimal."""
    if clients < 0 or fte < 0:
        raise ValueError("asiakasmäärä ja htv eivät voi olla negatiivisia")
    fte = Decimal(fte)
    shown = per_fte(clients, fte)
    bounds = target.bounds if target and (target.maximum is not None or target.minimum is not None) else None
    # The ends as the wording reads them: "noin 100" allows 90–110 with a 10 % tolerance.
    highest = bounds.highest if bounds else None
    lowest = bounds.lowest if bounds else None
    maximum, minimum = as_number(highest), as_number(lowest)
    needed = missing_fte(clients, 0, bounds) if highest else None
    gap = missing_fte(clients, fte, bounds) if highest else Decimal(0)
    wording = target.wording if target else ""

    def result(status, reason, spare=Decimal(0)):
        return Assessment(fte, clients, shown, status, needed, gap, spare, reason)

    if not clients:
        return result(Status.NO_CLIENTS, Reason(ReasonCode.NO_CLIENTS))
    if not fte:
        return result(Status.NO_STAFF, Reason(ReasonCode.NO_STAFF, {"clients": clients}))
    if bounds is None:
        return result(Status.NO_TARGET, Reason(ReasonCode.NO_TARGET, {"per_fte": shown}))
    found = verdict(Fraction(clients) / Fraction(fte), bounds)
    if found == Verdict.OVER:
        params = {"per_fte": shown, "maximum": maximum, "gap": gap, "wording": wording}
        return result(Status.OVER, Reason(ReasonCode.OVER_TARGET, params))
    if found == Verdict.UNDER:
        spare = (fte - Decimal(clients) / minimum).quantize(HUNDREDTH, ROUND_DOWN)
        params = {"per_fte": shown, "minimum": minimum, "spare": spare, "wording": wording}
        return result(Status.UNDER, Reason(ReasonCode.UNDER_TARGET, params), spare)
    return result(Status.WITHIN, Reason(ReasonCode.WITHIN_TARGET, {"per_fte": shown, "wording": wording}))


def capacity(unit: Unit) -> UnitCapacity:
    staffing = unit.staffing
    low = assess(unit.clients, staffing.planned_low, unit.target)
    high = assess(unit.clients, staffing.planned_high, unit.target)
    reasons = [low.reason]
    if low.status == Status.OVER and high.status != Status.OVER:
        reasons.append(Reason(ReasonCode.RANGE_DECIDES, {"low": staffing.planned_low, "high": staffing.planned_high}))
    return UnitCapacity(
        unit=unit,
        filled=assess(unit.clients, staffing.filled, unit.target),
        planned_low=low,
        planned_high=high,
        reasons=tuple(reasons),
    )


@dataclass(frozen=True)
class UnplacedShare:
    """The plan's area-wide estimate of the state's customer-work staff (§1: about half of about 80 FTE) less what
    the municipal sections place (transferring rows at their lower bound: the reading that leaves the least
    unplaced). The rest is counted at the responsible municipality, as the caseload page's counsellors are
    (docs/decisions/0007), so that both pages give the responsible municipality the same FTE."""

    estimate: Decimal
    placed: Decimal
    municipality_code: str
    municipality_name: str
    source: str

    @property
    def fte(self) -> Decimal:
        return max(Decimal(0), self.estimate - self.placed)


def with_unplaced(staffing: Staffing, share: UnplacedShare | None) -> Staffing:
    """The responsible municipality's planned FTE with the unplaced share (never the filled FTE: nobody holds it)."""
    if share is None or not share.fte:
        return staffing
    return Staffing(staffing.filled, staffing.planned_low + share.fte, staffing.planned_high + share.fte)


def clients_from_unemployed(unemployed: int, clients_per_unemployed: Decimal = CLIENTS_PER_UNEMPLOYED) -> int:
    """Registered clients when planning ahead from the statistics' unemployed job seekers (rounded half to even)."""
    if unemployed < 0 or clients_per_unemployed <= 0:
        raise ValueError("työttömien määrä ja kerroin eivät voi olla negatiivisia")
    return int((Decimal(unemployed) * clients_per_unemployed).quantize(Decimal(1), ROUND_HALF_EVEN))
