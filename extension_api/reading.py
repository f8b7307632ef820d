"""Fast reads for the API: an application with its timeline, without the messages' text.

`Store.application()` loads every column, the message text included (kept for corrections and
retraining). The sidebar asks for one application per Gmail thread it opens, so this module
reads only what `application_json` shows, in three indexed queries.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

import sqlalchemy as sa

from models.message import Application, Message, UserEvent
from models.store import applications, events, messages

# SQLite integers are signed 64-bit: a larger id can name nothing (and would not bind).
MAX_ID = 2**63 - 1

# Every column of a message but its text.
_MESSAGE_COLUMNS = [c for c in messages.columns if c.name != "text"]


def _message(r) -> Message:
    return Message(
        message_id=r.message_id, direction=r.direction, sender=r.sender, date=datetime.fromisoformat(r.date),
        sender_name=r.sender_name or "", recipients=tuple(json.loads(r.recipients or "[]")),
        subject=r.subject or "", in_reply_to=r.in_reply_to, references=tuple(json.loads(r.refs or "[]")),
        gmail_msgid=r.gmail_msgid, gmail_thrid=r.gmail_thrid, label=r.label, confidence=r.confidence or 0.0,
        key_date=date.fromisoformat(r.key_date) if r.key_date else None, key_date_kind=r.key_date_kind,
        evidence=r.evidence, language=r.language or "en",
        interview_at=datetime.fromisoformat(r.interview_at) if r.interview_at else None, company=r.company,
        role=r.role, recruiter_name=r.recruiter_name, signals=tuple(json.loads(r.signals or "[]")),
        label_source=r.label_source or "reader", id=r.id, application_id=r.application_id,
    )


def _event(r) -> UserEvent:
    return UserEvent(kind=r.kind, at=datetime.fromisoformat(r.at), text=r.text,
                     date=date.fromisoformat(r.date) if r.date else None, id=r.id)


def _application(r) -> Application:
    return Application(company=r.company, role=r.role, recruiter_name=r.recruiter_name,
                       recruiter_email=r.recruiter_email, gmail_thrid=r.gmail_thrid, id=r.id)


def load_application(conn, application_id: int) -> Application | None:
    """One application with its messages (oldest first) and events, or None.

    >>> from models.store import Store
    >>> with Store("sqlite://").engine.connect() as conn:
    ...     load_application(conn, 1) is None
    True
    """
    if not 0 < application_id <= MAX_ID:
        return None
    row = conn.execute(sa.select(applications).where(applications.c.id == application_id)).first()
    if row is None:
        return None
    app = _application(row)
    app.messages = [_message(r) for r in conn.execute(
        sa.select(*_MESSAGE_COLUMNS).where(messages.c.application_id == application_id)
        .order_by(messages.c.date_utc))]
    app.events = [_event(r) for r in conn.execute(
        sa.select(events).where(events.c.application_id == application_id).order_by(events.c.at))]
    return app


def load_all_applications(conn) -> list[Application]:
    """Every application, most recent activity first, in three queries whatever their number."""
    apps = [_application(r) for r in conn.execute(
        sa.select(applications).order_by(applications.c.last_message_at.desc(), applications.c.id.desc()))]
    by_id = {a.id: a for a in apps}
    msgs = defaultdict(list)
    for r in conn.execute(sa.select(*_MESSAGE_COLUMNS).where(messages.c.application_id.is_not(None))
                          .order_by(messages.c.date_utc)):
        msgs[r.application_id].append(_message(r))
    evs = defaultdict(list)
    for r in conn.execute(sa.select(events).order_by(events.c.at)):
        evs[r.application_id].append(_event(r))
    for app_id, app in by_id.items():
        app.messages = msgs.get(app_id, [])
        app.events = evs.get(app_id, [])
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
    found = conn.execute(sa.select(applications.c.id).where(applications.c.gmail_thrid == thrid).limit(1)).first()
    if found is None:
        found = conn.execute(sa.select(messages.c.application_id).where(
            messages.c.gmail_thrid == thrid, messages.c.application_id.is_not(None)).limit(1)).first()
    return found[0] if found else None


def application_id_for_message_id(conn, message_id: str) -> int | None:
    """The application holding the message with this RFC 5322 Message-ID (with or without <>)."""
    key = "mid:" + message_id.strip().strip("<>").lower()
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
