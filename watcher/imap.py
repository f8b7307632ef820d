"""The IMAP side of the watcher: connect and log in, find the folders to watch, fetch mail
without marking it read, and wait for new mail with IDLE.

    mailbox = Mailbox.open(Account(host="imap.fastmail.com", user="jane@fastmail.com",
                                   password="app-password"))
    mailbox.watched_folders()          # ['INBOX', 'Sent']  (Sent found by its \\Sent flag)
    state = mailbox.select("INBOX")    # FolderState(uidvalidity=1795787347, uidnext=42, exists=41)
    mailbox.fetch([40, 41])            # {40: Fetched(uid=40, raw=b"...", gmail=None), ...}

Only this module speaks IMAP; `watcher/sync.py` decides what to fetch and when. A lost
connection (BYE, EOF, a socket timeout) always surfaces as `ConnectionLost`, so that the caller
has one thing to catch before reconnecting.
"""
from __future__ import annotations

import imaplib
import logging
import shlex
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass
from typing import Callable, Iterable

log = logging.getLogger("nextstep.imap")

SENT, ALL = b"\\Sent", b"\\All"
SETTLE_SECONDS = 0.5  # the first IDLE after a sync (see Mailbox.wait)
GMAIL_CAPABILITY = b"X-GM-EXT-1"
BODY = b"BODY[]"
# Servers without SPECIAL-USE (RFC 6154) name their Sent folder one of these ways.
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "INBOX.Sent", "INBOX/Sent")


class LoginRefused(Exception):
    """The server refused the credentials. The message says what to do."""


class ServerUnreachable(Exception):
    """No IMAP server answered at the configured host and port."""


class ConnectionLost(Exception):
    """The server said BYE, closed the connection, or stopped answering."""


