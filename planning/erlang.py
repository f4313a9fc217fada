"""Staffing of the shared phone service (plan §2, §3) by Erlang C: agents needed for an hour's calls and a target.

The model is M/M/N: calls arrive at random (Poisson) at `calls_per_hour`, each takes an exponentially distributed
`average_handling_seconds` (talk and wrap-up), nobody hangs up, and N agents answer from one queue. The offered load
is A = calls per hour × handling seconds / 3 600 erlangs.

* Erlang C, the probability that a call waits, is computed from the Erlang B recursion
  B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) and C = N·B / (N − A·(1 − B)): every step stays between 0 and 1, so
  there is no factorial and no overflow at thousands of erlangs, and the search over N continues the same recursion.
* Service level SL = 1 − C·exp(−(N − A)·t / AHT): the share of calls answered within t seconds.
* Average speed of answer ASA = C·AHT / (N − A) seconds; occupancy A / N.
* With N ≤ A the queue grows without bound: no service level exists, and the result says so (`OVER_CAPACITY`).

**Agents needed**: the smallest N > A whose service level reaches the target (`agents_on_phone`), then grossed up for
shrinkage — the share of paid time rostered agents are not answering (breaks, training, absence, other work):
`agents = ceil(agents_on_phone / (1 − shrinkage))`, computed exactly, so 14 on the phone at 30 % shrinkage are 20
rostered. The service level, wait and occupancy are those of the agents on the phone. Zero calls need nobody.

Checked against Call Centre Helper's worked example and Westbay Engineers' Erlang C page
(tests/planning/test_erlang.py), and against the factorial formula in exact fractions.
"""

import enum
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

SECONDS_PER_HOUR = 3600
# A target that Erlang C can always reach is reached within a few √A agents above the load; this bound only keeps a
# target of (almost) exactly 1 from searching forever.
MAX_AGENTS_ABOVE_LOAD = 10_000


class Reason(enum.StrEnum):
    MEETS_TARGET = "meets_target"
    BELOW_TARGET = "below_target"
    NO_CALLS = "no_calls"
    OVER_CAPACITY = "over_capacity"
    TARGET_UNREACHABLE = "target_unreachable"


@dataclass(frozen=True)
class Demand:
    """One hour's calls and the target: `target_service_level` of calls answered within `target_answer_seconds`."""

    calls_per_hour: float | Decimal
    average_handling_seconds: float | Decimal
    target_answer_seconds: float | Decimal
    target_service_level: float | Decimal
    shrinkage: float | Decimal = 0

    @property
    def traffic(self) -> float:
        """Offered load in erlangs."""
        return float(self.calls_per_hour) * float(self.average_handling_seconds) / SECONDS_PER_HOUR


@dataclass(frozen=True)
class Staffing:
    """An hour's answer. `feasible` is False when no service level exists (N ≤ A) or the target cannot be reached;
    then the figures that do not exist are None."""

    traffic: float
    agents: int | None
    agents_on_phone: int | None
    service_level: float | None
    average_wait_seconds: float | None
    occupancy: float | None
    probability_of_waiting: float | None
    feasible: bool
    reason: Reason


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of `agents` servers under `traffic` erlangs (the recursion; stable for any size)."""
    blocking = 1.0
    for n in range(1, agents + 1):
        blocking = traffic * blocking / (n + traffic * blocking)
    return blocking


def _erlang_c_from_b(agents: int, traffic: float, blocking: float) -> float:
    return agents * blocking / (agents - traffic * (1 - blocking))


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a call waits; 1 when the agents cannot carry the load (N ≤ A)."""
    if traffic <= 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    return _erlang_c_from_b(agents, traffic, erlang_b(agents, traffic))


def _measures(agents: int, traffic: float, waiting: float, demand: Demand) -> tuple[float, float, float]:
    aht = float(demand.average_handling_seconds)
    spare = agents - traffic
    service_level = 1 - waiting * math.exp(-spare * float(demand.target_answer_seconds) / aht)
    return min(max(service_level, 0.0), 1.0), waiting * aht / spare, traffic / agents


def _rostered(on_phone: int, shrinkage) -> int:
    available = 1 - Fraction(str(shrinkage))
    return math.ceil(Fraction(on_phone) / available)


def _no_calls() -> Staffing:
    return Staffing(0.0, 0, 0, 1.0, 0.0, 0.0, 0.0, True, Reason.NO_CALLS)


def _check(demand: Demand) -> None:
    """The core's preconditions; callers refuse bad input with a named field before they get here."""
    if float(demand.calls_per_hour) < 0 or float(demand.average_handling_seconds) <= 0:
        raise ValueError("calls must be ≥ 0 and the handling time > 0")
    if float(demand.target_answer_seconds) < 0 or not 0 <= float(demand.target_service_level) <= 1:
        raise ValueError("target answer time must be ≥ 0 and the service level within 0–1")
    if not 0 <= float(demand.shrinkage) < 1:
        raise ValueError("shrinkage must be within 0 ≤ s < 1")


def agents_needed(demand: Demand) -> Staffing:
    """The fewest agents meeting the target, grossed up for shrinkage, and what they achieve."""
    _check(demand)
    traffic = demand.traffic
    if traffic == 0:
        return _no_calls()
    target = float(demand.target_service_level)
    if target >= 1:
        # Some call always waits a moment with positive probability: a service level of exactly 1 is never met.
        return Staffing(traffic, None, None, None, None, None, None, False, Reason.TARGET_UNREACHABLE)
    agents = math.floor(traffic) + 1
    blocking = erlang_b(agents, traffic)
    while agents <= traffic + MAX_AGENTS_ABOVE_LOAD:
        waiting = _erlang_c_from_b(agents, traffic, blocking)
        service_level, wait, occupancy = _measures(agents, traffic, waiting, demand)
        if service_level >= target:
            return Staffing(
                traffic,
                _rostered(agents, demand.shrinkage),
                agents,
                service_level,
                wait,
                occupancy,
                waiting,
                True,
                Reason.MEETS_TARGET,
            )
        agents += 1
        blocking = traffic * blocking / (agents + traffic * blocking)
    return Staffing(traffic, None, None, None, None, None, None, False, Reason.TARGET_UNREACHABLE)


def with_agents(demand: Demand, rostered: int) -> Staffing:
    """What `rostered` agents achieve: those on the phone are floor(rostered × (1 − shrinkage)), conservatively.

    At or above their capacity (on the phone ≤ load) the result is infeasible, with no service level or wait."""
    _check(demand)
    if rostered < 0:
        raise ValueError("agents must be ≥ 0")
    traffic = demand.traffic
    if traffic == 0:
        return Staffing(0.0, rostered, rostered, 1.0, 0.0, 0.0, 0.0, True, Reason.NO_CALLS)
    on_phone = math.floor(rostered * (1 - Fraction(str(demand.shrinkage))))
    if on_phone <= traffic:
        occupancy = 1.0 if on_phone else None
        return Staffing(traffic, rostered, on_phone, None, None, occupancy, 1.0, False, Reason.OVER_CAPACITY)
    waiting = erlang_c(on_phone, traffic)
    service_level, wait, occupancy = _measures(on_phone, traffic, waiting, demand)
    reason = Reason.MEETS_TARGET if service_level >= float(demand.target_service_level) else Reason.BELOW_TARGET
    return Staffing(traffic, rostered, on_phone, service_level, wait, occupancy, waiting, True, reason)
