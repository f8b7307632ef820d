"""The domain's records: a message, a user event, an application.

Plain dataclasses with no I/O. Datetimes are always timezone-aware: a message's `date` keeps the
UTC offset of its own `Date:` header (the sender's calendar), which is how the dates a recruiter
names are read (CHECKINS.md).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime

IN, OUT = "in", "out"


def message_id_key(message_id: str | None) -> str:
    """A Message-ID as it is compared: without angle brackets, spaces or case.

    >>> message_id_key(" <AB12@Mail.Example> ")
    'ab12@mail.example'
    """
    return (message_id or "").strip().strip("<>").lower()


def message_id_dedupe_key(message_id: str | None) -> str:
    """The store's key of the message with this Message-ID (`Message.dedupe_key`).

    >>> message_id_dedupe_key("<AB12@Mail.Example>")
    'mid:ab12@mail.example'
    """
    return "mid:" + message_id_key(message_id)


@dataclass
class Message:
    """One email of an application's thread, with what was read from it.

    >>> from datetime import timezone
    >>> m = Message(message_id="a@x", direction="in", sender="hr@acme.example",
    ...             date=datetime(2025, 3, 5, 9, 0, tzinfo=timezone.utc), label="rejection")
    >>> m.is_inbound
    True
    """

    message_id: str | None
    direction: str  # "in" | "out"
    sender: str
    date: datetime
    sender_name: str = ""
    recipients: tuple[str, ...] = ()
    subject: str = ""
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    gmail_msgid: int | None = None
    gmail_thrid: int | None = None
    label: str | None = None
    confidence: float = 0.0
    key_date: date | None = None
    key_date_kind: str | None = None
    evidence: str | None = None
    language: str = "en"
    interview_at: datetime | None = None
    company: str | None = None
    role: str | None = None
    recruiter_name: str | None = None
    signals: tuple[str, ...] = ()
    text: str = ""  # the message's new text (kept locally, for corrections and retraining)
    fingerprint: str | None = None  # a hash of the raw message, for mail with no Message-ID
    label_source: str = "reader"  # "reader" | "user" (a correction)
    id: int | None = None
    application_id: int | None = None

    def __post_init__(self):
        # An attribute, not a property: the policy asks it of every message many times per step.
        self.is_inbound: bool = self.direction == IN

    @property
    def dedupe_key(self) -> str:
        """The identity of a message whatever path it came by (IMAP, mbox, .eml).

        Message-ID when present; else Gmail's message id; else a hash of the raw message; else a
        hash of the headers that make it unique.
        """
        if self.message_id:
            return message_id_dedupe_key(self.message_id)
        if self.gmail_msgid:
            return f"gm:{self.gmail_msgid}"
        if self.fingerprint:
            return "raw:" + self.fingerprint
        basis = "\x1f".join([self.sender, self.date.isoformat(), self.subject, ",".join(self.recipients)])
        return "h:" + hashlib.sha256(basis.encode("utf-8", "replace")).hexdigest()[:32]

    def with_label(self, label: str | None, key_date: date | None = None, key_date_kind=None, source="user"):
        return replace(self, label=label, key_date=key_date, key_date_kind=key_date_kind, label_source=source)


# What the user can tell about an application (the API's `POST /applications/<id>/events`).
USER_EVENT_KINDS = (
    "interview_done",   # at: when the interview started
    "thank_you_sent",   # the thank-you of check-in 1, sent outside the watched mailbox
    "follow_up_sent",   # a follow-up or stay-in-touch message sent outside the watched mailbox
    "final_thanks_sent",  # the last thank-you after a rejection
    "they_said",        # text: what they said ("end of next week"); date: what it resolves to
    "snooze",           # until: no reminder before this date
    "archive",          # the user is done with this application
    "withdraw",         # the user withdrew
    "reopen",           # undo archive/withdraw
)


@dataclass
class UserEvent:
    """Something the user told us, with when it happened (aware datetime)."""

    kind: str
    at: datetime
    text: str | None = None
    date: date | None = None  # they_said: the resolved date; snooze: until
    id: int | None = None

    def __post_init__(self):
        if self.kind not in USER_EVENT_KINDS:
            raise ValueError(f"unknown event {self.kind!r}: use one of {', '.join(USER_EVENT_KINDS)}")


@dataclass
class Application:
    """One job application: its thread of messages and what the user told us about it."""

    company: str | None = None
    role: str | None = None
    recruiter_name: str | None = None
    recruiter_email: str | None = None
    gmail_thrid: int | None = None
    messages: list[Message] = field(default_factory=list)
    events: list[UserEvent] = field(default_factory=list)
    id: int | None = None

    def timeline(self) -> list[Message]:
        """Messages in time order (by instant, whatever their offsets)."""
        return sorted(self.messages, key=lambda m: m.date)

    @property
    def language(self) -> str:
        """The thread's language: that of its latest inbound message, else English."""
        return language_of(self.timeline())


def language_of(timeline: list[Message]) -> str:
    """The language of a thread in time order: that of its latest inbound message, else English."""
    for m in reversed(timeline):
        if m.is_inbound and m.language:
            return m.language
    return "en"
