"""Gmail's IMAP extensions (X-GM-EXT-1), which Dovecot lacks, against a scripted server.

The server answers on a loopback socket with responses written the way Gmail writes them
(greeting, CAPABILITY, LIST with RFC 6154 flags, EXAMINE, FETCH of X-GM-MSGID, X-GM-THRID and
X-GM-LABELS, XOAUTH2), from Google's IMAP extension docs and RFC 3501/6154/2177.
"""
import base64
import re
import socketserver
import threading
import time

import pytest

from models.store import Store
from tests.dovecot import fixture_mail
from watcher.imap import Account, LoginRefused, Mailbox
from watcher.pipeline import ingest
from watcher.sync import Watcher, WatchOptions

ME = ("jane@example.com",)
TOKEN = "ya29.test-access-token"

GREETING = "* OK Gimap ready for requests from 127.0.0.1 q1mb12345"
CAPABILITY = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS COMPRESS=DEFLATE "
              "ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS LITERAL- SPECIAL-USE "
              "APPENDLIMIT=35651584 AUTH=XOAUTH2 AUTH=PLAIN AUTH=OAUTHBEARER")
LIST_WITH_ALL = [
    r'* LIST (\HasNoChildren) "/" "INBOX"',
    r'* LIST (\HasChildren \Noselect) "/" "[Gmail]"',
    r'* LIST (\All \HasNoChildren) "/" "[Gmail]/All Mail"',
    r'* LIST (\Drafts \HasNoChildren) "/" "[Gmail]/Drafts"',
    r'* LIST (\HasNoChildren \Important) "/" "[Gmail]/Important"',
    r'* LIST (\HasNoChildren \Sent) "/" "[Gmail]/Sent Mail"',
    r'* LIST (\HasNoChildren \Junk) "/" "[Gmail]/Spam"',
    r'* LIST (\Flagged \HasNoChildren) "/" "[Gmail]/Starred"',
    r'* LIST (\HasNoChildren \Trash) "/" "[Gmail]/Trash"',
]
# All Mail hidden from IMAP (a Gmail setting): no \All folder.
LIST_WITHOUT_ALL = [line for line in LIST_WITH_ALL if "All Mail" not in line]

INTERVIEW = dict(msgid=1826539112387713024, thrid=1826539112387713024, labels=(r"\\Important", r"\\Inbox"),
                 raw=fixture_mail("interview_invite_acme.eml"))
THANKS = dict(msgid=1826557702138503168, thrid=1826539112387713024, labels=(r"\\Sent",),
              raw=fixture_mail("thank_you_sent_acme.eml"))
REJECTION = dict(msgid=1826601234567890123, thrid=1826601234567890123, labels=(r"\\Inbox", "Job search"),
                 raw=fixture_mail("rejection_globex.eml"))


class GmailScript:
    """The mailbox the scripted server serves, and what the client asked of it."""

    def __init__(self, folders, listing, capability=CAPABILITY):
        self.capability = capability
        self.folders = folders  # name -> {"uidvalidity": int, "messages": {uid: dict}}
        self.listing = listing
        self.bodies_fetched = []  # (folder, uid) of every BODY[] sent
        self.idling = []
        self.lock = threading.Lock()

    def deliver(self, folder, uid, message):
        with self.lock:
            self.folders[folder]["messages"][uid] = message
            for handler in list(self.idling):
                if handler.folder == folder:
                    handler.send(f"* {len(self.folders[folder]['messages'])} EXISTS")


