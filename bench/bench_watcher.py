"""The IMAP watcher's numbers, against a real Dovecot on loopback.

1. Latency: new mail to a changed next step. A rejection arrives in the thread of an interview;
   the clock runs from the end of the APPEND until the store recommends a different step. The
   same APPEND seen by a bare IMAP IDLE gives Dovecot's own notification delay (about 0.5 s),
   which is subtracted. Target: at most 1.0 s beyond it.
2. Backfill of N messages (default 10,000): the watcher's first sync next to a bare imapclient
   FETCH of the same messages, in the same run. The watcher is timed twice: with the reader
   stubbed out (what the sync itself adds: searching, batching, transactions, cursors; target
   at most 1.3x the bare FETCH) and with the real pipeline (parse, read, store).
3. Resident memory of a watcher process that has synced, with both spaCy pipelines loaded (the
   reader's text classifier, and blank `en` and `id`). Target: at most 200 MB.

Mail is synthetic (recruiter mail in English and Indonesian, newsletters, the user's own
replies), written straight into the Maildir before Dovecot first opens it.

    .venv/bin/python bench/bench_watcher.py               # prints lines, then one JSON line
    .venv/bin/python bench/bench_watcher.py --count 2000 --trials 5
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.dovecot import DovecotServer  # noqa: E402  (the same server the tests use)

ME = "jane@example.com"
BATCH = 200

RECRUITER = [
    ("Your application to {company}", "Dear Jane,\n\nThank you for applying for the {role} role at {company}. "
     "We have received your application and our team will review it.\n\nBest regards,\n{company} Talent"),
    ("Interview invitation: {role}", "Hi Jane,\n\nWe would like to invite you to an interview for the {role} "
     "position on Thursday at 10:00.\nPlease confirm that the time works for you.\n\nThanks,\nRina, {company}"),
    ("Update on your application", "Dear Jane,\n\nThank you for your interest in {company}. Unfortunately, we have "
     "decided to move forward with other candidates for the {role} role.\n\nKind regards,\n{company} Recruiting"),
    ("Lamaran {role}", "Halo Jane,\n\nTerima kasih atas lamaran Anda untuk posisi {role} di {company}. Kami akan "
     "menghubungi Anda paling lambat akhir minggu depan.\n\nSalam,\nTim Rekrutmen {company}"),
]
OTHER = [
    ("Weekly digest #{n}", "Here are this week's top stories.\n\n" + "Story text goes on for a while. " * 30),
    ("Dinner on Saturday?", "Hey Jane, are we still on for dinner on Saturday? Let me know.\n\nCheers,\nSam"),
]
HTML_PART = ("--b{n}\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>{body}</p>"
             "<p style='color:#999'>Unsubscribe | Preferences</p></body></html>\n--b{n}--\n")


def synthetic(n: int) -> bytes:
    """The n-th message of the synthetic mailbox: 1 in 4 from a recruiter, the rest other mail."""
    company, role = f"Company{n % 250}", ("Data Analyst", "Backend Engineer", "Product Designer")[n % 3]
    if n % 4 == 0:
        subject, body = RECRUITER[(n // 4) % len(RECRUITER)]
        sender = f"talent@company{n % 250}.example"
    else:
        subject, body = OTHER[n % len(OTHER)]
        # Fifty newsletters and fifty friends: a mailbox has many senders besides recruiters.
        sender = f"news@letter{n % 50}.example" if n % 2 else f"friend{n % 50}@mail.example"
    subject, body = subject.format(company=company, role=role, n=n), body.format(company=company, role=role, n=n)
    head = (f"From: {sender}\nTo: {ME}\nSubject: {subject}\nDate: Mon, 03 Mar 2025 09:{n % 60:02d}:00 +0000\n"
            f"Message-ID: <bench-{n}@bench.example>\nMIME-Version: 1.0\n")
    if n % 3 == 0:  # HTML mail, as ATS and newsletters send it
        text = (f"Content-Type: multipart/alternative; boundary=\"b{n}\"\n\n--b{n}\n"
                f"Content-Type: text/plain; charset=utf-8\n\n{body}\n" + HTML_PART.format(n=n, body=body))
        return (head + text).replace("\n", "\r\n").encode()
    return (head + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n").replace("\n", "\r\n").encode()


def fill_maildir(server: DovecotServer, user: str, count: int) -> None:
    """Write `count` messages into the user's Maildir before Dovecot first opens it."""
    root = server.dir / "mail" / user / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    now = time.time()
    for n in range(count):
        path = root / "cur" / f"{int(now)}.M{n}P1.bench:2,"
        path.write_bytes(synthetic(n))
        os.utime(path, (now - count + n, now - count + n))  # internal dates: the last few hours
    subprocess.run(["chown", "-R", "nobody:nogroup", str(server.dir / "mail" / user)], check=True)


