"""The watcher survives what real servers do, with every message stored exactly once.

A real Dovecot; a second connection delivers mail (APPEND) while the watcher runs, as in
production: IDLE pickup, BYE (`doveadm kick`), a hung server (SIGSTOP), a restart, a
UIDVALIDITY change, SIGKILL between fetch and commit, SIGTERM.
"""
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.store import Store
from tests.dovecot import fixture_mail, recruiter_mail
from watcher.sync import PAUSE_BEFORE_COMMIT, Watcher, WatchOptions

pytestmark = pytest.mark.integration
ME = ("jane@example.com",)
REPO = Path(__file__).resolve().parents[1]


def wait_until(predicate, timeout=20.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def stored_ids(store) -> list[str]:
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.text("SELECT message_id FROM messages ORDER BY message_id"))]


def assert_exactly_once(store, expected: set[str]) -> None:
    ids = stored_ids(store)
    assert len(ids) == len(set(ids)), f"stored twice: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert set(ids) == expected


class Running:
    """A Watcher in a thread, as `nextstep run` hosts it."""

    def __init__(self, store, account, **options):
        defaults = dict(idle_renew_seconds=1.0, timeout_seconds=2.0, reconnect_first=0.2, reconnect_max=1.0)
        defaults.update(options)
        self.watcher = Watcher(store, account, me=ME, options=WatchOptions(**defaults))
        self.stop_event = threading.Event()
        self.error = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.watcher.run_forever(self.stop_event)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        self.thread.join(15)
        assert not self.thread.is_alive(), "the watcher did not stop"
        assert self.error is None, repr(self.error)


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "store.sqlite"))


def test_new_mail_arrives_through_idle(store, imap_user):
    imap_user.append("INBOX", recruiter_mail(1))
    # IDLE is not renewed during the test: only the server's notification can wake the watcher.
    with Running(store, imap_user.account(), idle_renew_seconds=120) as running:
        wait_until(lambda: store.counts()["messages"] == 1, what="the backfill")
        imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
        wait_until(lambda: "interview-1@acme.example" in stored_ids(store), timeout=10, what="the IDLE pickup")
        assert running.watcher.connections == 1
    assert_exactly_once(store, {"m1-acme@test.example", "interview-1@acme.example"})
    (app,) = [a for a in store.applications() if a.company == "Acme" and a.role]
    assert any(m.label == "interview_invite" for m in app.messages)


def test_sent_mail_is_picked_up_while_watching(store, imap_user):
    with Running(store, imap_user.account()):
        wait_until(lambda: store.cursor("INBOX") is not None, what="the first sync")
        imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
        imap_user.append("Terkirim", fixture_mail("thank_you_sent_acme.eml"), seen=True)
        wait_until(lambda: len(stored_ids(store)) == 2, what="the sent message")
    (app,) = store.applications()
    assert sorted(m.direction for m in app.messages) == ["in", "out"]


def test_bye_from_the_server_reconnects(store, imap_user, dovecot_server):
    with Running(store, imap_user.account()) as running:
        imap_user.append("INBOX", recruiter_mail(1))
        wait_until(lambda: len(stored_ids(store)) == 1, what="the first message")
        dovecot_server.kick(imap_user.name)
        imap_user.append("INBOX", recruiter_mail(2))
        wait_until(lambda: len(stored_ids(store)) == 2, what="the message after BYE")
        assert running.watcher.connections >= 2
    assert_exactly_once(store, {"m1-acme@test.example", "m2-acme@test.example"})


def test_a_hung_server_is_noticed_and_left(store, imap_user, dovecot_server):
    with Running(store, imap_user.account()) as running:
        imap_user.append("INBOX", recruiter_mail(1))
        wait_until(lambda: len(stored_ids(store)) == 1, what="the first message")
        hung = dovecot_server.imap_pids(imap_user.name)
        assert hung, "the watcher's imap process"
        for pid in hung:
            os.kill(pid, signal.SIGSTOP)
        try:
            imap_user.append("INBOX", recruiter_mail(2))  # a new connection: a new, running process
            wait_until(lambda: len(stored_ids(store)) == 2, what="the message after the hang")
            assert running.watcher.connections >= 2
        finally:
            for pid in hung:
                os.kill(pid, signal.SIGCONT)
    assert_exactly_once(store, {"m1-acme@test.example", "m2-acme@test.example"})


