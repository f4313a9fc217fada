"""Simulates the synthetic job seekers' histories (demo/history.py) into rows over the machine's cores; the writer
(demo/meetings.py) reads the people and writes the rows.

Why the split cannot change the history. A person's random numbers are their own stream (the seed and their identity
code's hash), and where a meeting lands depends only on that stream and the diaries of the counsellors the person
books with, each diary filled in the order of the people's primary keys. The counsellors fall into groups that no
person links (a person with periods under two counsellors puts them in one group), and each group goes to one shard
with its own diaries, which simulates its people in primary-key order: every diary then sees exactly the bookings, in
the order, of a run in one process. The writer puts the shards' results back in primary-key order, so the rows – and
the ids the database gives them – are a one-process run's, whatever the number of shards.

The shards run in processes forked from the writer (they inherit its code and row formats, and touch no database: the
writer's connection is never used in them); with one shard, or where fork is missing, in the writer's own process.
"""

import queue
import random
import traceback
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import NamedTuple

from common.bulk import RowWriter
from demo import diary, forked, history
from demo.diary import HELSINKI
from service_model import enums
from service_model.agenda import DEFAULT_HOURS
from service_model.services.deadlines import deadline_values
from service_model.services.plans import default_values


@dataclass(frozen=True)
class Period:
    started_at: datetime
    ended_at: datetime | None
    counsellor_id: int

    def days(self) -> tuple[date, date | None]:
        """The first and last day whose whole working hours fall in the period (None: open)."""
        start = self.started_at.astimezone(HELSINKI)
        first = start.date() + timedelta(days=start.time() > DEFAULT_HOURS.start)
        if self.ended_at is None:
            return first, None
        end = self.ended_at.astimezone(HELSINKI)
        return first, end.date() - timedelta(days=end.time() < DEFAULT_HOURS.end)

    def span(self) -> "Span":
        return (*self.days(), self.counsellor_id)


# A period as a shard gets it: its first and last day (days()) and the counsellor. Plain dates and numbers cross to
# the shard's process several times faster than the moments with their time zone.
Span = tuple[date, date | None, int]


def search_began(person: dict) -> datetime:
    return datetime.combine(person["job_search_started_on"], clock_time(0), tzinfo=HELSINKI)


def responsible_periods(person: dict, periods: dict[int, list[Period]]) -> list[Period]:
    """The person's periods; a counsellor set without a recorded period (by hand in the database) is theirs from the
    start of the job search."""
    found = periods.get(person["pk"])
    if not found and person["responsible_counsellor_id"] is not None:
        return [Period(search_began(person), None, person["responsible_counsellor_id"])]
    return found or []


def _booker(spans: list[Span], diaries: dict[int, diary.Diary]) -> history.Booker:
    """Books in the diary of whoever was responsible on the day, within the days of their period."""

    def book(day, minutes, rng, earliest, latest):
        for first, last, counsellor_id in spans:
            if first <= day and (last is None or day <= last):
                moment = diaries[counsellor_id].book(
                    day, minutes, rng, earliest=max(earliest, first), latest=min(latest, last or latest)
                )
                return None if moment is None else (moment, counsellor_id)
        return None

    return book


class Writers(NamedTuple):
    """The writers of a person's rows, in the order of Simulated's blocks. A shard uses only their row formats."""

    meetings: RowWriter
    deadlines: RowWriter
    plans: RowWriter  # with the primary key: the writer reserves the plans' ids (common/bulk.ReservedIds)
    tasks: RowWriter
    obligations: RowWriter
    applications: RowWriter


@dataclass(frozen=True)
class Settings:
    """What every shard needs, fixed before the shards start."""

    seed: int
    today: date
    now: datetime
    opens: datetime  # no meeting booked today starts before it
    plans: bool
    writers: Writers


@dataclass
class Simulated:
    """A part's results: per person in primary-key order (pk, rows, their numbers), the rows a block per writer in
    the order of Writers, encoded by it (common/bulk.RowWriter.encode): the writer only passes them on, and bytes
    cross from the shard's process many times faster than objects (a plan with its dates and tuples)."""

    people: list[tuple[int, tuple, tuple[int, ...]]]
    states: Counter
    overdue: int


