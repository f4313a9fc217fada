"""Batch assignment of unassigned job seekers to counsellors as a min-cost flow.

Hard rules: a job seeker goes only to a counsellor of their own pool, and only to one who speaks their service
language when anyone in the pool does. Among the assignments that keep those rules the objective is
lexicographic (see `Objective`):

1. overflow – clients above each counsellor's target maximum (max clients per FTE × FTE, rounded down),
   summed; so nobody goes over the target while someone else the job seeker may go to has room;
2. spread – Σ caseload² / FTE over the counsellors. Within a pool the number of clients is fixed, so this equals
   the FTE-weighted variance of clients per FTE plus a constant: minimising it evens out clients per FTE, and
   unlike the maximum load per FTE it also evens out everyone below the maximum instead of leaving them to chance;
3. continuity breaks – job seekers whose previous counsellor they could have kept but did not.

The spread is separable and convex, so each counsellor gets one unit arc to the sink per possible new client,
costing the increase of its term, (2·caseload + 1) / FTE, which grows with the caseload: a min-cost flow then
fills the cheapest units first and is exactly optimal. Costs are integers: the FTE weights are scaled by the
least common multiple of the FTE numerators, and the three levels are combined with weights larger than any
difference the lower levels can make.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from functools import cached_property
from types import MappingProxyType

from ortools.graph.python import min_cost_flow

from common.formatting import fi_number
from jobseekers.capacity import missing_fte as missing_fte_for

Id = int | str

# OR-Tools refuses a problem when the largest arc cost times the number of nodes may overflow int64 during cost
# scaling; measured on ortools 9.15 the bound lies between 2^61 and 2^62.
_COST_LIMIT = 2**61


@dataclass(frozen=True)
class Counsellor:
    id: Id
    pool_id: str
    fte: Decimal
    languages: frozenset[str]
    caseload: int
    max_clients_per_fte: int
    min_clients_per_fte: int | None = None

    def __post_init__(self) -> None:
        # A float FTE such as 0.33 goes through its decimal text: its binary value would make the exact
        # integer scaling of the costs needlessly large.
        fte = Decimal(str(self.fte)) if isinstance(self.fte, float) else Decimal(self.fte)
        if fte <= 0:
            raise ValueError(f"ohjaaja {self.id}: htv:n on oltava suurempi kuin nolla")
        if self.caseload < 0:
            raise ValueError(f"ohjaaja {self.id}: asiakasmäärä ei voi olla negatiivinen")
        if self.max_clients_per_fte <= 0:
            raise ValueError(f"ohjaaja {self.id}: asiakastavoitteen on oltava suurempi kuin nolla")
        object.__setattr__(self, "fte", fte)
        object.__setattr__(self, "languages", frozenset(_language(code) for code in self.languages))

    @cached_property  # read for every arc of the flow network
    def max_clients(self) -> int:
        return math.floor(self.max_clients_per_fte * Fraction(self.fte))


@dataclass(frozen=True)
class Jobseeker:
    id: Id
    pool_id: str
    service_language: str
    previous_counsellor_id: Id | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "service_language", _language(self.service_language))


@dataclass(frozen=True, order=True)
class Objective:
    overflow: int
    spread: Fraction
    continuity_breaks: int


@dataclass(frozen=True)
class CounsellorLoad:
    counsellor_id: Id
    pool_id: str
    fte: Decimal
    caseload: int
    new_clients: int
    clients_per_fte: Decimal
    max_clients: int

    @property
    def over_target(self) -> int:
        return max(0, self.caseload - self.max_clients)


@dataclass(frozen=True)
class CapacityShortfall:
    pool_id: str
    clients: int
    capacity: int
    excess: int
    target_clients_per_fte: Fraction
    missing_fte: Decimal
    message: str


@dataclass(frozen=True)
class AssignmentNote:
    code: str
    pool_id: str
    message: str
    jobseeker_ids: tuple[Id, ...] = ()
    counsellor_id: Id | None = None


@dataclass(frozen=True)
class AssignmentResult:
    assignments: Mapping[Id, Id]
    loads: tuple[CounsellorLoad, ...]
    shortfalls: tuple[CapacityShortfall, ...]
    notes: tuple[AssignmentNote, ...]
    unassigned: tuple[Id, ...]
    objective: Objective
    exact: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "assignments", MappingProxyType(dict(self.assignments)))


def _language(code: str) -> str:
    return code.strip().lower()


def eligible_counsellors(jobseeker: Jobseeker, pool: Sequence[Counsellor]) -> list[Counsellor]:
    """The pool's counsellors who speak the service language, or the whole pool when nobody does."""
    speakers = [c for c in pool if jobseeker.service_language in c.languages]
    return speakers or list(pool)


