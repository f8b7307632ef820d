"""The messages blueprint: corrections that learn, and tracking a message."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extension_api.testing import AUTH, TZ, make_app, message
from tests.api_fixtures import app, client, store  # noqa: F401 (fixtures)
from models.labels import LABELS


@pytest.fixture
def misread(store):
    """A rejection the reader took for "still deciding" (no date)."""
    row_id, app_id, _ = store.add_message(message(1, label="still_deciding", key_date=None,
                                                  subject="Update on your application #4411"))
    return row_id, app_id


def put_label(client, row_id, **body):
    return client.put(f"/api/v1/messages/{row_id}/label", json=body, headers=AUTH)


def test_correction_changes_the_next_step_at_once(client, misread):
    row_id, app_id = misread
    before = client.get(f"/api/v1/applications/{app_id}", headers=AUTH).json["next_step"]
    assert before["action"] == "stay_in_touch"
    r = put_label(client, row_id, label="rejection")
    assert r.status_code == 200
    assert r.json["id"] == app_id
    assert r.json["next_step"]["action"] == "send_final_thanks" and r.json["next_step"]["checkin"] == 6
    assert r.json["messages"][0]["label"] == "rejection"
    assert r.json["messages"][0]["label_source"] == "user"
    # ... and it stays corrected.
    again = client.get(f"/api/v1/applications/{app_id}", headers=AUTH).json
    assert again["next_step"]["action"] == "send_final_thanks"


def test_correction_is_remembered_for_a_later_similar_message(client, store, misread):
    row_id, _ = misread
    put_label(client, row_id, label="rejection")
    later = message(7, label="still_deciding", key_date=None, thread=0x99, company="Acme",
                    subject="Update on your application #5120",
                    when=datetime(2025, 10, 18, 9, 0, tzinfo=ZoneInfo(TZ)))
    new_row, new_app, _ = store.add_message(later)
    r = client.get(f"/api/v1/applications/{new_app}", headers=AUTH)
    [m] = [m for m in r.json["messages"] if m["id"] == new_row]
    assert m["label"] == "rejection"
    assert m["label_source"] == "correction"
    assert ("Update on your application #4411", "rejection") not in store.corrections()  # text, not subject
    assert store.corrections()[0][1] == "rejection"


def test_correction_with_a_key_date(client, store):
    row_id, app_id, _ = store.add_message(message(1, label="still_deciding", key_date=None))
    r = put_label(client, row_id, label="checkin_request", key_date="2025-10-23")
    assert r.status_code == 200
    step = r.json["next_step"]
    assert (step["action"], step["checkin"], step["due"]) == ("follow_up", 4, "2025-10-24")
    assert r.json["messages"][0]["key_date_kind"] == "checkin"


def test_key_date_left_out_is_kept_when_the_label_carries_one(client, store):
    row_id, _, _ = store.add_message(message(1))  # decision_timeline, 24 October
    r = put_label(client, row_id, label="checkin_request")
    assert r.json["messages"][0]["key_date"] == "2025-10-24"
    assert r.json["next_step"]["checkin"] == 4


def test_key_date_null_clears_it(client, store):
    row_id, _, _ = store.add_message(message(1))
    r = put_label(client, row_id, label="still_deciding", key_date=None)
    assert r.json["messages"][0]["key_date"] is None


def test_bad_label_is_400_naming_the_allowed_ones(client, store, misread):
    row_id, _ = misread
    r = put_label(client, row_id, label="ghosted")
    assert r.status_code == 400
    assert "'ghosted'" in r.json["message"]
    for label in LABELS:
        assert label in r.json["message"]
    assert store.message(row_id).label == "still_deciding"
    assert store.corrections() == []


@pytest.mark.parametrize("bad", ["24/10/2025", "2025-13-01", "next friday", 20251024])
def test_bad_date_is_400(client, store, misread, bad):
    row_id, _ = misread
    r = put_label(client, row_id, label="decision_timeline", key_date=bad)
    assert r.status_code == 400 and "key_date" in r.json["message"]
    assert store.message(row_id).label == "still_deciding"


def test_label_of_unknown_message_is_404(client):
    r = put_label(client, 31337, label="offer")
    assert r.status_code == 404 and "No message" in r.json["message"]


def test_track_starts_an_application(client, store):
    """The user's own message that the reader could not file (it replies to nothing known)."""
    row_id, app_id, _ = store.add_message(message(1, direction="out", sender="jane@example.com",
                                                  recipients=("talent@acme.example",), thread=0x77))
    assert app_id is None
    r = client.post(f"/api/v1/messages/{row_id}/track", json={}, headers=AUTH)
    assert r.status_code == 201
    assert r.json["messages"][0]["id"] == row_id
    assert r.json["gmail_thread_id"] == "77"
    assert store.message(row_id).application_id == r.json["id"]
    assert r.json["next_step"]["action"] in ("stay_in_touch", "wait", "none")


def test_track_starts_an_application_from_other_mail(client, store):
    row_id, app_id, _ = store.add_message(message(1, label="other", key_date=None, company=None))
    assert app_id is None  # newsletters and the like open no application
    r = client.post(f"/api/v1/messages/{row_id}/track", json={}, headers=AUTH)
    assert r.status_code == 201
    assert r.json["messages"][0]["id"] == row_id
    assert store.message(row_id).application_id == r.json["id"]
    assert r.json["next_step"]["action"] in ("stay_in_touch", "wait", "none")


def test_track_of_a_filed_message_answers_its_application(client, store):
    row_id, app_id, _ = store.add_message(message(1))
    r = client.post(f"/api/v1/messages/{row_id}/track", json={}, headers=AUTH)
    assert r.status_code == 200 and r.json["id"] == app_id


def test_track_unknown_message_is_404(client):
    r = client.post("/api/v1/messages/999/track", json={}, headers=AUTH)
    assert r.status_code == 404


def test_relabel_then_read_uses_the_request_moment(tmp_path):
    """The next step is computed for the request's moment: a later clock, a later state."""
    early = make_app(tmp_path, now=datetime(2025, 10, 16, 9, tzinfo=ZoneInfo(TZ)))
    store = early.extensions["nextstep"].store
    row_id, app_id, _ = store.add_message(message(1, label="interview_invite", key_date=date(2025, 10, 17),
                                                  interview_at=datetime(2025, 10, 17, 10, tzinfo=ZoneInfo(TZ))))
    assert early.test_client().get(f"/api/v1/applications/{app_id}", headers=AUTH).json["next_step"]["action"] \
        == "prepare_for_interview"
    late = make_app(tmp_path, now=datetime(2025, 10, 17, 13, tzinfo=ZoneInfo(TZ)))
    assert late.test_client().get(f"/api/v1/applications/{app_id}", headers=AUTH).json["next_step"]["action"] \
        == "send_thank_you"
