"""Reading many messages on every core, in input order.

The first messages are read in this process: that warms the reader (rules compiled, date
resolver and classifier loaded), and a small batch never pays for more. The rest goes to worker
processes forked from the warm process, a few dozen messages per task, and comes back in the order
it went in. Where processes cannot be forked (Windows, macOS spawn), everything is read here.
Messages are read a few dozen at a time (`read_events`), so that the classifier reads all those
the rules leave open in one batch.

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


def read_event(event: tuple, me, people: bool = True) -> tuple:
    """Read one event: a message becomes ("read", source, message_id, reading); a reader bug
    becomes ("error", source, why), so that it cannot stop a batch of thousands."""
    if event[0] != "mail":
        return event
    from watcher.mime import parse_message
    from watcher.reader import read_message

    _, source, raw = event
    parsed = parse_message(raw)
    try:
        reading = read_message(parsed, me=me, people=people)
    except Exception as exc:
        return ("error", source, f"could not read this message ({type(exc).__name__})")
    return ("read", source, getattr(parsed, "message_id", None), reading)


def read_events(events: list, me, people: bool = True) -> list:
    """`read_event` for many events at once: the same events out, in order, but the classifier
    reads every message that needs it in one batch (`reader.read_messages`). `people=False`:
    readings without company, role and recruiter's name (see `reader.read_message`)."""
    from watcher.mime import parse_message
    from watcher.reader import read_messages

    mail = [i for i, event in enumerate(events) if event[0] == "mail"]
    parsed = [parse_message(events[i][2]) for i in mail]
    out = list(events)
    for i, one, reading in zip(mail, parsed, read_messages(parsed, me=me, people=people)):
        source = events[i][1]
        if isinstance(reading, Exception):
            out[i] = ("error", source, f"could not read this message ({type(reading).__name__})")
        else:
            out[i] = ("read", source, getattr(one, "message_id", None), reading)
    return out


def warm_reader() -> None:
    """Load what the reader loads lazily (the language model, the classifier, the date
    resolver), so that worker processes forked after this share one copy instead of each
    loading its own (the language model alone takes a second or two)."""
    from datetime import datetime, timezone

    from watcher import dates, language, reader, textcat

    language.detect_language("xyz qwv")  # no function word of either language: the model decides
    reader._model_probs("warm up")
    dates.find_dates("see you tomorrow", datetime(2025, 1, 6, tzinfo=timezone.utc))
    del textcat  # imported for its model, loaded above


def _fork_context():
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def read_all(events: Iterable[tuple], me, jobs: int | None = None, *, people: bool = True) -> Iterator[tuple]:
    """Read every event of `events` with `jobs` processes (default: one per core); see above.
    `people=False`: readings without company, role and recruiter's name."""
    me = list(me)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    events = iter(events)
    first = list(itertools.islice(events, WARM_UP))
    for start in range(0, len(first), CHUNK):
        yield from read_events(first[start:start + CHUNK], me, people)
    context = _fork_context() if jobs > 1 else None
    nxt = next(events, None)
    if nxt is None:
        return
    events = itertools.chain([nxt], events)
    if context is None:
        while chunk := list(itertools.islice(events, CHUNK)):
            yield from read_events(chunk, me, people)
        return
    warm_reader()
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        while True:
            chunk = list(itertools.islice(events, CHUNK))
            if chunk:
                pending.append(pool.apply_async(read_events, (chunk, me, people)))
            if pending and (not chunk or len(pending) >= WINDOW * jobs):
                yield from pending.popleft().get()
            elif not chunk:
                return
