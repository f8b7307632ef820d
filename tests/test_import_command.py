"""`nextstep import`: mbox (Gmail Takeout), Maildir and .eml through the pipeline, idempotent."""
import pytest
from click.testing import CliRunner

from models.store import Store
from tests.dovecot import fixture_mail
from watcher.cli import cli
from watcher.commands.importing import ImportReport, import_mail

ME = "jane@example.com"
THREAD = 1826539112387713024  # X-GM-THRID as Takeout writes it (decimal)


def takeout_mbox(path):
    """An mbox as Gmail Takeout writes it: a From_ line, then X-GM-THRID and X-Gmail-Labels."""
    parts = []
    for name, labels in (("interview_invite_acme.eml", "Inbox,Category Updates"),
                         ("thank_you_sent_acme.eml", "Sent")):
        raw = fixture_mail(name).replace(b"\r\n", b"\n")
        parts.append(b"From 1826539112387713024@xxx Thu Mar 06 08:40:00 +0000 2025\n"
                     + f"X-GM-THRID: {THREAD}\nX-Gmail-Labels: {labels}\n".encode() + raw + b"\n")
    path.write_bytes(b"".join(parts))
    return path


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("NEXTSTEP_DB", str(path))
    return path


def run(*args):
    return CliRunner().invoke(cli, ["import", *args])


def test_takeout_mbox_keeps_gmail_thread_and_is_read_once(tmp_path, db):
    mbox = takeout_mbox(tmp_path / "All mail Including Spam and Trash.mbox")
    first = run("--me", ME, str(mbox))
    assert first.exit_code == 0, first.output
    assert "2 messages, 2 new, 1 applications, 0 defects" in first.output
    again = run("--me", ME, str(mbox))
    assert "2 messages, 0 new, 1 applications, 0 defects" in again.output
    store = Store(str(db))
    app = store.find_by_gmail_thread(THREAD)
    assert app is not None and sorted(m.direction for m in app.messages) == ["in", "out"]
    assert store.counts()["messages"] == 2


def test_maildir_and_eml_files_and_an_unreadable_one(tmp_path, db):
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1.host:2,S").write_bytes(fixture_mail("interview_invite_acme.eml"))
    (maildir / "new" / "2.host").write_bytes(fixture_mail("not_an_email.bin"))
    eml = tmp_path / "rejection.eml"
    eml.write_bytes(fixture_mail("rejection_globex.eml"))
    result = run("--me", ME, str(maildir), str(eml))
    assert result.exit_code == 0, result.output
    assert "3 messages, 2 new, 2 applications, 1 defects" in result.output
    (defect,) = Store(str(db)).defects()
    assert defect["source"].endswith("2.host") and "not an email" in defect["error"]


def test_the_users_address_is_required(tmp_path, db):
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "--me" in result.output


def test_a_folder_without_mail_is_a_usage_error(tmp_path, db):
    (tmp_path / "empty").mkdir()
    result = run("--me", ME, str(tmp_path / "empty"))
    assert result.exit_code == 2 and "holds no .eml or .mbox files" in result.output


def test_import_mail_commits_in_batches_and_reports_progress(tmp_path, monkeypatch):
    import watcher.commands.importing as importing

    monkeypatch.setattr(importing, "BATCH", 2)
    for n, name in enumerate(["interview_invite_acme.eml", "rejection_globex.eml", "thank_you_sent_acme.eml"]):
        (tmp_path / f"{n}.eml").write_bytes(fixture_mail(name))
    store = Store("sqlite://")
    seen = []
    report = import_mail(store, [tmp_path], me=(ME,), progress=seen.append)
    assert seen == [1, 2, 3]
    assert (report.messages, report.new, report.defects, len(report.applications)) == (3, 3, 0, 2)
    assert ImportReport(messages=1).summary() == "1 messages, 0 new, 0 applications, 0 defects"


def test_takeout_drafts_and_spam_are_skipped(tmp_path, db):
    mbox = tmp_path / "takeout.mbox"
    parts = []
    for labels, name in (("Draft", "thank_you_sent_acme.eml"), ("Spam,Category Promotions", "rejection_globex.eml"),
                         ("Inbox", "interview_invite_acme.eml")):
        raw = fixture_mail(name).replace(b"\r\n", b"\n")
        parts.append(b"From 1@xxx Thu Mar 06 08:40:00 +0000 2025\n" + f"X-Gmail-Labels: {labels}\n".encode()
                     + raw + b"\n")
    mbox.write_bytes(b"".join(parts))
    result = run("--me", ME, str(mbox))
    assert "3 messages, 1 new, 1 applications, 0 defects (2 drafts or spam skipped)" in result.output
    store = Store(str(db))
    assert not store.has_message(message_id="thanks-1@example.com")
    assert not store.has_message(message_id="rejection-1@globex.example")
