"""Benchmark: `GET /api/v1/threads/<id>` under concurrent clients, on a big store.

Builds a SQLite store of 10,000 applications and 100,000 messages (bulk inserts), starts
`nextstep serve` (waitress) on a free loopback port in its own process, and lets 20 clients
(each its own keep-alive connection) ask for random threads: first paced (each client 10
requests a second at random intervals, 200/s in all, far above what one person's browser sends),
then saturated (each client back-to-back, which measures throughput: there latency is queueing,
about clients / throughput), then the health check at the paced rate (the floor: what the machine
and the HTTP stack take without any work). The load comes from wrk, a load generator in C, when
it is installed (`make bench` installs it): Python clients would take much of the 2 cores from
the server and add their own parsing and scheduling to each latency. With `--load python` (or
without wrk) each client is a Python process of its own instead. Prints p50/p99 in ms, the
server's CPU per request and the load average (the machine is shared); the last line is JSON:
{"api_p50_ms", "api_p99_ms", ...} of the paced run, with the saturated and floor numbers.

    .venv/bin/python bench/bench_api.py [--requests 4000] [--clients 20] [--keep DIR] [--load python]

Targets (issue 5): p50 <= 2 ms, p99 <= 10 ms.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

LABELS_IN_ORDER = ["application_received", "interview_invite", "still_deciding", "decision_timeline",
                   "checkin_request", "will_contact_you", "rejection", "offer", "assessment"]
BODY = ("Thank you for your interest in the role. We have reviewed your application and would like to "
        "tell you where things stand. ") * 12  # ~1.3 KB of text per message, as real mail has


def build_store(path: Path, apps: int, messages_per_app: int, seed: int = 5) -> list[int]:
    """A store of `apps` applications with `messages_per_app` messages each; returns the thread ids."""
    import sqlalchemy as sa

    from models.store import Store, applications, messages

    rng = random.Random(seed)
    store = Store(str(path))
    threads = rng.sample(range(1 << 60, 1 << 62), apps)
    start = datetime(2025, 1, 1, 9, tzinfo=timezone(timedelta(hours=7)))
    app_rows, msg_rows = [], []
    for a, thrid in enumerate(threads, start=1):
        company = f"Company {a}"
        last = start
        for k in range(messages_per_app):
            when = start + timedelta(days=a % 200, hours=6 * k)
            last = when
            inbound = k % 3 != 2
            label = LABELS_IN_ORDER[(a + k) % len(LABELS_IN_ORDER)] if inbound else None
            key_date = (when + timedelta(days=7)).date().isoformat() if label in (
                "decision_timeline", "checkin_request", "interview_invite", "offer", "assessment") else None
            n = len(msg_rows) + 1
            msg_rows.append(dict(
                id=n, dedupe_key=f"mid:m{n}@c{a}.example", application_id=a, message_id=f"m{n}@c{a}.example",
                gmail_msgid=(1 << 62) + n, gmail_thrid=thrid, direction="in" if inbound else "out",
                sender=f"hr@c{a}.example" if inbound else "jane@example.com", sender_name=f"{company} Careers",
                recipients='["jane@example.com"]', subject=f"Your application to {company}", date=when.isoformat(),
                date_utc=when.astimezone(timezone.utc).isoformat(), refs="[]", label=label, confidence=0.9,
                key_date=key_date, key_date_kind=None, evidence="We will get back to you by Friday." if inbound else None,
                language="en", company=company, role="Data Analyst", text=BODY, label_source="reader", signals="[]"))
        app_rows.append(dict(id=a, company=company, role="Data Analyst", recruiter_name="Sam", recruiter_email=f"hr@c{a}.example",
                             gmail_thrid=thrid, state="waiting", last_message_at=last.astimezone(timezone.utc).isoformat(),
                             created_at=start.isoformat()))
    with store.engine.begin() as conn:
        conn.execute(sa.insert(applications), app_rows)
        for i in range(0, len(msg_rows), 5000):
            conn.execute(sa.insert(messages), msg_rows[i:i + 5000])
    store.engine.dispose()
    return threads


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path, db: Path, port: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, "NEXTSTEP_CONFIG_DIR": str(folder), "NEXTSTEP_DB": str(db), "NEXTSTEP_TZ": "Asia/Jakarta"}
    log = open(folder / "server.log", "w")  # a pipe nobody reads would fill up and stall the server
    proc = subprocess.Popen([sys.executable, "-c", "from watcher.cli import main; main()", "serve", "--port", str(port),
                             "--threads", str(threads)], env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    proc.stdout.readline()  # "Next Step API on ..." once it listens
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc


def one_client(port: int, token: str, paths: list[str], count: int, seed: int, rate: float | None,
               start_at: float) -> tuple[list[float], list[str]]:
    """One client on its own keep-alive connection, in a process of its own: `count` requests for
    random paths, back-to-back without `rate`, else `rate` a second at random (exponential)
    intervals, as people opening threads would. Returns (latencies in seconds, errors)."""
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.connect()
    latencies, errors = [], []
    time.sleep(max(0.0, start_at - time.time()))  # every client starts together
    next_at = time.perf_counter()
    for _ in range(count):
        if rate:
            next_at += rng.expovariate(rate)
            pause = next_at - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
        path = rng.choice(paths)
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        body = r.read()
        latencies.append(time.perf_counter() - t0)
        if r.status != 200 or not body:
            errors.append(f"{path}: {r.status}")
    conn.close()
    return latencies, errors


def run_clients(port: int, token: str, threads: list[int], clients: int, total: int, seed: int = 7,
                rate: float | None = None, paths: list[str] | None = None):
    """`clients` clients, each in its own process: clients that shared one interpreter (and its
    GIL) would queue behind each other and add their own waits to the server's latency. They ask
    for random threads, or for random `paths`."""
    paths = paths or [f"/api/v1/threads/{t:x}" for t in threads]
    per_client = total // clients
    start_at = time.time() + 1.0 + 0.05 * clients  # time for every process to start and connect
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        jobs = [pool.apply_async(one_client, (port, token, paths, per_client, seed + k, rate, start_at))
                for k in range(clients)]
        results = [job.get(timeout=600) for job in jobs]
    wall = time.time() - start_at
    latencies = [x for mine, _ in results for x in mine]
    errors = [e for _, theirs in results for e in theirs]
    return latencies, errors, wall


WRK_SCRIPT = """
local paths = {%s}
wrk.headers["Authorization"] = "Bearer %s"
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("seed", counter) end
init = function() math.randomseed(seed * 7919) end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
%s
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
                 + summary.errors.write + summary.errors.timeout
  io.write(string.format('WRK {"n": %%d, "errors": %%d, "seconds": %%f, "p50_us": %%d, "p99_us": %%d, '
                         .. '"mean_us": %%f, "max_us": %%d}\\n', summary.requests, errors,
                         summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
                         latency.mean, latency.max))