def objective(
    counsellors: Iterable[Counsellor], jobseekers: Iterable[Jobseeker], assignments: Mapping[Id, Id]
) -> Objective:
    counsellors = list(counsellors)
    by_pool = _by_pool(counsellors)
    new_clients: dict[Id, int] = defaultdict(int)
    for counsellor_id in assignments.values():
        new_clients[counsellor_id] += 1
    overflow = 0
    spread = Fraction(0)
    for counsellor in counsellors:
        caseload = counsellor.caseload + new_clients[counsellor.id]
        overflow += max(0, caseload - counsellor.max_clients)
        spread += Fraction(caseload**2) / Fraction(counsellor.fte)
    breaks = 0
    for jobseeker in jobseekers:
        previous = _allowed_previous(jobseeker, eligible_counsellors(jobseeker, by_pool[jobseeker.pool_id]))
        if previous is not None and assignments.get(jobseeker.id) != previous:
            breaks += 1
    return Objective(overflow=overflow, spread=spread, continuity_breaks=breaks)


def assign(counsellors: Iterable[Counsellor], jobseekers: Iterable[Jobseeker]) -> AssignmentResult:
    counsellors = list(counsellors)
    jobseekers = list(jobseekers)
    _require_unique([c.id for c in counsellors], "ohjaaja")
    _require_unique([j.id for j in jobseekers], "työnhakija")
    by_pool = _by_pool(counsellors)
    waiting: dict[str, list[Jobseeker]] = defaultdict(list)
    for jobseeker in jobseekers:
        waiting[jobseeker.pool_id].append(jobseeker)

    assignments: dict[Id, Id] = {}
    notes: list[AssignmentNote] = []
    unassigned: list[Id] = []
    exact = True
    for pool_id, pool_jobseekers in waiting.items():
        pool = by_pool.get(pool_id, [])
        if not pool:
            ids = tuple(j.id for j in pool_jobseekers)
            unassigned.extend(ids)
            notes.append(
                AssignmentNote(
                    code="no_counsellors",
                    pool_id=pool_id,
                    message=f"Ohjaajaryhmässä {pool_id} ei ole ohjaajia; jakamatta jäi työnhakijoita: {len(ids)}.",
                    jobseeker_ids=ids,
                )
            )
            continue
        notes.extend(_language_notes(pool_id, pool, pool_jobseekers))
        pool_assignments, pool_exact = _solve_pool(pool, pool_jobseekers)
        assignments.update(pool_assignments)
        if not pool_exact:
            exact = False
            notes.append(
                AssignmentNote(
                    code="approximate_balance",
                    pool_id=pool_id,
                    message=f"Ohjaajaryhmä {pool_id}: htv-arvot ovat niin hienojakoisia, että asiakasmäärät "
                    "tasattiin likimääräisesti; ryhmä- ja kielisäännöt sekä tavoitteen ylitykset ovat tarkkoja.",
                )
            )

    loads = _loads(counsellors, assignments)
    notes.extend(_target_notes(counsellors, loads))
    return AssignmentResult(
        assignments=assignments,
        loads=loads,
        shortfalls=_shortfalls(by_pool, waiting),
        notes=tuple(notes),
        unassigned=tuple(unassigned),
        objective=objective(counsellors, jobseekers, assignments),
        exact=exact,
    )


def _require_unique(ids: list[Id], label: str) -> None:
    seen = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{label} {item} on kahteen kertaan")
        seen.add(item)


def _by_pool(counsellors: Iterable[Counsellor]) -> dict[str, list[Counsellor]]:
    pools: dict[str, list[Counsellor]] = defaultdict(list)
    for counsellor in counsellors:
        pools[counsellor.pool_id].append(counsellor)
    return pools


def _allowed_previous(jobseeker: Jobseeker, eligible: list[Counsellor]) -> Id | None:
    if any(c.id == jobseeker.previous_counsellor_id for c in eligible):
        return jobseeker.previous_counsellor_id
    return None


def _language_notes(pool_id: str, pool: list[Counsellor], jobseekers: list[Jobseeker]) -> list[AssignmentNote]:
    unspoken: dict[str, list[Id]] = defaultdict(list)
    for jobseeker in jobseekers:
        if not any(jobseeker.service_language in c.languages for c in pool):
            unspoken[jobseeker.service_language].append(jobseeker.id)
    return [
        AssignmentNote(
            code="language_not_spoken",
            pool_id=pool_id,
            message=f"Ohjaajaryhmässä {pool_id} kukaan ei puhu asiointikieltä {language}; kaikkien ryhmän "
            f"ohjaajien kesken jaettiin työnhakijoita: {len(ids)}.",
            jobseeker_ids=tuple(ids),
        )
        for language, ids in unspoken.items()
    ]