def bare_fetch(server: DovecotServer, user: str, password: str, since, cpu: list | None = None) -> tuple[float, int]:
    """What any client must do: log in, select, search, FETCH every body in batches (of the
    watcher's default size). Its CPU seconds are appended to `cpu` when given."""
    from imapclient import IMAPClient

    used = _cpu_seconds()
    began = time.perf_counter()
    client = IMAPClient(server.host, port=server.port, ssl=False, timeout=60)
    client.login(user, password)
    client.select_folder("INBOX", readonly=True)
    uids = sorted(client.search(["SINCE", since]))
    size = 0
    for start in range(0, len(uids), BATCH):
        for data in client.fetch(uids[start:start + BATCH], [b"BODY.PEEK[]"]).values():
            size += len(data[b"BODY[]"])
    client.logout()
    seconds = time.perf_counter() - began
    if cpu is not None:
        cpu.append(_cpu_seconds() - used)
    return seconds, len(uids)


def warm_reader() -> None:
    """Load the reader (rules, date resolver, spaCy and the classifier) outside the clock, as a
    watcher that has already read mail has it: messages of every kind the mailbox holds."""
    import watcher.pipeline as pipeline
    from watcher.batch import warm_reader as load_models

    load_models()
    for n in range(12):
        pipeline.read_raw(synthetic(n), me=(ME,))


def watcher_backfill(server, user, password, store_path: Path, *, read: bool, read_jobs: int | None = None):
    """The watcher's first sync: (seconds, messages, CPU seconds of this process and of its
    reading processes). With `read=False` reading and filing are replaced by no-ops, and
    reading stays in this process (there is nothing to spread over the cores)."""
    import watcher.pipeline as pipeline
    from models.store import Store
    from watcher.imap import Account
    from watcher.sync import Watcher, WatchOptions

    store = Store(str(store_path))
    account = Account(host=server.host, port=server.port, ssl=False, user=user, password=password, timeout=60)
    warm_reader()
    originals = pipeline.read_raw, pipeline.file_message
    if not read:
        pipeline.read_raw = lambda raw, **kw: None
        pipeline.file_message = lambda store, msg, **kw: pipeline.Ingested(None, None, True, None)
        read_jobs = 0
    try:
        cpu = _cpu_seconds()
        began = time.perf_counter()
        watcher = Watcher(store, account, me=(ME,), options=WatchOptions(batch_size=BATCH, read_jobs=read_jobs))
        report = watcher.sync_once()
        watcher.close()
        return time.perf_counter() - began, report.fetched, _cpu_seconds() - cpu
    finally:
        pipeline.read_raw, pipeline.file_message = originals


def _cpu_seconds(who: str = "both") -> float:
    """CPU time of this process ("self"), of its ended children, the reading processes
    ("children"), or of both."""
    import resource

    total = 0.0
    for name, scope in (("self", resource.RUSAGE_SELF), ("children", resource.RUSAGE_CHILDREN)):
        if who in (name, "both"):
            used = resource.getrusage(scope)
            total += used.ru_utime + used.ru_stime
    return total


def thread_mail(company: str, kind: str) -> bytes:
    if kind == "invite":
        subject, body = RECRUITER[1]
        extra = ""
    else:
        subject, body = RECRUITER[2]
        subject = "Re: " + RECRUITER[1][0]
        extra = f"In-Reply-To: <invite-{company}@bench.example>\nReferences: <invite-{company}@bench.example>\n"
    subject, body = subject.format(company=company, role="Data Analyst"), body.format(company=company,
                                                                                      role="Data Analyst")
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    return (f"From: Rina <rina@{company.lower()}.example>\nTo: {ME}\nSubject: {subject}\nDate: {date}\n"
            f"Message-ID: <{kind}-{company}@bench.example>\n{extra}Content-Type: text/plain; charset=utf-8\n\n"
            f"{body}\n").replace("\n", "\r\n").encode()


def dovecot_delay(server, user, password, trials: int) -> list[float]:
    """APPEND end to EXISTS seen by a bare IDLE: the server's own notification delay."""
    from imapclient import IMAPClient

    watcher = IMAPClient(server.host, port=server.port, ssl=False, timeout=30)
    watcher.login(user, password)
    watcher.select_folder("INBOX", readonly=True)
    sender = IMAPClient(server.host, port=server.port, ssl=False, timeout=30)
    sender.login(user, password)
    delays = []
    for n in range(trials):
        watcher.idle()
        sender.append("INBOX", thread_mail(f"Probe{n}", "invite"))
        began = time.perf_counter()
        while True:
            if any(r[1:2] == (b"EXISTS",) for r in watcher.idle_check(timeout=5)):
                break
        delays.append(time.perf_counter() - began)
        watcher.idle_done()
    watcher.logout()
    sender.logout()
    return delays


