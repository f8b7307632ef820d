"""From raw bytes to a stored, read message: parse → read → file under its application.

One pure step per arrow (DESIGN.md); only `ingest` touches the store. Every mailbox path (IMAP,
mbox, Maildir, .eml) goes through here, so a message reads the same whatever path it came by.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from models.labels import KEY_DATE_KIND_OF, OTHER
from models.message import IN, OUT, Message
from models.threads import AUTO_REPLIED

log = logging.getLogger("nextstep.pipeline")


# A header line naming one of the fields every message has, at the start of a line of the
# header block. A regular expression, not a parser: this runs on every fetched message.
_KNOWN_HEADER = re.compile(rb"(?im)^(?:from|date|message-id|subject)[ \t]*:")


def unreadable_reason(raw: bytes | None) -> str | None:
    """Why `raw` is not an email at all (None when it is one): no bytes, or no header a message
    has (From, Date, Message-ID, Subject). Such bytes would otherwise be read as a message of
    today from nobody.

    >>> unreadable_reason(b"From: hr@acme.example\\r\\n\\r\\nHello"), unreadable_reason(b"\\x00junk")
    (None, 'not an email: it has no From, Date, Message-ID or Subject header')
    """
    if not raw or not raw.strip():
        return "empty message"
    head = raw[:65536]
    end = head.find(b"\r\n\r\n")
    if end < 0:
        end = head.find(b"\n\n")
    if _KNOWN_HEADER.search(head if end < 0 else head[:end + 2]):
        return None
    return "not an email: it has no From, Date, Message-ID or Subject header"


@dataclass
class GmailIds:
    """What Gmail adds to a message (IMAP X-GM-EXT-1, or a Takeout export's headers)."""

    msgid: int | None = None
    thrid: int | None = None
    labels: tuple[str, ...] = ()


@dataclass
class Ingested:
    row_id: int | None
    application_id: int | None
    new: bool
    message: Message | None
    error: str | None = None


def _int_header(headers: dict, name: str) -> int | None:
    value = (headers.get(name) or "").strip()
    if not value:
        return None
    try:
        return int(value, 16) if not value.isdigit() else int(value)
    except ValueError:
        return None


def is_vacation_reply(headers: dict) -> bool:
    """Whether the headers mark an automatic answer to the user's mail (a vacation or
    out-of-office responder): RFC 3834's `Auto-Submitted: auto-replied`, or the older
    `X-Autoreply` / `X-Autorespond` / `Precedence: auto_reply`. Not `auto-generated`: ATS
    notifications and calendar tools send that, and they do speak for the employer.

    >>> is_vacation_reply({"auto-submitted": "auto-replied (vacation)"}), is_vacation_reply({"auto-submitted": "auto-generated"})
    (True, False)
    """
    return (headers.get("auto-submitted", "").strip().lower().startswith("auto-replied")
            or bool(headers.get("x-autoreply") or headers.get("x-autorespond"))
            or headers.get("precedence", "").strip().lower() == "auto_reply")


def to_message(parsed, reading, gmail: GmailIds | None = None) -> Message:
    """A domain `Message` from what the parser and the reader found."""
    gmail = gmail or GmailIds()
    date = parsed.date or datetime.now(timezone.utc)
    inbound = reading.direction != OUT
    label = reading.label if inbound else None
    return Message(
        message_id=parsed.message_id,
        direction=IN if inbound else OUT,
        sender=parsed.sender or "",
        sender_name=parsed.sender_name or "",
        recipients=tuple(parsed.to) + tuple(parsed.cc),
        subject=parsed.subject or "",
        date=date,
        in_reply_to=parsed.in_reply_to,
        references=tuple(parsed.references),
        gmail_msgid=gmail.msgid or _int_header(parsed.headers, "x-gm-msgid"),
        gmail_thrid=gmail.thrid or _int_header(parsed.headers, "x-gm-thrid"),
        label=label,
        confidence=reading.confidence if inbound else 0.0,
        key_date=reading.key_date if inbound else None,
        key_date_kind=(reading.key_date_kind or KEY_DATE_KIND_OF.get(label)) if inbound and reading.key_date else None,
        evidence=" ".join(reading.evidence.split()) if inbound and reading.evidence else None,
        language=reading.language or "en",
        interview_at=reading.interview_at,  # theirs: the interview; the user's: the slot they picked
        company=reading.company,
        role=reading.role,
        recruiter_name=reading.recruiter_name if inbound else None,
        signals=tuple(reading.signals or ()) + ((AUTO_REPLIED,) if is_vacation_reply(parsed.headers) else ()),
        text=parsed.new_text or "",
    )


def read_raw(raw: bytes, *, me=(), gmail: GmailIds | None = None) -> Message:
    """Parse and read one message (no store). Never raises for bad mail: the reader labels what
    it cannot read `other` with a low confidence."""
    from watcher.mime import parse_message
    from watcher.reader import read_message

    parsed = parse_message(raw)
    return _message(raw, parsed, read_message(parsed, me=me), gmail)


def read_many(raws: list[bytes], *, me=(), gmails: list[GmailIds | None] | None = None) -> list:
    """`read_raw` for many messages at once: the same Messages, in order, but the classifier
    reads all those the rules leave open in one batch (several times faster than one by one).
    A message that cannot be read comes back as the exception, in its place."""
    from watcher.mime import parse_message
    from watcher.reader import read_messages

    gmails = gmails or [None] * len(raws)
    out: list = [None] * len(raws)
    parsed, where = [], []
    for i, raw in enumerate(raws):
        try:
            parsed.append(parse_message(raw))
            where.append(i)
        except Exception as exc:  # noqa: BLE001 - this one message is a defect
            out[i] = exc
    for i, one, reading in zip(where, parsed, read_messages(parsed, me=me)):
        try:
            out[i] = reading if isinstance(reading, Exception) else _message(raws[i], one, reading, gmails[i])
        except Exception as exc:  # noqa: BLE001
            out[i] = exc
    return out


def _message(raw: bytes, parsed, reading, gmail: GmailIds | None) -> Message:
    msg = to_message(parsed, reading, gmail)
    if not msg.message_id:
        # Without a Message-ID (or a Date) the headers may not identify the message on a second
        # read; its bytes do.
        msg.fingerprint = hashlib.sha256(raw).hexdigest()[:32]
    return msg


def ingest(store, raw: bytes, *, me=(), source: str | None = None, folder: str | None = None,
           uid: int | None = None, gmail: GmailIds | None = None, application_id: int | None = None) -> Ingested:
    """Read `raw` and store it. A message that cannot be read is recorded as a defect (where it
    is and why, never its content) and skipped: one bad message never stops the caller."""
    try:
        msg = read_raw(raw, me=me, gmail=gmail)
    except Exception as exc:  # noqa: BLE001 - a defect is recorded, the loop goes on
        return record_unread(store, exc, source=source, folder=folder, uid=uid)
    return file_message(store, msg, source=source, folder=folder, uid=uid, application_id=application_id)


def file_message(store, msg: Message, *, source: str | None = None, folder: str | None = None,
                 uid: int | None = None, application_id: int | None = None) -> Ingested:
    """Store a message already read (by `read_raw`, here or in another process) and file it
    under its application; a failure to store it is recorded as a defect, as in `ingest`."""
    try:
        if msg.label == OTHER and not msg.is_inbound:
            msg.label = None
        row_id, app_id, new = store.add_message(msg, folder=folder, uid=uid, application_id=application_id)
        return Ingested(row_id, app_id, new, msg)
    except Exception as exc:  # noqa: BLE001 - a defect is recorded, the loop goes on
        return record_unread(store, exc, source=source, folder=folder, uid=uid)


def record_unread(store, exc: BaseException | str, *, source: str | None = None, folder: str | None = None,
                  uid: int | None = None) -> Ingested:
    """Record a message that could not be read or stored: where it is and the error's type and
    text (kept in the store only; the log names the type alone, never the mail's content)."""
    error = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    log.warning("could not read message %s%s: %s", source or "", f" (folder {folder}, UID {uid})" if uid else "",
                error.split(":", 1)[0])
    store.record_defect(error, source=source, folder=folder, uid=uid)
    return Ingested(None, None, False, None, error)
