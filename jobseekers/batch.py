"""Batch assignment through the database: every unassigned job seeker in scope gets a responsible counsellor.

The optimisation is the pure core (jobseekers/assignment.py, a min-cost flow): pool and language rules, then nobody
above the target while someone else has room, then even clients per FTE, then continuity. This module feeds it:

* counsellors: active users in the counsellor role with FTE > 0, in the pool of their team (or of their home
  municipality without a team); their caseload is their current number of clients; their target is the caseload
  target of their team, else of the team's municipality (plan §1). Sotkamo has no target: its counsellors are only
  balanced, never "over".
* job seekers: the unassigned ones in the caller's scope, with their previous counsellor (the latest ended period of
  the history) for continuity.

Large batches are cut so that the flow network stays small: a pool with more than SUBPOOL_SIZE counsellors is split
into sub-pools (each language spoken is spread over them, job seekers go to the least loaded sub-pool that speaks
their language, a returning job seeker to the sub-pool of their previous counsellor), and the job seekers of a
(sub-)pool are solved CHUNK_SIZE at a time, each chunk on the caseloads the previous one left. A pool the size the
plan describes (≤ 20 counsellors, ≤ 2 000 new clients) is solved exactly in one piece; the national-scale benchmark
is the case the cutting is for.
"""

import heapq
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts import permissions
from accounts.models import User
from common.bulk import RowWriter
from common.formatting import fi_number
from common.locks import serialize_on
from jobseekers import assignment, capacity, enums, selectors, signals
from jobseekers.enums import CounsellorPurpose
from jobseekers.models import CounsellorAssignment, Jobseeker
from jobseekers.targets import Targets
from organisation import pools
from organisation.models import Municipality, Team

# Serialises the batch and every other write that gives a job seeker of a pool a counsellor by this rule
# (changes.update_jobseeker when a person moves to another pool); taken before any job seeker's row.
ASSIGNMENT_LOCK = "counsellor-assignment"
SUBPOOL_SIZE = 20
CHUNK_SIZE = 2000
WRITE_BATCH = 2000
# Pools without a target (Sotkamo) are balanced only: no client is ever "above the target".
NO_TARGET = 10**6

Progress = Callable[[str, int, int], None]


@dataclass
class Shortfall:
    pool: str
    name: str
    clients: int
    capacity: int
    missing_fte: Decimal
    message: str


@dataclass
class BatchReport:
    assigned: int = 0
    unassigned: int = 0
    shortfalls: list[Shortfall] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def messages(self) -> list[str]:
        return [s.message for s in self.shortfalls] + self.notes


def pool_names() -> dict[str, str]:
    teams = Team.objects.select_related("municipality")
    names = {pools.team_pool(t.key): f"{t.municipality.name_fi}: {t.name}" for t in teams}
    for m in Municipality.objects.all():
        names[pools.municipality_pool(m.code)] = f"{m.name_fi}: kaikki ohjaajat"
    return names


def core_counsellors(targets: Targets, caseloads: dict[int, int]) -> list[assignment.Counsellor]:
    counsellors = []
    for user in selectors.counsellors_for(None, CounsellorPurpose.BATCH_ASSIGNMENT):
        pool = permissions.counsellor_pool(user)
        target = targets.for_team(user.team, user.home_municipality_id)
        maximum = target.max_clients if target and target.max_clients else NO_TARGET
        counsellors.append(
            assignment.Counsellor(
                id=user.pk,
                pool_id=pool,
                fte=user.fte,
                languages=frozenset(user.languages or ["fi"]),
                caseload=caseloads.get(user.pk, 0),
                max_clients_per_fte=maximum,
                min_clients_per_fte=target.min_clients if target else None,
            )
        )
    return counsellors


def current_caseloads() -> dict[int, int]:
    rows = (
        Jobseeker.objects.searching()
        .filter(responsible_counsellor__isnull=False)
        .values("responsible_counsellor")
        .annotate(clients=Count("id"))
    )
    return {row["responsible_counsellor"]: row["clients"] for row in rows}