class Shard:
    """Simulates its people, part by part in primary-key order, with the diaries of its counsellors."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.diaries: dict[int, diary.Diary] = defaultdict(lambda: diary.Diary(settings.opens))

    def simulate(self, part: list[tuple[dict, list[Span], int | None]]) -> Simulated:
        """`part`: each person with the spans of their periods and the id reserved for their plan."""
        settings = self.settings
        writers = settings.writers
        row_of_meeting, row_of_deadline = writers.meetings.row, writers.deadlines.row
        nothing = tuple(writer.encode([]) for writer in writers[2:])
        results, states, overdue = [], Counter(), 0
        for person, spans, plan_id in part:
            # Keyed by the identity code's hash, which a regenerated population keeps: the same history again.
            rng = random.Random(f"{settings.seed}:meetings:{person['hetu_hash']}")
            subject = history.Person(
                pk=person["pk"],
                started_on=person["job_search_started_on"],
                status=person["status"],
                has_office=person["meeting_office_id"] is not None,
                preferred_channel=person["preferred_channel"],
                unemployed_since=person["unemployed_since"],
            )
            booker = _booker(spans, self.diaries) if spans else None
            simulated = history.simulate(subject, settings.today, rng, booker)
            rows, plan = [], None
            if person["responsible_counsellor_id"] is not None:
                for meeting in simulated.meetings:
                    rows.append(row_of_meeting(_meeting_values(meeting, person)))
                    states[meeting.state] += 1
                if settings.plans:
                    plan = history.plan_for(subject, simulated, settings.today, rng, person["unemployed_since"])
            deadline = row_of_deadline(
                {
                    "jobseeker_id": person["pk"],
                    **deadline_values(
                        simulated.deadline,
                        counsellor_id=person["responsible_counsellor_id"],
                        serving_municipality_id=person["serving_municipality_id"],
                        pool=person["pool"],
                        today=settings.today,
                        now=settings.now,
                    ),
                }
            )
            if simulated.deadline is not None and simulated.deadline.due_on < settings.today:
                overdue += 1
            if plan is None:
                planned, counts = nothing, (0, 0, 0, 0)
            else:
                plan_rows = _plan_rows(person, plan_id, plan, writers)
                planned = tuple(writer.encode(block) for writer, block in zip(writers[2:], plan_rows, strict=True))
                counts = tuple(map(len, plan_rows))
            results.append(
                (
                    person["pk"],
                    (writers.meetings.encode(rows), writers.deadlines.encode([deadline]), *planned),
                    (len(rows), 1, *counts),
                )
            )
        return Simulated(results, states, overdue)


def _meeting_values(meeting: history.SyntheticMeeting, person: dict) -> dict:
    return {
        "jobseeker_id": person["pk"],
        "meeting_type": meeting.meeting_type,
        "channel": meeting.channel,
        "state": meeting.state,
        "planned_at": meeting.planned_at,
        "duration_minutes": 45 if meeting.meeting_type != enums.MeetingType.OTHER else 15,
        "held_at": meeting.held_at,
        "held_on": meeting.held_on,
        "office_id": person["meeting_office_id"] if meeting.channel == enums.Channel.FACE_TO_FACE else None,
        "counsellor_id": meeting.counsellor_id,
        "serving_municipality_id": person["serving_municipality_id"],
        "outcome": meeting.outcome,
        "plan_review": meeting.plan_review,
        "cancel_reason": meeting.cancel_reason,
        "due_on": meeting.due_on,
        "on_time": meeting.on_time,
        "synthetic": True,
        "booked_by_id": meeting.counsellor_id,
    }


def _plan_rows(person: dict, plan_id: int, plan: history.SyntheticPlan, writers: Writers) -> tuple[list, ...]:
    """The rows of the plan, its tasks, its obligation and the applications."""
    tasks = [
        writers.tasks.row(
            {
                "plan_id": plan_id,
                "title": title,
                "description": "",
                "due_on": due_on,
                "status": status,
                "completed_on": due_on if status == enums.TaskStatus.DONE else None,
                "created_in_id": None,
            }
        )
        for title, due_on, status in plan.tasks
    ]
    obligation = plan.obligation
    applications = [
        writers.applications.row(
            {
                "jobseeker_id": person["pk"],
                "applied_on": applied_on,
                "employer": employer,
                "job_title": title,
                "vacancy_reference": "",
                "source": enums.ApplicationSource.JOBSEEKER,
                "recorded_by_id": None,
                "synthetic": True,
            }
        )
        for applied_on, employer, title in plan.applications
    ]
    return (
        [
            writers.plans.row(
                {
                    "id": plan_id,
                    "jobseeker_id": person["pk"],
                    "goal": plan.goal,
                    "drawn_up_on": plan.drawn_up_on,
                    "drawn_up_in_id": None,
                    "updated_by_id": person["responsible_counsellor_id"],
                    "synthetic": True,
                }
            )
        ],
        tasks,
        [
            writers.obligations.row(
                {
                    "plan_id": plan_id,
                    "starts_on": plan.drawn_up_on,
                    "ends_on": None,
                    "applications": plan.lowered_to if plan.lowered_to is not None else obligation.count,
                    "period_months": obligation.period_months,
                    **default_values(obligation, plan.drawn_up_on),
                    "lowered_reason": plan.lowered_reason,
                    "set_in_id": None,
                    "created_by_id": person["responsible_counsellor_id"],
                }
            )
        ],
        applications,
    )


def shard_of_counsellor(links: Iterable[Iterable[int]], loads: Counter, shards: int) -> dict[int, int]:
    """Each counsellor's shard: counsellors some person links (`links`: each person's counsellors) share one, and the
    groups are spread so that the shards get about as many people (`loads`: people per counsellor). Any spread gives
    the same rows (see the module docstring); this one only balances the work."""
    parent: dict[int, int] = {}

    def root(counsellor: int) -> int:
        parent.setdefault(counsellor, counsellor)
        while parent[counsellor] != counsellor:
            parent[counsellor] = parent[parent[counsellor]]
            counsellor = parent[counsellor]
        return counsellor

    for counsellors in links:
        first, *others = counsellors
        for other in others:
            a, b = root(first), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for counsellor in sorted(set(loads) | set(parent)):
        groups[root(counsellor)].append(counsellor)
    totals = [0] * shards
    shard_of = {}
    for members in sorted(groups.values(), key=lambda group: (-sum(loads[c] for c in group), group[0])):
        lightest = totals.index(min(totals))
        totals[lightest] += sum(loads[c] for c in members)
        for counsellor in members:
            shard_of[counsellor] = lightest
    return shard_of


class _Local:
    """A shard in the writer's own process: a part is simulated when it is sent."""

    def __init__(self, settings: Settings):
        self.shard = Shard(settings)
        self.done: deque[Simulated] = deque()

    def send(self, part) -> None:
        self.done.append(self.shard.simulate(part))

    def receive(self) -> Simulated:
        return self.done.popleft()

    def stop(self) -> None:
        pass


