"""watcher/sync.py: cursors, batches, backfill window, UIDVALIDITY resync, defects, stopping.

Against a real Dovecot and the real pipeline (parser and reader), except where a test says it
replaces the reader to look at the bookkeeping alone.
"""
import random
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from models.store import Store
from tests.dovecot import fixture_mail, recruiter_mail
from watcher.sync import SyncReport, Watcher, WatchOptions, reconnect_delays, unreadable_reason

pytestmark = pytest.mark.integration
ME = ("jane@example.com",)


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "store.sqlite"))


def message_ids(store):
    with store.engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(sa.text("SELECT message_id FROM messages")))


def make_watcher(store, imap_user, **options):
    return Watcher(store, imap_user.account(), me=ME, options=WatchOptions(**options))


def test_first_sync_backfills_the_window_and_stores_each_message_once(store, imap_user):
    old = datetime.now(timezone.utc) - timedelta(days=200)
    imap_user.append("INBOX", recruiter_mail(1), when=old)  # before the 90-day window
    imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
    imap_user.append("INBOX", recruiter_mail(2, company="Initech"))
    watcher = make_watcher(store, imap_user)
    report = watcher.sync_once()
    assert (report.fetched, report.new, report.defects) == (2, 2, 0)
    assert message_ids(store) == ["interview-1@acme.example", "m2-initech@test.example"]
    uidvalidity, last = store.cursor("INBOX")
    assert last == 3
    # Nothing new: nothing fetched, nothing repeated.
    assert watcher.sync_once().fetched == 0
    imap_user.append("INBOX", recruiter_mail(3, company="Initech"))
    assert watcher.sync_once().new == 1
    assert store.cursor("INBOX") == (uidvalidity, 4)
    assert store.counts()["messages"] == 3
    watcher.close()


def test_progress_is_reported_during_the_backfill(store, imap_user):
    for n in range(5):
        imap_user.append("INBOX", recruiter_mail(n))
    seen = []
    watcher = Watcher(store, imap_user.account(), me=ME, options=WatchOptions(batch_size=2),
                      on_progress=lambda folder, done, total: seen.append((folder, done, total)))
    watcher.sync_once()
    watcher.close()
    assert [s for s in seen if s[0] == "INBOX"] == [("INBOX", 2, 5), ("INBOX", 4, 5), ("INBOX", 5, 5)]
    assert store.counts()["messages"] == 5


def test_sent_mail_counts_as_the_users_own_and_joins_its_application(store, imap_user):
    imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
    imap_user.append("Terkirim", fixture_mail("thank_you_sent_acme.eml"), seen=True)
    watcher = make_watcher(store, imap_user)
    watcher.sync_once()
    watcher.close()
    (app,) = store.applications()
    directions = {m.message_id: m.direction for m in app.messages}
    assert directions == {"interview-1@acme.example": "in", "thanks-1@example.com": "out"}
    assert store.cursor("Terkirim") is not None


def test_a_malformed_message_is_recorded_and_the_next_one_read(store, imap_user):
    imap_user.append("INBOX", recruiter_mail(1))
    imap_user.append("INBOX", fixture_mail("not_an_email.bin"))
    imap_user.append("INBOX", fixture_mail("rejection_globex.eml"))
    watcher = make_watcher(store, imap_user)
    report = watcher.sync_once()
    watcher.close()
    assert report.defects == 1 and report.new == 2
    (defect,) = store.defects()
    assert (defect["folder"], defect["uid"]) == ("INBOX", 2)
    assert "not an email" in defect["error"]
    assert "rejection-1@globex.example" in message_ids(store)
    assert store.cursor("INBOX")[1] == 3


def test_a_message_the_reader_fails_on_is_a_defect_not_a_crash(store, imap_user, monkeypatch):
    import watcher.pipeline as pipeline

    real = pipeline.read_raw

    def flaky(raw, **kw):
        if b"m2-" in raw:
            raise UnicodeError("boom")
        return real(raw, **kw)

    monkeypatch.setattr(pipeline, "read_raw", flaky)
    for n in (1, 2, 3):
        imap_user.append("INBOX", recruiter_mail(n))
    watcher = make_watcher(store, imap_user)
    report = watcher.sync_once()
    watcher.close()
    assert (report.new, report.defects) == (2, 1)
    assert store.defects()[0]["uid"] == 2 and "UnicodeError" in store.defects()[0]["error"]


