"""Loaded applications kept in memory until the database changes.

The sidebar asks again for the same few threads as the user moves around Gmail; loading an
application costs three queries and building its timeline. What is cached is the loaded
`Application` (the data), never the answer: the next step is still computed for each request's
moment.

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


class ApplicationCache:
    """A bounded map of id -> Application and thread -> id, emptied on any commit.

    >>> cache = ApplicationCache(None)
    >>> version = cache.version()
    >>> cache.put_application(version, 1, "app")
    >>> cache.application(1) is MISSING   # disabled without a SQLite file
    True
    """

    def __init__(self, path: str | None, size: int = 4096):
        self.size = size
        self._lock = threading.Lock()
        self._apps: OrderedDict = OrderedDict()
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
                self._apps.clear()
                self._threads.clear()
                self._version = current
            return current

    def application(self, app_id: int):
        with self._lock:
            found = self._apps.get(app_id, MISSING)
            if found is not MISSING:
                self._apps.move_to_end(app_id)
            return found

    def put_application(self, version, app_id: int, app) -> None:
        self._put(self._apps, version, app_id, app)

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
