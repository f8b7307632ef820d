"""The watcher writes while 20 clients read, over a real waitress server on loopback: no errors,
and every answer is a whole application (SQLite WAL; one store shared by the server's threads)."""
import http.client
import json
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from extension_api.server import ApiServer
from extension_api.testing import AUTH, make_app, message
from models.store import Store

pytestmark = pytest.mark.integration

THREADS = [0x1000 + i for i in range(10)]
READERS = 20
REQUESTS_EACH = 30
WRITES = 120


def test_readers_and_a_writer(tmp_path):
    app = make_app(tmp_path)
    store = app.extensions["nextstep"].store
    start = datetime(2025, 10, 1, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    for i, thread in enumerate(THREADS):
        store.add_message(message(1, thread=thread, company=f"Company {i}", sender=f"hr@c{i}.example",
                                  message_id=f"first-{i}@c{i}.example", when=start))
    server = ApiServer(app, port=0, threads=8)
    serving = threading.Thread(target=server.run, daemon=True)
    serving.start()

    # The watcher: its own Store on the same file, as `nextstep watch` in another process would be.
    watcher = Store(str(tmp_path / "nextstep.sqlite"))
    failures, statuses = [], []
    done_writing = threading.Event()

    def write():
        try:
            for n in range(WRITES):
                i = n % len(THREADS)
                watcher.add_message(message(100 + n, thread=THREADS[i], company=f"Company {i}",
                                            sender=f"hr@c{i}.example", message_id=f"w{n}@c{i}.example", gmail_msgid=10**6 + n,
                                            label="still_deciding", key_date=None,
                                            when=start + timedelta(hours=n + 1)))
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(f"writer: {exc!r}")
        finally:
            done_writing.set()

    def read(k):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            for j in range(REQUESTS_EACH):
                thread = THREADS[(k + j) % len(THREADS)]
                path = f"/api/v1/threads/{thread:x}" if j % 5 else "/api/v1/applications"
                conn.request("GET", path, headers=AUTH)
                r = conn.getresponse()
                body = r.read()
                statuses.append(r.status)
                if r.status != 200:
                    failures.append(f"{path}: {r.status} {body[:200]!r}")
                    continue
                data = json.loads(body)
                if "applications" not in data and (data["gmail_thread_id"] != f"{thread:x}" or not data["messages"]):
                    failures.append(f"{path}: incomplete answer")
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(f"reader {k}: {exc!r}")
        finally:
            conn.close()

    writer = threading.Thread(target=write)
    readers = [threading.Thread(target=read, args=(k,)) for k in range(READERS)]
    writer.start()
    for t in readers:
        t.start()
    for t in readers:
        t.join(120)
    writer.join(120)
    server.stop()
    serving.join(10)

    assert done_writing.is_set()
    assert failures == []
    assert len(statuses) == READERS * REQUESTS_EACH
    assert watcher.counts()["messages"] == len(THREADS) + WRITES
    total = sum(len(a.messages) for a in store.applications())
    assert total == len(THREADS) + WRITES
