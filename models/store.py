"""The store: applications, their messages, the user's events and corrections, the watcher's
sync cursors and defects. SQLAlchemy 2 Core over SQLite by default (WAL mode, so the watcher
writes while the API reads); any SQLAlchemy URL works, PostgreSQL included.

Writing a message is idempotent: the same message (Message-ID; else Gmail's message id; else a
hash of its headers) is stored once, whatever path it came by.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from . import labels as L
from .lifecycle import current_state, history, step
from .message import Application, Message, UserEvent, message_id_dedupe_key
from .threads import (EMPLOYER_MATCH_WINDOW, describe, employer_from_sender, normalise_company, person_name_key,
                      pick_application, same_company)

SCHEMA_VERSION = 3


def _now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- the schema, latest version -----------------------------------------------------------------
metadata = sa.MetaData()

def _application_columns_v1():
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("company", sa.String),
        sa.Column("role", sa.String),
        sa.Column("recruiter_name", sa.String),
        sa.Column("recruiter_email", sa.String),
        sa.Column("gmail_thrid", sa.BigInteger, index=True),
        sa.Column("state", sa.String, nullable=False, default="new"),
        sa.Column("last_message_at", sa.String),  # UTC ISO, for ordering and employer matching
        sa.Column("created_at", sa.String, nullable=False),
    ]


applications = sa.Table(
    "applications", metadata, *_application_columns_v1(),
    # since schema 3: the employer as compared (models.threads.normalise_company), indexed so that
    # filing a message looks at that employer's applications only
    sa.Column("company_key", sa.String, index=True),
)

def _message_columns_v1():
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dedupe_key", sa.String, nullable=False, unique=True),
        sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), index=True),
        sa.Column("message_id", sa.String, index=True),
        sa.Column("gmail_msgid", sa.BigInteger, index=True),
        sa.Column("gmail_thrid", sa.BigInteger, index=True),
        sa.Column("direction", sa.String, nullable=False),
        sa.Column("sender", sa.String, nullable=False, default=""),
        sa.Column("sender_name", sa.String, default=""),
        sa.Column("recipients", sa.Text, default="[]"),
        sa.Column("subject", sa.Text, default=""),
        sa.Column("date", sa.String, nullable=False),      # ISO 8601 with the header's own offset
        sa.Column("date_utc", sa.String, nullable=False),  # for ordering
        sa.Column("in_reply_to", sa.String),
        sa.Column("refs", sa.Text, default="[]"),
        sa.Column("label", sa.String),
        sa.Column("confidence", sa.Float, default=0.0),
        sa.Column("key_date", sa.String),
        sa.Column("key_date_kind", sa.String),
        sa.Column("evidence", sa.Text),
        sa.Column("language", sa.String, default="en"),
        sa.Column("interview_at", sa.String),
        sa.Column("company", sa.String),
        sa.Column("role", sa.String),
        sa.Column("recruiter_name", sa.String),
        sa.Column("text", sa.Text, default=""),
        sa.Column("label_source", sa.String, default="reader"),
        sa.Column("folder", sa.String),
        sa.Column("uid", sa.BigInteger),
    ]


messages = sa.Table(
    "messages", metadata, *_message_columns_v1(),
    sa.Column("signals", sa.Text, default="[]"),  # since schema 2
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("at", sa.String, nullable=False),
    sa.Column("text", sa.Text),
    sa.Column("date", sa.String),
)

state_changes = sa.Table(
    "state_changes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.Integer, sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("at", sa.String, nullable=False),
    sa.Column("trigger", sa.String, nullable=False),
    sa.Column("from_state", sa.String, nullable=False),
    sa.Column("to_state", sa.String, nullable=False),
)

sync_cursors = sa.Table(
    "sync_cursors", metadata,
    sa.Column("folder", sa.String, primary_key=True),
    sa.Column("uidvalidity", sa.BigInteger, nullable=False),
    sa.Column("last_uid", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.String, nullable=False),
)

defects = sa.Table(
    "defects", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String),
    sa.Column("folder", sa.String),
    sa.Column("uid", sa.BigInteger),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("at", sa.String, nullable=False),
)

corrections = sa.Table(  # since schema 2
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("message_row_id", sa.Integer, sa.ForeignKey("messages.id"), nullable=False, index=True),
    sa.Column("sender", sa.String, index=True),
    sa.Column("subject", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("old_label", sa.String),
    sa.Column("label", sa.String, nullable=False),
    sa.Column("key_date", sa.String),
    sa.Column("at", sa.String, nullable=False),
)

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)


# --- migrations, in order; each takes a connection at version N-1 to version N ---------------
def _migrate_1(conn):
    """Schema 1: everything but message signals and corrections."""
    v1 = sa.MetaData()
    sa.Table("applications", v1, *_application_columns_v1())
    for table in (events, state_changes, sync_cursors, defects, meta):
        table.to_metadata(v1)
    sa.Table("messages", v1, *_message_columns_v1())
    v1.create_all(conn)


def _migrate_2(conn):
    """Schema 2: the reader's signals ("we were impressed") and the user's corrections."""
    conn.execute(sa.text("ALTER TABLE messages ADD COLUMN signals TEXT DEFAULT '[]'"))
    corrections.create(conn)


def _migrate_3(conn):
    """Schema 3: applications keyed by their employer, and replies indexed, so that filing a
    message stays fast at any size."""
    conn.execute(sa.text("ALTER TABLE applications ADD COLUMN company_key VARCHAR"))
    conn.execute(sa.text("CREATE INDEX ix_applications_company_key ON applications (company_key)"))
    conn.execute(sa.text("CREATE INDEX ix_messages_in_reply_to ON messages (in_reply_to)"))
    for row in conn.execute(sa.text("SELECT id, company FROM applications WHERE company IS NOT NULL")).all():
        conn.execute(sa.text("UPDATE applications SET company_key = :key WHERE id = :id"),
                     {"key": normalise_company(row.company), "id": row.id})


MIGRATIONS = [_migrate_1, _migrate_2, _migrate_3]
assert len(MIGRATIONS) == SCHEMA_VERSION


def default_url() -> str:
    """`NEXTSTEP_DB` (a path or an SQLAlchemy URL), else a SQLite file in the user's data folder."""
    import os

    value = os.environ.get("NEXTSTEP_DB")
    if not value:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("nextstep"))
        folder.mkdir(parents=True, exist_ok=True)
        value = str(folder / "nextstep.sqlite")
    return value if "://" in value else "sqlite:///" + str(Path(value).expanduser())


