"""watcher.mailfiles: .eml files, folders, mbox (streamed, escaped) and Maildir."""
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from watcher.mailfiles import MailFile, MailFileError, count_mail, iter_mail


def message(subject: str, body: str = "Hello.\n") -> bytes:
    return (f"From: hr@example.com\nTo: me@example.com\nSubject: {subject}\n\n{body}").encode()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_single_eml_file_keeps_raw_bytes(tmp_path):
    raw = b"Subject: x\r\n\r\nCaf\xe9 \r\n"
    path = write(tmp_path / "one.eml", raw)
    assert list(iter_mail([path])) == [MailFile(str(path), raw)]
    assert count_mail([str(path)]) == 1


def test_folder_of_eml_is_recursive_and_sorted(tmp_path):
    write(tmp_path / "b.eml", message("b"))
    write(tmp_path / "a.eml", message("a"))
    write(tmp_path / "sub" / "c.eml", message("c"))
    write(tmp_path / "notes.txt", b"not mail")
    sources = [Path(m.source).relative_to(tmp_path).as_posix() for m in iter_mail([tmp_path])]
    assert sources == ["a.eml", "b.eml", "sub/c.eml"]
    assert count_mail([tmp_path]) == 3


def test_mbox_written_by_stdlib(tmp_path):
    path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(path)
    bodies = ["First.\nFrom here on, all good.\n", "Second.\n", "Third.\n"]
    for i, body in enumerate(bodies):
        box.add(message(f"m{i}", body))
    box.flush()
    box.close()
    mails = list(iter_mail([path]))
    assert [m.source for m in mails] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [m.raw for m in mails] == [message(f"m{i}", b) for i, b in enumerate(bodies)]
    assert count_mail([path]) == 3


def test_mboxrd_unescaping_and_crlf(tmp_path):
    data = (b"From sender@example.com Mon Jan  6 10:00:00 2025\r\n"
            b"Subject: one\r\n\r\n>From the team\r\n>>From quoted\r\nbody\r\n\r\n"
            b"From 1789012345678901234@xxx Tue Jan 07 11:00:00 +0000 2025\r\n"
            b"X-GM-THRID: 1789012345678901234\r\nSubject: two\r\n\r\nsecond\r\n")
    path = write(tmp_path / "takeout.mbox", data)
    first, second = list(iter_mail([path]))
    assert first.raw == b"Subject: one\r\n\r\nFrom the team\r\n>From quoted\r\nbody\r\n"
    assert second.raw == b"X-GM-THRID: 1789012345678901234\r\nSubject: two\r\n\r\nsecond\r\n"
    assert count_mail([path]) == 2


def test_unescaped_from_in_body_without_blank_line_is_not_a_separator(tmp_path):
    data = (b"From a@example.com Mon Jan  6 10:00:00 2025\n"
            b"Subject: one\n\nline\nFrom the desk of the CEO\n\n"
            b"From b@example.com Tue Jan  7 10:00:00 2025\nSubject: two\n\nx\n")
    path = write(tmp_path / "box", data)  # no suffix: detected by its first line
    mails = list(iter_mail([path]))
    assert len(mails) == 2
    assert b"From the desk of the CEO" in mails[0].raw
    assert count_mail([path]) == 2


def test_maildir_cur_and_new(tmp_path):
    box = mailbox.Maildir(tmp_path / "Mail")
    box.add(mailbox.MaildirMessage(message("read")))
    new = mailbox.MaildirMessage(message("unread"))
    box.add(new)
    for key in list(box.keys())[:1]:
        msg = box[key]
        msg.set_subdir("cur")
        box[key] = msg
    mails = list(iter_mail([tmp_path / "Mail"]))
    assert sorted(m.raw for m in mails) == sorted([message("read"), message("unread")])
    assert {Path(m.source).parent.name for m in mails} == {"cur", "new"}
    assert count_mail([tmp_path / "Mail"]) == 2


def test_empty_maildir_is_not_an_error(tmp_path):
    mailbox.Maildir(tmp_path / "Empty")
    assert list(iter_mail([tmp_path / "Empty"])) == []
    assert count_mail([tmp_path / "Empty"]) == 0


def test_folder_mixing_eml_mbox_and_maildir(tmp_path):
    write(tmp_path / "a.eml", message("a"))
    write(tmp_path / "b.mbox", b"From x Mon Jan  6 10:00:00 2025\n" + message("b1") + b"\n"
          + b"From x Mon Jan  6 10:00:00 2025\n" + message("b2"))
    box = mailbox.Maildir(tmp_path / "c")
    box.add(message("c"))
    subjects = [m.raw.split(b"Subject: ")[1].split(b"\n")[0] for m in iter_mail([tmp_path])]
    assert subjects == [b"a", b"b1", b"b2", b"c"]
    assert count_mail([tmp_path]) == 4


def test_several_paths_in_the_order_given(tmp_path):
    second = write(tmp_path / "z.eml", message("z"))
    first = write(tmp_path / "a.eml", message("a"))
    assert [m.source for m in iter_mail([second, first])] == [str(second), str(first)]


def test_missing_path_is_a_sentence(tmp_path):
    with pytest.raises(MailFileError, match=r"No such file or folder: .*nope\.mbox\. Give"):
        list(iter_mail([tmp_path / "nope.mbox"]))
    with pytest.raises(MailFileError):
        count_mail([tmp_path / "nope.mbox"])


def test_folder_without_mail_is_an_error(tmp_path):
    write(tmp_path / "readme.txt", b"hello")
    with pytest.raises(MailFileError, match="holds no .eml or .mbox files"):
        list(iter_mail([tmp_path]))
    with pytest.raises(MailFileError):
        count_mail([tmp_path])


def test_mbox_suffix_without_separators_is_an_error(tmp_path):
    path = write(tmp_path / "fake.mbox", b"Subject: not an mbox\n\nx\n")
    with pytest.raises(MailFileError, match="does not look like an mbox"):
        list(iter_mail([path]))


def test_empty_mbox_gives_nothing(tmp_path):
    path = write(tmp_path / "empty.mbox", b"")
    assert list(iter_mail([path])) == []
    assert count_mail([path]) == 0


def test_eml_written_by_email_package_roundtrips(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "Undangan wawancara"
    msg.set_content("Halo Budi,\nSampai jumpa Senin.\n")
    raw = bytes(msg)
    path = write(tmp_path / "x.eml", raw)
    assert next(iter_mail([path])).raw == raw


def test_mbox_is_streamed_lazily(tmp_path):
    data = b"".join(b"From x Mon Jan  6 10:00:00 2025\n" + message(f"m{i}") + b"\n"
                    for i in range(2000))
    path = write(tmp_path / "big.mbox", data)
    mails = iter_mail([path])
    assert next(mails).source.endswith("#1")
    assert count_mail([path]) == 2000


def test_last_message_without_final_newline(tmp_path):
    data = b"From a Mon Jan  6 10:00:00 2025\nSubject: one\n\nx\n\nFrom b Mon Jan  6 10:00:00 2025"
    path = write(tmp_path / "cut.mbox", data)
    mails = list(iter_mail([path]))
    assert [m.raw for m in mails] == [b"Subject: one\n\nx\n", b""]
    assert count_mail([path]) == 2


def test_mbox_not_starting_with_from_line(tmp_path):
    data = b"\n\nFrom a Mon Jan  6 10:00:00 2025\nSubject: one\n\nx\n"
    path = write(tmp_path / "lead.mbox", data)
    assert [m.raw for m in iter_mail([path])] == [b"Subject: one\n\nx\n"]
