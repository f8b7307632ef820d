"""What every request needs: the store (opened once per app), the user's policy and time zone,
the token, and the clock. Kept in `app.extensions["nextstep"]`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from datetime import datetime
from typing import Callable
from zoneinfo import ZoneInfo

from flask import current_app, jsonify

from models.policy import PolicySettings
from models.store import Store
from models.views import application_json

from . import reading
from .cache import MISSING, ApplicationCache


@dataclass
class ApiContext:
    """The API's shared state; safe across waitress's threads (the store's engine pools its
    connections, SQLite runs in WAL mode)."""

    store: Store
    policy: PolicySettings
    token: str
    clock: Callable[[], datetime] | None = None
    cache: ApplicationCache = field(default_factory=lambda: ApplicationCache(None))
    token_file: Path | None = None  # where the token came from: re-read when it changes
    _token_stamp: tuple | None = None

    def current_token(self) -> str:
        """The token, re-read when its file changes, so that `nextstep token --new` takes effect
        on a running server at once (one stat per request)."""
        if self.token_file is None:
            return self.token
        try:
            info = self.token_file.stat()
            stamp = (info.st_ino, info.st_mtime_ns)
        except OSError:
            return self.token
        if stamp != self._token_stamp:
            fresh = self.token_file.read_text(encoding="ascii").strip()
            if fresh:
                self.token, self._token_stamp = fresh, stamp
        return self.token

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.policy.tz)

    def now(self) -> datetime:
        """The request's moment in the user's time zone: every next step is computed for it."""
        return self.clock() if self.clock else datetime.now(self.tz)

    def connect(self):
        return self.store.engine.connect()

    def application(self, application_id: int):
        """The application as last committed, or None."""
        version = self.cache.version()
        found = self.cache.application(application_id)
        if found is MISSING:
            with self.connect() as conn:
                found = reading.load_application(conn, application_id)
            self.cache.put_application(version, application_id, found)
        return found

    def application_for_thread(self, thrid: int):
        """The application of a Gmail thread (as an integer), or None."""
        version = self.cache.version()
        app_id = self.cache.thread(thrid)
        if app_id is not MISSING:
            return self.application(app_id) if app_id else None
        with self.connect() as conn:  # one connection for both reads
            app_id = reading.application_id_for_thread(conn, thrid)
            self.cache.put_thread(version, thrid, app_id)
            if not app_id:
                return None
            found = self.cache.application(app_id)
            if found is MISSING:
                found = reading.load_application(conn, app_id)
                self.cache.put_application(version, app_id, found)
            return found


def api() -> ApiContext:
    return current_app.extensions["nextstep"]


def application_response(app, status: int = 200, *, detail: bool = True):
    """The JSON of one application, its next step computed for now."""
    ctx = api()
    response = jsonify(application_json(app, ctx.now(), ctx.policy, detail=detail))
    response.status_code = status
    return response