def test_uidvalidity_change_resyncs_without_duplicates(store, imap_user, dovecot_server):
    for n in range(3):
        imap_user.append("INBOX", recruiter_mail(n))
    watcher = make_watcher(store, imap_user)
    watcher.sync_once()
    watcher.close()
    before = store.cursor("INBOX")
    dovecot_server.set_uidvalidity(imap_user.name, "INBOX", before[0] + 1000)
    imap_user.append("INBOX", recruiter_mail(3))
    watcher = make_watcher(store, imap_user)
    report = watcher.sync_once()
    watcher.close()
    assert store.cursor("INBOX")[0] == before[0] + 1000
    assert report.known == 3 and report.new == 1 and report.fetched == 1  # matched, not re-read
    assert len(message_ids(store)) == len(set(message_ids(store))) == 4


def test_a_failure_inside_a_batch_keeps_neither_the_batch_nor_its_cursor(store, imap_user, monkeypatch):
    for n in range(3):
        imap_user.append("INBOX", recruiter_mail(n))
    watcher = make_watcher(store, imap_user)
    original = store.set_cursor

    def crash(*args):
        original(*args)
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "set_cursor", crash)
    with pytest.raises(RuntimeError):
        watcher.sync_once()
    assert store.counts()["messages"] == 0 and store.cursor("INBOX") is None
    monkeypatch.setattr(store, "set_cursor", original)
    watcher.sync_once()
    watcher.close()
    assert store.counts()["messages"] == 3


def test_stop_finishes_the_message_in_hand_and_commits_up_to_it(store, imap_user, monkeypatch):
    import watcher.pipeline as pipeline

    for n in range(4):
        imap_user.append("INBOX", recruiter_mail(n))
    watcher = make_watcher(store, imap_user)
    real = pipeline.read_raw
    count = {"n": 0}

    def read_then_stop(raw, **kw):
        count["n"] += 1
        if count["n"] == 2:
            watcher.stop()  # SIGTERM arrives while the 2nd message is being read
        return real(raw, **kw)

    monkeypatch.setattr(pipeline, "read_raw", read_then_stop)
    watcher.sync_once()
    watcher.close()
    assert store.counts()["messages"] == 2
    assert store.cursor("INBOX")[1] == 2
    monkeypatch.setattr(pipeline, "read_raw", real)
    watcher = make_watcher(store, imap_user)
    assert watcher.sync_once().new == 2
    watcher.close()
    assert store.counts()["messages"] == 4


def test_imported_mail_is_matched_not_read_again(store, imap_user):
    from watcher.pipeline import ingest

    ingest(store, fixture_mail("interview_invite_acme.eml"), me=ME)
    imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
    imap_user.append("INBOX", fixture_mail("rejection_globex.eml"))
    watcher = make_watcher(store, imap_user)
    report = watcher.sync_once()
    watcher.close()
    assert (report.known, report.fetched, report.new) == (1, 1, 1)


def test_an_empty_window_still_moves_the_cursor_past_old_mail(store, imap_user):
    imap_user.append("INBOX", recruiter_mail(1), when=datetime.now(timezone.utc) - timedelta(days=400))
    watcher = make_watcher(store, imap_user)
    assert watcher.sync_once().fetched == 0
    assert store.cursor("INBOX")[1] == 1
    watcher.close()


# -- pure helpers ------------------------------------------------------------------------------
def test_reconnect_delays_double_up_to_the_cap_with_jitter():
    delays = reconnect_delays(1, 10, random.Random(7))
    got = [next(delays) for _ in range(8)]
    caps = [1, 2, 4, 8, 10, 10, 10, 10]
    assert all(cap / 2 <= d <= cap for d, cap in zip(got, caps))
    assert len(set(got)) == len(got)  # jittered


def test_unreadable_reason():
    assert unreadable_reason(b"") == "empty message"
    assert unreadable_reason(None) == "empty message"
    assert unreadable_reason(b"Subject: hi\r\n\r\nbody") is None
    assert "not an email" in unreadable_reason(b"hello there\r\n\r\n")


def test_watch_options_from_config_and_environment(tmp_path):
    from models.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text("[watch]\nidle_renew_seconds = 120\nbatch_size = 50\n")
    settings = load_settings(config, env={})
    options = WatchOptions.from_settings(settings, env={"NEXTSTEP_IMAP_TIMEOUT": "7"})
    assert (options.idle_renew_seconds, options.batch_size, options.timeout_seconds) == (120, 50, 7)
    # IDLE is renewed at least every 10 minutes, whatever the setting.
    assert WatchOptions(idle_renew_seconds=1800).idle_renew_seconds == 600
    config.write_text("[watch]\nidle_renew = 1\n")
    with pytest.raises(ValueError, match="unknown \\[watch\\] setting"):
        WatchOptions.from_settings(load_settings(config, env={}), env={})
    with pytest.raises(ValueError, match="not a number"):
        WatchOptions.from_settings(None, env={"NEXTSTEP_IMAP_TIMEOUT": "soon"})