class Handler(socketserver.StreamRequestHandler):
    def send(self, line):
        self.wfile.write(line.encode() + b"\r\n") if isinstance(line, str) else self.wfile.write(line)
        self.wfile.flush()

    def handle(self):
        script = self.server.script
        self.folder = None
        self.send(GREETING)
        while True:
            line = self.rfile.readline()
            if not line:
                return
            tag, _, rest = line.decode().rstrip("\r\n").partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            if command == "UID":
                command, _, args = args.partition(" ")
                command = "UID " + command.upper()
            if command == "CAPABILITY":
                self.send("* CAPABILITY " + script.capability)
                self.send(f"{tag} OK Thats all she wrote! q1mb12345")
            elif command == "AUTHENTICATE":
                self.send("+ ")
                answer = base64.b64decode(self.rfile.readline().strip()).decode()
                if f"auth=Bearer {TOKEN}" in answer:
                    self.send(f"{tag} OK jane@gmail.com authenticated (Success)")
                else:
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")
            elif command == "LOGIN":
                self.send(f"{tag} NO [ALERT] Application-specific password required: "
                          "https://support.google.com/accounts/answer/185833 (Failure)")
            elif command in ("LIST", "XLIST"):
                for item in script.listing:
                    self.send(item)
                self.send(f"{tag} OK Success")
            elif command in ("EXAMINE", "SELECT"):
                self.folder = args.strip('"')
                box = script.folders[self.folder]
                uids = sorted(box["messages"])
                self.send(r"* FLAGS (\Answered \Flagged \Draft \Deleted \Seen $NotPhishing $Phishing)")
                self.send("* OK [PERMANENTFLAGS ()] Flags permitted.")
                self.send(f"* OK [UIDVALIDITY {box['uidvalidity']}] UIDs valid.")
                self.send(f"* {len(uids)} EXISTS")
                self.send("* 0 RECENT")
                self.send(f"* OK [UIDNEXT {(uids[-1] if uids else 0) + 1}] Predicted next UID.")
                self.send("* OK [HIGHESTMODSEQ 4309812]")
                self.send(f"{tag} OK [READ-ONLY] {self.folder} selected. (Success)")
            elif command == "UID SEARCH":
                self.send("* SEARCH " + " ".join(map(str, self._search(args))))
                self.send(f"{tag} OK SEARCH completed (Success)")
            elif command == "UID FETCH":
                self._fetch(tag, args)
            elif command == "IDLE":
                self.send("+ idling")
                with script.lock:
                    script.idling.append(self)
                done = self.rfile.readline()
                with script.lock:
                    script.idling.remove(self)
                if not done:
                    return
                self.send(f"{tag} OK IDLE terminated (Success)")
            elif command == "NOOP":
                self.send(f"{tag} OK Success")
            elif command == "LOGOUT":
                self.send("* BYE LOGOUT Requested")
                self.send(f"{tag} OK 73 good day (Success)")
                return
            else:
                self.send(f"{tag} BAD Unknown command q1mb12345")

    def _search(self, args):
        uids = sorted(self.server.script.folders[self.folder]["messages"])
        found = re.match(r"UID (\d+):\*", args)
        if found:  # n:* always includes the last message (RFC 3501), as Gmail does
            start = int(found.group(1))
            return sorted({u for u in uids if u >= start} | set(uids[-1:]))
        return uids  # SINCE: every message here is recent

    def _fetch(self, tag, args):
        wanted, _, items = args.partition(" ")
        box = self.server.script.folders[self.folder]
        uids = sorted(box["messages"])
        chosen = []
        for part in wanted.split(","):
            low, _, high = part.partition(":")
            high = uids[-1] if high == "*" else int(high or low)
            chosen += [u for u in uids if int(low) <= u <= high]
        for seq, uid in enumerate(uids, 1):
            if uid not in chosen:
                continue
            m = box["messages"][uid]
            labels = " ".join(f'"{x}"' for x in m["labels"])
            head = f"* {seq} FETCH (X-GM-THRID {m['thrid']} X-GM-MSGID {m['msgid']} X-GM-LABELS ({labels}) UID {uid}"
            if "BODY.PEEK[]" in items:
                self.server.script.bodies_fetched.append((self.folder, uid))
                body = m["raw"]
                self.send(f"{head} BODY[] {{{len(body)}}}\r\n".encode() + body + b")\r\n")
            else:
                mid = re.search(rb"(?im)^message-id:.*$", m["raw"]).group(0) + b"\r\n\r\n"
                self.send(f"{head} BODY[HEADER.FIELDS (MESSAGE-ID)] {{{len(mid)}}}\r\n".encode() + mid + b")\r\n")
        self.send(f"{tag} OK Success")


@pytest.fixture
def gmail():
    servers = []

    def start(folders, listing=LIST_WITH_ALL, capability=CAPABILITY):
        script = GmailScript(folders, listing, capability)
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.script = script
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        account = Account(host="127.0.0.1", port=server.server_address[1], ssl=False, user="jane@gmail.com",
                          oauth2_token=TOKEN, timeout=5)
        return script, account

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def all_mail(*messages, start=301):
    return {"uidvalidity": 11, "messages": {start + 4 * n: m for n, m in enumerate(messages)}}