@dataclass
class Account:
    """What it takes to log in. `password` is an app password; `oauth2_token` (or the output of
    `oauth2_command`) an OAuth2 access token used with XOAUTH2 instead.

    >>> Account(host="imap.gmail.com", user="jane@gmail.com", password="abcd efgh").port
    993
    """

    host: str
    user: str
    password: str | None = None
    port: int = 993
    ssl: bool = True
    oauth2_token: str | None = None
    oauth2_command: str | None = None
    timeout: float = 60.0  # seconds without an answer before the server is taken as hung

    @property
    def uses_oauth2(self) -> bool:
        return bool(self.oauth2_token or self.oauth2_command)

    def access_token(self) -> str:
        """The OAuth2 access token: the configured one, else what `oauth2_command` prints."""
        if self.oauth2_token:
            return self.oauth2_token
        try:
            done = subprocess.run(shlex.split(self.oauth2_command), capture_output=True, text=True,
                                  timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise LoginRefused(f"Could not run the OAuth2 token command {self.oauth2_command!r} ({exc}): "
                               "check the command in config.toml (nextstep init)") from exc
        token = done.stdout.strip().splitlines()[-1].strip() if done.stdout.strip() else ""
        if done.returncode != 0 or not token:
            raise LoginRefused(f"The OAuth2 token command {self.oauth2_command!r} printed no token "
                               f"(exit status {done.returncode}): run it by hand to see why, then "
                               "`nextstep init` again")
        return token


@dataclass(frozen=True)
class FolderState:
    """What SELECT tells about a folder. Example: FolderState(1795787347, 42, 41)."""

    uidvalidity: int
    uidnext: int | None
    exists: int


@dataclass
class Fetched:
    """One fetched message: its UID, raw bytes (None if the server sent none) and Gmail ids."""

    uid: int
    raw: bytes | None
    gmail_msgid: int | None = None
    gmail_thrid: int | None = None
    gmail_labels: tuple[str, ...] = ()
    message_id: str | None = None


# Everything that means the connection is gone (imaplib.IMAP4.abort covers imapclient's
# AbortError; OSError covers socket.timeout, resets and SSL errors).
DISCONNECTED = (imaplib.IMAP4.abort, OSError, EOFError, ConnectionLost)


def _connect_errors():
    return (socket.gaierror, ConnectionRefusedError, TimeoutError, ssl.SSLError, OSError)


class Mailbox:
    """One logged-in IMAP connection."""

    def __init__(self, client, account: Account):
        self.client = client
        self.account = account
        self.capabilities = {c.upper() for c in client.capabilities()}
        self.gmail = GMAIL_CAPABILITY in self.capabilities
        self.selected: str | None = None

    # -- connecting --------------------------------------------------------------------------
    @classmethod
    def open(cls, account: Account) -> "Mailbox":
        """Connect and log in. Raises ServerUnreachable or LoginRefused with a sentence to act on."""
        from imapclient import IMAPClient
        from imapclient.exceptions import LoginError

        where = f"{account.host}:{account.port}"
        try:
            client = IMAPClient(account.host, port=account.port, ssl=account.ssl, timeout=account.timeout)
        except _connect_errors() as exc:
            hint = " (is it an SSL port? try --no-ssl, or port 993)" if isinstance(exc, ssl.SSLError) else ""
            raise ServerUnreachable(f"No IMAP server answered at {where} ({exc}){hint}: check the host and "
                                    "port (nextstep init)") from exc
        try:
            if account.uses_oauth2:
                client.oauth2_login(account.user, account.access_token())
            else:
                if not account.password:
                    raise LoginRefused(f"No password for {account.user} on {account.host}: run `nextstep init`, "
                                       "or set NEXTSTEP_IMAP_PASSWORD")
                client.login(account.user, account.password)
        except LoginError as exc:
            _quietly(client.shutdown)
            what = "the OAuth2 access token (it may have expired)" if account.uses_oauth2 else "the app password"
            raise LoginRefused(f"IMAP login refused for {account.user} at {account.host}: check {what} "
                               f"(nextstep init). The server said: {_said(exc)}") from exc
        except LoginRefused:
            _quietly(client.shutdown)
            raise
        except DISCONNECTED as exc:
            _quietly(client.shutdown)
            raise ConnectionLost(f"{where} closed the connection during login ({exc})") from exc
        return cls(client, account)

    def close(self) -> None:
        """Log out politely; whatever state the connection is in, the socket ends up closed."""
        try:
            if getattr(self, "_idling", False):
                self.client.idle_done()
            self.client.logout()
        except Exception:  # noqa: BLE001 - a dead connection cannot log out; shutdown below
            pass
        _quietly(self.client.shutdown)

    # -- folders -----------------------------------------------------------------------------
    def watched_folders(self) -> list[str]:
        """The folders whose mail counts: Gmail's All Mail when it is there (every message once,
        sent ones included); else INBOX and the Sent folder, found by its \\Sent flag (RFC 6154),
        or by a usual name on servers without SPECIAL-USE."""
        listing = self.client.list_folders()
        if self.gmail:
            for flags, _, name in listing:
                if ALL in flags:
                    return [name]
        folders = ["INBOX"]
        sent = next((name for flags, _, name in listing if SENT in flags), None)
        if sent is None and b"SPECIAL-USE" not in self.capabilities:
            names = {name for _, _, name in listing}
            sent = next((n for n in SENT_NAMES if n in names), None)
        if sent and sent.upper() != "INBOX":
            folders.append(sent)
        return folders

    def select(self, folder: str) -> FolderState:
        """Select `folder` read-only (EXAMINE): fetching never changes a flag."""
        info = self.client.select_folder(folder, readonly=True)
        self.selected = folder
        self._exists = int(info.get(b"EXISTS", 0))
        return FolderState(int(info[b"UIDVALIDITY"]), int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None,
                           int(info.get(b"EXISTS", 0)))

    # -- searching and fetching ---------------------------------------------------------------
    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs greater than `last_uid`, in order. `UID n:*` always matches the last message,
        even when its UID is below n (RFC 3501 6.4.8): those are filtered out."""
        found = self.client.search(["UID", f"{last_uid + 1}:*"])
        return sorted(u for u in found if u > last_uid)

    def uids_since(self, day) -> list[int]:
        """UIDs of the messages received on or after `day` (SEARCH SINCE), in order."""
        return sorted(self.client.search(["SINCE", day]))

    def fetch_ids(self, uids: Iterable[int]) -> dict[int, Fetched]:
        """Only what identifies each message (its Message-ID, Gmail's ids): cheap, to match
        messages already stored before fetching their bodies."""
        uids = list(uids)
        if not uids:
            return {}
        items = [b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"] + self._gmail_items()
        answer = self.client.fetch(uids, items)
        out = {}
        for uid, data in answer.items():
            header = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"") or b""
            out[uid] = self._fetched(uid, data, None, message_id=_message_id(header))
        return out

    def fetch(self, uids: Iterable[int]) -> dict[int, Fetched]:
        """Whole messages, with BODY.PEEK so that unread mail stays unread."""
        uids = list(uids)
        if not uids:
            return {}
        answer = self.client.fetch(uids, [b"BODY.PEEK[]"] + self._gmail_items())
        return {uid: self._fetched(uid, data, data.get(BODY)) for uid, data in answer.items()}

    def _gmail_items(self) -> list[bytes]:
        return [b"X-GM-MSGID", b"X-GM-THRID", b"X-GM-LABELS"] if self.gmail else []

    def _fetched(self, uid, data, raw, message_id=None) -> Fetched:
        labels = data.get(b"X-GM-LABELS") or ()
        return Fetched(uid, raw, _int(data.get(b"X-GM-MSGID")), _int(data.get(b"X-GM-THRID")),
                       tuple(_text(x) for x in labels), message_id)

    # -- waiting -----------------------------------------------------------------------------
    def wait(self, seconds: float, should_stop: Callable[[], bool] = lambda: False, slice_seconds: float = 0.5) -> bool:
        """Wait up to `seconds` for news in the selected folder: IDLE (RFC 2177) when the server
        has it, else a NOOP poll at the end. Returns True when something changed.

        IDLE is ended after `seconds` at the latest (the caller keeps it under 10 minutes, well
        inside the 29 RFC 2177 allows): ending it is a round trip, so a server that stopped
        answering is noticed by the socket timeout then, since a hung server and a quiet
        mailbox look the same while idling. `should_stop` is asked every `slice_seconds`.
        """
        if self._missed_news():
            return True
        if b"IDLE" not in self.capabilities:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not should_stop():
                time.sleep(min(slice_seconds, max(0.0, deadline - time.monotonic())))
            return self._changed(self.client.noop()[1])
        # Mail delivered while IDLE is being set up can go unannounced until the server's own
        # periodic check (Dovecot's: 30 seconds), and right after a sync is when the next
        # message of a burst arrives. So the first IDLE is short, and a NOOP (which makes the
        # server look at the mailbox) comes before the long one.
        first = min(seconds, SETTLE_SECONDS)
        if self._idle(first, should_stop, slice_seconds):
            return True
        if should_stop() or seconds <= first:
            return False
        if self._changed(self.client.noop()[1]):
            return True
        return self._idle(seconds - first, should_stop, slice_seconds)

    def _idle(self, seconds: float, should_stop: Callable[[], bool], slice_seconds: float) -> bool:
        """One IDLE of at most `seconds`; True when the server announced a change."""
        self.client.idle()
        self._idling = True
        changed = False
        deadline = time.monotonic() + seconds
        quick_empty = 0
        try:
            while not changed and not should_stop():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                wait = min(slice_seconds, left)
                began = time.monotonic()
                responses = self.client.idle_check(timeout=wait)
                if responses:
                    quick_empty = 0
                    changed = self._changed(responses)
                elif time.monotonic() - began < wait / 2:
                    # The socket was readable yet held no line: the server closed it (EOF).
                    quick_empty += 1
                    if quick_empty >= 2:
                        raise ConnectionLost("the server closed the connection")
        except DISCONNECTED:
            self._idling = False  # nothing to end: the connection is gone
            raise
        self._idling = False
        _, more = self.client.idle_done()
        return self._changed(more) or changed

    def _missed_news(self) -> bool:
        """Whether the server announced a new message count while answering an earlier command
        (a message that arrived between SEARCH and FETCH): imaplib keeps such untagged EXISTS
        responses aside, and IDLE would not announce them again."""
        told = self.client._imap.untagged_responses.pop("EXISTS", [])
        counts = {int(x) for x in told if str(x, "ascii", "replace").strip().isdigit()} if told else set()
        return bool(counts - {getattr(self, "_exists", None)})

    @staticmethod
    def _changed(responses) -> bool:
        for response in responses or ():
            if len(response) >= 1 and response[0] == b"BYE":
                raise ConnectionLost("the server said BYE: " + _text(response[1] if len(response) > 1 else b""))
            if len(response) >= 2 and response[1] in (b"EXISTS", b"EXPUNGE", b"RECENT"):
                return True
        return False


def _quietly(call) -> None:
    try:
        call()
    except Exception:  # noqa: BLE001 - closing what may already be closed
        pass


def _said(exc) -> str:
    text = str(exc)
    for prefix in ("b'", 'b"'):
        text = text.replace(prefix, "")
    return text.strip("'\" ") or "no reason given"


def _int(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _message_id(header: bytes) -> str | None:
    """The Message-ID from a `Message-ID: <...>` header block (folded or not)."""
    text = header.decode("latin-1").replace("\r\n", "\n").replace("\n ", " ").replace("\n\t", " ")
    for line in text.split("\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "message-id" and value.strip():
            return value.strip().strip("<>").strip() or None
    return None
