"""Fast reads for the API: an application with its timeline, in three indexed queries.

`Store.application()` goes through SQLAlchemy's statement machinery. The sidebar asks for one
application per Gmail thread it opens, so this module reads the same rows on the driver's
cursor: what `application_json` shows, plus each message's new text, which the policy reads
(an offer accepted, a take-home handed in, an interview called off, a withdrawal).
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

import sqlalchemy as sa

from models.message import Application, Message, UserEvent, message_id_dedupe_key
from models.store import applications, events, messages

# SQLite integers are signed 64-bit: a larger id can name nothing (and would not bind).
MAX_ID = 2**63 - 1

_MESSAGE_NAMES = [c.name for c in messages.columns]
_APPLICATION_NAMES = [c.name for c in applications.columns]
_EVENT_NAMES = [c.name for c in events.columns]

# The sidebar's reads, as plain SQL on the driver's cursor: SQLAlchemy's statement machinery
# costs more than the queries themselves here (0.5 ms against 0.05 ms per query on SQLite).
_SQL = {
    "application": f"SELECT {', '.join(_APPLICATION_NAMES)} FROM applications WHERE id = ?",
    "messages": f"SELECT {', '.join(_MESSAGE_NAMES)} FROM messages WHERE application_id = ? ORDER BY date_utc",
    "events": f"SELECT {', '.join(_EVENT_NAMES)} FROM events WHERE application_id = ? ORDER BY at",
    "all_applications": f"SELECT {', '.join(_APPLICATION_NAMES)} FROM applications "
                        "ORDER BY last_message_at DESC, id DESC",
    "all_messages": f"SELECT {', '.join(_MESSAGE_NAMES)} FROM messages WHERE application_id IS NOT NULL "
                    "ORDER BY date_utc",
    "all_events": f"SELECT {', '.join(_EVENT_NAMES)} FROM events ORDER BY at",
    "thread_app": "SELECT id FROM applications WHERE gmail_thrid = ? LIMIT 1",
    "thread_msg": "SELECT application_id FROM messages WHERE gmail_thrid = ? AND application_id IS NOT NULL LIMIT 1",
}


def _tuple(text):
    return tuple(json.loads(text)) if text and text != "[]" else ()


def _message(r) -> Message:
    return Message(
        message_id=r["message_id"], direction=r["direction"], sender=r["sender"],
        date=datetime.fromisoformat(r["date"]), sender_name=r["sender_name"] or "",
        recipients=_tuple(r["recipients"]), subject=r["subject"] or "", in_reply_to=r["in_reply_to"],
        references=_tuple(r["refs"]), gmail_msgid=r["gmail_msgid"], gmail_thrid=r["gmail_thrid"],
        label=r["label"], confidence=r["confidence"] or 0.0,
        key_date=date.fromisoformat(r["key_date"]) if r["key_date"] else None, key_date_kind=r["key_date_kind"],
        evidence=r["evidence"], language=r["language"] or "en",
        interview_at=datetime.fromisoformat(r["interview_at"]) if r["interview_at"] else None,
        company=r["company"], role=r["role"], recruiter_name=r["recruiter_name"], signals=_tuple(r["signals"]),
        label_source=r["label_source"] or "reader", id=r["id"], application_id=r["application_id"],
        text=r["text"] or "",
    )


def _event(r) -> UserEvent:
    return UserEvent(kind=r["kind"], at=datetime.fromisoformat(r["at"]), text=r["text"],
                     date=date.fromisoformat(r["date"]) if r["date"] else None, id=r["id"])


def _application(r) -> Application:
    return Application(company=r["company"], role=r["role"], recruiter_name=r["recruiter_name"],
                       recruiter_email=r["recruiter_email"], gmail_thrid=r["gmail_thrid"], id=r["id"])


class _Cursor:
    """The driver's cursor of a SQLAlchemy connection, with `?` placeholders on any driver."""

    def __init__(self, conn):
        self.cursor = conn.connection.dbapi_connection.cursor()
        self.qmark = conn.dialect.paramstyle == "qmark"

    def rows(self, key: str, names: list[str], *params) -> list[dict]:
        sql = _SQL[key] if self.qmark else _SQL[key].replace("?", "%s")
        self.cursor.execute(sql, params)
        return [dict(zip(names, row)) for row in self.cursor.fetchall()]

    def close(self) -> None:
        self.cursor.close()

    def value(self, key: str, *params):
        sql = _SQL[key] if self.qmark else _SQL[key].replace("?", "%s")
        self.cursor.execute(sql, params)
        row = self.cursor.fetchone()
        return row[0] if row else None


def load_application(conn, application_id: int) -> Application | None:
    """One application with its messages (oldest first) and events, or None.

    >>> from models.store import Store
    >>> with Store("sqlite://").engine.connect() as conn:
    ...     load_application(conn, 1) is None
    True
    """
    if not 0 < application_id <= MAX_ID:
        return None
    cur = _Cursor(conn)
    try:
        found = cur.rows("application", _APPLICATION_NAMES, application_id)
        if not found:
            return None
        app = _application(found[0])
        app.messages = [_message(r) for r in cur.rows("messages", _MESSAGE_NAMES, application_id)]
        app.events = [_event(r) for r in cur.rows("events", _EVENT_NAMES, application_id)]
        return app
    finally:
        cur.close()


def load_all_applications(conn) -> list[Application]:
    """Every application, most recent activity first, in three queries whatever their number."""
    cur = _Cursor(conn)
    try:
        apps = [_application(r) for r in cur.rows("all_applications", _APPLICATION_NAMES)]
        msgs, evs = defaultdict(list), defaultdict(list)
        for r in cur.rows("all_messages", _MESSAGE_NAMES):
            msgs[r["application_id"]].append(_message(r))
        for r in cur.rows("all_events", _EVENT_NAMES):
            evs[r["application_id"]].append(_event(r))
    finally:
        cur.close()
    for app in apps:
        app.messages = msgs.get(app.id, [])
        app.events = evs.get(app.id, [])
    return apps


def application_id_for_thread(conn, thrid: int) -> int | None:
    """The application of a Gmail thread: the application's own thread id, else a message's.

    >>> from models.store import Store
    >>> with Store("sqlite://").engine.connect() as conn:
    ...     application_id_for_thread(conn, 0x188e2a7d94680133) is None
    True
    """
    if not 0 < thrid <= MAX_ID:
        return None
    cur = _Cursor(conn)
    try:
        return cur.value("thread_app", thrid) or cur.value("thread_msg", thrid)
    finally:
        cur.close()


def application_id_for_message_id(conn, message_id: str) -> int | None:
    """The application holding the message with this RFC 5322 Message-ID (with or without <>)."""
    key = message_id_dedupe_key(message_id)
    found = conn.execute(sa.select(messages.c.application_id).where(
        messages.c.dedupe_key == key, messages.c.application_id.is_not(None)).limit(1)).first()
    return found[0] if found else None


def message_application_id(conn, message_row_id: int) -> tuple[bool, int | None]:
    """(whether the message exists, the application it belongs to)."""
    if not 0 < message_row_id <= MAX_ID:
        return False, None
    found = conn.execute(sa.select(messages.c.application_id).where(messages.c.id == message_row_id)).first()
    return (True, found[0]) if found else (False, None)


def message_key_date(conn, message_row_id: int) -> date | None:
    found = conn.execute(sa.select(messages.c.key_date).where(messages.c.id == message_row_id)).first()
    return date.fromisoformat(found[0]) if found and found[0] else None
