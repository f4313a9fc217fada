"""The population made in a forked process while the generator writes is the population made in one process, row for
row and in the same order; a process that fails or dies fails the run and keeps the previous population
(docs/performance.md, "Issue 17, fourth pass")."""

import os
import signal
import threading
import time
from datetime import date

import pytest

from demo import forked, people, population, simulation
from jobseekers.models import Jobseeker
from organisation.models import EmploymentArea
from tests.demo.test_simulation import within

pytestmark = pytest.mark.django_db

AUGUST = date(2023, 8, 1)
# The ciphertext of an identity code differs each time it is sealed (a fresh nonce); its hash does not.
UNSTABLE = ("id", "created_at", "updated_at", "hetu_ciphertext")
COLUMNS = [f.attname for f in Jobseeker._meta.concrete_fields if f.attname not in UNSTABLE]


def generate(seed=1):
    return people.generate(
        EmploymentArea.objects.get(), AUGUST, seed=seed, scale="0.2", municipality_codes=["205", "290"]
    )


def written():
    return list(Jobseeker.objects.order_by("pk").values_list(*COLUMNS))


@pytest.fixture
def small_batches(monkeypatch):
    """Blocks of 50 people: the process makes many more than the queue between the two holds."""
    monkeypatch.setattr(people, "INSERT_BATCH", 50)


def test_the_forked_process_writes_the_one_process_rows_in_the_same_order(area, small_batches, monkeypatch):
    apart = generate()
    rows = written()
    assert forked.fork_context() is not None and len(rows) > 10 * 50
    monkeypatch.setattr(forked, "fork_context", lambda: None)
    here = generate()
    assert written() == rows
    assert [(m.code, m.clients) for m in here.municipalities] == [(m.code, m.clients) for m in apart.municipalities]
    assert here.created == apart.created == len(rows)
    generate(seed=2)
    assert written() != rows  # the seed still decides


def test_a_failing_process_fails_the_run_and_keeps_the_previous_population(area, small_batches, monkeypatch):
    generate()
    before = written()
    calls = {"n": 0}
    details = population.details

    def breaks_later(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 300:
            raise ValueError("population broke")
        return details(*args, **kwargs)

    monkeypatch.setattr(population, "details", breaks_later)  # the forked process inherits it
    with within(60), pytest.raises(RuntimeError, match="population broke"):
        generate(seed=2)
    assert written() == before


def test_a_process_that_dies_fails_the_run_instead_of_hanging(area, small_batches, monkeypatch):
    def killed(*args, **kwargs):
        os._exit(9)  # as the kernel's out-of-memory killer would end it: no traceback, no result

    monkeypatch.setattr(population, "details", killed)
    with within(60), pytest.raises(RuntimeError, match="exit code 9"):
        generate()
    assert not Jobseeker.objects.exists()


def test_a_process_killed_in_the_middle_of_an_item_fails_the_run_instead_of_hanging():
    def make():
        yield os.getpid()
        yield b"x" * 8_000_000  # many times what the pipe holds: its feeder thread waits for the reader mid-item

    items = forked.made_apart(make, "the test's process")
    with within(60):
        child = next(items)
        time.sleep(0.5)
        os.kill(child, signal.SIGKILL)
        with pytest.raises(RuntimeError, match="exit code -9"):
            next(items)


@pytest.fixture
def parent_gone(monkeypatch):
    """The child's checks as they run once its parent was killed; this process keeps its database sockets."""
    monkeypatch.setattr(forked, "start_child", lambda: os.getppid())
    monkeypatch.setattr(forked, "orphaned", lambda parent: True)
    monkeypatch.setattr(forked, "PATIENCE", 0.05)


def ends_within(seconds: float, target, *args) -> bool:
    """Runs a child's loop in a thread of this process: True when it returns in time (a loop that never notices its
    parent gone fails the test instead of hanging it)."""
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive()


def test_a_maker_whose_parent_is_gone_stops_instead_of_waiting_for_a_reader(parent_gone):
    outbox = forked.fork_context().Queue(maxsize=1)
    assert ends_within(10, forked._make, lambda: iter([b"first", b"second", b"third"]), outbox)
    assert outbox.get(timeout=1) == b"first" and outbox.empty()


def test_a_simulation_process_whose_parent_is_gone_stops_instead_of_waiting_for_work(parent_gone):
    context = forked.fork_context()
    assert ends_within(10, simulation._serve, None, context.Queue(), context.Queue())
