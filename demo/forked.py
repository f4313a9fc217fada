"""Demo rows made in processes forked from the generator while the generator's own process writes what came before.

Forked, so the work inherits the generator's code, data and row formats and nothing has to be pickled on the way in.
The work must touch no database: a child closes its copies of the generator's database sockets first thing
(`start_child`), and ends when the generator is gone (killed: nobody reads its rows any more). Where fork is missing,
the work runs in the generator's own process and the rows are the same.
"""

import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from django.db import connections

# How long a child waits on its queue before it looks whether its parent is still alive.
PATIENCE = 1


def fork_context():
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def receive(outbox, process, what: str):
    """The next item `process` put in `outbox`. A failure there (a traceback, sent as a str) raises here, and so does
    a process killed from outside (the kernel's out-of-memory killer), which sends nothing: waited for alone, its item
    would be waited for ever. A process that ended before the wait has flushed all it sent."""
    while True:
        ended = process.exitcode is not None
        try:
            item = outbox.get(timeout=1)
        except queue.Empty:
            if ended:
                raise RuntimeError(f"{what} ended without its results (exit code {process.exitcode})") from None
            continue
        except (EOFError, OSError):
            # The pipe's end: killed before an item or in the middle of one (see `only_read_here`).
            process.join(timeout=10)
            raise RuntimeError(f"{what} ended without its results (exit code {process.exitcode})") from None
        if isinstance(item, str):
            raise RuntimeError(f"{what} failed:\n{item}")
        return item


def only_read_here(outbox) -> None:
    """Close this process's end for writing of `outbox`, which only a started child writes. An item of megabytes
    crosses the pipe in parts while this process reads it: a child killed between two parts, with this process
    still holding a writing end, would leave the read waiting for the rest for ever instead of ending (OSError)."""
    outbox._writer.close()


def made_apart(make: Callable[[], Iterable], what: str, ahead: int = 4) -> Iterator:
    """The items of `make()` (none of them a str) in their order, made in a forked process at most `ahead` items
    before they are taken here."""
    context = fork_context()
    if context is None:
        yield from make()
        return
    outbox = context.Queue(maxsize=ahead)
    process = context.Process(target=_make, args=(make, outbox), daemon=True)
    process.start()
    only_read_here(outbox)
    try:
        while (item := receive(outbox, process, what)) is not None:
            yield item
        process.join()
    finally:
        if process.is_alive():
            process.terminate()
            process.join()


def start_child() -> int:
    """Call first in a forked child; returns the parent's process id (see `orphaned`).

    The child closes its copies of the parent's database sockets, without a word to the server (a close through the
    driver would end the parent's session too). Kept open, they kept the parent's session alive after the parent was
    killed (SIGKILL, the out-of-memory killer): its transaction and the locks of the tables it was loading stayed, and
    every other session waited on them for ever."""
    for connection in connections.all(initialized_only=True):
        if connection.vendor == "postgresql" and connection.connection is not None:
            os.close(connection.connection.pgconn.socket)
    return os.getppid()


def orphaned(parent: int) -> bool:
    """True once the parent is gone: nobody reads or writes the child's queues any more."""
    return os.getppid() != parent


def leave(*queues) -> None:
    """Let a child whose parent is gone exit: what its queues still hold for the parent is dropped, not waited for."""
    for each in queues:
        each.cancel_join_thread()


def _make(make: Callable[[], Iterable], outbox) -> None:
    parent = start_child()
    try:
        for item in chain(make(), [None]):
            if not _handed_over(item, outbox, parent):
                return
    except BaseException:
        _handed_over(traceback.format_exc(), outbox, parent)


def _handed_over(item, outbox, parent: int) -> bool:
    """Put `item` in `outbox` for the parent as soon as there is room; False when the parent is gone meanwhile."""
    while True:
        try:
            outbox.put(item, timeout=PATIENCE)
            return True
        except queue.Full:
            if orphaned(parent):
                leave(outbox)
                return False
