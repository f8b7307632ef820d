"""The sync loop: bring the store up to date with the watched folders, then wait for new mail.

    watcher = Watcher(Store(), account, me=("jane@example.com",))
    watcher.sync_once()            # SyncReport(fetched=12, new=12, known=0, defects=0)
    watcher.run_forever(stop)      # IDLE, sync, IDLE ... until `stop` is set

Nothing is lost or repeated: each folder has a cursor (folder, UIDVALIDITY, last UID) that is
committed in the same transaction as what its messages produced, so a crash at any point either
keeps a batch and its cursor or neither. When UIDVALIDITY changes, the UIDs mean nothing any
more: the folder is read again and its messages matched by Message-ID (and Gmail's message id)
against the store, so nothing is stored twice.
"""
from __future__ import annotations

import imaplib
import logging
import os
import random
import threading
import time
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterator

from watcher import pipeline
from watcher.backfill import Unread, default_jobs, open_reader
from watcher.imap import DISCONNECTED, Account, Fetched, LoginRefused, Mailbox, ServerUnreachable
from watcher.pipeline import unreadable_reason  # noqa: F401 - where the import command finds it

log = logging.getLogger("nextstep.watcher")

# Test-only: the path of a file to create, after a batch was fetched and read but before its
# transaction commits; the watcher then sleeps, so that a test can kill it right there.
PAUSE_BEFORE_COMMIT = "NEXTSTEP_TEST_PAUSE_BEFORE_COMMIT"
DRAFT_LABEL = "\\Draft"  # X-GM-LABELS of an unsent draft


@dataclass
class WatchOptions:
    """How the watcher paces itself. Example: WatchOptions(idle_renew_seconds=2) in tests.

    `idle_renew_seconds`: IDLE is ended and started again at least this often (RFC 2177 allows
    29 minutes; many NATs and Gmail drop quieter connections, so at most 10 are used).
    `timeout_seconds`: a server silent this long, when it owes an answer, is taken as hung.
    `reconnect_first`/`reconnect_max`: capped exponential backoff, with jitter, between
    reconnection attempts.
    """

    since_days: int = 90
    batch_size: int = 200
    idle_renew_seconds: float = 540.0
    timeout_seconds: float = 60.0
    reconnect_first: float = 1.0
    reconnect_max: float = 120.0
    read_jobs: int | None = None  # processes reading a backfill; None: one per spare core, 0: none

    def __post_init__(self):
        self.idle_renew_seconds = max(0.2, min(float(self.idle_renew_seconds), 600.0))
        self.batch_size = max(1, int(self.batch_size))

    @classmethod
    def from_settings(cls, settings=None, env=None) -> "WatchOptions":
        """From the `[watch]` table of config.toml, overridden by `NEXTSTEP_IDLE_RENEW_SECONDS`,
        `NEXTSTEP_IMAP_TIMEOUT`, `NEXTSTEP_RECONNECT_MAX_SECONDS` and `NEXTSTEP_SINCE_DAYS`."""
        env = os.environ if env is None else env
        values = {}
        source = getattr(settings, "source", None)
        if source is not None and source.exists():
            table = tomllib.loads(source.read_text(encoding="utf-8")).get("watch", {})
            known = {f for f in cls.__dataclass_fields__}
            unknown = set(table) - known
            if unknown:
                raise ValueError(f"{source}: unknown [watch] setting(s) {', '.join(sorted(unknown))}; "
                                 f"known: {', '.join(sorted(known))}")
            values.update(table)
        for name, key, convert in (("NEXTSTEP_IDLE_RENEW_SECONDS", "idle_renew_seconds", float),
                                   ("NEXTSTEP_IMAP_TIMEOUT", "timeout_seconds", float),
                                   ("NEXTSTEP_RECONNECT_MAX_SECONDS", "reconnect_max", float),
                                   ("NEXTSTEP_SINCE_DAYS", "since_days", int)):
            if env.get(name):
                try:
                    values[key] = convert(env[name])
                except ValueError as exc:
                    raise ValueError(f"{name}={env[name]!r} is not a number: set it to e.g. 60") from exc
        return cls(**values)