def test_a_server_restart_is_survived(store, imap_user, dovecot_server):
    with Running(store, imap_user.account()) as running:
        imap_user.append("INBOX", recruiter_mail(1))
        wait_until(lambda: len(stored_ids(store)) == 1, what="the first message")
        dovecot_server.restart(down_seconds=1.0)
        imap_user.append("INBOX", recruiter_mail(2))
        wait_until(lambda: len(stored_ids(store)) == 2, what="the message after the restart")
        assert running.watcher.connections >= 2
    assert_exactly_once(store, {"m1-acme@test.example", "m2-acme@test.example"})


def test_a_uidvalidity_change_while_watching_duplicates_nothing(store, imap_user, dovecot_server):
    for n in range(3):
        imap_user.append("INBOX", recruiter_mail(n))
    with Running(store, imap_user.account()):
        wait_until(lambda: len(stored_ids(store)) == 3, what="the backfill")
        before = store.cursor("INBOX")
        dovecot_server.set_uidvalidity(imap_user.name, "INBOX", before[0] + 7)
        imap_user.append("INBOX", recruiter_mail(3))
        wait_until(lambda: len(stored_ids(store)) == 4, what="the message after the renumbering")
        wait_until(lambda: store.cursor("INBOX")[0] == before[0] + 7, what="the new cursor")
    assert_exactly_once(store, {f"m{n}-acme@test.example" for n in range(4)})


