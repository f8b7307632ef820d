"""Messages: the user's correction of a label, and "track this thread"."""
from __future__ import annotations

from apiflask import APIBlueprint, abort

from models.labels import KEY_DATE_KIND_OF

from . import reading
from .context import api, application_response
from .schemas import ApplicationOut, LabelIn, TrackIn

bp = APIBlueprint("messages", __name__, url_prefix="/api/v1", tag="Messages")


def not_found(message_id):
    abort(404, f"No message {message_id}: take message ids from an application's `messages`.")


@bp.put("/messages/<int:message_id>/label")
@bp.input(LabelIn, arg_name="body")
@bp.output(ApplicationOut)
@bp.doc(responses={404: "No such message"})
def relabel(message_id: int, body: dict):
    """Correct a message's label (and key date)

    The state and next step are recomputed at once, and the correction is remembered: later
    mail from the same sender with the same subject template reads the same way. Answers the
    updated application."""
    ctx = api()
    with ctx.connect() as conn:
        exists, _ = reading.message_application_id(conn, message_id)
        if not exists:
            not_found(message_id)
        if "key_date" in body:
            key_date = body["key_date"]
        elif KEY_DATE_KIND_OF.get(body["label"]):
            key_date = reading.message_key_date(conn, message_id)  # keep it: only the label was wrong
        else:
            key_date = None
    try:
        app = ctx.store.relabel(message_id, body["label"], key_date)
    except KeyError:
        not_found(message_id)
    except ValueError as exc:
        abort(400, f"Message {message_id} cannot be relabelled: {exc}.")
    return application_response(app)


@bp.post("/messages/<int:message_id>/track")
@bp.input(TrackIn, arg_name="body")
@bp.output(ApplicationOut, status_code=201)
@bp.doc(responses={
    200: "The message already belonged to an application", 404: "No such message"})
def track(message_id: int, body: dict):
    """Start an application from a message

    For a thread the reader did not file ("track this thread"): answers the new application
    (201), or the one the message already belongs to (200)."""
    ctx = api()
    with ctx.connect() as conn:
        exists, app_id = reading.message_application_id(conn, message_id)
    if not exists:
        not_found(message_id)
    try:
        app = ctx.store.track(message_id)
    except KeyError:
        not_found(message_id)
    return application_response(app, 200 if app_id else 201)
