"""Reading fetched mail for the watcher: here, one message at a time, or, for a large backfill,
in worker processes on the other cores while the watcher stores what is already read.

    reader = open_reader(me=("jane@example.com",), jobs=1)      # or jobs=2: two reading processes
    handle = reader.submit([(40, raw, None), (41, raw, None)])   # (uid, raw bytes, GmailIds)
    for uid, outcome in handle:                                  # in the order submitted
        ...                                                      # a Message, or an Unread
    reader.close()

Reading (parse, rules, dates, classifier) is pure and takes about as long as storing, which
must happen in one process, in order, in the transaction that also moves the sync cursor. So
the two are split: workers read batch k+1 while the watcher files batch k. Nothing is stored
by a worker: a watcher killed at any point leaves what its transactions committed, no more.

Reading here stays the rule for small syncs (new mail while watching): it needs no process,
and a stop request lands between two messages. Workers are forked from the warmed-up watcher
(the reader's models loaded once, shared copy-on-write), read a few dozen messages at a time so
that the classifier reads them in one batch, and end with the backfill.
"""
from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass
from typing import Iterator

from watcher import pipeline

log = logging.getLogger("nextstep.watcher")

# Messages per task sent to a worker: enough that passing them between processes costs little.
CHUNK = 25
# Seconds to wait for a worker's chunk before reading it here instead (a worker that died
# never answers: multiprocessing.Pool replaces it but loses its task).
CHUNK_TIMEOUT = 300.0


@dataclass(frozen=True)
class Unread:
    """Why a message was not read: `unreadable` when it is not an email at all (no headers),
    else the reader's error ("TypeError: ...")."""

    reason: str
    unreadable: bool = False


def read_one(uid: int, raw: bytes | None, gmail, me) -> object:
    """A `Message`, or an `Unread` saying why not; never raises."""
    reason = pipeline.unreadable_reason(raw)
    if reason is not None:
        return Unread(reason, unreadable=True)
    try:
        return pipeline.read_raw(raw, me=me, gmail=gmail)  # looked up now: tests replace it
    except Exception as exc:  # noqa: BLE001 - one bad message never stops the loop
        return Unread(f"{type(exc).__name__}: {exc}")


def default_jobs() -> int:
    """Reading processes for a backfill: one per core but the one the watcher stores on (none
    on a single core, where the watcher reads itself)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, cores - 1)


class InlineReader:
    """Reads in this process, lazily: each message when its turn to be stored comes."""

    processes = 0

    def __init__(self, me):
        self.me = tuple(me)

    def submit(self, items: list[tuple]) -> Iterator[tuple]:
        return ((uid, read_one(uid, raw, gmail, self.me)) for uid, raw, gmail in items)

    def close(self) -> None:
        pass


class PoolReader:
    """Reads in `jobs` worker processes forked from this one once it is warm (the reader's
    language model, classifier and date resolver loaded, then shared rather than loaded by each
    worker); `submit` returns at once and the results come back in order when iterated."""

    def __init__(self, me, jobs: int):
        self.me = tuple(me)
        self.processes = jobs
        self._pool = _fork_pool(jobs)

    def submit(self, items: list[tuple]) -> Iterator[tuple]:
        if self._pool is None:  # no process could be started
            return InlineReader(self.me).submit(items)
        pending = []
        for start in range(0, len(items), CHUNK):
            chunk = items[start:start + CHUNK]
            pending.append((chunk, self._pool.apply_async(read_chunk, (chunk, self.me))))
        return self._results(pending)

    def _results(self, pending) -> Iterator[tuple]:
        import multiprocessing

        for chunk, result in pending:
            try:
                outcomes = result.get(CHUNK_TIMEOUT)
            except multiprocessing.TimeoutError:
                log.warning("a reading process did not answer; reading %d message(s) here", len(chunk))
                outcomes = read_chunk(chunk, self.me)
            yield from zip((uid for uid, _, _ in chunk), outcomes)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def open_reader(me, jobs: int):
    """A PoolReader of `jobs` worker processes (beside this one, which stores), where processes
    can be forked; an InlineReader for jobs=0, or where they cannot."""
    if jobs >= 1 and _can_fork():
        return PoolReader(me, jobs)
    return InlineReader(me)


def _can_fork() -> bool:
    import multiprocessing

    try:
        multiprocessing.get_context("fork")
    except ValueError:  # Windows
        return False
    return True


def _fork_pool(jobs: int):
    """Worker processes forked from this warm one. Where they cannot be started (out of
    processes or memory), None: the reader then reads here, slower but sure."""
    import multiprocessing

    from watcher.batch import warm_reader

    warm_reader()
    try:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start, initargs=(os.getpid(),))
    except OSError as exc:
        log.warning("could not start reading processes (%s); reading in the watcher", exc)
        return None


def read_chunk(items: list[tuple], me) -> list:
    """`read_one` for many (uid, raw, gmail) at once, the classifier reading all those that
    need it in one batch (`pipeline.read_many`)."""
    outcomes: list = [None] * len(items)
    todo = []
    for k, (_, raw, _) in enumerate(items):
        reason = pipeline.unreadable_reason(raw)
        if reason is not None:
            outcomes[k] = Unread(reason, unreadable=True)
        else:
            todo.append(k)
    read = pipeline.read_many([items[k][1] for k in todo], me=me, gmails=[items[k][2] for k in todo])
    for k, done in zip(todo, read):
        outcomes[k] = Unread(f"{type(done).__name__}: {done}") if isinstance(done, Exception) else done
    return outcomes


def _worker_start(watcher_pid: int) -> None:
    """A reading process: Ctrl-C is for the watcher (which stops the backfill), SIGTERM ends it
    (Pool.terminate), and it dies with the watcher, even one killed with SIGKILL."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1  # prctl(2), Linux
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown ends the workers
        pass
    if os.getppid() != watcher_pid:  # the watcher died before prctl took effect
        os._exit(0)

