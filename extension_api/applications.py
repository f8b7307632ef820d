"""Applications: the list, one with its timeline, and what the user tells about one."""
from __future__ import annotations

from apiflask import APIBlueprint, abort
from flask import jsonify

from models.message import UserEvent
from models.views import application_json

from . import reading
from .context import api, application_response, json_response
from .schemas import ApplicationListOut, ApplicationOut, EventIn
from .they_said import resolve_they_said

bp = APIBlueprint("applications", __name__, url_prefix="/api/v1", tag="Applications")


def not_found(application_id):
    abort(404, f"No application {application_id}: list them with GET /api/v1/applications.")


@bp.get("/applications")
@bp.output(ApplicationListOut)
def list_applications():
    """Every application with its state and next step

    Most recent activity first; `messages` is how many messages each holds.
    """
    ctx = api()
    now = ctx.now()
    with ctx.connect() as conn:
        apps = reading.load_all_applications(conn)
    return jsonify({"applications": [application_json(a, now, ctx.policy, detail=False) for a in apps]})


@bp.get("/applications/<int:application_id>")
@bp.output(ApplicationOut)
@bp.doc(responses={404: "No such application"})
def get_application(application_id: int):
    """One application with its timeline and next step"""
    body = api().answer(application_id)
    if body is None:
        not_found(application_id)
    return json_response(body)


def scheduled_interview(app, now):
    """The start of the latest interview the mail scheduled before `now`: what "interview done"
    means when the user does not say when (the thank-you of check-in 1 is timed from it)."""
    starts = [m.interview_at for m in app.messages if m.is_inbound and m.interview_at and m.interview_at <= now]
    return max(starts) if starts else None


@bp.post("/applications/<int:application_id>/events")
@bp.input(EventIn, arg_name="body")
@bp.output(ApplicationOut, status_code=201)
@bp.doc(responses={404: "No such application"})
def add_event(application_id: int, body: dict):
    """Tell something about an application

    `interview_done` (at; default: the scheduled start of the latest interview, else now), `thank_you_sent`, `follow_up_sent`, `final_thanks_sent`,
    `they_said` (text, read by the date resolver: "end of next week" becomes a date; null when
    vague), `snooze` (until), `archive`, `withdraw`, `reopen`. Answers the updated application."""
    ctx = api()
    current = ctx.application(application_id)
    if current is None:
        not_found(application_id)
    kind = body["kind"]
    at = body.get("at") or (scheduled_interview(current, ctx.now())
                            if kind == "interview_done" else None) or ctx.now()
    if at.tzinfo is None:  # a time without an offset is the user's local time
        at = at.replace(tzinfo=ctx.tz)
    text, day = None, None
    if kind == "they_said":
        text = body["text"].strip()
        day = body["date"] if body.get("date") else resolve_they_said(text, at)
    elif kind == "snooze":
        day = body["until"]
    try:
        app = ctx.store.add_event(application_id, UserEvent(kind=kind, at=at, text=text, date=day))
    except KeyError:  # removed between the check and the write
        not_found(application_id)
    return application_response(app, 201)

