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
from .cache import MISSING, AnswerCache


@dataclass
class ApiContext:
    """The API's shared state; safe across waitress's threads (the store's engine pools its
    connections, SQLite runs in WAL mode)."""

    store: Store
    policy: PolicySettings
    token: str
    clock: Callable[[], datetime] | None = None
    cache: AnswerCache = field(default_factory=lambda: AnswerCache(None))
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
        """The application as last committed, or None (read afresh: for writes)."""
        with self.connect() as conn:
            return reading.load_application(conn, application_id)

    def answer(self, application_id: int, version=MISSING, conn=None) -> bytes | None:
        """The JSON of an application as last committed, its next step computed for this minute
        (see cache.py); None if there is no such application."""
        if version is MISSING:
            version = self.cache.version()
        now = self.now()
        minute = now.replace(second=0, microsecond=0)
        body = self.cache.answer(application_id, minute)
        if body is MISSING:
            if conn is None:
                with self.connect() as conn:
                    app = reading.load_application(conn, application_id)
            else:
                app = reading.load_application(conn, application_id)
            body = None if app is None else encode(application_json(app, now, self.policy))
            self.cache.put_answer(version, application_id, minute, body)
        return body

    def answer_for_thread(self, thrid: int) -> bytes | None:
        """The JSON of a Gmail thread's application (see `answer`), or None."""
        version = self.cache.version()
        app_id = self.cache.thread(thrid)
        if app_id is not MISSING:
            return self.answer(app_id, version) if app_id else None
        with self.connect() as conn:  # one connection for every read
            app_id = reading.application_id_for_thread(conn, thrid)
            self.cache.put_thread(version, thrid, app_id)
            return self.answer(app_id, version, conn) if app_id else None


def api() -> ApiContext:
    return current_app.extensions["nextstep"]


def encode(data) -> bytes:
    """`data` as the bytes of Flask's JSON response (compact, one line)."""
    return current_app.json.response(data).get_data()


def json_response(body: bytes, status: int = 200):
    return current_app.response_class(body, status=status, mimetype=current_app.json.mimetype)


def application_response(app, status: int = 200, *, detail: bool = True):
    """The JSON of one application, its next step computed for now."""
    ctx = api()
    response = jsonify(application_json(app, ctx.now(), ctx.policy, detail=detail))
    response.status_code = status
    return response
