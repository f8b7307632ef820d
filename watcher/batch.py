"""Reading many messages on every core, in input order.

The first messages are read in this process: that warms the reader (rules compiled, date
resolver and classifier loaded), and a small batch never pays for more. The rest goes to worker
processes forked from the warm process, a few dozen messages per task, and comes back in the order
it went in. Where processes cannot be forked (Windows, macOS spawn), everything is read here.

    >>> from watcher.mailfiles import iter_mail
    >>> events = (("mail", m.source, m.raw) for m in iter_mail(["tests/fixtures/reading"]))
    >>> [e[0] for e in read_all(events, me=[], jobs=2)]
    ['read', 'read', 'read']

Events in are ("mail", source, raw bytes) or ("error", source, why); events out are
("read", source, message_id, Reading) or ("error", source, why), one for each event in.
"""
from __future__ import annotations

import itertools
import os
from collections import deque
from typing import Iterable, Iterator

# Messages read in this process before forking: enough to warm every part of the reader.
WARM_UP = 64
# Messages per task: large enough that passing them between processes costs little.
CHUNK = 32
# Tasks in flight per worker: enough to keep every worker busy, few enough that a large mbox is
# never held in memory whole.
WINDOW = 4


def default_jobs() -> int:
    """The CPU cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def read_event(event: tuple, me) -> tuple:
    """Read one event: a message becomes ("read", source, message_id, reading); a reader bug
    becomes ("error", source, why), so that it cannot stop a batch of thousands."""
    if event[0] != "mail":
        return event
    from watcher.mime import parse_message
    from watcher.reader import read_message

    _, source, raw = event
    parsed = parse_message(raw)
    try:
        reading = read_message(parsed, me=me)
    except Exception as exc:
        return ("error", source, f"could not read this message ({type(exc).__name__})")
    return ("read", source, getattr(parsed, "message_id", None), reading)


def _read_chunk(chunk: list, me) -> list:
    return [read_event(event, me) for event in chunk]


def _fork_context():
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def read_all(events: Iterable[tuple], me, jobs: int | None = None) -> Iterator[tuple]:
    """Read every event of `events` with `jobs` processes (default: one per core); see above."""
    me = list(me)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    events = iter(events)
    for event in itertools.islice(events, WARM_UP):
        yield read_event(event, me)
    context = _fork_context() if jobs > 1 else None
    nxt = next(events, None)
    if nxt is None:
        return
    events = itertools.chain([nxt], events)
    if context is None:
        for event in events:
            yield read_event(event, me)
        return
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        while True:
            chunk = list(itertools.islice(events, CHUNK))
            if chunk:
                pending.append(pool.apply_async(_read_chunk, (chunk, me)))
            if pending and (not chunk or len(pending) >= WINDOW * jobs):
                yield from pending.popleft().get()
            elif not chunk:
                return
