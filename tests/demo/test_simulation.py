"""The meeting history simulated over several processes is the one-process history, row for row and in the same
order; the caches on the way (dates, rule sets) answer what the plain functions answer; the COPY text the simulation
processes write is what PostgreSQL reads back (docs/performance.md, "Issue 17, third pass: demo generation")."""

import os
import signal
from collections import Counter
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from multiprocessing import queues, util

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, models, transaction
from hypothesis import given
from hypothesis import strategies as st

from common import dates
from common.bulk import RowWriter, copy_text
from demo import history, meetings, simulation
from demo.diary import HELSINKI
from jobseekers.enums import Channel
from jobseekers.models import Jobseeker
from service_model import rule_sets
from service_model.enums import MeetingState
from service_model.models import Deadline, EmploymentPlan, JobApplication, Meeting, PlanTask

pytestmark = pytest.mark.django_db

STAMPS = ("id", "created_at", "updated_at")
MEETING_COLUMNS = [f.attname for f in Meeting._meta.concrete_fields if f.attname not in STAMPS]


@pytest.fixture
def people(area, today):
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205")
    return Jobseeker.objects.filter(synthetic_month__isnull=False)


def written():
    """Everything the generator writes, in the order of the ids the database gave it (ids themselves differ)."""
    deadline_columns = [
        f.attname for f in Deadline._meta.concrete_fields if f.attname not in ("computed_at", "next_booked_id")
    ]
    return (
        list(Meeting.objects.order_by("pk").values_list(*MEETING_COLUMNS)),
        list(Deadline.objects.order_by("pk").values_list(*deadline_columns, "next_booked__planned_at")),
        list(EmploymentPlan.objects.order_by("pk").values_list("jobseeker_id", "goal", "drawn_up_on")),
        list(PlanTask.objects.order_by("pk").values_list("plan__jobseeker_id", "title", "due_on", "status")),
        list(JobApplication.objects.order_by("pk").values_list("jobseeker_id", "applied_on", "employer")),
    )


def test_any_number_of_processes_writes_the_one_process_rows_in_the_same_order(people, today):
    meetings.generate(seed=5, today=today, workers=1)
    alone = written()
    assert len(alone[0]) > 5 * people.count()
    meetings.generate(seed=5, today=today, workers=3)
    assert written() == alone
    meetings.generate(seed=6, today=today, workers=2)
    assert written()[0] != alone[0]  # the seed still decides


def test_a_failing_simulation_process_fails_the_run_and_writes_nothing(people, today, monkeypatch):
    meetings.generate(seed=1, today=today, workers=1)
    before = written()

    def broken(*args, **kwargs):
        raise ValueError("simulation broke")

    monkeypatch.setattr(history, "simulate", broken)  # the forked processes inherit it
    with pytest.raises(RuntimeError, match="simulation broke"):
        meetings.generate(seed=2, today=today, workers=2)
    assert written() == before


@contextmanager
def within(seconds: int):
    """Fails a test that would otherwise hang (the writer waiting for a result that never comes)."""

    def expired(*args):
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def exit_would_wait():
    """Queue feeder threads that the interpreter's exit would join (multiprocessing runs these finalizers at exit)
    although they are still running: a feeder blocked on a pipe no process reads any more hangs the exit for ever."""
    return [
        finalizer
        for finalizer in list(util._finalizer_registry.values())
        if finalizer._callback is queues.Queue._finalize_join
        and (thread := finalizer._args[0]()) is not None
        and thread.is_alive()
    ]


def test_a_failed_simulation_process_leaves_nothing_for_the_exit_to_wait_for(people, today, monkeypatch):
    # Chunks of a third of the people: the writer has sent the later ones (each far more than a pipe holds) when the
    # first one fails.
    monkeypatch.setattr(meetings, "CHUNK", people.count() // 3)

    def broken(*args, **kwargs):
        raise ValueError("simulation broke")

    monkeypatch.setattr(history, "simulate", broken)
    with within(60), pytest.raises(RuntimeError, match="simulation broke"):
        meetings.generate(seed=2, today=today, workers=2)
    assert exit_would_wait() == []


def test_a_simulation_process_that_dies_fails_the_run_instead_of_hanging(people, today, monkeypatch):
    def killed(*args, **kwargs):
        os._exit(9)  # as the kernel's out-of-memory killer would end it: no traceback, no result

    monkeypatch.setattr(history, "simulate", killed)
    with within(60), pytest.raises(RuntimeError, match="exit code 9"):
        meetings.generate(seed=2, today=today, workers=2)
    assert Meeting.objects.count() == 0


def test_the_command_refuses_no_workers(people, today):
    with pytest.raises(CommandError, match="--workers"):
        call_command("generate_meetings", "--workers", "0")


@given(st.lists(st.lists(st.integers(1, 40), min_size=1, max_size=4), max_size=60), st.integers(1, 4))
def test_counsellors_a_person_links_share_a_shard_and_every_counsellor_has_one(people_counsellors, shards):
    loads = Counter(counsellor for linked in people_counsellors for counsellor in set(linked))
    shard_of = simulation.shard_of_counsellor(
        [sorted(set(linked)) for linked in people_counsellors if len(set(linked)) > 1], loads, shards
    )
    assert set(shard_of) == set(loads)
    assert set(shard_of.values()) <= set(range(shards))
    for linked in people_counsellors:
        assert len({shard_of[counsellor] for counsellor in linked}) == 1


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(-2400, 2400))
def test_the_cached_month_arithmetic_answers_as_the_plain_one(day, months):
    assert dates.add_months(day, months) == dates.add_months.__wrapped__(day, months)


