"""A real waitress server on a free loopback port (extension_api/server.py, `nextstep serve`)."""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from extension_api.server import ApiServer, check_loopback
from extension_api.testing import AUTH, make_app, message

pytestmark = pytest.mark.integration


@pytest.fixture
def server(tmp_path):
    app = make_app(tmp_path)
    app.extensions["nextstep"].store.add_message(message(1))
    server = ApiServer(app, port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server
    server.stop()
    thread.join(10)
    assert not thread.is_alive()


def request(server, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.getheader("Content-Type"), r.read()
    finally:
        conn.close()


def test_serves_on_loopback(server):
    status, ctype, body = request(server, "GET", "/api/v1/threads/188e2a7d94680133", headers=AUTH)
    assert status == 200 and ctype == "application/json"
    assert json.loads(body)["company"] == "Acme"


def test_chunked_oversized_body_is_refused(server):
    """No Content-Length up front: the limit holds while the body is read."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    payload = b'{"kind": "they_said", "text": "' + b"x" * (200 * 1024) + b'"}'
    conn.request("POST", "/api/v1/applications/1/events", body=iter([payload[i:i + 8192] for i in
                                                                      range(0, len(payload), 8192)]),
                 headers={**AUTH, "Content-Type": "application/json"}, encode_chunked=True)
    r = conn.getresponse()
    assert r.status == 413
    assert json.loads(r.read())["status"] == 413
    conn.close()
    _, _, body = request(server, "GET", "/api/v1/applications/1", headers=AUTH)
    assert json.loads(body)["events"] == []


def test_foreign_host_refused_over_the_wire(server):
    status, _, body = request(server, "GET", "/api/v1/health", headers={"Host": "attacker.example"})
    assert status == 403 and b"127.0.0.1" in body


def test_stop_frees_the_port(tmp_path):
    server = ApiServer(make_app(tmp_path), port=0)
    port = server.port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    server.stop()
    thread.join(10)
    assert server.stopped.is_set()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))  # free again


def test_stop_even_when_the_loops_wake_up_pipe_is_gone(tmp_path):
    """Stopping must not depend on waitress's trigger pipe still being open."""
    server = ApiServer(make_app(tmp_path), port=0)
    port = server.port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    os.close(server.server.trigger.trigger)  # the write end, as if torn down behind our back
    server.stop()
    thread.join(10)
    assert server.stopped.is_set() and not thread.is_alive()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_only_loopback():
    with pytest.raises(ValueError, match="loopback"):
        check_loopback("0.0.0.0")
    with pytest.raises(ValueError, match="loopback"):
        check_loopback("192.168.1.2")
    assert check_loopback("127.0.0.1") == "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_nextstep_serve_stops_cleanly_on_signal(tmp_path, sig):
    port = free_port()
    env = {**os.environ, "NEXTSTEP_CONFIG_DIR": str(tmp_path), "NEXTSTEP_DB": str(tmp_path / "db.sqlite"),
           "NEXTSTEP_TZ": "Asia/Jakarta"}
    proc = subprocess.Popen([sys.executable, "-c", "from watcher.cli import main; main()", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/api/v1" in first
        token = (tmp_path / "token").read_text().strip()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/v1/applications", headers={"Authorization": f"Bearer {token}"})
        assert conn.getresponse().status == 200
        conn.close()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err
        assert "Stopped." in out
        assert token not in out + err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _plain_server(wsgi_app, **kw):
    server = ApiServer(wsgi_app, port=0, **kw)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, thread


def test_connections_are_not_writable_while_their_task_answers():
    """The loop leaves a small pending answer to the task writing it (no empty turns on a
    writable socket), but sends when no task runs, when output piles up to the limit or to
    waitress's high watermark, or to close."""
    from types import SimpleNamespace

    from extension_api.server import TASK_SENDS_BELOW, _channel_class

    channel_class = _channel_class()
    channel = channel_class.__new__(channel_class)  # the state writable() reads, no socket
    channel.adj = SimpleNamespace(outbuf_high_watermark=16 * 1024 * 1024)
    channel.will_close = channel.close_when_flushed = False
    channel.requests, channel.total_outbufs_len = [object()], 200
    assert not channel.writable()                      # a task runs: it sends its own output
    channel.total_outbufs_len = TASK_SENDS_BELOW
    assert channel.writable()                          # piled up: the loop helps
    channel.adj.outbuf_high_watermark, channel.total_outbufs_len = 4096, 5000
    assert channel.writable()                          # at a lower watermark, the task may be waiting on it
    channel.adj.outbuf_high_watermark, channel.total_outbufs_len = 16 * 1024 * 1024, 200
    channel.will_close = True
    assert channel.writable()                          # closing: the loop flushes and closes
    channel.will_close = False
    channel.requests = []
    assert channel.writable()                          # no task: the loop sends what is left
    channel.total_outbufs_len = 0
    assert not channel.writable()


def test_a_big_answer_to_a_slow_reader_arrives_whole(tmp_path):
    """Output beyond what the task can send at once (the client reads slowly) still arrives,
    in order, with nothing lost, even beyond waitress's high watermark, where the task waits
    for the loop to make room: the loop sends it while and after the task runs."""
    chunk = bytes(range(256)) * 1024  # 256 KiB
    chunks = 24                        # 6 MiB: more than loopback's socket buffers hold

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/octet-stream"),
                                  ("Content-Length", str(len(chunk) * chunks))])
        return iter([chunk] * chunks)

    server, thread = _plain_server(app)
    # Below the answer's size, so that the task must wait for the loop to make room.
    server.server.adj.outbuf_high_watermark = 512 * 1024
    try:
        conn = socket.create_connection(("127.0.0.1", server.port), timeout=20)
        conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        time.sleep(0.5)  # the task fills every buffer before anyone reads
        received = b""
        while True:
            part = conn.recv(65536)
            if not part:
                break
            received += part
            head, _, body = received.partition(b"\r\n\r\n")
            if body and len(body) >= len(chunk) * chunks:
                break
        conn.close()
        assert head.startswith(b"HTTP/1.1 200")
        assert body == chunk * chunks
    finally:
        server.stop()
        thread.join(10)