end
"""


# wrk waits this long (ms) before each request of a connection: exponential, `rate` a second on average.
WRK_PACE = "delay = function() return -math.log(1 - math.random()) * %f end"


def run_wrk(port: int, token: str, threads: list[int], clients: int, seconds: float, folder: Path,
            rate: float | None = None, paths: list[str] | None = None) -> dict | None:
    """A run with wrk, a load generator in C, when it is installed (Debian: `apt-get install
    wrk`): Python clients take a good part of the 2 cores from the server they measure, and add
    their own parsing and scheduling to every latency. Each of `clients` connections sends its
    next request as soon as the last is answered, or, with `rate`, after a random pause (`rate`
    a second on average, as the paced Python clients do). None without wrk."""
    wrk = shutil.which("wrk")
    if not wrk:
        return None
    paths = paths or [f"/api/v1/threads/{t:x}" for t in threads]
    script = folder / "load.lua"
    pace = WRK_PACE % (1000.0 / rate) if rate else ""
    script.write_text(WRK_SCRIPT % (", ".join(f'"{p}"' for p in paths), token, pace))
    out = subprocess.run([wrk, "-t2", f"-c{clients}", f"-d{seconds:g}s", "-s", str(script),
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True, timeout=seconds + 60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("WRK ")), None)
    if line is None:
        raise RuntimeError(f"wrk said: {out.stdout}{out.stderr}")
    got = json.loads(line[4:])
    return dict(p50=got["p50_us"] / 1000, p99=got["p99_us"] / 1000, mean=got["mean_us"] / 1000,
                max=got["max_us"] / 1000, rps=got["n"] / got["seconds"], errors=got["errors"], n=got["n"])


def server_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the server process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def in_process_ms(db: Path, threads: list[int], n: int = 500) -> float:
    """The server's own CPU per request (Flask test client, no network): the floor of latency.
    CPU rather than wall time, which other work on a shared machine would inflate."""
    from extension_api import create_app
    from models.settings import Settings

    app = create_app({"DB": str(db), "TOKEN": "t", "SETTINGS": Settings(tz="Asia/Jakarta")})
    client = app.test_client()
    headers = {"Authorization": "Bearer t"}
    rng = random.Random(3)
    for _ in range(50):
        client.get(f"/api/v1/threads/{rng.choice(threads):x}", headers=headers)
    t0 = time.process_time()
    for _ in range(n):
        client.get(f"/api/v1/threads/{rng.choice(threads):x}", headers=headers)
    return (time.process_time() - t0) / n * 1000


def gc_pauses(db: Path, threads: list[int], n: int = 6000) -> tuple[float, int]:
    """(the longest garbage-collection pause in ms of CPU, how many collections) over `n` requests
    in process, the start-up objects frozen as `nextstep serve` does: every request waits
    while a collection runs, so its longest pause is a floor of the worst latency."""
    import gc

    from extension_api import create_app
    from models.settings import Settings

    app = create_app({"DB": str(db), "TOKEN": "t", "SETTINGS": Settings(tz="Asia/Jakarta")})
    try:
        from extension_api.server import freeze_startup_objects
        freeze_startup_objects()
    except ImportError:  # a version that did not freeze them
        pass
    client = app.test_client()
    headers = {"Authorization": "Bearer t"}
    rng = random.Random(4)
    pauses, started = [], []

    def timer(phase, _info):
        if phase == "start":
            started.append(time.process_time())
        elif started:
            pauses.append(time.process_time() - started.pop())

    gc.callbacks.append(timer)
    try:
        for _ in range(n):
            client.get(f"/api/v1/threads/{rng.choice(threads):x}", headers=headers)
    finally:
        gc.callbacks.remove(timer)
        gc.unfreeze()
    return max(pauses, default=0.0) * 1000, len(pauses)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--messages-per-app", type=int, default=10)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rate", type=float, default=10.0,
                        help="requests per second of each client in the paced run (default 10: 200/s in all)")
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--load", choices=("auto", "python"), default="auto",
                        help="the load generator: wrk when installed (auto), or Python client processes")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the saturated run with wrk")
    parser.add_argument("--keep", help="reuse (or build once) the store in this folder")
    args = parser.parse_args()

    folder = Path(args.keep or tempfile.mkdtemp(prefix="nextstep-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.sqlite"
    threads_file = folder / "threads.json"
    t0 = time.perf_counter()
    if db.exists() and threads_file.exists():
        threads = json.loads(threads_file.read_text())
    else:
        threads = build_store(db, args.apps, args.messages_per_app)
        threads_file.write_text(json.dumps(threads))
    build_s = time.perf_counter() - t0
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    print(f"store: {args.apps} applications, {args.apps * args.messages_per_app} messages ({build_s:.1f} s)")

    floor = in_process_ms(db, threads)
    print(f"in-process (no network): {floor:.2f} ms of CPU per request")
    longest_gc, collections = gc_pauses(db, threads)
    print(f"garbage collection in process: longest pause {longest_gc:.2f} ms of CPU ({collections} collections)")

    port = free_port()
    proc = start_server(folder, db, port, args.server_threads)
    results = {}
    try:
        token = (folder / "token").read_text().strip()
        run_clients(port, token, threads, args.clients, min(1000, args.requests))  # warm-up
        paced_seconds = args.requests / (args.clients * args.rate)
        for mode, rate in (("paced", args.rate), ("saturated", None)):
            cpu0 = server_cpu_s(proc.pid)
            r = None
            if args.load != "python":
                r = run_wrk(port, token, threads, args.clients, paced_seconds if rate else args.seconds, folder,
                            rate=rate)
            if r is None:
                latencies, errors, wall = run_clients(port, token, threads, args.clients, args.requests, rate=rate)
                ms = [x * 1000 for x in latencies]
                r = dict(p50=percentile(ms, 50), p99=percentile(ms, 99), mean=statistics.mean(ms), max=max(ms),
                         rps=len(ms) / wall, errors=len(errors), n=len(ms), load="python processes")
            else:
                r["load"] = "wrk"
            r["cpu_ms"] = (server_cpu_s(proc.pid) - cpu0) / max(1, r["n"]) * 1000
            results[mode] = r
            offered = f"{args.clients} x {rate:g}/s offered" if rate else "each client back-to-back"
            print(f"{mode} ({offered}, {r['load']}): {r['n']} requests, {r['errors']} errors, {r['rps']:.0f} req/s, "
                  f"server CPU {r['cpu_ms']:.2f} ms/request, load average {os.getloadavg()[0]:.2f}")
            print(f"  GET /threads/<id>: p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, mean {r['mean']:.2f} ms, "
                  f"max {r['max']:.1f} ms")
        # The floor: the same server, clients and pace, answering the health check (no store, no
        # next step). What it takes is the machine's and the HTTP stack's, not the threads route's.
        health = None
        if args.load != "python":
            health = run_wrk(port, token, threads, args.clients, paced_seconds, folder, rate=args.rate,
                             paths=["/api/v1/health"])
        if health is None:
            latencies, errors, wall = run_clients(port, token, threads, args.clients, args.requests, rate=args.rate,
                                                  paths=["/api/v1/health"])
            ms = [x * 1000 for x in latencies]
            health = dict(p50=percentile(ms, 50), p99=percentile(ms, 99), errors=len(errors))
        results["floor"] = health
        print(f"floor, GET /health at the same pace: p50 {results['floor']['p50']:.2f} ms, p99 "
              f"{results['floor']['p99']:.2f} ms, load average {os.getloadavg()[0]:.2f}")
    finally:
        proc.terminate()
        proc.wait(30)
    paced, saturated = results["paced"], results["saturated"]
    print(json.dumps({"api_p50_ms": round(paced["p50"], 3), "api_p99_ms": round(paced["p99"], 3),
                      "mode": f"{args.clients} clients x {args.rate:g} req/s (Poisson)", "requests": paced["n"],
                      "paced_load": paced["load"],
                      "errors": paced["errors"] + saturated["errors"],
                      "saturated_p50_ms": round(saturated["p50"], 3), "saturated_p99_ms": round(saturated["p99"], 3),
                      "saturated_req_per_s": round(saturated["rps"]), "saturated_load": saturated["load"],
                      "server_cpu_ms_per_request": round(saturated["cpu_ms"], 3),
                      "paced_server_cpu_ms_per_request": round(paced["cpu_ms"], 3),
                      "health_p50_ms": round(results["floor"]["p50"], 3),
                      "health_p99_ms": round(results["floor"]["p99"], 3),
                      "in_process_ms": round(floor, 3), "longest_gc_pause_ms": round(longest_gc, 2), "applications": args.apps,
                      "messages": args.apps * args.messages_per_app, "cpus": os.cpu_count(),
                      "load_avg_1m": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()
