"""The application cache (extension_api/cache.py): never older than the last commit."""
import pytest

from extension_api.cache import MISSING, ApplicationCache, sqlite_path
from extension_api.testing import AUTH, THREAD, make_app, message
from models.store import Store


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


def test_a_commit_elsewhere_empties_the_cache(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = ApplicationCache(sqlite_path(store.url))
    version = cache.version()
    cache.put_application(version, 1, "loaded")
    assert cache.application(1) == "loaded"
    assert cache.version() == version  # nothing committed: still cached
    assert cache.application(1) == "loaded"
    Store(str(tmp_path / "db.sqlite")).add_message(message(1))  # another connection commits
    assert cache.version() != version
    assert cache.application(1) is MISSING


def test_what_was_loaded_before_a_commit_is_not_kept(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = ApplicationCache(sqlite_path(store.url))
    before = cache.version()
    store.add_message(message(1))
    cache.version()  # another request sees the commit
    cache.put_application(before, 1, "stale")
    assert cache.application(1) is MISSING


def test_bounded(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = ApplicationCache(sqlite_path(store.url), size=2)
    v = cache.version()
    for i in range(3):
        cache.put_application(v, i, i)
    assert cache.application(0) is MISSING and cache.application(2) == 2


def test_memory_and_other_databases_are_not_cached():
    assert not ApplicationCache(sqlite_path("sqlite://")).enabled
    assert not ApplicationCache(sqlite_path("postgresql://localhost/nextstep")).enabled


def test_the_api_sees_the_watchers_new_mail_at_once(app, tmp_path):
    client = app.test_client()
    store = app.extensions["nextstep"].store
    store.add_message(message(1))
    first = client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).json
    assert len(first["messages"]) == 1
    watcher = Store(str(tmp_path / "nextstep.sqlite"))
    watcher.add_message(message(2, label="rejection", key_date=None))
    second = client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).json
    assert len(second["messages"]) == 2
    assert second["next_step"]["action"] == "send_final_thanks"


def test_a_thread_unknown_then_filed(app, tmp_path):
    client = app.test_client()
    assert client.get("/api/v1/threads/abc", headers=AUTH).status_code == 404
    Store(str(tmp_path / "nextstep.sqlite")).add_message(message(1, thread=0xABC))
    assert client.get("/api/v1/threads/abc", headers=AUTH).status_code == 200


def test_a_correction_is_read_back_at_once(app):
    client = app.test_client()
    row_id, app_id, _ = app.extensions["nextstep"].store.add_message(message(1))
    assert client.get(f"/api/v1/applications/{app_id}", headers=AUTH).json["messages"][0]["label"] == "decision_timeline"
    client.put(f"/api/v1/messages/{row_id}/label", json={"label": "offer"}, headers=AUTH)
    assert client.get(f"/api/v1/applications/{app_id}", headers=AUTH).json["messages"][0]["label"] == "offer"
