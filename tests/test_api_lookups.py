"""The lookups blueprint: by Gmail thread id (hex) and by Message-ID."""
import pytest

from extension_api.lookups import parse_thread_id
from extension_api.testing import AUTH, THREAD, make_app, message


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["nextstep"].store


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
