"""The answer cache (extension_api/cache.py): never older than the last commit, nor than the minute."""
import gc
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extension_api import reading
from extension_api.cache import MISSING, AnswerCache, sqlite_path
from extension_api.testing import AUTH, THREAD, make_app, message
from models.store import Store

MINUTE = datetime(2025, 10, 20, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


def test_a_commit_elsewhere_empties_the_cache(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = AnswerCache(sqlite_path(store.url))
    version = cache.version()
    cache.put_answer(version, 1, MINUTE, b"loaded")
    assert cache.answer(1, MINUTE) == b"loaded"
    assert cache.version() == version  # nothing committed: still cached
    assert cache.answer(1, MINUTE) == b"loaded"
    Store(str(tmp_path / "db.sqlite")).add_message(message(1))  # another connection commits
    assert cache.version() != version
    assert cache.answer(1, MINUTE) is MISSING


def test_what_was_loaded_before_a_commit_is_not_kept(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = AnswerCache(sqlite_path(store.url))
    before = cache.version()
    store.add_message(message(1))
    cache.version()  # another request sees the commit
    cache.put_answer(before, 1, MINUTE, b"stale")
    assert cache.answer(1, MINUTE) is MISSING


def test_an_answer_holds_for_its_minute_only(tmp_path):
    cache = AnswerCache(sqlite_path(Store(str(tmp_path / "db.sqlite")).url))
    v = cache.version()
    cache.put_answer(v, 1, MINUTE, b"at 9:30")
    assert cache.answer(1, MINUTE) == b"at 9:30"
    assert cache.answer(1, MINUTE.replace(minute=31)) is MISSING


def test_bounded(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    cache = AnswerCache(sqlite_path(store.url), size=2)
    v = cache.version()
    for i in range(3):
        cache.put_answer(v, i, MINUTE, str(i).encode())
    assert cache.answer(0, MINUTE) is MISSING and cache.answer(2, MINUTE) == b"2"


def test_what_is_kept_is_nothing_the_garbage_collector_walks(app):
    """Cached objects would make every full collection (a pause of every request) longer."""
    client = app.test_client()
    app.extensions["nextstep"].store.add_message(message(1))
    assert client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).status_code == 200
    cache = app.extensions["nextstep"].cache
    for _ in range(3):  # a collection lets go of tuples whose items it has already let go of
        gc.collect()
    kept = list(cache._answers.values()) + list(cache._threads.values())
    assert kept and not any(gc.is_tracked(x) for x in kept)


def test_memory_and_other_databases_are_not_cached():
    assert not AnswerCache(sqlite_path("sqlite://")).enabled
    assert not AnswerCache(sqlite_path("postgresql://localhost/nextstep")).enabled


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


def test_a_second_request_in_the_minute_reads_nothing(app, monkeypatch):
    client = app.test_client()
    app.extensions["nextstep"].store.add_message(message(1))
    first = client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH)
    loads = []
    monkeypatch.setattr(reading, "load_application", lambda *a: loads.append(a))
    second = client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH)
    assert second.status_code == 200 and second.get_data() == first.get_data() and not loads


def test_the_next_step_turns_with_the_minute(tmp_path):
    """Cached or not, an interview at 10:00 is ahead at 9:59:59 and over at 10:00."""
    tz = ZoneInfo("Asia/Jakarta")
    clock = [datetime(2025, 10, 22, 9, 59, 30, tzinfo=tz)]
    app = make_app(tmp_path, extra={"CLOCK": lambda: clock[0]})
    app.extensions["nextstep"].store.add_message(message(
        1, label="interview_invite", key_date=date(2025, 10, 22), interview_at=datetime(2025, 10, 22, 10, 0, tzinfo=tz)))
    client = app.test_client()
    actions = []
    for second in ((9, 59, 30), (9, 59, 59), (10, 0, 0), (10, 0, 1)):
        clock[0] = datetime(2025, 10, 22, *second, tzinfo=tz)
        actions.append(client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).json["next_step"]["action"])
    assert actions == ["prepare_for_interview"] * 2 + ["send_thank_you"] * 2


def test_a_write_by_another_process_makes_the_next_answer_fresh(app, tmp_path):
    """The watcher of `nextstep run` in another process (or any program) writes the store."""
    client = app.test_client()
    app.extensions["nextstep"].store.add_message(message(1))
    assert client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).json["next_step"]["action"] != "send_final_thanks"
    code = ("import sys; from models.store import Store; from extension_api.testing import message; "
            "Store(sys.argv[1]).add_message(message(2, label='rejection', key_date=None))")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "nextstep.sqlite")], check=True, timeout=60)
    after = client.get(f"/api/v1/threads/{THREAD:x}", headers=AUTH).json
    assert len(after["messages"]) == 2 and after["next_step"]["action"] == "send_final_thanks"
