"""Finding the application of what the user has open: a Gmail thread or any Message-ID."""
from __future__ import annotations

import re

from apiflask import APIBlueprint, abort

from . import reading
from .context import api, application_response
from .schemas import ApplicationOut, LookupQuery

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
    thrid = parse_thread_id(gmail_thread_id)
    if thrid is None:
        abort(400, f"{gmail_thread_id[:40]!r} is not a Gmail thread id: send the hex id of the thread "
                   "(data-legacy-thread-id), e.g. 188e2a7d94680133.")
    app = api().application_for_thread(thrid)
    if app is None:
        abort(404, "No application for this Gmail thread yet: Next Step files a thread once it reads a "
                   "recruiter's message in it (or track a message with POST /api/v1/messages/<id>/track).")
    return application_response(app)


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