def _watch_process(imap_user, db: Path, *args, env_extra=None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXTSTEP_")}
    env.update(NEXTSTEP_CONFIG_DIR=str(db.parent / "config"), NEXTSTEP_DB=str(db),
               NEXTSTEP_IMAP_HOST=imap_user.server.host, NEXTSTEP_IMAP_PORT=str(imap_user.server.port),
               NEXTSTEP_IMAP_SSL="0", NEXTSTEP_IMAP_USER=imap_user.name, NEXTSTEP_IMAP_PASSWORD=imap_user.password,
               NEXTSTEP_ME=ME[0], NEXTSTEP_IDLE_RENEW_SECONDS="1", NEXTSTEP_IMAP_TIMEOUT="3")
    env.update(env_extra or {})
    command = [sys.executable, "-c", "from watcher.cli import main; main()", "watch", *args]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_between_fetch_and_commit_loses_and_repeats_nothing(tmp_path, imap_user):
    for n in range(5):
        imap_user.append("INBOX", recruiter_mail(n))
    db = tmp_path / "store.sqlite"
    marker = tmp_path / "fetched"
    process = _watch_process(imap_user, db, "--once", env_extra={PAUSE_BEFORE_COMMIT: str(marker)})
    try:
        wait_until(lambda: marker.exists() or process.poll() is not None, timeout=60, what="the fetch")
        assert marker.exists(), process.communicate()
        process.kill()  # SIGKILL: the batch was fetched and read, not committed
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    store = Store(str(db))
    assert store.counts()["messages"] == 0 and store.cursor("INBOX") is None
    imap_user.append("INBOX", recruiter_mail(5))
    again = _watch_process(imap_user, db, "--once")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "6 new" in out
    assert_exactly_once(store, {f"m{n}-acme@test.example" for n in range(6)})


def _children(pid: int) -> list[int]:
    """Living processes whose parent is `pid` (a zombie is not living)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigkill_during_a_backfill_read_by_worker_processes_leaves_none_behind(tmp_path, imap_user):
    for n in range(10):
        imap_user.append("INBOX", recruiter_mail(n))
    db = tmp_path / "store.sqlite"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[watch]\nbatch_size = 3\nread_jobs = 1\n")
    marker = tmp_path / "fetched"
    process = _watch_process(imap_user, db, "--once", env_extra={PAUSE_BEFORE_COMMIT: str(marker)})
    try:
        wait_until(lambda: marker.exists() or process.poll() is not None, timeout=60, what="the first batch")
        assert marker.exists(), process.communicate()
        workers = _children(process.pid)
        assert workers, "the next batch is being read by a worker process"
        process.kill()  # SIGKILL: the first batch read, not committed; the second being read
        process.wait(10)
        wait_until(lambda: not any(_alive(pid) for pid in workers), timeout=10, what="the workers to end")
    finally:
        if process.poll() is None:
            process.kill()
    store = Store(str(db))
    assert store.counts()["messages"] == 0 and store.cursor("INBOX") is None
    again = _watch_process(imap_user, db, "--once")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "10 new" in out
    assert_exactly_once(store, {f"m{n}-acme@test.example" for n in range(10)})


def test_sigterm_during_a_backfill_commits_the_batch_in_hand_and_exits_0(tmp_path, imap_user):
    total = 300  # enough that the backfill is still under way when the signal comes
    delivery = imap_user.connect()
    for n in range(total):
        delivery.append("INBOX", recruiter_mail(n))
    delivery.logout()
    db = tmp_path / "store.sqlite"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[watch]\nbatch_size = 3\nread_jobs = 1\n")
    process = _watch_process(imap_user, db, "--once")
    try:
        store = Store(str(db))
        wait_until(lambda: store.counts()["messages"] >= 4, timeout=60, what="the backfill under way")
        workers = _children(process.pid)
        assert workers, "later batches are read by a worker process"
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    wait_until(lambda: not any(_alive(pid) for pid in workers), timeout=10, what="the workers to end")
    kept = store.counts()["messages"]
    assert 4 <= kept < total and store.cursor("INBOX")[1] == kept  # the cursor is at the last message stored
    again = _watch_process(imap_user, db, "--once")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert f"{total - kept} new" in out
    assert_exactly_once(store, {f"m{n}-acme@test.example" for n in range(total)})


def test_sigterm_logs_out_and_exits_0(tmp_path, imap_user):
    imap_user.append("INBOX", recruiter_mail(1))
    db = tmp_path / "store.sqlite"
    process = _watch_process(imap_user, db)
    try:
        store = Store(str(db))
        wait_until(lambda: store.cursor("INBOX") is not None, timeout=60, what="the first sync")
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in err
    assert stored_ids(store) == ["m1-acme@test.example"]
    log = (imap_user.server.dir / "dovecot.log").read_text()
    assert re.search(rf"imap\({imap_user.name}\).*Disconnected: Logged out", log), "it logged out"


def test_a_refused_command_starts_afresh(store, imap_user, monkeypatch):
    import imaplib

    from watcher.imap import Mailbox

    real_select = Mailbox.select
    refusals = []

    def select(self, folder):
        if folder == "Terkirim" and len(stored_ids(store)) == 1 and not refusals:
            refusals.append(folder)  # as when the folder was deleted since LIST
            raise imaplib.IMAP4.error("SELECT failed: Mailbox doesn't exist: Terkirim")
        return real_select(self, folder)

    monkeypatch.setattr(Mailbox, "select", select)
    with Running(store, imap_user.account()) as running:
        imap_user.append("INBOX", recruiter_mail(1))
        wait_until(lambda: len(stored_ids(store)) == 1, what="the first message")
        imap_user.append("INBOX", recruiter_mail(2))
        wait_until(lambda: len(stored_ids(store)) == 2, what="the message after the refusal")
        assert refusals and running.watcher.connections >= 2  # it started afresh, listing folders again
    assert_exactly_once(store, {"m1-acme@test.example", "m2-acme@test.example"})


def test_a_busy_store_is_retried_not_fatal(store, imap_user, monkeypatch):
    from sqlalchemy.exc import OperationalError

    real = store.set_cursor
    failures = []

    def busy_once(*args):
        if not failures:
            failures.append(args)
            raise OperationalError("UPDATE sync_cursors", {}, Exception("database is locked"))
        return real(*args)

    monkeypatch.setattr(store, "set_cursor", busy_once)
    imap_user.append("INBOX", recruiter_mail(1))
    with Running(store, imap_user.account()):
        wait_until(lambda: len(stored_ids(store)) == 1 and store.cursor("INBOX") is not None,
                   what="the message after the busy store")
    assert failures
    assert_exactly_once(store, {"m1-acme@test.example"})


def test_watch_once_says_what_to_do_without_an_account_or_a_server(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from tests.dovecot import free_port
    from watcher.cli import cli

    monkeypatch.setenv("NEXTSTEP_DB", str(tmp_path / "store.sqlite"))
    result = CliRunner().invoke(cli, ["watch", "--once"])
    assert result.exit_code == 2 and "nextstep init" in result.output
    monkeypatch.setenv("NEXTSTEP_IMAP_HOST", "127.0.0.1")
    monkeypatch.setenv("NEXTSTEP_IMAP_PORT", str(free_port()))
    monkeypatch.setenv("NEXTSTEP_IMAP_SSL", "0")
    monkeypatch.setenv("NEXTSTEP_IMAP_USER", "jane@example.com")
    monkeypatch.setenv("NEXTSTEP_IMAP_PASSWORD", "pw")
    result = CliRunner().invoke(cli, ["watch", "--once"])
    assert result.exit_code == 1 and "No IMAP server answered" in result.output