@dataclass
class _AppRow:
    id: int
    company: str | None
    role: str | None
    last_message_at: datetime | None
    closed: bool


class Store:
    """The application store.

    >>> store = Store("sqlite://")
    >>> store.schema_version() == SCHEMA_VERSION
    True
    """

    def __init__(self, url: str | None = None):
        url = url or default_url()
        if "://" not in url:
            url = "sqlite:///" + url
        self.url = url
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url[len("sqlite:///"):]).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if url in ("sqlite://", "sqlite:///:memory:"):
                kwargs["poolclass"] = sa.pool.StaticPool
        # hide_parameters: an error message never carries a message's text into a log.
        self.engine = sa.create_engine(url, hide_parameters=True, **kwargs)
        if url.startswith("sqlite"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._local = threading.local()
        self.migrate()

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self):
        """One transaction for everything inside; nested use joins the outer one.

        The watcher commits a batch of messages and its sync cursor together this way.
        """
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self.engine.begin() as conn:
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    @contextmanager
    def _read(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self.engine.connect() as conn:
            yield conn

    # -- schema ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self._read() as conn:
            if not sa.inspect(conn).has_table("meta"):
                return 0
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
            return int(row[0]) if row else 0

    def migrate(self) -> None:
        with self.transaction() as conn:
            version = 0
            if sa.inspect(conn).has_table("meta"):
                row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"the store at {self.url} has schema {version}, newer than this Next Step "
                                   f"({SCHEMA_VERSION}): upgrade Next Step")
            for number in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](conn)
                conn.execute(sa.delete(meta).where(meta.c.key == "schema_version"))
                conn.execute(sa.insert(meta).values(key="schema_version", value=str(number)))

    # -- messages ----------------------------------------------------------------------------
    def add_message(self, msg: Message, *, folder: str | None = None, uid: int | None = None,
                    application_id: int | None = None) -> tuple[int, int | None, bool]:
        """Store `msg` once and file it under its application.

        Returns (message row id, application id or None, whether it was new). A message already
        stored (same Message-ID, or same Gmail message id) is not stored again; what it
        adds (a Gmail thread id) is kept.
        """
        with self.transaction() as conn:
            existing = self._existing(conn, msg)
            if existing is not None:
                row_id, app_id = existing
                if msg.gmail_thrid or msg.gmail_msgid:
                    conn.execute(sa.update(messages).where(messages.c.id == row_id).values(
                        gmail_thrid=sa.func.coalesce(messages.c.gmail_thrid, msg.gmail_thrid),
                        gmail_msgid=sa.func.coalesce(messages.c.gmail_msgid, msg.gmail_msgid)))
                return row_id, app_id, False
            correction = self._remembered_correction(conn, msg)
            if correction is not None:
                msg = correction
            if application_id is None:
                application_id = self._application_for(conn, msg)
            row = _message_row(msg)
            row.update(folder=folder, uid=uid, application_id=application_id)
            row_id = conn.execute(_Q.insert_message, row).inserted_primary_key[0]
            if application_id is not None:
                adopted = self._adopt_referenced(conn, msg, application_id)
                if adopted or not self._append(conn, application_id, msg):
                    self._refresh(conn, application_id)
            return row_id, application_id, True

    def _existing(self, conn, msg: Message):
        found = conn.execute(_Q.message_by_key, {"key": msg.dedupe_key}).first()
        if found is None and msg.gmail_msgid:
            found = conn.execute(_Q.message_by_gmail_id, {"msgid": msg.gmail_msgid}).first()
        return tuple(found) if found else None

    def _application_for(self, conn, msg: Message) -> int | None:
        """Gmail thread id; else the References chain; else employer, role and time."""
        if msg.gmail_thrid:
            found = conn.execute(_Q.application_by_thread, {"thrid": msg.gmail_thrid}).first()
            if found:
                return found[0]
            found = conn.execute(_Q.filed_message_by_thread, {"thrid": msg.gmail_thrid}).first()
            if found:
                return found[0]
        refs = [r for r in (msg.in_reply_to, *msg.references) if r]
        if refs:
            found = conn.execute(_Q.filed_message_by_keys, {"keys": [message_id_dedupe_key(r) for r in refs]}).first()
            if found:
                return found[0]
        if msg.is_inbound:
            if not msg.label or msg.label == L.OTHER:
                return None  # job alerts and newsletters open no application
            company = msg.company or employer_from_sender(msg.sender_name, msg.sender)
            candidates = []
            if company:
                candidates = [
                    _AppRow(r.id, r.company, r.role,
                            datetime.fromisoformat(r.last_message_at) if r.last_message_at else None,
                            r.state == "closed")
                    for r in conn.execute(*_same_employer_query(normalise_company(company)))
                ]
                picked = pick_application(candidates, company, msg.role, msg.date)
                if picked:
                    return picked.id
            # An employer it names none of the applications: perhaps the same correspondent's.
            employer_known = any(same_company(c.company, company) for c in candidates)
            known = None if employer_known else self._same_correspondent(conn, msg)
            if known and msg.company and not self._company_fits(conn, known, msg.company):
                known = None  # a shared sender (an ATS's no-reply) writing for another employer
            return known or self._create_application(conn, msg, company)
        # The user's own mail joins the thread it replies to (above), or the application of the
        # person it is written to (a thank-you sent as a new email), or waits for a reply.
        return self._same_correspondent(conn, msg)

    def _same_correspondent(self, conn, msg: Message) -> int | None:
        """The latest application, within EMPLOYER_MATCH_WINDOW, with mail from the same
        correspondent: for the user's mail, from one of its recipients; for theirs, from the
        same address under the same name (an ATS tenant's no-reply), or from the same person
        on another address (a recruiter writing from a private one)."""
        window = {"since": (msg.date - EMPLOYER_MATCH_WINDOW).astimezone(timezone.utc).isoformat(),
                  "until": msg.date.astimezone(timezone.utc).isoformat()}
        if not msg.is_inbound:
            to = [r.lower() for r in msg.recipients if r]
            if not to:
                return None
            found = conn.execute(_Q.written_by_any_of, {**window, "to": to}).first()
        else:
            person = person_name_key(msg.sender_name)
            if not msg.sender_name and not person:
                return None
            # No person's name: NULL matches no name, so only the same address under the same name.
            found = conn.execute(_Q.written_by, {**window, "sender": (msg.sender or "").lower(),
                                                 "name": msg.sender_name or "", "person": person or None}).first()
        return found[0] if found else None

    @staticmethod
    def _company_fits(conn, app_id: int, company: str) -> bool:
        """Whether mail naming `company` can belong to application `app_id` (same employer, or
        one not known yet)."""
        row = conn.execute(_Q.application_company, {"app_id": app_id}).first()
        return not row or not row.company or same_company(row.company, company)

    def _create_application(self, conn, msg: Message, company: str | None) -> int:
        personal = msg.recruiter_name
        return conn.execute(_Q.insert_application, dict(
            company=company, company_key=normalise_company(company) or None, role=msg.role, recruiter_name=personal,
            recruiter_email=msg.sender if msg.is_inbound else (msg.recipients[0] if msg.recipients else None),
            gmail_thrid=msg.gmail_thrid, state="new", created_at=_now_utc(),
            last_message_at=msg.date.astimezone(timezone.utc).isoformat())).inserted_primary_key[0]

    def _adopt_referenced(self, conn, msg: Message, application_id: int) -> int:
        """The user's earlier messages that this one replies to join its application; returns
        how many joined."""
        adopted = 0
        refs = [r for r in (msg.in_reply_to, *msg.references) if r]
        if refs:
            adopted += conn.execute(_Q.adopt_by_keys, {"keys": [message_id_dedupe_key(r) for r in refs],
                                                       "app_id": application_id}).rowcount
        # Unfiled messages that reply to this one.
        if msg.message_id:
            adopted += conn.execute(_Q.adopt_replies, {"mid": msg.message_id.strip().strip("<>"),
                                                       "app_id": application_id}).rowcount
        return adopted

    def _append(self, conn, application_id: int, msg: Message) -> bool:
        """The common case, a message newer than everything else in its application: fold it
        into the stored state rather than recompute the whole history (which `_refresh` does,
        with the same result). False when the shortcut does not apply."""
        row = conn.execute(_Q.application_summary, {"app_id": application_id}).first()
        if row is None or row.last_message_at is None:
            return False
        when = msg.date.astimezone(timezone.utc)
        if when < datetime.fromisoformat(row.last_message_at):
            return False
        if conn.execute(_Q.any_event, {"app_id": application_id}).first():
            return False  # the user's events interleave with mail: recompute
        relevant = msg.is_inbound and msg.label and msg.label != L.OTHER
        trigger = "sent" if not msg.is_inbound else (msg.label if relevant else None)
        values = {"last_message_at": when.isoformat()}
        if trigger:
            new_state = step(row.state, trigger)
            if new_state != row.state:
                conn.execute(_Q.insert_state_change, dict(application_id=application_id, at=msg.date.isoformat(),
                                                          trigger=trigger, from_state=row.state, to_state=new_state))
                values["state"] = new_state
        if not row.company and relevant:
            company = msg.company or employer_from_sender(msg.sender_name, msg.sender)
            candidates = []
            if company:
                values["company"], values["company_key"] = company, normalise_company(company) or None
        if not row.role and msg.role:
            values["role"] = msg.role
        if not row.gmail_thrid and msg.gmail_thrid:
            values["gmail_thrid"] = msg.gmail_thrid
        if relevant and msg.recruiter_name:
            values["recruiter_name"], values["recruiter_email"] = msg.recruiter_name, msg.sender
        conn.execute(_Q.update_application, {**values, "b_app_id": application_id})  # SET: the keys of `values`
        return True

    def _refresh(self, conn, application_id: int) -> None:
        """Recompute what is derived from an application's history: its state (keeping every
        change of state), company, role, recruiter, Gmail thread and last activity."""
        app = self._load(conn, application_id)
        changes = history(app)
        known = conn.execute(sa.select(sa.func.count()).select_from(state_changes)
                             .where(state_changes.c.application_id == application_id)).scalar()
        if len(changes) != known:
            conn.execute(sa.delete(state_changes).where(state_changes.c.application_id == application_id))
            if changes:
                conn.execute(sa.insert(state_changes), [
                    dict(application_id=application_id, at=c.at.isoformat(), trigger=c.trigger,
                         from_state=c.from_state, to_state=c.to_state) for c in changes])
        values = {"state": current_state(app)}
        timeline = app.timeline()
        if timeline:
            values["last_message_at"] = timeline[-1].date.astimezone(timezone.utc).isoformat()
        found = describe(timeline)
        for key in ("company", "role", "gmail_thrid"):
            if not getattr(app, key) and found[key]:
                values[key] = found[key]
        if "company" in values:
            values["company_key"] = normalise_company(values["company"]) or None
        if found["recruiter_name"]:
            values["recruiter_name"], values["recruiter_email"] = found["recruiter_name"], found["recruiter_email"]
        conn.execute(sa.update(applications).where(applications.c.id == application_id).values(**values))

    # -- corrections -------------------------------------------------------------------------
    def relabel(self, message_row_id: int, label: str, key_date: date | None = None) -> Application:
        """The user's correction of a message's label (and key date). It is remembered: later
        mail from the same sender with the same subject reads the same way."""
        L.check_label(label)
        with self.transaction() as conn:
            row = conn.execute(sa.select(messages).where(messages.c.id == message_row_id)).first()
            if row is None:
                raise KeyError(message_row_id)
            if row.direction != "in":
                raise ValueError("only messages from the employer have a label; this one is yours")
            kind = L.KEY_DATE_KIND_OF.get(label) if key_date else None
            conn.execute(sa.update(messages).where(messages.c.id == message_row_id).values(
                label=label, key_date=key_date.isoformat() if key_date else None, key_date_kind=kind,
                label_source="user", confidence=1.0))
            conn.execute(sa.insert(corrections).values(
                message_row_id=message_row_id, sender=row.sender, subject=_subject_key(row.subject),
                text=row.text, old_label=row.label, label=label,
                key_date=key_date.isoformat() if key_date else None, at=_now_utc()))
            app_id = row.application_id
            if app_id is None:
                msg = _message_from(row)
                app_id = self._create_application(conn, msg, msg.company or employer_from_sender(row.sender_name, row.sender))
                conn.execute(sa.update(messages).where(messages.c.id == message_row_id).values(application_id=app_id))
            self._refresh(conn, app_id)
            return self._load(conn, app_id)

    def _remembered_correction(self, conn, msg: Message) -> Message | None:
        if not msg.is_inbound:
            return None
        found = conn.execute(_Q.correction, {"sender": msg.sender, "subject": _subject_key(msg.subject)}).first()
        if found is None or found[0] == msg.label:
            return None
        kind = L.KEY_DATE_KIND_OF.get(found[0]) if msg.key_date else None
        return msg.with_label(found[0], msg.key_date if kind else None, kind, source="correction")

    def corrections(self) -> list[tuple[str, str]]:
        """(text, label) pairs the user corrected, for retraining the classifier."""
        with self._read() as conn:
            return [(r.text or "", r.label) for r in conn.execute(sa.select(corrections).order_by(corrections.c.id))]

    # -- user events -------------------------------------------------------------------------
    def add_event(self, application_id: int, event: UserEvent) -> Application:
        with self.transaction() as conn:
            if conn.execute(sa.select(applications.c.id).where(applications.c.id == application_id)).first() is None:
                raise KeyError(application_id)
            event.id = conn.execute(sa.insert(events).values(
                application_id=application_id, kind=event.kind, at=event.at.isoformat(), text=event.text,
                date=event.date.isoformat() if event.date else None)).inserted_primary_key[0]
            self._refresh(conn, application_id)
            return self._load(conn, application_id)

    def track(self, message_row_id: int) -> Application:
        """Start an application from a message the reader did not file ("track this thread")."""
        with self.transaction() as conn:
            row = conn.execute(sa.select(messages).where(messages.c.id == message_row_id)).first()
            if row is None:
                raise KeyError(message_row_id)
            if row.application_id:
                return self._load(conn, row.application_id)
            msg = _message_from(row)
            app_id = self._create_application(conn, msg, msg.company or employer_from_sender(msg.sender_name, msg.sender))
            conn.execute(sa.update(messages).where(messages.c.id == message_row_id).values(application_id=app_id))
            if msg.gmail_thrid:
                conn.execute(sa.update(messages).where(messages.c.gmail_thrid == msg.gmail_thrid,
                                                       messages.c.application_id.is_(None)).values(application_id=app_id))
            self._refresh(conn, app_id)
            return self._load(conn, app_id)

    # -- reading -----------------------------------------------------------------------------
    def application(self, application_id: int) -> Application | None:
        with self._read() as conn:
            return self._load(conn, application_id)

    def _load(self, conn, application_id: int) -> Application | None:
        row = conn.execute(sa.select(applications).where(applications.c.id == application_id)).first()
        if row is None:
            return None
        app = Application(company=row.company, role=row.role, recruiter_name=row.recruiter_name,
                          recruiter_email=row.recruiter_email, gmail_thrid=row.gmail_thrid, id=row.id)
        app.messages = [_message_from(r) for r in conn.execute(
            sa.select(messages).where(messages.c.application_id == application_id).order_by(messages.c.date_utc))]
        app.events = [UserEvent(kind=r.kind, at=datetime.fromisoformat(r.at), text=r.text,
                                date=date.fromisoformat(r.date) if r.date else None, id=r.id)
                      for r in conn.execute(sa.select(events).where(events.c.application_id == application_id)
                                            .order_by(events.c.at))]
        return app

    def applications(self, *, include_closed: bool = True) -> list[Application]:
        """Every application, most recent activity first."""
        with self._read() as conn:
            query = sa.select(applications.c.id).order_by(applications.c.last_message_at.desc())
            if not include_closed:
                query = query.where(applications.c.state != "closed")
            return [self._load(conn, r.id) for r in conn.execute(query)]

    def application_ids(self) -> list[int]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(sa.select(applications.c.id).order_by(applications.c.id))]

    def find_by_gmail_thread(self, thrid: int) -> Application | None:
        with self._read() as conn:
            found = conn.execute(sa.select(applications.c.id).where(applications.c.gmail_thrid == thrid)).first()
            if found is None:
                found = conn.execute(sa.select(messages.c.application_id).where(
                    messages.c.gmail_thrid == thrid, messages.c.application_id.is_not(None))).first()
            return self._load(conn, found[0]) if found else None

    def find_by_message_id(self, message_id: str) -> Application | None:
        key = message_id_dedupe_key(message_id)
        with self._read() as conn:
            found = conn.execute(sa.select(messages.c.application_id).where(
                messages.c.dedupe_key == key, messages.c.application_id.is_not(None))).first()
            return self._load(conn, found[0]) if found else None

    def message(self, message_row_id: int) -> Message | None:
        with self._read() as conn:
            row = conn.execute(sa.select(messages).where(messages.c.id == message_row_id)).first()
            return _message_from(row) if row else None

    def state_history(self, application_id: int) -> list[tuple[str, str, str, str]]:
        """(at, trigger, from, to) for every change of state, oldest first."""
        with self._read() as conn:
            return [(r.at, r.trigger, r.from_state, r.to_state) for r in conn.execute(
                sa.select(state_changes).where(state_changes.c.application_id == application_id)
                .order_by(state_changes.c.id))]

    def counts(self) -> dict:
        with self._read() as conn:
            return {
                "applications": conn.execute(sa.select(sa.func.count()).select_from(applications)).scalar(),
                "messages": conn.execute(sa.select(sa.func.count()).select_from(messages)).scalar(),
                "defects": conn.execute(sa.select(sa.func.count()).select_from(defects)).scalar(),
            }

    # -- the watcher's bookkeeping -----------------------------------------------------------
    def cursor(self, folder: str) -> tuple[int, int] | None:
        """(UIDVALIDITY, last UID seen) of `folder`, or None before its first sync."""
        with self._read() as conn:
            row = conn.execute(sa.select(sync_cursors).where(sync_cursors.c.folder == folder)).first()
            return (row.uidvalidity, row.last_uid) if row else None

    def set_cursor(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        with self.transaction() as conn:
            done = conn.execute(sa.update(sync_cursors).where(sync_cursors.c.folder == folder).values(
                uidvalidity=uidvalidity, last_uid=last_uid, updated_at=_now_utc())).rowcount
            if not done:
                conn.execute(sa.insert(sync_cursors).values(folder=folder, uidvalidity=uidvalidity,
                                                            last_uid=last_uid, updated_at=_now_utc()))

    def record_defect(self, error: str, *, source: str | None = None, folder: str | None = None,
                      uid: int | None = None) -> None:
        """A message that could not be read: where it is and why, never its content."""
        with self.transaction() as conn:
            conn.execute(sa.insert(defects).values(source=source, folder=folder, uid=uid, error=error[:500],
                                                   at=_now_utc()))

    def defects(self) -> list[dict]:
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(defects).order_by(defects.c.id))]

    def has_message(self, *, message_id: str | None = None, gmail_msgid: int | None = None) -> bool:
        with self._read() as conn:
            if message_id:
                key = message_id_dedupe_key(message_id)
                if conn.execute(sa.select(messages.c.id).where(messages.c.dedupe_key == key)).first():
                    return True
            if gmail_msgid:
                return conn.execute(sa.select(messages.c.id).where(messages.c.gmail_msgid == gmail_msgid)).first() is not None
            return False