def _split(counsellors: list[assignment.Counsellor], seekers: list[assignment.Jobseeker]):
    """Sub-pools of at most SUBPOOL_SIZE counsellors; job seekers to the least loaded sub-pool that suits them."""
    if len(counsellors) <= SUBPOOL_SIZE:
        return [(counsellors, seekers)]
    count = -(-len(counsellors) // SUBPOOL_SIZE)
    # Dealing the counsellors out sorted by languages spreads every language profile over the sub-pools.
    ordered = sorted(counsellors, key=lambda c: (tuple(sorted(c.languages)), str(c.id)))
    groups = [ordered[i::count] for i in range(count)]
    group_of = {c.id: g for g, members in enumerate(groups) for c in members}
    fte = [sum(c.fte for c in members) for members in groups]
    load = [sum(c.caseload for c in members) for members in groups]
    speakers: dict[str, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        for language in set().union(*(c.languages for c in members)):
            speakers[language].append(g)
    every = list(range(count))
    assigned: list[list[assignment.Jobseeker]] = [[] for _ in groups]
    heaps: dict[tuple[int, ...], list] = {}
    for seeker in seekers:
        if seeker.previous_counsellor_id in group_of:
            g = group_of[seeker.previous_counsellor_id]
        else:
            candidates = tuple(speakers.get(seeker.service_language) or every)
            heap = heaps.get(candidates)
            if heap is None:
                heap = heaps[candidates] = [(load[g] / fte[g], g) for g in candidates]
                heapq.heapify(heap)
            # Loads change through other heaps too, so a stale top is refreshed before it is used.
            while True:
                ratio, g = heap[0]
                current = load[g] / fte[g]
                if ratio == current:
                    break
                heapq.heapreplace(heap, (current, g))
            heapq.heapreplace(heap, ((load[g] + 1) / fte[g], g))
        assigned[g].append(seeker)
        load[g] += 1
    return list(zip(groups, assigned, strict=True))


def solve(
    counsellors: list[assignment.Counsellor], seekers: list[assignment.Jobseeker], progress: Progress | None = None
) -> tuple[dict, dict[tuple[str, str], int], set[str]]:
    """Assignments, the (pool, language) pairs nobody in the pool speaks with their counts, and pools left unserved."""
    by_pool: dict[str, list[assignment.Counsellor]] = defaultdict(list)
    for counsellor in counsellors:
        by_pool[counsellor.pool_id].append(counsellor)
    waiting: dict[str, list[assignment.Jobseeker]] = defaultdict(list)
    for seeker in seekers:
        waiting[seeker.pool_id].append(seeker)
    result: dict = {}
    unspoken: dict[tuple[str, str], int] = defaultdict(int)
    empty: set[str] = set()
    done = 0
    for pool_id in sorted(waiting):
        pool_seekers = waiting[pool_id]
        if not by_pool.get(pool_id):
            empty.add(pool_id)
            done += len(pool_seekers)
            continue
        spoken = set().union(*(c.languages for c in by_pool[pool_id]))
        for seeker in pool_seekers:
            if seeker.service_language not in spoken:
                unspoken[(pool_id, seeker.service_language)] += 1
        for group, group_seekers in _split(by_pool[pool_id], pool_seekers):
            loads = {c.id: c.caseload for c in group}
            for start in range(0, len(group_seekers), CHUNK_SIZE):
                chunk = group_seekers[start : start + CHUNK_SIZE]
                current = [replace(c, caseload=loads[c.id]) for c in group]
                outcome = assignment.assign(current, chunk)
                for seeker_id, counsellor_id in outcome.assignments.items():
                    result[seeker_id] = counsellor_id
                    loads[counsellor_id] += 1
                done += len(chunk)
                if progress:
                    progress("asiakasjako", done, len(seekers))
    return result, unspoken, empty


def _previous_counsellors(unassigned) -> dict[int, int]:
    latest: dict[int, tuple] = {}
    rows = CounsellorAssignment.objects.filter(
        jobseeker_id__in=unassigned.values("pk"), ended_at__isnull=False
    ).values_list("jobseeker_id", "counsellor_id", "ended_at")
    for jobseeker_id, counsellor_id, ended_at in rows:
        if jobseeker_id not in latest or ended_at > latest[jobseeker_id][1]:
            latest[jobseeker_id] = (counsellor_id, ended_at)
    return {jobseeker_id: value[0] for jobseeker_id, value in latest.items()}


def _report(
    counsellors: list[assignment.Counsellor], unspoken, empty: set[str], seekers, targets: Targets, names
) -> tuple[list[Shortfall], list[str]]:
    shortfalls = []
    # With no one waiting, the core's capacity check runs on the final caseloads of every pool.
    final = assignment.assign(counsellors, [])
    for s in final.shortfalls:
        name = names.get(s.pool_id, s.pool_id)
        shortfalls.append(
            Shortfall(
                pool=s.pool_id,
                name=name,
                clients=s.clients,
                capacity=s.capacity,
                missing_fte=s.missing_fte,
                message=f"{name}: asiakkaita {fi_number(s.clients)}, tavoitteen mukainen enimmäismäärä "
                f"{fi_number(s.capacity)} ({fi_number(s.target_clients_per_fte)} asiakasta/htv); "
                f"puuttuu {fi_number(s.missing_fte)} htv.",
            )
        )
    waiting = defaultdict(int)
    for seeker in seekers:
        waiting[seeker.pool_id] += 1
    team_keys = {pools.team_pool(t.key): t for t in Team.objects.all()}
    municipalities = {pools.municipality_pool(m.code): m for m in Municipality.objects.all()}
    for pool_id in sorted(empty):
        name = names.get(pool_id, pool_id)
        team = team_keys.get(pool_id)
        municipality = municipalities.get(pool_id)
        target = targets.for_team(team, municipality.pk if municipality else None)
        missing = capacity.missing_fte(waiting[pool_id], 0, target.max_clients) if target and target.max_clients else 0
        text = (
            f"{name}: ohjaajaryhmässä ei ole ohjaajia; {fi_number(waiting[pool_id])} asiakasta jäi ilman vastuuohjaajaa"
        )
        text += f"; puuttuu {fi_number(missing)} htv." if missing else "."
        shortfalls.append(Shortfall(pool_id, name, waiting[pool_id], 0, missing, text))
    by_pool: dict[str, list[str]] = defaultdict(list)
    for (pool_id, language), count in sorted(unspoken.items()):
        by_pool[pool_id].append(f"{language} {fi_number(count)}")
    notes = [
        f"{names.get(pool_id, pool_id)}: asiointikieltä ei puhu kukaan ryhmän ohjaajista ({', '.join(parts)} "
        "asiakasta); heidät jaettiin kaikkien ryhmän ohjaajien kesken."
        for pool_id, parts in by_pool.items()
    ]
    return shortfalls, notes


def _still_unassigned(pairs: list[tuple[int, int]]) -> set[int]:
    """Give each (job seeker, counsellor) pair's job seeker the counsellor, unless the job seeker got one or their
    job search ended meanwhile (the UPDATE re-reads a row changed concurrently on PostgreSQL); the ids written.

    One UPDATE joined to the pairs (two arrays on PostgreSQL, a VALUES list elsewhere) for the whole batch, whoever
    the counsellors: a statement per counsellor (thousands at a national scale) each with its own row locking query
    cost most of the batch's time.
    """
    table = connection.ops.quote_name(Jobseeker._meta.db_table)
    if connection.vendor == "postgresql":
        # Two array parameters: psycopg would parse a text of 4 000 placeholders one by one.
        source = "unnest(%s::bigint[], %s::bigint[]) AS v(column1, column2)"
        params = [[jobseeker for jobseeker, _ in pairs], [counsellor for _, counsellor in pairs]]
    else:
        source = f"(VALUES {', '.join(['(%s, %s)'] * len(pairs))}) AS v"
        params = [value for pair in pairs for value in pair]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET responsible_counsellor_id = v.column2 FROM {source} "  # noqa: S608
            f"WHERE {table}.id = v.column1 AND {table}.responsible_counsellor_id IS NULL "
            f"AND {table}.job_search_ended_on IS NULL RETURNING {table}.id",
            params,
        )
        return {row[0] for row in cursor.fetchall()}


def _write(
    by_counsellor: dict[int, list[int]], by: User | None, total: int, progress: Progress | None
) -> tuple[list[int], Counter[int]]:
    """Write the assignments and their periods of responsibility; the job seekers assigned and the number per
    counsellor. The periods are written counsellor by counsellor, each one's job seekers in the order of their ids."""
    now = timezone.now()
    written: list[int] = []
    added: Counter[int] = Counter()
    history = RowWriter(CounsellorAssignment)
    pending: list[tuple[int, list[int]]] = []
    processed = 0

    def flush() -> None:
        nonlocal processed
        ids = _still_unassigned([(seeker_id, counsellor_id) for counsellor_id, chunk in pending for seeker_id in chunk])
        for counsellor_id, chunk in pending:
            assigned = sorted(seeker_id for seeker_id in chunk if seeker_id in ids)
            for seeker_id in assigned:
                history.add(
                    {
                        "jobseeker_id": seeker_id,
                        "counsellor_id": counsellor_id,
                        "started_at": now,
                        "ended_at": None,
                        "reason": enums.AssignmentReason.BATCH.value,
                        "note": "",
                        "assigned_by_id": by.pk if by else None,
                    }
                )
            written.extend(assigned)
            added[counsellor_id] += len(assigned)
            processed += len(chunk)
        pending.clear()
        if progress:
            progress("tallennus", processed, total)

    waiting = 0
    for counsellor_id, seeker_ids in by_counsellor.items():
        for start in range(0, len(seeker_ids), WRITE_BATCH):
            chunk = seeker_ids[start : start + WRITE_BATCH]
            if waiting + len(chunk) > WRITE_BATCH:
                flush()
                waiting = 0
            pending.append((counsellor_id, chunk))
            waiting += len(chunk)
    if pending:
        flush()
    history.flush()
    return written, added


@transaction.atomic
def assign_unassigned(
    *, scope: Q | None = None, by: User | None = None, progress: Progress | None = None
) -> BatchReport:
    """Give every unassigned job seeker in `scope` a counsellor (scope: accounts.permissions.assignment_scope).

    Two runs at once are serialised (the second then finds the first one's work done); a job seeker given a counsellor
    by hand meanwhile is left as it is, so nobody gets two open assignments.
    """
    serialize_on(ASSIGNMENT_LOCK)
    started = time.perf_counter()
    report = BatchReport()
    unassigned = Jobseeker.objects.searching().filter(responsible_counsellor__isnull=True)
    if scope is not None:
        unassigned = unassigned.filter(scope)
    previous = _previous_counsellors(unassigned)
    seekers = [
        assignment.Jobseeker(id=pk, pool_id=pool, service_language=language, previous_counsellor_id=previous.get(pk))
        for pk, pool, language in unassigned.order_by("pk").values_list("pk", "pool", "service_language")
    ]
    targets = Targets()
    counsellors = core_counsellors(targets, current_caseloads())
    result, unspoken, empty = solve(counsellors, seekers, progress)

    by_counsellor: dict[int, list[int]] = defaultdict(list)
    for seeker_id, counsellor_id in result.items():
        by_counsellor[counsellor_id].append(seeker_id)
    written, added = _write(by_counsellor, by, len(result), progress)
    signals.counsellors_changed.send(sender=Jobseeker, pks=written)

    final = [replace(c, caseload=c.caseload + added[c.id]) for c in counsellors]
    report.shortfalls, report.notes = _report(final, unspoken, empty, seekers, targets, pool_names())
    if scope is not None:
        # The capacity check runs over every pool; the caller hears of the pools of its own scope only.
        own = set(Jobseeker.objects.filter(scope).order_by().values_list("pool", flat=True).distinct())
        report.shortfalls = [s for s in report.shortfalls if s.pool in own]
    report.assigned = len(written)
    report.unassigned = len(seekers) - len(result)
    report.seconds = time.perf_counter() - started
    return report