def test_sync_report_adds_up():
    total = SyncReport(fetched=1, new=1, applications={1})
    total.add(SyncReport(fetched=2, known=1, defects=1, applications={2}))
    assert (total.fetched, total.new, total.known, total.defects, total.applications) == (3, 1, 1, 1, {1, 2})


# -- a large backfill: fetched ahead by a thread, read by worker processes -------------------------
def stored_rows(store):
    """What reading and filing produced, by Message-ID: label, key date, application's company."""
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.text(
            "SELECT m.message_id, m.label, m.key_date, m.direction, a.company FROM messages m "
            "LEFT JOIN applications a ON a.id = m.application_id")))


def test_a_backfill_read_by_worker_processes_stores_what_reading_here_does(tmp_path, imap_user, monkeypatch):
    import os

    import watcher.mime as mime

    companies = ("Acme", "Initech", "Globex")
    for n in range(23):
        if n == 9:
            imap_user.append("INBOX", fixture_mail("not_an_email.bin"))
        imap_user.append("INBOX", recruiter_mail(n, company=companies[n % 3]))
    imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
    imap_user.append("Terkirim", fixture_mail("thank_you_sent_acme.eml"), seen=True)
    readers = tmp_path / "readers"
    real = mime.parse_message

    def noted(raw, *args, **kw):
        with open(readers, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        if b"m13-" in raw:
            raise UnicodeError("boom")  # a parser bug, in a worker process
        return real(raw, *args, **kw)

    monkeypatch.setattr(mime, "parse_message", noted)
    results = {}
    for jobs in (0, 2):
        store = Store(str(tmp_path / f"jobs{jobs}.sqlite"))
        readers.write_text("")
        seen = []
        watcher = Watcher(store, imap_user.account(), me=ME, options=WatchOptions(batch_size=4, read_jobs=jobs),
                          on_progress=lambda folder, done, total: seen.append((folder, done, total)))
        report = watcher.sync_once()
        watcher.close()
        pids = set(readers.read_text().split())
        results[jobs] = (report.fetched, report.new, report.defects, stored_rows(store),
                         [(d["folder"], d["uid"], d["error"].split(":")[0]) for d in store.defects()],
                         store.cursor("INBOX")[1], seen)
        if jobs:
            assert pids - {str(os.getpid())}, "read (past the first batches) by worker processes"
        else:
            assert pids == {str(os.getpid())}
    assert results[0] == results[2]
    fetched, new, defects, rows, defect_rows, cursor, seen = results[2]
    assert (fetched, new, defects) == (26, 24, 2) and len(rows) == 24
    assert sorted(defect_rows) == [("INBOX", 10, "not an email"), ("INBOX", 15, "UnicodeError")]
    assert cursor == 25
    assert [s for s in seen if s[0] == "INBOX"][-1] == ("INBOX", 25, 25)


def test_a_lost_connection_during_a_backfill_keeps_the_batches_committed_before_it(store, imap_user, monkeypatch):
    from watcher.imap import ConnectionLost, Mailbox

    for n in range(12):
        imap_user.append("INBOX", recruiter_mail(n))
    real = Mailbox.fetch
    calls = []

    def fetch(self, uids):
        calls.append(list(uids))
        if len(calls) == 3:
            raise ConnectionLost("the server closed the connection")  # in the fetching thread
        return real(self, uids)

    monkeypatch.setattr(Mailbox, "fetch", fetch)
    watcher = make_watcher(store, imap_user, batch_size=4, read_jobs=0)
    with pytest.raises(ConnectionLost):
        watcher.sync_once()
    watcher.close()
    # The third FETCH failed while the second batch was being stored: the first two batches
    # are committed with their cursor, nothing of the third.
    assert store.cursor("INBOX")[1] == 8 and store.counts()["messages"] == 8
    monkeypatch.setattr(Mailbox, "fetch", real)
    watcher = make_watcher(store, imap_user, batch_size=4)
    watcher.sync_once()
    watcher.close()
    assert message_ids(store) == sorted(f"m{n}-acme@test.example" for n in range(12))
