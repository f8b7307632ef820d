"""The JSON shapes of an application, shared by `nextstep status --json`, `advise` and the API."""
from __future__ import annotations

from datetime import datetime

from .lifecycle import current_state
from .message import Application, Message
from .policy import PolicySettings, recommend
from .threads import conversation


def gmail_thread_hex(thrid: int | None) -> str | None:
    """Gmail's thread id as its web page writes it (`data-legacy-thread-id`): lower-case hex.

    >>> gmail_thread_hex(1769398422452306227)
    '188e2a7d94680133'
    """
    return format(thrid, "x") if thrid else None


def message_json(m: Message) -> dict:
    return {
        "id": m.id,
        "message_id": m.message_id,
        "direction": m.direction,
        "date": m.date.isoformat(),
        "subject": m.subject,
        "label": m.label,
        "key_date": m.key_date.isoformat() if m.key_date else None,
        "key_date_kind": m.key_date_kind,
        "evidence": m.evidence,
        "label_source": m.label_source,
    }


def application_json(app: Application, now: datetime, settings: PolicySettings, *, detail: bool = True) -> dict:
    """`{"id", "company", "role", "state", "next_step", "messages", ...}`; `messages` is the
    timeline with `detail`, else how many messages the application holds."""
    talk = conversation(app.timeline())  # read once for the step and the state
    step = recommend(app, now, settings, talk=talk)
    out = {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "state": current_state(app, talk),
        "next_step": step.to_json(),
        "signals": list(step.signals),
        "gmail_thread_id": gmail_thread_hex(app.gmail_thrid),
        "recruiter": {"name": app.recruiter_name, "email": app.recruiter_email},
    }
    if detail:
        out["messages"] = [message_json(m) for m in app.timeline()]
        out["events"] = [{"id": e.id, "kind": e.kind, "at": e.at.isoformat(), "text": e.text,
                          "date": e.date.isoformat() if e.date else None} for e in app.events]
    else:
        out["messages"] = len(app.messages)
    return out
