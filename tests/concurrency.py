"""Racing two writers against the real database.

`race(first, second)` starts both callables in their own threads (each with its own database connection), releases
them at the same moment and returns what each returned or raised. A later app adds its race test in a few lines:

    outcomes = race(lambda: assign(...), lambda: assign(...))
    assert sorted(o.kind for o in outcomes) == ["conflict", "ok"]

Tests using it are marked `postgresql`: they run on the CI's PostgreSQL and are deselected on SQLite, whose test
database lives in one connection's memory and cannot be shared between threads.
"""

import threading
from dataclasses import dataclass

from django.db import connections


@dataclass
class Outcome:
    value: object = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def race(*callables, timeout: float = 60) -> list[Outcome]:
    barrier = threading.Barrier(len(callables))
    outcomes = [Outcome() for _ in callables]

    def run(index, function):
        try:
            barrier.wait(timeout)
            outcomes[index].value = function()
        except BaseException as error:  # noqa: BLE001 - the caller inspects what each side raised
            outcomes[index].error = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(callables)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return outcomes
