"""Answers kept in memory until the database changes or the minute turns.

The sidebar asks again for the same few threads as the user moves around Gmail; answering costs
three queries, building the timeline, computing the next step and encoding the JSON. What is
kept is the encoded answer of an application (bytes) for one minute of the user's clock, and
which application each Gmail thread belongs to.

Why bytes and not the loaded `Application`: thousands of cached objects (an application, its
messages, their lists) were walked by every full garbage collection, pausing every request for
100 ms and more; bytes and small tuples of numbers are not walked at all.

Why the minute: the next step is computed for the request's moment, but everything it compares
that moment with is a whole minute (days in the user's time zone, interview times from mail), so
an answer computed in a minute holds for that minute. The next minute computes afresh.

Change is detected with SQLite's `PRAGMA data_version`, read on a connection of the cache's own:
it changes whenever any other connection commits (the watcher's, another process's, the API's own
writes), so the cache never serves data older than the last commit it has seen. Other databases
(PostgreSQL) are not cached.
"""
from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict

MISSING = object()


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL; None for memory databases and other engines.

    >>> sqlite_path("sqlite:////home/jane/.local/share/nextstep/nextstep.sqlite")
    '/home/jane/.local/share/nextstep/nextstep.sqlite'
    >>> sqlite_path("sqlite://") is None, sqlite_path("postgresql://db/nextstep") is None
    (True, True)
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix):].split("?", 1)[0]
    return path if path and path != ":memory:" else None


class AnswerCache:
    """A bounded map of application id -> (minute, encoded answer) and thread -> application id,
    emptied on any commit.

    >>> cache = AnswerCache(None)
    >>> version = cache.version()
    >>> cache.put_answer(version, 1, "2025-10-20T09:30", b"{}")
    >>> cache.answer(1, "2025-10-20T09:30") is MISSING   # disabled without a SQLite file
    True
    """

    def __init__(self, path: str | None, size: int = 4096):
        self.size = size
        self._lock = threading.Lock()
        self._answers: OrderedDict = OrderedDict()
        self._threads: OrderedDict = OrderedDict()
        self._version = None
        self._probe = None
        if path:
            # This connection only ever asks for the data version.
            self._probe = sqlite3.connect(path, check_same_thread=False)

    @property
    def enabled(self) -> bool:
        return self._probe is not None

    def version(self):
        """The database's data version now; everything cached before a change is dropped."""
        if self._probe is None:
            return None
        with self._lock:
            current = self._probe.execute("PRAGMA data_version").fetchone()[0]
            if current != self._version:
                self._answers.clear()
                self._threads.clear()
                self._version = current
            return current

    def answer(self, app_id: int, minute):
        """The encoded answer for `app_id` computed in `minute` (None: no such application), or
        MISSING."""
        with self._lock:
            found = self._answers.get(app_id)
            if found is None or found[0] != minute:
                return MISSING
            self._answers.move_to_end(app_id)
            return found[1]

    def put_answer(self, version, app_id: int, minute, body: bytes | None) -> None:
        self._put(self._answers, version, app_id, (minute, body))

    def thread(self, thrid: int):
        with self._lock:
            return self._threads.get(thrid, MISSING)

    def put_thread(self, version, thrid: int, app_id) -> None:
        self._put(self._threads, version, thrid, app_id)

    def _put(self, table: OrderedDict, version, key, value) -> None:
        if self._probe is None:
            return
        with self._lock:
            # Loaded under an older version: a commit may have come since; keep nothing.
            if version != self._version:
                return
            table[key] = value
            table.move_to_end(key)
            while len(table) > self.size:
                table.popitem(last=False)

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None
