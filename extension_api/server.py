"""Serving the API with waitress on loopback, with a clean shutdown on SIGINT/SIGTERM.

    server = ApiServer(create_app(), port=0)   # port 0: a free port
    threading.Thread(target=server.run).start()
    ... server.url ...
    server.stop()

`nextstep serve` runs it in the foreground; `nextstep run` runs it beside the watcher.
"""
from __future__ import annotations

import gc
import ipaddress
import logging
import signal
import threading

log = logging.getLogger("nextstep.api")

# waitress refuses bodies beyond this before Flask sees them (Flask's own, smaller limit answers
# a JSON 413); it also keeps a chunked upload from filling the disk.
SERVER_BODY_LIMIT = 1024 * 1024


def check_loopback(host: str) -> str:
    """`host` if it is a loopback address, else ValueError: the API has no business on a network.

    >>> check_loopback("127.0.0.1"), check_loopback("localhost")
    ('127.0.0.1', 'localhost')
    """
    if host == "localhost":
        return host
    try:
        if ipaddress.ip_address(host).is_loopback and ipaddress.ip_address(host).version == 4:
            return host
    except ValueError:
        pass
    raise ValueError(f"Next Step serves only on loopback (127.0.0.1), not on {host!r}: the API holds your "
                     "mail's next steps and answers the browser extension on this machine alone.")


# Pending output up to this size is left to the task that writes it (see _Channel).
TASK_SENDS_BELOW = 1024 * 1024


def _channel_class():
    """waitress's connection class, with a loop that does not spin while a task answers.

    A task sends its own output as it writes it (waitress flushes from the task's thread). But
    while a request is in flight, waitress's loop still asks select() whether the socket is
    writable whenever some output is pending; it is, the loop may not write (the task holds the
    buffer), and it asks again at once: about a dozen empty turns per request, each holding the
    GIL the task needs to finish, so every answer waited on them (measured: 1.2 against 0.84 ms
    of CPU per health check, and a longer tail). Here a connection is not writable while its task
    runs, unless its output has piled up to TASK_SENDS_BELOW or waitress's high watermark (a big
    answer to a slow reader: then the loop helps as before, which a task waiting for room in the
    buffer needs). When the task ends, waitress wakes the loop, which sends whatever is left."""
    from waitress.channel import HTTPChannel

    class _Channel(HTTPChannel):
        def writable(self):
            if self.requests and not (self.will_close or self.close_when_flushed) \
                    and self.total_outbufs_len < min(TASK_SENDS_BELOW, self.adj.outbuf_high_watermark):
                return False
            return super().writable()

    return _Channel


def freeze_startup_objects() -> None:
    """Move everything built so far (Flask, the routes, the libraries, the store's tables; the
    reader's models under `nextstep run`) out of the garbage collector's reach, for good: it lives
    as long as the process. Otherwise every full collection walks those ~70,000 objects, 35 ms of
    CPU (100+ ms on a busy machine) while every request waits: the API's slowest answers.
    Call once, when start-up is done; garbage found first is freed first."""
    gc.collect()
    gc.freeze()


class ApiServer:
    """A waitress server for `app`, bound to a loopback address."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 8765, threads: int = 8):
        from waitress.server import create_server

        self.server = create_server(app, host=check_loopback(host), port=port, threads=threads,
                                    ident="nextstep", max_request_body_size=SERVER_BODY_LIMIT,
                                    expose_tracebacks=False)
        self.server.channel_class = _channel_class()
        self.stopped = threading.Event()
        self._stopping = False
        # "Task queue depth is N" on every burst of the extension's requests says nothing useful
        # to a single user; real errors still show.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    @property
    def port(self) -> int:
        return int(self.server.effective_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def run(self) -> None:
        """Serve until `stop()` (from any thread or a signal handler)."""
        try:
            self.server.run()
        except OSError:
            # Sockets closed under a select() in progress, only ever while stopping.
            if not self._stopping:
                raise
        finally:
            self.stopped.set()

    def stop(self) -> None:
        """Stop accepting, let the requests in flight finish, and return from `run()`."""
        from waitress import wasyncore

        self._stopping = True
        # Closing sockets belongs to the server's loop thread: hand it over through the trigger.
        try:
            self.server.trigger.pull_trigger(lambda: wasyncore.close_all(self.server._map))
        except OSError as exc:
            # The wake-up pipe is already gone (seen rarely under load: waitress closed it while
            # tearing down a channel). Close what is left from here; the loop ends once its map
            # is empty, on its next turn at the latest.
            log.debug("stopping without the loop's trigger: %s", exc)
            wasyncore.close_all(self.server._map, ignore_all=True)

    def run_until_signalled(self) -> None:
        """Serve in the foreground; SIGINT (Ctrl-C) or SIGTERM stop it cleanly."""
        previous = {}

        def handle(signum, _frame):
            log.info("stopping on %s", signal.Signals(signum).name)
            self.stop()

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handle)
        try:
            self.run()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