def next_step_latency(server, user, password, store_path: Path, trials: int) -> list[float]:
    """APPEND end to the changed next step in the store, with the watcher running."""
    from imapclient import IMAPClient

    from models.policy import recommend
    from models.store import Store
    from models.settings import load_settings
    from watcher.imap import Account
    from watcher.sync import Watcher, WatchOptions

    store = Store(str(store_path))
    policy = load_settings(Path("/nonexistent"), env={}).policy_settings()
    account = Account(host=server.host, port=server.port, ssl=False, user=user, password=password, timeout=30)
    watcher = Watcher(store, account, me=(ME,), options=WatchOptions(idle_renew_seconds=300))
    stop = threading.Event()
    failed = []

    def run():
        try:
            watcher.run_forever(stop)
        except BaseException as exc:  # noqa: BLE001 - reported below, where the wait fails
            failed.append(exc)
            raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    sender = IMAPClient(server.host, port=server.port, ssl=False, timeout=30)
    sender.login(user, password)

    def step_of(company):
        from datetime import datetime, timezone

        app = store.find_by_message_id(f"invite-{company}@bench.example")
        return recommend(app, datetime.now(timezone.utc), policy).action if app else None

    latencies = []
    try:
        for n in range(trials):
            company = f"Latency{n}"
            sender.append("INBOX", thread_mail(company, "invite"))
            wait_for(lambda: step_of(company) is not None, 30, failed)
            before = step_of(company)
            sender.append("INBOX", thread_mail(company, "rejection"))
            began = time.perf_counter()
            wait_for(lambda: step_of(company) != before, 30, failed, f"the next step after {before!r}")
            latencies.append(time.perf_counter() - began)
    finally:
        sender.logout()
        stop.set()
        thread.join(30)
    return latencies


def wait_for(predicate, timeout: float, failed=(), what: str = "the message") -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if failed:
            raise RuntimeError("the watcher stopped") from failed[0]
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the watcher did not store {what} in time")
        time.sleep(0.002)


MEMORY_PROBE = """
import json, sys
sys.path.insert(0, {repo!r})
import spacy
from models.store import Store
from watcher.imap import Account
from watcher.sync import Watcher
from watcher import textcat
textcat.predict("We would like to invite you to an interview")   # the reader's classifier
pipelines = [spacy.blank("en"), spacy.blank("id")]
watcher = Watcher(Store({db!r}), Account(host={host!r}, port={port}, ssl=False, user={user!r}, password={pw!r}),
                  me=({me!r},))
report = watcher.sync_once()
watcher.close()
status = dict(line.split(":", 1) for line in open("/proc/self/status") if line.startswith(("VmRSS", "VmHWM")))
print(json.dumps({{"rss_kb": int(status["VmRSS"].split()[0]), "peak_kb": int(status["VmHWM"].split()[0]),
                  "fetched": report.fetched, "textcat": textcat.available()}}))
"""


