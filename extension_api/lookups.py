"""Finding the application of what the user has open: a Gmail thread or any Message-ID."""
from __future__ import annotations

import re

import sqlalchemy as sa
from apiflask import APIBlueprint, abort

from models.store import messages

from . import reading
from .context import api, application_response, json_response
from .schemas import ApplicationOut, LookupQuery, TrackIn

bp = APIBlueprint("lookups", __name__, url_prefix="/api/v1", tag="Lookups")

THREAD_ID_PATTERN = r"^(0[xX])?[0-9a-fA-F]{1,64}$"
THREAD_ID = re.compile(THREAD_ID_PATTERN)


def parse_thread_id(text: str) -> int | None:
    """Gmail's hex thread id (`data-legacy-thread-id`) as the integer IMAP's X-GM-THRID gives.
    Compared as integers, so missing (or extra) leading zeros don't matter; None if not hex.

    >>> parse_thread_id("188e2a7d94680133") == parse_thread_id("0188E2A7D94680133") == 1769398422452306227
    True
    >>> parse_thread_id("thread-f:123") is None
    True
    """
    if not THREAD_ID.fullmatch(text):
        return None
    return int(text, 16)


@bp.get("/threads/<gmail_thread_id>")
@bp.output(ApplicationOut)
@bp.doc(responses={400: "Not a hex thread id", 404: "No application for this thread"})
def by_thread(gmail_thread_id: str):
    """The application of a Gmail thread

    The id is the hex string of Gmail's page (`data-legacy-thread-id`), equal to IMAP's
    X-GM-THRID in base 16."""
    # Checked here rather than by a schema: this is the sidebar's hot path (openapi.py
    # documents the same pattern, THREAD_ID_PATTERN).
    thrid = thread_id_or_400(gmail_thread_id)
    body = api().answer_for_thread(thrid)
    if body is None:
        abort(404, "No application for this Gmail thread yet: Next Step files a thread once it reads a "
                   "recruiter's message in it (or track a message with POST /api/v1/messages/<id>/track).")
    return json_response(body)


@bp.post("/threads/<gmail_thread_id>/track")
@bp.input(TrackIn, arg_name="body")
@bp.output(ApplicationOut, status_code=201)
@bp.doc(responses={200: "The thread already belonged to an application", 400: "Not a hex thread id",
                   404: "No message of this thread has been read"})
def track_thread(gmail_thread_id: str, body: dict):
    """Start an application from a Gmail thread

    "Track this thread" for a thread the reader did not file: the thread's first stored message
    starts the application, and the thread's other messages join it. Answers the new application
    (201), or the one the thread already belongs to (200)."""
    thrid = thread_id_or_400(gmail_thread_id)
    ctx = api()
    row_id, app_id = first_message_of_thread(ctx.store.engine, thrid)
    if row_id is None:
        abort(404, "Next Step has not read any message of this Gmail thread yet: it reads new mail "
                   "while `nextstep run` is running; track the thread again once it has.")
    try:
        app = ctx.store.track(row_id)
    except KeyError:  # deleted between the two reads
        abort(404, "This thread's message is no longer stored: reload the page and try again.")
    return application_response(app, 200 if app_id else 201)


def thread_id_or_400(gmail_thread_id: str) -> int:
    """The thread id as an integer, or a 400 that says what to send."""
    thrid = parse_thread_id(gmail_thread_id)
    if thrid is None:
        abort(400, f"{gmail_thread_id[:40]!r} is not a Gmail thread id: send the hex id of the thread "
                   "(data-legacy-thread-id), e.g. 188e2a7d94680133.")
    return thrid


def first_message_of_thread(engine, thrid: int) -> tuple[int | None, int | None]:
    """(row id, application id) of the message of a Gmail thread to track: one already filed if
    any (tracking it answers its application), else the thread's earliest; (None, None) when no
    message of the thread is stored."""
    if not 0 < thrid <= reading.MAX_ID:  # larger than any stored id (SQLite's integers are 64-bit)
        return None, None
    query = (sa.select(messages.c.id, messages.c.application_id)
             .where(messages.c.gmail_thrid == thrid)
             .order_by(messages.c.application_id.is_(None), messages.c.date_utc, messages.c.id)
             .limit(1))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return (row.id, row.application_id) if row else (None, None)


@bp.get("/lookup")
@bp.input(LookupQuery, location="query", arg_name="query")
@bp.output(ApplicationOut)
@bp.doc(responses={404: "No application for it"})
def by_message_id(query: dict):
    """The application of a message, by its Message-ID (with or without <>)"""
    ctx = api()
    with ctx.connect() as conn:
        app_id = reading.application_id_for_message_id(conn, query["message_id"])
        app = reading.load_application(conn, app_id) if app_id else None
    if app is None:
        abort(404, "No application holds this message: Next Step may not have read it yet, or it is not "
                   "about a job application.")
    return application_response(app)