@given(st.dates(date(2022, 5, 2), date(2100, 12, 31)))
def test_the_cached_rule_set_is_the_one_picked_from_the_list(day):
    assert rule_sets.rule_set_for(day) is rule_sets._pick(day, rule_sets.RULE_SETS)
    assert rule_sets.rule_set_for(day, list(rule_sets.RULE_SETS)) is rule_sets._pick(day, rule_sets.RULE_SETS)


def test_a_day_before_every_rule_set_still_raises_each_time():
    for _ in range(2):
        with pytest.raises(rule_sets.NoRuleSetInForce):
            rule_sets.rule_set_for(date(2022, 5, 1))


def test_copy_text_escapes_what_copy_reads_as_separators_and_refuses_unknown_values():
    moment = datetime(2026, 3, 2, 9, 30, tzinfo=HELSINKI)
    row = ("a\tb\\c\nd\re", None, True, False, 7, Decimal("1.50"), date(2026, 3, 2), moment, "ä")
    assert copy_text([row, (1,)]) == (
        "a\\tb\\\\c\\nd\\re\t\\N\tt\tf\t7\t1.50\t2026-03-02\t2026-03-02 09:30:00+02:00\tä\n1\n".encode()
    )
    with pytest.raises(psycopg.ProgrammingError, match="object"):
        copy_text([(object(),)])


def test_copy_text_writes_the_value_of_a_choice():
    class Weekday(models.IntegerChoices):
        MONDAY = 1, "maanantai"

    assert copy_text([(Channel.PHONE, Weekday.MONDAY, MeetingState.HELD)]) == b"phone\t1\theld\n"


def meeting_values(jobseeker_id: int, counsellor_id: int, municipality_id: int) -> dict:
    moment = datetime(2026, 3, 2, 9, 15, tzinfo=HELSINKI)
    return {
        "jobseeker_id": jobseeker_id,
        "meeting_type": "job_search_discussion",
        "channel": "phone",
        "state": "held",
        "planned_at": moment,
        "duration_minutes": 45,
        "held_at": moment,
        "held_on": moment.date(),
        "office_id": None,
        "counsellor_id": counsellor_id,
        "serving_municipality_id": municipality_id,
        "outcome": 'Sovittu:\tkaksi\nriviä \\ ja "lainaus" – ä',
        "plan_review": "",
        "cancel_reason": "",
        "due_on": moment.date() + timedelta(days=1),
        "on_time": True,
        "synthetic": True,
        "booked_by_id": counsellor_id,
    }


def test_encoded_rows_are_their_copy_text():
    writer = RowWriter(Meeting)
    writer.postgres = True  # the text is the same whatever database the suite runs on
    rows = [writer.row(meeting_values(pk, 3, 4)) for pk in (1, 2)]
    encoded = writer.encode(rows)
    lines = encoded.decode().splitlines()
    assert encoded == copy_text(rows)
    assert [len(line.split("\t")) for line in lines] == [len(writer.fields)] * len(rows)
    assert lines[0].startswith("1\tjob_search_discussion\tphone\theld\t")


@pytest.mark.postgresql
def test_meeting_rows_written_as_copy_text_read_back_as_written_by_psycopg(people, today):
    meetings.generate(seed=1, today=today, workers=1)
    jobseeker = people.filter(responsible_counsellor__isnull=False).first()
    values = meeting_values(jobseeker.pk, jobseeker.responsible_counsellor_id, jobseeker.serving_municipality_id)
    with transaction.atomic():
        plain, encoded = RowWriter(Meeting), RowWriter(Meeting)
        plain.add(values)
        plain.flush()
        row = encoded.row(values)
        encoded.add_encoded(encoded.encode([row]), 1)
        encoded.flush()
        first, second = Meeting.objects.order_by("-pk")[:2].values_list(*MEETING_COLUMNS)
        transaction.set_rollback(True)
    assert connection.vendor == "postgresql"
    assert first == second
