"""Helpers for testing the API: an app on a temporary SQLite file with a fixed clock and token,
and recruiter messages built directly (labels given, no reader involved).

    >>> import tempfile
    >>> app = make_app(tempfile.mkdtemp())
    >>> app.test_client().get("/api/v1/applications", headers=AUTH).json
    {'applications': []}
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from models.message import Message

TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TZ = "Asia/Jakarta"
# A Monday morning in the user's time zone: every test reads next steps as of this moment.
NOW = datetime(2025, 10, 20, 9, 30, tzinfo=ZoneInfo(TZ))
THREAD = 0x188E2A7D94680133


def make_app(folder, *, now: datetime | None = NOW, extra: dict | None = None):
    """The API on `folder`/nextstep.sqlite; `now=None` uses the real clock."""
    from models.settings import Settings

    from . import create_app

    folder = Path(folder)
    config = {
        "TESTING": True,
        "DB": str(folder / "nextstep.sqlite"),
        "TOKEN": TOKEN,
        "SETTINGS": Settings(tz=TZ),
        "CLOCK": (lambda: now) if now else None,
    }
    config.update(extra or {})
    return create_app(config)


def message(n: int = 1, *, label: str | None = "decision_timeline", direction: str = "in",
            sender: str = "talent@acme.example", sender_name: str = "Acme Talent Team",
            subject: str = "Your application for Data Analyst", when: datetime | None = None,
            key_date: date | None = date(2025, 10, 24), thread: int | None = THREAD, **more) -> Message:
    """Message number `n` of a recruiter thread at Acme (by default: "we'll decide by Friday 24
    October", sent Wednesday 15 October)."""
    when = when or datetime(2025, 10, 15, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    kind = {"decision_timeline": "hear_back", "interview_invite": "interview", "assessment": "deadline",
            "offer": "deadline", "checkin_request": "checkin", "application_received": "hear_back",
            "still_deciding": "hear_back"}.get(label) if key_date else None
    fields = dict(message_id=f"msg-{n}-{thread or 0}@acme.example", direction=direction, sender=sender,
                  sender_name=sender_name, date=when, subject=subject, recipients=("jane@example.com",),
                  gmail_thrid=thread, gmail_msgid=(thread or 0) + n if thread else None,
                  label=label if direction == "in" else None, key_date=key_date if direction == "in" else None,
                  key_date_kind=kind if direction == "in" else None, company="Acme", role="Data Analyst",
                  evidence="We will let you know by Friday, 24 October." if direction == "in" else None,
                  text="private body text", confidence=0.9)
    fields.update(more)
    return Message(**fields)