def test_xoauth2_login_and_all_mail_preferred(gmail):
    _, account = gmail({"[Gmail]/All Mail": all_mail(), "INBOX": all_mail()})
    box = Mailbox.open(account)
    assert box.gmail
    assert box.watched_folders() == ["[Gmail]/All Mail"]
    box.close()


def test_an_expired_token_is_a_sentence(gmail):
    _, account = gmail({"INBOX": all_mail()})
    account.oauth2_token = "expired"
    with pytest.raises(LoginRefused, match="check the OAuth2 access token"):
        Mailbox.open(account)


def test_gmail_ids_and_labels_are_kept_and_known_messages_not_fetched(gmail):
    store = Store("sqlite://")
    # The thank-you was imported from a Takeout export before: same Gmail message id.
    ingest(store, b"X-GM-MSGID: %d\r\n" % THANKS["msgid"] + THANKS["raw"], me=ME)
    script, account = gmail({"[Gmail]/All Mail": all_mail(INTERVIEW, THANKS, REJECTION)})
    watcher = Watcher(store, account, me=ME)
    report = watcher.sync_once()
    watcher.close()
    assert (report.new, report.known) == (2, 1)
    assert script.bodies_fetched == [("[Gmail]/All Mail", 301), ("[Gmail]/All Mail", 309)]
    app = store.find_by_gmail_thread(INTERVIEW["thrid"])
    assert app is not None
    assert {m.message_id: m.gmail_msgid for m in app.messages} == {
        "interview-1@acme.example": INTERVIEW["msgid"], "thanks-1@example.com": THANKS["msgid"]}
    assert {m.direction for m in app.messages} == {"in", "out"}
    assert store.cursor("[Gmail]/All Mail") == (11, 309)


def test_without_all_mail_a_message_in_two_folders_is_read_once(gmail):
    store = Store("sqlite://")
    script, account = gmail({"INBOX": all_mail(INTERVIEW, REJECTION, start=50),
                             "[Gmail]/Sent Mail": all_mail(THANKS, INTERVIEW, start=7)},
                            listing=LIST_WITHOUT_ALL)
    watcher = Watcher(store, account, me=ME)
    assert watcher.sync_once().new == 3
    watcher.close()
    assert watcher.folders == ["INBOX", "[Gmail]/Sent Mail"]
    fetched_ids = [(f, u) for f, u in script.bodies_fetched]
    assert len(fetched_ids) == 3  # the interview, in both folders, was fetched from one only
    assert store.counts()["messages"] == 3


def test_new_gmail_mail_arrives_through_idle(gmail, tmp_path):
    store = Store(str(tmp_path / "store.sqlite"))  # a file: the watcher writes from its own thread
    script, account = gmail({"[Gmail]/All Mail": all_mail(INTERVIEW)})
    watcher = Watcher(store, account, me=ME, options=WatchOptions(idle_renew_seconds=60))
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not script.idling and time.monotonic() < deadline:
            time.sleep(0.02)
        assert script.idling, "the watcher went into IDLE"
        script.deliver("[Gmail]/All Mail", 320, REJECTION)
        while store.counts()["messages"] < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert store.find_by_gmail_thread(REJECTION["thrid"]) is not None
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_drafts_in_all_mail_are_not_mail_sent(gmail):
    store = Store("sqlite://")
    draft = dict(THANKS, msgid=1826557702138503999, labels=(r"\\Draft",))
    script, account = gmail({"[Gmail]/All Mail": all_mail(INTERVIEW, draft)})
    watcher = Watcher(store, account, me=ME)
    watcher.sync_once()
    watcher.close()
    assert script.bodies_fetched == [("[Gmail]/All Mail", 301)]
    assert not store.has_message(message_id="thanks-1@example.com")


def test_a_server_without_idle_is_polled(gmail, tmp_path):
    store = Store(str(tmp_path / "store.sqlite"))
    script, account = gmail({"[Gmail]/All Mail": all_mail(INTERVIEW)}, capability=CAPABILITY.replace(" IDLE", ""))
    watcher = Watcher(store, account, me=ME, options=WatchOptions(idle_renew_seconds=0.5))
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while store.counts()["messages"] < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        script.deliver("[Gmail]/All Mail", 320, REJECTION)
        while store.counts()["messages"] < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert store.counts()["messages"] == 2
        assert not script.idling and b"IDLE" not in watcher.mailbox.capabilities
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
