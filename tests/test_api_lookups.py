"""The lookups blueprint: by Gmail thread id (hex) and by Message-ID."""
import pytest

from extension_api.lookups import parse_thread_id
from extension_api.testing import AUTH, THREAD, message
from tests.api_fixtures import app, client, store  # noqa: F401 (fixtures)


@pytest.fixture
def acme(store):
    _, app_id, _ = store.add_message(message(1))
    return app_id


@pytest.mark.parametrize("hex_id", ["188e2a7d94680133", "188E2A7D94680133", "0188e2a7d94680133", "0x188e2a7d94680133"])
def test_thread_by_hex_any_spelling(client, acme, hex_id):
    r = client.get(f"/api/v1/threads/{hex_id}", headers=AUTH)
    assert r.status_code == 200
    assert r.json["id"] == acme
    assert r.json["gmail_thread_id"] == "188e2a7d94680133"
    assert r.json["messages"][0]["label"] == "decision_timeline"


def test_thread_short_id_without_leading_zeros(client, store):
    _, app_id, _ = store.add_message(message(1, thread=0x00ab12, message_id="short@acme.example"))
    assert client.get("/api/v1/threads/ab12", headers=AUTH).json["id"] == app_id
    assert client.get("/api/v1/threads/0000ab12", headers=AUTH).json["id"] == app_id


def test_thread_found_through_a_message_of_it(client, store, acme):
    """The application's own thread id is its first; a message filed later may carry another."""
    store.add_message(message(2, thread=0x1234, in_reply_to=f"msg-1-{THREAD}@acme.example"))
    assert client.get("/api/v1/threads/1234", headers=AUTH).json["id"] == acme


@pytest.mark.parametrize("bad", ["xyz", "thread-f:123", "12 34", "-5"])
def test_thread_invalid_hex_is_400(client, bad):
    r = client.get(f"/api/v1/threads/{bad}", headers=AUTH)
    assert r.status_code == 400
    assert "not a Gmail thread id" in r.json["message"]


@pytest.mark.parametrize("unknown", ["ffff", "7" * 16, "f" * 20])
def test_thread_unknown_is_404(client, acme, unknown):
    r = client.get(f"/api/v1/threads/{unknown}", headers=AUTH)
    assert r.status_code == 404 and r.json["status"] == 404


@pytest.mark.parametrize("mid", [f"msg-1-{THREAD}@acme.example", f"<msg-1-{THREAD}@acme.example>",
                                 f"<MSG-1-{THREAD}@ACME.example>"])
def test_lookup_by_message_id(client, acme, mid):
    r = client.get("/api/v1/lookup", query_string={"message_id": mid}, headers=AUTH)
    assert r.status_code == 200 and r.json["id"] == acme


def test_lookup_unknown_is_404(client, acme):
    r = client.get("/api/v1/lookup", query_string={"message_id": "<nope@x>"}, headers=AUTH)
    assert r.status_code == 404 and "No application" in r.json["message"]


def test_lookup_needs_message_id(client):
    r = client.get("/api/v1/lookup", headers=AUTH)
    assert r.status_code == 400 and "message_id" in r.json["message"]


def test_parse_thread_id():
    assert parse_thread_id("ab12") == 0xAB12
    assert parse_thread_id("") is None
    assert parse_thread_id("g") is None


def test_track_thread_starts_an_application(client, store):
    """A thread the reader did not file: its earliest message starts it, the others join."""
    first, app_id, _ = store.add_message(message(1, label="other", key_date=None, company=None, thread=0xABC))
    second, _, _ = store.add_message(message(2, label="other", key_date=None, company=None, thread=0xABC,
                                             message_id="later@acme.example"))
    assert app_id is None
    assert client.get("/api/v1/threads/abc", headers=AUTH).status_code == 404
    r = client.post("/api/v1/threads/0ABC/track", json={}, headers=AUTH)
    assert r.status_code == 201
    assert r.json["gmail_thread_id"] == "abc"
    assert {m["id"] for m in r.json["messages"]} == {first, second}
    assert store.message(first).application_id == r.json["id"]
    assert client.get("/api/v1/threads/abc", headers=AUTH).json["id"] == r.json["id"]


def test_track_thread_already_filed_answers_its_application(client, acme):
    r = client.post("/api/v1/threads/188e2a7d94680133/track", json={}, headers=AUTH)
    assert r.status_code == 200 and r.json["id"] == acme


def test_track_thread_with_no_stored_message_is_404(client, acme):
    r = client.post("/api/v1/threads/ffff/track", json={}, headers=AUTH)
    assert r.status_code == 404 and r.json["status"] == 404
    assert "has not read any message" in r.json["message"]


def test_track_thread_invalid_hex_is_400(client):
    r = client.post("/api/v1/threads/xyz/track", json={}, headers=AUTH)
    assert r.status_code == 400 and "not a Gmail thread id" in r.json["message"]


def test_track_thread_needs_token_and_json(client, store):
    store.add_message(message(1, label="other", key_date=None, company=None, thread=0xABC))
    assert client.post("/api/v1/threads/abc/track", json={}).status_code == 401
    r = client.post("/api/v1/threads/abc/track", data="{}", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415


def test_track_thread_is_documented(client):
    spec = client.get("/api/v1/openapi.json", headers=AUTH).json
    op = spec["paths"]["/api/v1/threads/{gmail_thread_id}/track"]["post"]
    assert {"200", "201", "400", "404", "415"} <= set(op["responses"])
    assert op["parameters"][0]["schema"]["pattern"]


def test_track_thread_id_too_large_to_store_is_404(client):
    r = client.post(f"/api/v1/threads/{'f' * 26}/track", json={}, headers=AUTH)
    assert r.status_code == 404
