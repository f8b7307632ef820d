"""watcher/imap.py against a real Dovecot: login, folders by flag, read-only fetches, IDLE."""
import threading
import time

import pytest

from tests.dovecot import fixture_mail, recruiter_mail
from watcher.imap import Account, ConnectionLost, LoginRefused, Mailbox, ServerUnreachable, _message_id

pytestmark = pytest.mark.integration


@pytest.fixture
def mailbox(imap_user):
    box = Mailbox.open(imap_user.account())
    yield box
    box.close()


def test_refused_login_is_a_sentence_that_says_what_to_do(imap_user):
    with pytest.raises(LoginRefused) as refused:
        Mailbox.open(imap_user.account(password="wrong"))
    text = str(refused.value)
    assert f"IMAP login refused for {imap_user.name}" in text
    assert "app password" in text and "nextstep init" in text


def test_missing_password_says_where_to_put_it(imap_user):
    with pytest.raises(LoginRefused, match="NEXTSTEP_IMAP_PASSWORD"):
        Mailbox.open(imap_user.account(password=None))


def test_no_server_at_the_port_says_to_check_host_and_port():
    from tests.dovecot import free_port

    with pytest.raises(ServerUnreachable, match="check the host and port"):
        Mailbox.open(Account(host="127.0.0.1", port=free_port(), ssl=False, user="u", password="p", timeout=2))


def test_sent_folder_is_found_by_its_flag_not_its_name(imap_user, mailbox):
    # A folder *named* Sent but without the \Sent flag is not the Sent folder.
    client = imap_user.connect()
    client.create_folder("Sent")
    client.logout()
    assert mailbox.watched_folders() == ["INBOX", "Terkirim"]
    assert not mailbox.gmail


def test_fetch_leaves_unread_mail_unread(imap_user, mailbox):
    imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
    state = mailbox.select("INBOX")
    assert state.exists == 1 and state.uidnext == 2
    uids = mailbox.uids_after(0)
    fetched = mailbox.fetch(uids)
    assert fetched[uids[0]].raw.startswith(b"From: Rina Hartono")
    client = imap_user.connect()
    client.select_folder("INBOX")
    flags = client.get_flags(uids)
    client.logout()
    assert b"\\Seen" not in flags[uids[0]]


def test_uid_range_past_the_last_message_returns_nothing(imap_user, mailbox):
    imap_user.append("INBOX", recruiter_mail(1))
    imap_user.append("INBOX", recruiter_mail(2))
    mailbox.select("INBOX")
    # "UID 3:*" matches the last message (UID 2) on the server; it must be filtered out.
    assert mailbox.client.search(["UID", "3:*"]) == [2]
    assert mailbox.uids_after(2) == []
    assert mailbox.uids_after(1) == [2]


def test_fetch_ids_reads_only_the_message_id(imap_user, mailbox):
    imap_user.append("INBOX", fixture_mail("rejection_globex.eml"))
    mailbox.select("INBOX")
    found = mailbox.fetch_ids([1])
    assert found[1].message_id == "rejection-1@globex.example"
    assert found[1].raw is None


def test_idle_wakes_up_when_mail_arrives(imap_user, mailbox):
    mailbox.select("INBOX")
    timer = threading.Timer(0.3, imap_user.append, ("INBOX", recruiter_mail(3)))
    timer.start()
    began = time.monotonic()
    assert mailbox.wait(10) is True
    assert time.monotonic() - began < 5
    timer.join()


def test_idle_on_a_quiet_mailbox_returns_false_at_renewal(imap_user, mailbox):
    mailbox.select("INBOX")
    assert mailbox.wait(0.6) is False
    # The connection is still usable after IDLE was ended.
    assert mailbox.uids_after(0) == []


def test_a_kicked_connection_is_a_lost_connection(imap_user, mailbox, dovecot_server):
    mailbox.select("INBOX")
    threading.Timer(0.3, dovecot_server.kick, (imap_user.name,)).start()
    with pytest.raises(ConnectionLost):
        mailbox.wait(10)


def test_stop_request_ends_idle_quickly(imap_user, mailbox):
    mailbox.select("INBOX")
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    began = time.monotonic()
    assert mailbox.wait(30, stop.is_set) is False
    assert time.monotonic() - began < 3


def test_message_id_header_unfolds():
    assert _message_id(b"Message-ID:\r\n <a.b@c.example>\r\n\r\n") == "a.b@c.example"
    assert _message_id(b"\r\n") is None


def test_oauth2_token_command_output_is_the_token(tmp_path):
    account = Account(host="h", user="u", oauth2_command="echo tok-123")
    assert account.uses_oauth2 and account.access_token() == "tok-123"
    with pytest.raises(LoginRefused, match="printed no token"):
        Account(host="h", user="u", oauth2_command="false").access_token()


def test_mail_announced_during_another_command_is_not_missed(imap_user, mailbox):
    mailbox.select("INBOX")
    imap_user.append("INBOX", recruiter_mail(4))
    # The server announces the new message in its answer to this search, not later in IDLE.
    mailbox.uids_after(5)
    began = time.monotonic()
    assert mailbox.wait(30) is True
    assert time.monotonic() - began < 2
