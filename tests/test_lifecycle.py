from datetime import datetime

import pytest

from models import labels as L
from models.lifecycle import (CLOSED, INTERVIEWING, NEW, OFFER, REJECTED, STATES, TRIGGERS, current_state,
                              history, step)
from models.message import Application, Message, UserEvent

D = datetime.fromisoformat


def m(when, label, direction="in"):
    return Message(None, direction, "x@acme.example", D(when), label=label)


def test_every_state_is_reachable_from_new():
    reached, frontier = {NEW}, [NEW]
    while frontier:
        state = frontier.pop()
        for trigger in TRIGGERS:
            nxt = step(state, trigger)
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    assert reached == set(STATES)


def test_every_label_is_a_trigger_or_deliberately_not():
    assert set(L.LABELS) - TRIGGERS == {L.OTHER}


@pytest.mark.parametrize("labels, expected", [
    (["application_received"], "applied"),
    (["application_received", "interview_invite"], INTERVIEWING),
    (["interview_invite", "application_received"], INTERVIEWING),  # a late acknowledgement changes nothing
    (["interview_invite", "decision_timeline", "rejection"], REJECTED),
    (["interview_invite", "offer"], OFFER),
    (["recruiter_outreach"], "outreach"),
    (["other"], NEW),
])
def test_state_follows_the_labels(labels, expected):
    msgs = [m(f"2025-03-{i + 1:02d}T10:00+00:00", label) for i, label in enumerate(labels)]
    assert current_state(Application(messages=msgs)) == expected


def test_history_keeps_every_change_and_user_events_count():
    app = Application(messages=[m("2025-03-01T10:00+00:00", "application_received"),
                                m("2025-03-05T10:00+00:00", "rejection")],
                      events=[UserEvent("final_thanks_sent", D("2025-03-06T10:00+00:00"))])
    assert [(t.trigger, t.to_state) for t in history(app)] == [
        ("application_received", "applied"), ("rejection", REJECTED), ("final_thanks_sent", CLOSED)]


def test_the_last_thank_you_after_a_rejection_closes_the_application():
    app = Application(messages=[m("2025-03-01T10:00+00:00", "rejection"), m("2025-03-03T10:00+00:00", None, "out")])
    assert current_state(app) == CLOSED