def _solve_pool(pool: list[Counsellor], jobseekers: list[Jobseeker]) -> tuple[dict[Id, Id], bool]:
    """Optimal assignment for one pool; the flag is False when the spread had to be approximated."""
    index = {c.id: i for i, c in enumerate(pool)}
    # Job seekers with the same eligible counsellors and the same kept-able previous counsellor are
    # interchangeable, so the network has one node per such class instead of one per job seeker: fewer nodes
    # also widen the cost range OR-Tools accepts.
    classes: dict[tuple[tuple[int, ...], int | None], list[Jobseeker]] = defaultdict(list)
    for jobseeker in jobseekers:
        eligible = eligible_counsellors(jobseeker, pool)
        previous = _allowed_previous(jobseeker, eligible)
        key = (tuple(index[c.id] for c in eligible), None if previous is None else index[previous])
        classes[key].append(jobseeker)

    reach = [0] * len(pool)
    for (eligible, _previous), members in classes.items():
        for i in eligible:
            reach[i] += len(members)
    keepers = sum(len(members) for (_eligible, previous), members in classes.items() if previous is not None)

    ftes = [Fraction(c.fte) for c in pool]
    nodes = len(classes) + len(pool) + 1
    costs = _unit_costs(pool, reach, _exact_weights(ftes), keepers, len(jobseekers))
    exact = _fits(costs, nodes)
    # Rarely, FTEs with many different prime numerators make the exact weights too large. Rounded weights
    # still keep the pool and language rules and the overflow level exact; only the spread (and so the
    # continuity that comes after it) is then approximate, and the result says so.
    scale = 2**40
    while not _fits(costs, nodes):
        scale //= 2
        if scale == 0:
            raise ValueError("asiakasjako: ohjaajaryhmä on liian suuri ratkaistavaksi kerralla")
        costs = _unit_costs(pool, reach, [max(1, round(scale / fte)) for fte in ftes], keepers, len(jobseekers))

    flows = _min_cost_flow(classes, pool, costs)
    assignments: dict[Id, Id] = {}
    for class_members, class_flows in zip(classes.values(), flows, strict=True):
        queue = iter(class_members)
        for counsellor_index, amount in class_flows:
            for _ in range(amount):
                assignments[next(queue).id] = pool[counsellor_index].id
    return assignments, exact