class _Q:
    """The statements of storing a message, built once: building a statement costs SQLAlchemy
    several times what SQLite takes to run it, and the watcher stores thousands in a backfill."""

    message_by_key = sa.select(messages.c.id, messages.c.application_id).where(
        messages.c.dedupe_key == sa.bindparam("key"))
    message_by_gmail_id = sa.select(messages.c.id, messages.c.application_id).where(
        messages.c.gmail_msgid == sa.bindparam("msgid"))
    application_by_thread = sa.select(applications.c.id).where(applications.c.gmail_thrid == sa.bindparam("thrid"))
    filed_message_by_thread = sa.select(messages.c.application_id).where(
        messages.c.gmail_thrid == sa.bindparam("thrid"), messages.c.application_id.is_not(None))
    filed_message_by_keys = (sa.select(messages.c.application_id)
                             .where(messages.c.dedupe_key.in_(sa.bindparam("keys", expanding=True)),
                                    messages.c.application_id.is_not(None))
                             .order_by(messages.c.date_utc.desc()))
    insert_message = messages.insert()
    insert_application = applications.insert()
    adopt_by_keys = (sa.update(messages)
                     .where(messages.c.dedupe_key.in_(sa.bindparam("keys", expanding=True)),
                            messages.c.application_id.is_(None))
                     .values(application_id=sa.bindparam("app_id")))
    adopt_replies = (sa.update(messages)
                     .where(messages.c.in_reply_to == sa.bindparam("mid"), messages.c.application_id.is_(None))
                     .values(application_id=sa.bindparam("app_id")))
    application_summary = sa.select(applications.c.state, applications.c.last_message_at, applications.c.company,
                                    applications.c.role, applications.c.gmail_thrid).where(
        applications.c.id == sa.bindparam("app_id"))
    any_event = sa.select(events.c.id).where(events.c.application_id == sa.bindparam("app_id")).limit(1)
    insert_state_change = state_changes.insert()
    _recent_mail_in = (sa.select(messages.c.application_id)
                       .where(messages.c.direction == "in", messages.c.application_id.is_not(None),
                              messages.c.date_utc >= sa.bindparam("since"),
                              messages.c.date_utc <= sa.bindparam("until"))
                       .order_by(messages.c.date_utc.desc()).limit(1))
    written_by_any_of = _recent_mail_in.where(sa.func.lower(messages.c.sender).in_(sa.bindparam("to", expanding=True)))
    written_by = _recent_mail_in.where(sa.or_(
        sa.and_(sa.func.lower(messages.c.sender) == sa.bindparam("sender"),
                messages.c.sender_name == sa.bindparam("name")),
        sa.func.lower(messages.c.sender_name) == sa.bindparam("person")))
    application_company = sa.select(applications.c.company).where(applications.c.id == sa.bindparam("app_id"))
    update_application = sa.update(applications).where(applications.c.id == sa.bindparam("b_app_id"))
    _employer_columns = (applications.c.id, applications.c.company, applications.c.role,
                         applications.c.last_message_at, applications.c.state)
    employer_is = sa.select(*_employer_columns).where(applications.c.company_key == sa.bindparam("key"))
    employer_between = sa.select(*_employer_columns).where(applications.c.company_key >= sa.bindparam("low"),
                                                           applications.c.company_key < sa.bindparam("high"))
    correction = (sa.select(corrections.c.label)
                  .where(corrections.c.sender == sa.bindparam("sender"),
                         corrections.c.subject == sa.bindparam("subject"))
                  .order_by(corrections.c.id.desc()))


