"""The applications blueprint: list, detail, user events."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extension_api.testing import AUTH, TZ, message
from tests.api_fixtures import app, client, store  # noqa: F401 (fixtures)


@pytest.fixture
def acme(store):
    """One application: Acme said on 15 October they would decide by Friday 24 October."""
    _, app_id, _ = store.add_message(message(1))
    return app_id


def post_event(client, app_id, **body):
    return client.post(f"/api/v1/applications/{app_id}/events", json=body, headers=AUTH)


def test_list_is_empty_at_first(client):
    r = client.get("/api/v1/applications", headers=AUTH)
    assert r.status_code == 200
    assert r.json == {"applications": []}


def test_list_gives_state_next_step_and_thread(client, acme, store):
    store.add_message(message(1, thread=0xABC, sender="jobs@globex.example", sender_name="Globex Careers",
                              company="Globex", message_id="g1@globex.example", label="rejection", key_date=None))
    r = client.get("/api/v1/applications", headers=AUTH)
    apps = r.json["applications"]
    assert len(apps) == 2
    by_company = {a["company"]: a for a in apps}
    assert by_company["Acme"]["gmail_thread_id"] == "188e2a7d94680133"
    assert by_company["Acme"]["messages"] == 1
    assert by_company["Acme"]["next_step"]["action"] == "follow_up"
    assert by_company["Acme"]["next_step"]["due"] == "2025-10-28"  # Friday + 2 business days
    assert by_company["Globex"]["next_step"]["action"] == "send_final_thanks"


def test_detail_has_the_timeline_without_the_text(client, acme):
    r = client.get(f"/api/v1/applications/{acme}", headers=AUTH)
    assert r.status_code == 200
    body = r.json
    assert body["id"] == acme and body["company"] == "Acme"
    assert body["next_step"]["checkin"] == 2
    [m] = body["messages"]
    assert m["label"] == "decision_timeline" and m["key_date"] == "2025-10-24"
    assert m["direction"] == "in" and m["evidence"].startswith("We will let you know")
    assert "private body text" not in r.get_data(as_text=True)


@pytest.mark.parametrize("bad", [999, 2**63, 2**70])
def test_unknown_application_is_404_json(client, bad):
    r = client.get(f"/api/v1/applications/{bad}", headers=AUTH)
    assert r.status_code == 404
    assert r.json["status"] == 404 and "No application" in r.json["message"]


def test_unknown_route_is_json_too(client):
    r = client.get("/api/v1/nothing-here", headers=AUTH)
    assert r.status_code == 404 and r.is_json


def test_follow_up_sent_after_the_date_clears_check_in_2(client, acme):
    at = datetime(2025, 10, 24, 16, 0, tzinfo=ZoneInfo(TZ))
    r = post_event(client, acme, kind="follow_up_sent", at=at.isoformat())
    assert r.status_code == 201
    assert r.json["events"][0]["kind"] == "follow_up_sent"
    assert r.json["next_step"]["checkin"] != 2


def test_interview_done_asks_for_a_thank_you(client, acme):
    r = post_event(client, acme, kind="interview_done", at="2025-10-20T08:00:00+07:00")
    assert r.status_code == 201
    step = r.json["next_step"]
    assert (step["action"], step["checkin"], step["due"]) == ("send_thank_you", 1, "2025-10-20")


def test_interview_done_without_a_time_means_the_scheduled_interview(client, store, acme):
    store.add_message(message(2, label="interview_invite", key_date=date(2025, 10, 20),
                              interview_at=datetime(2025, 10, 20, 8, 0, tzinfo=ZoneInfo(TZ)),
                              when=datetime(2025, 10, 16, 10, 0, tzinfo=ZoneInfo(TZ))))
    r = post_event(client, acme, kind="interview_done")
    assert r.json["events"][0]["at"] == "2025-10-20T08:00:00+07:00"
    step = r.json["next_step"]
    assert (step["action"], step["checkin"], step["due"]) == ("send_thank_you", 1, "2025-10-20")


def test_a_time_without_offset_is_the_users_local_time(client, acme):
    r = post_event(client, acme, kind="interview_done", at="2025-10-20T08:00:00")
    assert r.json["events"][0]["at"] == "2025-10-20T08:00:00+07:00"


def test_they_said_with_a_date_becomes_the_decision_date(client, acme):
    r = post_event(client, acme, kind="they_said", text="we will decide by the 31st", date="2025-10-31")
    assert r.status_code == 201
    assert r.json["events"][0]["date"] == "2025-10-31"
    assert r.json["next_step"]["due"] == "2025-11-04"  # Friday 31 + 2 business days


@pytest.mark.parametrize("text, day, due", [
    ("end of next week", "2025-10-31", "2025-11-04"),              # Friday 31 + 2 business days
    ("they call me Tuesday and decide by Friday", "2025-10-24", "2025-10-28"),
    ("akhir minggu depan", "2025-10-31", "2025-11-04"),
])
def test_they_said_read_by_the_date_resolver(client, acme, text, day, due):
    r = post_event(client, acme, kind="they_said", text=text)
    assert r.status_code == 201
    assert r.json["events"][0]["text"] == text
    assert r.json["events"][0]["date"] == day
    assert (r.json["next_step"]["action"], r.json["next_step"]["checkin"], r.json["next_step"]["due"]) == \
        ("follow_up", 2, due)


def test_they_said_vague_gives_no_date(client, acme):
    r = post_event(client, acme, kind="they_said", text="we will get back to you soon")
    assert r.status_code == 201
    assert r.json["events"][0]["date"] is None
    assert r.json["next_step"]["checkin"] != 2


def test_they_said_is_resolved_from_its_text(client, acme, monkeypatch):
    import extension_api.applications as applications

    seen = {}

    def fake_resolver(text, heard_at):
        seen["args"] = (text, heard_at)
        return date(2025, 10, 31)

    monkeypatch.setattr(applications, "resolve_they_said", fake_resolver)
    r = post_event(client, acme, kind="they_said", text="end of next week")
    assert r.json["events"][0]["date"] == "2025-10-31"
    assert seen["args"][0] == "end of next week"
    assert seen["args"][1].utcoffset().total_seconds() == 7 * 3600  # heard now, in the user's zone


def test_they_said_needs_text(client, acme):
    r = post_event(client, acme, kind="they_said")
    assert r.status_code == 400
    assert "they_said needs the text" in r.json["message"]


def test_snooze_moves_the_due_date(client, acme):
    r = post_event(client, acme, kind="snooze", until="2025-11-10")
    assert r.status_code == 201
    assert r.json["next_step"]["due"] == "2025-11-10"


def test_snooze_needs_until(client, acme):
    r = post_event(client, acme, kind="snooze")
    assert r.status_code == 400 and "until" in r.json["message"]


def test_archive_then_reopen(client, acme):
    assert post_event(client, acme, kind="archive").json["next_step"]["action"] == "none"
    assert post_event(client, acme, kind="reopen").json["next_step"]["action"] == "follow_up"


def test_unknown_event_kind_is_400_naming_the_kinds(client, acme, store):
    r = post_event(client, acme, kind="celebrate")
    assert r.status_code == 400
    assert "snooze" in r.json["message"] and "interview_done" in r.json["message"]
    assert store.application(acme).events == []


def test_bad_time_is_400(client, acme):
    r = post_event(client, acme, kind="interview_done", at="yesterday-ish")
    assert r.status_code == 400 and "at" in r.json["message"]


def test_event_on_unknown_application_is_404(client):
    r = post_event(client, 4242, kind="archive")
    assert r.status_code == 404 and r.is_json


def test_the_api_reads_the_words_the_policy_reads(client, acme, store):
    """The sidebar's answer is the policy's on the whole message, its words included: the user's
    own mail withdrawing closes the application there too, as `advise` and `status` say."""
    from extension_api.testing import NOW
    from models.policy import recommend
    from models.settings import Settings

    before = client.get(f"/api/v1/applications/{acme}", headers=AUTH).json["next_step"]["action"]
    store.add_message(message(2, direction="out", sender="jane@example.com",
                              when=datetime(2025, 10, 16, 9, 0, tzinfo=ZoneInfo(TZ)),
                              in_reply_to="msg-1-" + str(0x188E2A7D94680133) + "@acme.example",
                              text="Thank you. I've accepted another offer, so I'd like to withdraw my application."))
    answer = client.get(f"/api/v1/applications/{acme}", headers=AUTH).json
    assert before != "none" and answer["next_step"]["action"] == "none"
    assert answer["next_step"]["action"] == recommend(store.application(acme), NOW,
                                                      Settings(tz=TZ).policy_settings()).action
