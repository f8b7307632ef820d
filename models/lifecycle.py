"""An application's lifecycle: states, and the transitions between them as a table.

The state is a fold over the application's history (its inbound messages' labels and the user's
events) in time order; every change of state is kept as a `Transition`, so the history can be
shown and stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import labels as L
from .message import Application
from .threads import conversation

NEW = "new"
OUTREACH = "outreach"
APPLIED = "applied"
ASSESSMENT = "assessment"
INTERVIEWING = "interviewing"
AWAITING_DECISION = "awaiting_decision"
OFFER = "offer"
REJECTED = "rejected"
CLOSED = "closed"

STATES = (NEW, OUTREACH, APPLIED, ASSESSMENT, INTERVIEWING, AWAITING_DECISION, OFFER, REJECTED, CLOSED)
OPEN = frozenset({NEW, OUTREACH, APPLIED, ASSESSMENT, INTERVIEWING, AWAITING_DECISION})
ANY = frozenset(STATES) - {CLOSED}

# (trigger, the states it applies in, the state it leads to), one row per transition; the first
# row that applies wins. A trigger that applies in no row leaves the state unchanged (a late
# acknowledgement does not take an interviewing application back to "applied").
TRANSITIONS = (
    (L.RECRUITER_OUTREACH, {NEW}, OUTREACH),
    (L.APPLICATION_RECEIVED, {NEW, OUTREACH}, APPLIED),
    (L.ASSESSMENT, OPEN, ASSESSMENT),
    (L.INTERVIEW_INVITE, OPEN | {OFFER}, INTERVIEWING),
    (L.DECISION_TIMELINE, OPEN, AWAITING_DECISION),
    (L.CHECKIN_REQUEST, OPEN, AWAITING_DECISION),
    (L.WILL_CONTACT_YOU, OPEN, AWAITING_DECISION),
    (L.STILL_DECIDING, OPEN, AWAITING_DECISION),
    (L.OFFER, OPEN | {REJECTED}, OFFER),
    (L.REJECTION, OPEN | {OFFER}, REJECTED),
    ("interview_done", OPEN, AWAITING_DECISION),
    ("sent", {NEW}, APPLIED),             # the user wrote first: an application they made
    ("sent", {REJECTED}, CLOSED),         # the last thank-you after a rejection (check-in 6)
    ("final_thanks_sent", {REJECTED}, CLOSED),
    ("archive", ANY, CLOSED),
    ("withdraw", ANY, CLOSED),
    ("reopen", {CLOSED}, AWAITING_DECISION),
)
TRIGGERS = frozenset(row[0] for row in TRANSITIONS)


@dataclass(frozen=True)
class Transition:
    at: datetime
    trigger: str
    from_state: str
    to_state: str


def triggers(app: Application, talk: list | None = None):
    """(when, trigger) pairs of the application's history, in time order: the conversation with
    the employer (no out-of-office replies, bounces, or the user's forwards to other people).
    `talk`: that conversation, when the caller has it already (`models.threads.conversation`)."""
    found = []
    for m in conversation(app.timeline()) if talk is None else talk:
        if m.is_inbound:
            if m.label and m.label != L.OTHER:
                found.append((m.date, m.label))
        else:
            found.append((m.date, "sent"))
    for e in app.events:
        if e.kind in TRIGGERS:
            found.append((e.at, e.kind))
    found.sort(key=lambda pair: pair[0])
    return found


def step(state: str, trigger: str) -> str:
    """The state after `trigger` in `state`.

    >>> step(APPLIED, "rejection")
    'rejected'
    >>> step(INTERVIEWING, "application_received")
    'interviewing'
    """
    for name, applies_in, target in TRANSITIONS:
        if name == trigger and state in applies_in:
            return target
    return state


def history(app: Application, talk: list | None = None) -> list[Transition]:
    """Every change of state, oldest first."""
    state, changes = NEW, []
    for at, trigger in triggers(app, talk):
        new = step(state, trigger)
        if new != state:
            changes.append(Transition(at, trigger, state, new))
            state = new
    return changes


def current_state(app: Application, talk: list | None = None) -> str:
    changes = history(app, talk)
    return changes[-1].to_state if changes else NEW