def _same_employer_query(key: str):
    """Applications whose employer may be `key` (models.threads.same_company: equal keys, or one
    a prefix of the other when both have 5 letters or more): (statement, parameters)."""
    if len(key) < 5:
        return _Q.employer_is, {"key": key}
    head = key[:5]
    return _Q.employer_between, {"low": head, "high": head + "\uffff"}


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _subject_key(subject: str | None) -> str:
    """A subject without reply prefixes, numbers and case: the same template gives the same key."""
    import re

    s = re.sub(r"^\s*((re|fwd?|aw|balas)\s*:\s*)+", "", subject or "", flags=re.I)
    return re.sub(r"\d+", "#", s).strip().lower()


def _iso(value):
    return value.isoformat() if value is not None else None


def _message_row(m: Message) -> dict:
    return dict(
        dedupe_key=m.dedupe_key, message_id=(m.message_id or "").strip().strip("<>") or None,
        gmail_msgid=m.gmail_msgid, gmail_thrid=m.gmail_thrid, direction=m.direction, sender=m.sender or "",
        sender_name=m.sender_name or "", recipients=json.dumps(list(m.recipients)), subject=m.subject or "",
        date=m.date.isoformat(), date_utc=m.date.astimezone(timezone.utc).isoformat(),
        in_reply_to=(m.in_reply_to or "").strip().strip("<>") or None,
        refs=json.dumps([r.strip().strip("<>") for r in m.references]), label=m.label, confidence=m.confidence,
        key_date=_iso(m.key_date), key_date_kind=m.key_date_kind, evidence=m.evidence, language=m.language,
        interview_at=_iso(m.interview_at), company=m.company, role=m.role, recruiter_name=m.recruiter_name,
        text=m.text, label_source=m.label_source, signals=json.dumps(list(m.signals)),
    )


def _tuple(stored: str | None) -> tuple:
    return tuple(json.loads(stored)) if stored and stored != "[]" else ()


def _message_from(r) -> Message:
    return Message(
        message_id=r.message_id, direction=r.direction, sender=r.sender, date=datetime.fromisoformat(r.date),
        sender_name=r.sender_name or "", recipients=_tuple(r.recipients), subject=r.subject or "",
        in_reply_to=r.in_reply_to, references=_tuple(r.refs), gmail_msgid=r.gmail_msgid,
        gmail_thrid=r.gmail_thrid, label=r.label, confidence=r.confidence or 0.0,
        key_date=date.fromisoformat(r.key_date) if r.key_date else None, key_date_kind=r.key_date_kind,
        evidence=r.evidence, language=r.language or "en",
        interview_at=datetime.fromisoformat(r.interview_at) if r.interview_at else None, company=r.company,
        role=r.role, recruiter_name=r.recruiter_name, signals=_tuple(r.signals),
        text=r._mapping.get("text") or "", label_source=r.label_source or "reader", id=r.id, application_id=r.application_id,
    )
