"""Security: who may talk to the API (extension_api/guard.py). Every refusal leaves the store
as it was."""
import pytest

from extension_api.testing import AUTH, TOKEN, message
from tests.api_fixtures import app, client, store  # noqa: F401 (fixtures)

EXT = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


@pytest.fixture
def seeded(store):
    row_id, app_id, _ = store.add_message(message(1))
    return row_id, app_id


def snapshot(store, app_id, row_id):
    app = store.application(app_id)
    return (store.message(row_id).label, len(app.events), store.corrections(), store.counts())


def every_route(row_id, app_id):
    """(method, path, json body) for every route but health."""
    return [
        ("GET", "/api/v1/applications", None),
        ("GET", f"/api/v1/applications/{app_id}", None),
        ("GET", "/api/v1/threads/188e2a7d94680133", None),
        ("GET", "/api/v1/lookup?message_id=x@y", None),
        ("GET", "/api/v1/openapi.json", None),
        ("GET", "/api/v1/no-such-route", None),
        ("PUT", f"/api/v1/messages/{row_id}/label", {"label": "rejection"}),
        ("POST", f"/api/v1/applications/{app_id}/events", {"kind": "archive"}),
        ("POST", f"/api/v1/messages/{row_id}/track", {}),
    ]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"},
                                     {"Authorization": "Bearer "}])
def test_no_or_wrong_token_is_refused_everywhere(client, store, seeded, headers):
    row_id, app_id = seeded
    before = snapshot(store, app_id, row_id)
    for method, path, body in every_route(row_id, app_id):
        r = client.open(path, method=method, json=body, headers=headers)
        assert r.status_code == 401, (method, path)
        assert r.is_json and "nextstep token" in r.json["message"]
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
        assert "Acme" not in r.get_data(as_text=True)
    assert snapshot(store, app_id, row_id) == before


def test_health_needs_no_token(client):
    r = client.get("/api/v1/health")
    assert r.status_code == 200 and r.json["status"] == "ok" and r.json["version"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io:8765", "192.168.1.5:8765",
                                  "localhost.evil.example", "0.0.0.0:8765"])
def test_foreign_host_is_refused_even_with_the_token(client, store, seeded, host):
    row_id, app_id = seeded
    before = snapshot(store, app_id, row_id)
    for method, path, body in every_route(row_id, app_id) + [("GET", "/api/v1/health", None)]:
        r = client.open(path, method=method, json=body, headers={**AUTH, "Host": host})
        assert r.status_code == 403, (method, path)
        assert "127.0.0.1" in r.json["message"]
    assert snapshot(store, app_id, row_id) == before


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "LOCALHOST:1234"])
def test_loopback_hosts_are_served(client, seeded, host):
    assert client.get("/api/v1/applications", headers={**AUTH, "Host": host}).status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          None])
def test_writes_need_json(client, store, seeded, content_type):
    row_id, app_id = seeded
    before = snapshot(store, app_id, row_id)
    headers = {**AUTH, **({"Content-Type": content_type} if content_type else {})}
    for method, path in [("PUT", f"/api/v1/messages/{row_id}/label"), ("POST", f"/api/v1/applications/{app_id}/events"),
                         ("POST", f"/api/v1/messages/{row_id}/track")]:
        r = client.open(path, method=method, data='{"label": "rejection", "kind": "archive"}', headers=headers)
        assert r.status_code == 415, (method, path, content_type)
        assert "application/json" in r.json["message"]
    assert snapshot(store, app_id, row_id) == before


def test_oversized_body_is_refused(client, store, seeded):
    row_id, app_id = seeded
    before = snapshot(store, app_id, row_id)
    big = {"kind": "they_said", "text": "x" * (70 * 1024)}
    r = client.post(f"/api/v1/applications/{app_id}/events", json=big, headers=AUTH)
    assert r.status_code == 413 and r.is_json and "KiB" in r.json["message"]
    assert snapshot(store, app_id, row_id) == before


def test_malformed_json_is_400(client, seeded):
    _, app_id = seeded
    r = client.post(f"/api/v1/applications/{app_id}/events", data="{not json",
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.is_json


def test_cors_preflight_from_the_extension(client):
    r = client.options("/api/v1/applications/1/events", headers={
        "Origin": EXT, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
        "Access-Control-Request-Private-Network": "true"})
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == EXT
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in r.headers["Access-Control-Allow-Headers"]
    assert "Content-Type" in r.headers["Access-Control-Allow-Headers"]
    assert r.headers["Access-Control-Allow-Private-Network"] == "true"
    assert "Origin" in r.headers["Vary"]


@pytest.mark.parametrize("origin", ["moz-extension://0b2c5e9a-1111-2222-3333-444455556666", EXT])
def test_cors_answers_extension_origins(client, seeded, origin):
    r = client.get("/api/v1/applications", headers={**AUTH, "Origin": origin})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == origin


@pytest.mark.parametrize("origin", ["https://mail.google.com", "http://localhost:3000", "null", "chrome-extension://"])
def test_web_pages_are_refused(client, store, seeded, origin):
    row_id, app_id = seeded
    before = snapshot(store, app_id, row_id)
    for method, path, body in every_route(row_id, app_id):
        r = client.open(path, method=method, json=body, headers={**AUTH, "Origin": origin})
        assert r.status_code == 403
        assert "Access-Control-Allow-Origin" not in r.headers
    pre = client.options("/api/v1/applications", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})
    assert pre.status_code == 403 and "Access-Control-Allow-Origin" not in pre.headers
    assert snapshot(store, app_id, row_id) == before


def test_no_cors_header_without_origin(client, seeded):
    r = client.get("/api/v1/applications", headers=AUTH)
    assert "Access-Control-Allow-Origin" not in r.headers
    assert r.headers["Cache-Control"] == "no-store"


def test_token_and_body_never_logged(client, seeded, caplog):
    import logging

    row_id, app_id = seeded
    with caplog.at_level(logging.DEBUG):
        client.put(f"/api/v1/messages/{row_id}/label", json={"label": "offer", "key_date": "2025-11-01"}, headers=AUTH)
        client.get("/api/v1/applications", headers={"Authorization": "Bearer wrong-guess"})
        client.post(f"/api/v1/applications/{app_id}/events", json={"kind": "they_said", "text": "SECRET PHRASE"},
                    headers=AUTH)
    logged = caplog.text
    assert TOKEN not in logged and "wrong-guess" not in logged and "SECRET PHRASE" not in logged
    assert "private body text" not in logged
