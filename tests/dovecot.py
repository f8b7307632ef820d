"""A real Dovecot IMAP server for the watcher's integration tests (a pytest plugin module).

One server per test session, on a free loopback port, from a config written to a temp folder
(plaintext auth, a passwd-file of users, Maildir in the temp folder, mail owned by `nobody`).
Each test gets a fresh user, so tests never see each other's mail:

    def test_new_mail(imap_user):
        imap_user.append("INBOX", b"From: hr@acme.example\\r\\n...")   # a second connection
        account = imap_user.account()                                   # what the watcher uses

Dovecot is Debian's `dovecot-imapd`. Without it the tests are skipped, except under `CI=true`,
where a missing server is a failure.
"""
from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"

# Beyond the shared template: a Sent folder with a name that is not "Sent", found only by its
# \Sent flag (RFC 6154); process titles that name the user, to find one user's imap process.
EXTRA_CONFIG = r"""
namespace inbox {
  inbox = yes
  separator = /
  mailbox Terkirim {
    special_use = \Sent
    auto = subscribe
  }
}
verbose_proctitle = yes
mail_fsync = never
auth_failure_delay = 0
"""

FALLBACK_TEMPLATE = """protocols = imap
listen = 127.0.0.1
base_dir = {DIR}/run
state_dir = {DIR}/state
log_path = {DIR}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{DIR}/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {DIR}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home={DIR}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = {PORT}
  }
  inet_listener imaps {
    port = 0
  }
}
"""


def _template() -> str:
    shared = Path(__file__).resolve().parents[2] / "shared" / "examples" / "dovecot.conf.template"
    if shared.exists():
        return "\n".join(line for line in shared.read_text().splitlines() if not line.startswith("#"))
    return FALLBACK_TEMPLATE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DovecotServer:
    """A Dovecot started from a temp folder. `restart()`, `kick()`, `imap_pids()` and
    `set_uidvalidity()` are the faults the tests inflict."""

    def __init__(self, folder: Path):
        self.dir = folder
        self.port = free_port()
        self.host = "127.0.0.1"
        self.conf = folder / "dovecot.conf"
        self.process: subprocess.Popen | None = None
        for sub in ("run", "state", "mail"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o755)
        shutil.chown(folder / "mail", "nobody", "nogroup")
        # Dovecot re-reads the passwd-file at most once a second, so users made during the
        # session could be refused: every test's user is written before the server starts.
        (folder / "users").write_text("".join(f"{name}:{{PLAIN}}{password}\n" for name, password in self.users()))
        text = _template().replace("{DIR}", str(folder)).replace("{PORT}", str(self.port))
        self.conf.write_text(text + EXTRA_CONFIG)

    def start(self) -> None:
        log = open(self.dir / "stdout.log", "ab")
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.conf)], stdout=log, stderr=log,
                                        start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited at start; see {self.dir / 'dovecot.log'}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not answer on port {self.port}")

    def stop(self) -> None:
        """Stop the master and every process it started: its imap processes outlive it
        otherwise, serving their clients on. (A service manager stops the whole group too.)"""
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    pass
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.process.pid, sig)  # its own session: start_new_session=True
                except ProcessLookupError:
                    break
                time.sleep(0.2)
            if self.process.poll() is None:
                self.process.wait(5)
        self.process = None

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop the server (every connection drops), stay down a moment, start it again."""
        self.stop()
        time.sleep(down_seconds)
        self.start()

    USERS = 400

    @classmethod
    def users(cls):
        return [(f"user{n}", f"secret-user{n}") for n in range(1, cls.USERS + 1)]

    def doveadm(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([DOVEADM, "-c", str(self.conf), *args], capture_output=True, text=True, timeout=30)

    def kick(self, user: str) -> None:
        """Drop the user's connections; Dovecot says BYE first."""
        self.doveadm("kick", user)

    def set_uidvalidity(self, user: str, folder: str, value: int) -> None:
        done = self.doveadm("mailbox", "update", "--uid-validity", str(value), "-u", user, folder)
        assert done.returncode == 0, done.stderr

    def imap_pids(self, user: str) -> list[int]:
        """The imap processes serving `user` (one per connection)."""
        found = []
        master = self.process.pid if self.process else None
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == master and title.startswith("dovecot/imap [") and f"[{user} " in title:
                found.append(int(entry.name))
        return found


@dataclass
class ImapUser:
    """A fresh mailbox user on the session's server."""

    server: DovecotServer
    name: str
    password: str

    def connect(self):
        """A second connection, as the mail server's delivery would be."""
        from imapclient import IMAPClient

        client = IMAPClient(self.server.host, port=self.server.port, ssl=False, timeout=10)
        client.login(self.name, self.password)
        return client

    def append(self, folder: str, raw: bytes, *, seen: bool = False, when=None) -> None:
        client = self.connect()
        try:
            client.append(folder, raw, flags=(b"\\Seen",) if seen else (), msg_time=when)
        finally:
            client.logout()

    def account(self, **changes):
        from watcher.imap import Account

        values = dict(host=self.server.host, port=self.server.port, ssl=False, user=self.name,
                      password=self.password, timeout=5.0)
        values.update(changes)
        return Account(**values)


_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot_server():
    """The session's Dovecot, or a skip (a failure under CI=true) when it is not installed."""
    if not (os.path.exists(DOVECOT) and os.path.exists(DOVEADM)):
        reason = "Dovecot is not installed: apt-get install dovecot-imapd to run the IMAP tests"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    if os.geteuid() != 0:
        reason = "the Dovecot fixture runs the server as root (its mail is owned by nobody)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="nextstep-dovecot-"))
    server = DovecotServer(folder)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def imap_user(dovecot_server):
    """A user with an empty mailbox (INBOX and the Terkirim Sent folder)."""
    if dovecot_server.process is None or dovecot_server.process.poll() is not None:
        dovecot_server.start()  # a test that restarted the server may have left it down
    number = next(_numbers)
    assert number <= DovecotServer.USERS, "raise DovecotServer.USERS: more tests than prepared users"
    name, password = DovecotServer.users()[number - 1]
    return ImapUser(dovecot_server, name, password)


FIXTURES = Path(__file__).parent / "fixtures" / "imap"


def fixture_mail(name: str) -> bytes:
    """A message of tests/fixtures/imap/ as raw bytes."""
    return (FIXTURES / name).read_bytes()


def recruiter_mail(number: int, *, company: str = "Acme", sender: str | None = None, to: str = "jane@example.com",
                   subject: str | None = None, body: str | None = None) -> bytes:
    """A distinct recruiter message (its own Message-ID) for tests that need many."""
    sender = sender or f"talent@{company.lower()}.example"
    subject = subject or f"Your application to {company} ({number})"
    body = body or (f"Dear Jane,\r\n\r\nThank you for applying to {company}. We have received your application "
                    f"and will review it.\r\n\r\nBest regards,\r\n{company} Talent Team\r\n")
    return (f"From: {company} Talent <{sender}>\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Date: Mon, 03 Mar 2025 09:{number % 60:02d}:00 +0000\r\n"
            f"Message-ID: <m{number}-{company.lower()}@test.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()