def reconnect_delays(first: float, cap: float, rng: random.Random | None = None) -> Iterator[float]:
    """Seconds to wait before each reconnection: doubling from `first` up to `cap`, each drawn
    between half and all of that (jitter, so that many clients do not come back at once).

    >>> [round(d) <= c for d, c in zip(reconnect_delays(1, 8, random.Random(1)), [1, 2, 4, 8, 8])]
    [True, True, True, True, True]
    """
    rng = rng or random.Random()
    step = first
    while True:
        yield step / 2 + rng.uniform(0, step / 2)
        step = min(cap, step * 2)


@dataclass
class SyncReport:
    """What one sync did. `known`: messages skipped because the store already had them."""

    fetched: int = 0
    new: int = 0
    known: int = 0
    defects: int = 0
    applications: set = field(default_factory=set)  # ids of the applications that got mail

    def add(self, other: "SyncReport") -> None:
        self.fetched += other.fetched
        self.new += other.new
        self.known += other.known
        self.defects += other.defects
        self.applications |= other.applications


ProgressCallback = Callable[[str, int, int], None]  # (folder, done, total)


class Watcher:
    """Keeps the store in step with one IMAP account.

    `run_forever(stop_event)` runs in any thread (`nextstep run` hosts it beside the API);
    `stop()` asks it to finish the message in hand, commit, log out and return.
    """

    def __init__(self, store, account: Account, *, me=(), options: WatchOptions | None = None,
                 on_progress: ProgressCallback | None = None, on_sync: Callable[[SyncReport], None] | None = None,
                 open_mailbox: Callable[[Account], Mailbox] = Mailbox.open, today: Callable[[], date] | None = None):
        self.store = store
        self.options = options or WatchOptions()
        self.account = replace(account, timeout=self.options.timeout_seconds)
        self.me = tuple(me)
        self.on_progress = on_progress
        self.on_sync = on_sync
        self.open_mailbox = open_mailbox
        self.today = today or (lambda: datetime.now(timezone.utc).date())
        self.mailbox: Mailbox | None = None
        self.folders: list[str] = []
        self.connections = 0  # how many times it connected (reconnections + 1)
        self._stop = threading.Event()
        self._paused = False

    # -- control -----------------------------------------------------------------------------
    def stop(self) -> None:
        """Finish the message in hand, commit, log out. Safe from a signal handler or thread."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run_forever(self, stop_event: threading.Event | None = None) -> None:
        """Sync, then wait with IDLE and sync again, until stopped. A lost connection (BYE,
        EOF, timeout, a restarting server) is reopened after a backoff; a refused login is
        raised, since trying again will not help."""
        if stop_event is not None:
            self._stop = stop_event
        from sqlalchemy.exc import OperationalError

        delays = None
        try:
            while not self.stopping:
                try:
                    self._ensure_connected()
                    self.sync_once()
                    delays = None  # a full sync worked: the next failure starts the backoff anew
                    if self.stopping:
                        break
                    self._select_for_idle()
                    self.mailbox.wait(self.options.idle_renew_seconds, self._stop.is_set)
                except LoginRefused:
                    raise
                except OperationalError as exc:
                    # The store was busy (or its disk full) past its own timeout: nothing was
                    # committed, the cursor did not move, so the same mail is fetched again later.
                    delays = delays or reconnect_delays(self.options.reconnect_first, self.options.reconnect_max)
                    wait = next(delays)
                    log.warning("could not write to the store (%s); trying again in %.1f s", _short(exc), wait)
                    self._stop.wait(wait)
                except (*DISCONNECTED, ServerUnreachable, imaplib.IMAP4.error) as exc:
                    # imaplib.IMAP4.error: a command refused (a folder deleted meanwhile, a
                    # server in trouble); a new connection lists the folders afresh.
                    self._drop_connection()
                    delays = delays or reconnect_delays(self.options.reconnect_first, self.options.reconnect_max)
                    wait = next(delays)
                    log.warning("lost the connection to %s (%s: %s); reconnecting in %.1f s", self.account.host,
                                type(exc).__name__, _short(exc), wait)
                    self._stop.wait(wait)
        finally:
            self.close()

    def close(self) -> None:
        """Log out (always closing the socket, even of a dead connection)."""
        if self.mailbox is not None:
            self.mailbox.close()
            self.mailbox = None

    def _drop_connection(self) -> None:
        # Always close the old connection before opening another: Gmail allows 15 at once.
        if self.mailbox is not None:
            self.mailbox.close()
            self.mailbox = None

    def _ensure_connected(self) -> None:
        if self.mailbox is None:
            self.mailbox = self.open_mailbox(self.account)
            self.connections += 1
            self.folders = self.mailbox.watched_folders()
            log.info("connected to %s; watching %s", self.account.host, ", ".join(self.folders))

    def _select_for_idle(self) -> None:
        folder = self.folders[0]
        if self.mailbox.selected != folder:
            self.mailbox.select(folder)

    # -- syncing -----------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """Fetch and store whatever is new in every watched folder; connects if needed. The
        first folder (INBOX, or Gmail's All Mail) is synced last, so it stays selected for IDLE."""
        self._ensure_connected()
        report = SyncReport()
        for folder in reversed(self.folders):
            if self.stopping:
                break
            report.add(self.sync_folder(folder))
        if report.fetched or report.defects:
            log.info("synced: %d fetched, %d new, %d already known, %d unreadable", report.fetched,
                     report.new, report.known, report.defects)
        if self.on_sync is not None:
            self.on_sync(report)
        return report

    def sync_folder(self, folder: str) -> SyncReport:
        """Bring one folder up to date: what came after its cursor, or, on the first run and
        after a renumbering (UIDVALIDITY), the last `since_days` days.

        Example: watcher.sync_folder("INBOX") -> SyncReport(fetched=3, new=3, known=0, defects=0).
        """
        mailbox = self.mailbox
        state = mailbox.select(folder)
        cursor = self.store.cursor(folder)
        report = SyncReport()
        if cursor is not None and cursor[0] == state.uidvalidity:
            last = cursor[1]
            if state.uidnext is not None and state.uidnext <= last + 1:
                return report  # nothing arrived since the last sync
            uids = mailbox.uids_after(last)
            # On Gmail the same message shows in several folders: match it before fetching.
            match_first = mailbox.gmail
            backfill = False
        else:
            if cursor is not None:
                log.warning("%s was renumbered (UIDVALIDITY %s -> %s): matching its messages again by "
                            "Message-ID", folder, cursor[0], state.uidvalidity)
            since = self.today() - timedelta(days=self.options.since_days)
            uids = mailbox.uids_since(since)
            # Match known messages first after a renumbering, or when the store already holds
            # mail (an import), or on Gmail: fetching bodies is the costly part.
            match_first = cursor is not None or mailbox.gmail or self.store.counts()["messages"] > 0
            backfill = True
        report.add(self._sync_batches(folder, state.uidvalidity, uids, match_first, backfill))
        if self.stopping:
            return report  # the cursor stays at the message in hand
        # Every UID below UIDNEXT existed at SELECT and was searched since: the cursor may pass
        # them all, even when the backfill window held none or some were expunged meanwhile.
        newest = (state.uidnext - 1) if state.uidnext else (uids[-1] if uids else None)
        if newest is not None:
            current = self.store.cursor(folder)
            have = current[1] if current and current[0] == state.uidvalidity else 0
            if current is None or current[0] != state.uidvalidity or have < newest:
                self.store.set_cursor(folder, state.uidvalidity, max(newest, have))
        return report

    def _sync_batches(self, folder: str, uidvalidity: int, uids: list[int], match_first: bool,
                      backfill: bool) -> SyncReport:
        """Fetch, read and store `uids` batch by batch, the three overlapping: while batch k is
        stored (one transaction with its cursor), batch k+1 is read (by worker processes, in a
        large backfill) and batch k+2 fetched (by a thread, the only user of the connection
        meanwhile). A batch fetched or read ahead but not committed is simply fetched again by
        the next sync: nothing is lost or repeated, whenever the watcher stops or dies."""
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor

        report = SyncReport()
        size = self.options.batch_size
        batches = iter([uids[start:start + size] for start in range(0, len(uids), size)])
        reader = open_reader(self.me, self._read_jobs(len(uids)))
        fetcher = ThreadPoolExecutor(1, thread_name_prefix="nextstep-fetch")
        total, done = len(uids), 0
        try:
            first = None if self.stopping else next(batches, None)
            fetching = self._start_fetch(fetcher, first, match_first, report)
            reading: deque = deque()  # (batch, fetched, outcomes) in order
            ahead = 2 if reader.processes else 1
            while fetching is not None or reading:
                if fetching is not None:
                    batch, future = fetching
                    fetched = future.result()  # a lost connection is raised here
                    upcoming = None if self.stopping else next(batches, None)
                    fetching = self._start_fetch(fetcher, upcoming, match_first, report)
                    reading.append((batch, fetched, reader.submit(self._to_read(batch, fetched))))
                    if fetching is not None and len(reading) < ahead:
                        continue
                batch, fetched, outcomes = reading.popleft()
                self._store_batch(folder, uidvalidity, batch, fetched, outcomes, report)
                done += len(batch)
                if self.stopping:
                    break
                if backfill and self.on_progress is not None:
                    self.on_progress(folder, done, total)
        finally:
            fetcher.shutdown(wait=True)  # a FETCH under way ends before the connection is used again
            reader.close()
        return report

    def _read_jobs(self, count: int) -> int:
        """Reading processes for `count` messages: none for what fits in one batch (new mail
        while watching), else the configured number, by default one per spare core."""
        if count <= self.options.batch_size:
            return 0
        jobs = self.options.read_jobs
        return default_jobs() if jobs is None else max(0, jobs)

    def _start_fetch(self, fetcher, batch: list[int] | None, match_first: bool, report: SyncReport):
        """Start fetching `batch`'s bodies in the fetching thread; (batch, future) or None.
        Known messages are matched first when asked (only what identifies them is fetched,
        here, while no other command is under way), and only the others' bodies fetched."""
        if batch is None:
            return None
        wanted = batch
        if match_first:
            ids = self.mailbox.fetch_ids(batch)
            # Gmail's All Mail holds the user's drafts too: unsent, they are not mail sent.
            wanted = [uid for uid in batch if uid in ids and not self._known(ids[uid])
                      and DRAFT_LABEL not in ids[uid].gmail_labels]
            report.known += len(batch) - len(wanted)
        return batch, fetcher.submit(self.mailbox.fetch, wanted)

    def _to_read(self, batch: list[int], fetched: dict[int, Fetched]) -> list[tuple]:
        items = []
        for uid in batch:
            item = fetched.get(uid)
            if item is not None:
                gmail = pipeline.GmailIds(item.gmail_msgid, item.gmail_thrid, item.gmail_labels) if self.mailbox.gmail else None
                items.append((uid, item.raw, gmail))
        return items

    def _store_batch(self, folder: str, uidvalidity: int, batch: list[int], fetched: dict[int, Fetched],
                     outcomes, report: SyncReport) -> None:
        """Store one batch's messages and move the cursor past them, in one transaction; on a
        stop request, up to the message in hand."""
        outcomes = iter(outcomes)
        with self.store.transaction():
            last = None
            for uid in batch:
                if uid in fetched:
                    read_uid, outcome = next(outcomes)
                    assert read_uid == uid, (read_uid, uid)
                    self._store_one(folder, uid, outcome, report)
                last = uid
                if self.stopping:
                    break  # the message in hand is done: commit up to it
            if last is not None:
                self.store.set_cursor(folder, uidvalidity, last)
            self._pause_for_tests()

    def _known(self, item: Fetched) -> bool:
        if not item.message_id and not item.gmail_msgid:
            return False
        return self.store.has_message(message_id=item.message_id, gmail_msgid=item.gmail_msgid)

    def _store_one(self, folder: str, uid: int, outcome, report: SyncReport) -> None:
        report.fetched += 1
        source = f"imap:{folder}"
        if isinstance(outcome, Unread):
            if outcome.unreadable:
                log.warning("skipped UID %s of %s: %s", uid, folder, outcome.reason)
                self.store.record_defect(outcome.reason, source=source, folder=folder, uid=uid)
            else:
                pipeline.record_unread(self.store, outcome.reason, source=source, folder=folder, uid=uid)
            report.defects += 1
            return
        done = pipeline.file_message(self.store, outcome, source=source, folder=folder, uid=uid)
        if done.error:
            report.defects += 1
        elif done.new:
            report.new += 1
            if done.application_id is not None:
                report.applications.add(done.application_id)
        else:
            report.known += 1

    def _pause_for_tests(self) -> None:
        marker = os.environ.get(PAUSE_BEFORE_COMMIT)
        if marker and not self._paused:
            self._paused = True
            with open(marker, "w", encoding="utf-8") as handle:
                handle.write(str(os.getpid()))
            time.sleep(300)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