def _serve(settings: Settings, inbox, outbox) -> None:
    parent = forked.start_child()
    shard = Shard(settings)
    while True:
        try:
            part = inbox.get(timeout=forked.PATIENCE)
        except queue.Empty:
            if forked.orphaned(parent):
                forked.leave(inbox, outbox)
                return
            continue
        if part is None:
            return
        try:
            outbox.put(shard.simulate(part))
        except BaseException:
            outbox.put(traceback.format_exc())
            return


class _Forked:
    """A shard in a forked process; parts go in and results come out in order through queues. The queues are
    unbounded: the writer itself keeps at most a few parts outstanding (Shards.LOOKAHEAD)."""

    def __init__(self, context, settings: Settings):
        self.inbox, self.outbox = context.Queue(), context.Queue()
        self.process = context.Process(target=_serve, args=(settings, self.inbox, self.outbox), daemon=True)
        self.process.start()
        forked.only_read_here(self.outbox)

    def send(self, part) -> None:
        self.inbox.put(part)

    def receive(self) -> Simulated:
        return forked.receive(self.outbox, self.process, "a simulation process")

    def stop(self) -> None:
        self.inbox.put(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.abort()

    def abort(self) -> None:
        # Parts still queued for an ended process block the queue's feeder thread on a pipe no one reads; the exit
        # would join that thread for ever. Left to the exit to drop instead.
        self.inbox.cancel_join_thread()
        self.process.terminate()
        self.process.join()


class Shards:
    """The running shards. Use as a context manager: the processes end with it, also on an error."""

    LOOKAHEAD = 2  # parts sent ahead of the one being written, so that the shards never wait for the writer

    def __init__(self, settings: Settings, shard_of: dict[int, int], count: int):
        self.shard_of = shard_of
        context = forked.fork_context() if count > 1 else None
        self.count = count if context is not None else 1
        self.shards = (
            [_Forked(context, settings) for _ in range(self.count)] if context is not None else [_Local(settings)]
        )
        self.pending: deque[list[dict]] = deque()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        for shard in self.shards:
            if exc[0] is not None and isinstance(shard, _Forked):
                shard.abort()
            else:
                shard.stop()

    def send(self, chunk: list[dict], periods: dict[int, list[Period]], plan_ids: list[int] | None) -> None:
        """`plan_ids`: an id reserved for each person's plan, in the chunk's order (None: no plans)."""
        parts: list[list] = [[] for _ in self.shards]
        for position, person in enumerate(chunk):
            spans = [period.span() for period in responsible_periods(person, periods)]
            if self.count == 1:
                index = 0
            elif spans:
                index = self.shard_of[spans[0][2]]
            else:
                index = person["pk"] % self.count  # their own diary: any shard
            parts[index].append((person, spans, plan_ids[position] if plan_ids else None))
        for shard, part in zip(self.shards, parts, strict=True):
            shard.send(part)
        self.pending.append(chunk)

    def ready(self) -> bool:
        return len(self.pending) > self.LOOKAHEAD

    def receive(self) -> tuple[list[dict], Simulated]:
        """The oldest chunk sent and its results in the chunk's (primary-key) order."""
        chunk = self.pending.popleft()
        parts = [shard.receive() for shard in self.shards]
        by_pk = {entry[0]: entry for part in parts for entry in part.people}
        merged = Simulated(
            [by_pk[person["pk"]] for person in chunk],
            sum((part.states for part in parts), Counter()),
            sum(part.overdue for part in parts),
        )
        return chunk, merged