def _exact_weights(ftes: list[Fraction]) -> list[int]:
    """Integers proportional to 1/FTE, exactly: LCM of the numerators × denominator / numerator."""
    numerators = math.lcm(*(fte.numerator for fte in ftes))
    weights = [numerators * fte.denominator // fte.numerator for fte in ftes]
    common = math.gcd(*weights)
    return [weight // common for weight in weights]


def _unit_costs(
    pool: list[Counsellor], reach: list[int], weights: list[int], keepers: int, jobseekers: int
) -> list[list[int]]:
    """Cost of each counsellor's k-th new client; continuity (weight 1) sits on the class arcs."""
    # A spread difference of one scaled unit must outweigh every possible continuity break, and an overflow
    # unit must outweigh every possible spread and continuity difference.
    spread_weight = keepers + 1
    marginal = [
        [spread_weight * (2 * (c.caseload + k) + 1) * weight for k in range(n)]
        for c, n, weight in zip(pool, reach, weights, strict=True)
    ]
    overflow_weight = jobseekers * max((m[-1] for m in marginal if m), default=0) + keepers + 1
    return [
        [cost + overflow_weight * (c.caseload + k + 1 > c.max_clients) for k, cost in enumerate(m)]
        for c, m in zip(pool, marginal, strict=True)
    ]


def _fits(costs: list[list[int]], nodes: int) -> bool:
    largest = max((max(c) for c in costs if c), default=0)
    return largest * (nodes + 1) <= _COST_LIMIT


def _min_cost_flow(
    classes: dict[tuple[tuple[int, ...], int | None], list[Jobseeker]],
    pool: list[Counsellor],
    costs: list[list[int]],
) -> list[list[tuple[int, int]]]:
    """Flow from each job-seeker class to each counsellor, as (counsellor index, job seekers) per class."""
    solver = min_cost_flow.SimpleMinCostFlow()
    counsellor_node = len(classes)
    sink = counsellor_node + len(pool)
    class_arcs = []
    for node, ((eligible, previous), members) in enumerate(classes.items()):
        solver.set_node_supply(node, len(members))
        arcs = []
        for i in eligible:
            breaks_continuity = previous is not None and i != previous
            arc = solver.add_arc_with_capacity_and_unit_cost(
                node, counsellor_node + i, len(members), int(breaks_continuity)
            )
            arcs.append((i, arc))
        class_arcs.append(arcs)
    for i, unit_costs in enumerate(costs):
        for cost in unit_costs:
            solver.add_arc_with_capacity_and_unit_cost(counsellor_node + i, sink, 1, cost)
    solver.set_node_supply(sink, -sum(len(members) for members in classes.values()))
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"asiakasjako: min-cost flow ei löytänyt ratkaisua ({status})")
    return [[(i, solver.flow(arc)) for i, arc in arcs] for arcs in class_arcs]


def _loads(counsellors: list[Counsellor], assignments: Mapping[Id, Id]) -> tuple[CounsellorLoad, ...]:
    new_clients: dict[Id, int] = defaultdict(int)
    for counsellor_id in assignments.values():
        new_clients[counsellor_id] += 1
    loads = []
    for counsellor in counsellors:
        caseload = counsellor.caseload + new_clients[counsellor.id]
        loads.append(
            CounsellorLoad(
                counsellor_id=counsellor.id,
                pool_id=counsellor.pool_id,
                fte=counsellor.fte,
                caseload=caseload,
                new_clients=new_clients[counsellor.id],
                clients_per_fte=(caseload / counsellor.fte).quantize(Decimal("0.01"), ROUND_HALF_EVEN),
                max_clients=counsellor.max_clients,
            )
        )
    return tuple(loads)


def _target_notes(counsellors: list[Counsellor], loads: tuple[CounsellorLoad, ...]) -> list[AssignmentNote]:
    notes = []
    for counsellor, load in zip(counsellors, loads, strict=True):
        fte = fi_number(counsellor.fte)
        if load.over_target:
            notes.append(
                AssignmentNote(
                    code="over_target",
                    pool_id=counsellor.pool_id,
                    counsellor_id=counsellor.id,
                    message=f"Ohjaaja {counsellor.id}: {fi_number(load.caseload)} asiakasta, tavoitteen "
                    f"mukainen enimmäismäärä {fi_number(load.max_clients)} "
                    f"({fi_number(counsellor.max_clients_per_fte)} asiakasta/htv × {fte} htv).",
                )
            )
        minimum = counsellor.min_clients_per_fte
        if minimum is not None and load.caseload < minimum * Fraction(counsellor.fte):
            notes.append(
                AssignmentNote(
                    code="under_target",
                    pool_id=counsellor.pool_id,
                    counsellor_id=counsellor.id,
                    message=f"Ohjaaja {counsellor.id}: {fi_number(load.caseload)} asiakasta, alle tavoitteen "
                    f"{fi_number(minimum)} asiakasta/htv × {fte} htv.",
                )
            )
    return notes


def _shortfalls(
    by_pool: dict[str, list[Counsellor]], waiting: dict[str, list[Jobseeker]]
) -> tuple[CapacityShortfall, ...]:
    shortfalls = []
    for pool_id, pool in by_pool.items():
        clients = sum(c.caseload for c in pool) + len(waiting.get(pool_id, ()))
        capacity = sum(c.max_clients for c in pool)
        if clients <= capacity:
            continue
        excess = clients - capacity
        total_fte = sum(Fraction(c.fte) for c in pool)
        # With different targets inside one pool, the FTE-weighted average says what one more FTE would carry.
        target = sum(c.max_clients_per_fte * Fraction(c.fte) for c in pool) / total_fte
        missing_fte = missing_fte_for(clients, total_fte, target)
        shortfalls.append(
            CapacityShortfall(
                pool_id=pool_id,
                clients=clients,
                capacity=capacity,
                excess=excess,
                target_clients_per_fte=target,
                missing_fte=missing_fte,
                message=f"Ohjaajaryhmä {pool_id}: asiakkaita {fi_number(clients)}, tavoitteen mukainen "
                f"enimmäismäärä {fi_number(capacity)}, tavoitteen ylittäviä asiakkaita "
                f"{fi_number(excess)}; puuttuu {fi_number(missing_fte)} htv "
                f"(tavoite {fi_number(target)} asiakasta/htv).",
            )
        )
    return tuple(shortfalls)