def watcher_memory(server, user, password, store_path: Path) -> dict:
    code = MEMORY_PROBE.format(repo=str(REPO), db=str(store_path), host=server.host, port=server.port, user=user,
                               pw=password, me=ME)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="messages to backfill (default 10000)")
    parser.add_argument("--trials", type=int, default=10, help="latency trials (default 10)")
    parser.add_argument("--runs", type=int, default=7, help="interleaved bare/sync pairs (default 7)")
    parser.add_argument("--inline", action="store_true",
                        help="also time the backfill with every message read in the watcher's own process")
    parser.add_argument("--no-pipeline", action="store_true",
                        help="skip the backfill with the real pipeline (minutes for 10,000 messages)")
    args = parser.parse_args()
    from datetime import date, timedelta

    since = date.today() - timedelta(days=90)
    work = Path(tempfile.mkdtemp(prefix="nextstep-bench-"))
    os.chmod(work, 0o755)  # Dovecot's unprivileged processes walk through it
    server = DovecotServer(work / "dovecot")
    (backfill_user, backfill_pw), (latency_user, latency_pw), (probe_user, probe_pw) = DovecotServer.users()[:3]
    fill_maildir(server, backfill_user, args.count)
    server.start()
    try:
        print(f"Dovecot on 127.0.0.1:{server.port}; {args.count} messages in {backfill_user}'s INBOX")
        bare_fetch(server, backfill_user, backfill_pw, since)  # Dovecot indexes the Maildir; caches warm
        bare_times, sync_times, ratios, bare_cpu, cpu_ratios = [], [], [], [], []
        for run in range(args.runs):  # interleaved, so that load from other work hits both alike
            seconds, fetched = bare_fetch(server, backfill_user, backfill_pw, since, bare_cpu)
            bare_times.append(seconds)
            seconds, synced, cpu = watcher_backfill(server, backfill_user, backfill_pw, work / f"sync{run}.sqlite",
                                                    read=False)
            sync_times.append(seconds)
            ratios.append(sync_times[-1] / bare_times[-1])
            cpu_ratios.append(cpu / bare_cpu[-1])
            assert fetched == synced == args.count, (fetched, synced)
        bare, sync, ratio, cpu_ratio = (statistics.median(x) for x in (bare_times, sync_times, ratios, cpu_ratios))
        print(f"backfill, bare imapclient FETCH:      {bare:7.2f} s ({args.count / bare:,.0f} msg/s; median of "
              f"{args.runs})")
        print(f"backfill, watcher sync (reader off):  {sync:7.2f} s  ratio {ratio:.2f}x (median of {args.runs} "
              f"side-by-side pairs, {min(ratios):.2f}-{max(ratios):.2f}x; target <= 1.3x)")
        print(f"  client CPU, watcher sync / bare:    {cpu_ratio:7.2f}x (median; bare FETCH "
              f"{statistics.median(bare_cpu):.2f} s of CPU)")
        full = read = full_cpu = None
        inline = {}
        if not args.no_pipeline:
            readers_cpu = _cpu_seconds("children")
            full, read, full_cpu = watcher_backfill(server, backfill_user, backfill_pw, work / "full.sqlite",
                                                    read=True)
            readers_cpu = _cpu_seconds("children") - readers_cpu
            bare_after, _ = bare_fetch(server, backfill_user, backfill_pw, since)
            print(f"backfill, watcher with the pipeline:  {full:7.2f} s ({read / full:,.0f} msg/s, {full_cpu:.1f} s "
                  f"of CPU)  ratio {full / bare_after:.1f}x to a bare FETCH just after ({bare_after:.2f} s)")
            print(f"  CPU: the watcher (fetching, storing) {full_cpu - readers_cpu:.1f} s, its reading processes "
                  f"{readers_cpu:.1f} s")
            if args.inline:
                seconds, count, cpu = watcher_backfill(server, backfill_user, backfill_pw, work / "inline.sqlite",
                                                       read=True, read_jobs=0)
                inline = {"inline_backfill_s": round(seconds, 3), "inline_backfill_msgs_per_s": round(count / seconds, 1),
                          "inline_backfill_cpu_s": round(cpu, 1)}
                print(f"  the same, reading in the watcher:   {seconds:7.2f} s ({count / seconds:,.0f} msg/s, "
                      f"{cpu:.1f} s of CPU)")

        delays = dovecot_delay(server, probe_user, probe_pw, args.trials)
        latencies = next_step_latency(server, latency_user, latency_pw, work / "latency.sqlite", args.trials)
        own, total = statistics.median(delays), statistics.median(latencies)
        print(f"Dovecot's notification delay:         median {own * 1000:6.0f} ms")
        print(f"new mail -> changed next step:        median {total * 1000:6.0f} ms, max "
              f"{max(latencies) * 1000:.0f} ms; beyond Dovecot's delay {max(0.0, total - own) * 1000:.0f} ms "
              "(target <= 1000 ms)")

        memory = watcher_memory(server, latency_user, latency_pw, work / "memory.sqlite")
        print(f"watcher resident memory:              {memory['rss_kb'] / 1024:6.0f} MB (peak "
              f"{memory['peak_kb'] / 1024:.0f} MB; target <= 200 MB; text classifier loaded: {memory['textcat']})")
        result = {
            "count": args.count,
            "bare_fetch_s": round(bare, 3),
            "sync_without_reader_s": round(sync, 3),
            "sync_ratio": round(ratio, 3),
            "sync_ratio_range": [round(min(ratios), 3), round(max(ratios), 3)],
            "sync_cpu_ratio": round(cpu_ratio, 3),
            "bare_fetch_cpu_s": round(statistics.median(bare_cpu), 3),
            "full_backfill_s": round(full, 3) if full else None,
            "full_backfill_ratio": round(full / bare_after, 2) if full else None,
            "full_backfill_msgs_per_s": round(read / full, 1) if full else None,
            "full_backfill_cpu_s": round(full_cpu, 1) if full else None,
            "full_backfill_reading_processes_cpu_s": round(readers_cpu, 1) if full else None,
            **inline,
            "dovecot_delay_ms": round(own * 1000, 1),
            "next_step_latency_ms": round(total * 1000, 1),
            "next_step_latency_max_ms": round(max(latencies) * 1000, 1),
            "latency_beyond_dovecot_ms": round(max(0.0, total - own) * 1000, 1),
            "rss_mb": round(memory["rss_kb"] / 1024, 1),
            "peak_rss_mb": round(memory["peak_kb"] / 1024, 1),
        }
        print(json.dumps(result))
    finally:
        server.stop()
        if not os.environ.get("NEXTSTEP_BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
