"""raw bytes → parsed → read → stored: the same message reads the same whatever path it came by,
and a message that cannot be read becomes a defect, never an exception."""
from pathlib import Path

import pytest

from models.store import Store
from watcher import pipeline
from watcher.pipeline import GmailIds, ingest, read_raw

MIME = Path(__file__).parent / "fixtures" / "mime"

REJECTION = b"""From: Laura Whitcombe <laura@ferroline.example>
To: Sam Okoro <sam@mail.example>
Subject: Solutions Engineer
Date: Wed, 14 May 2025 13:26:00 +0100
Message-ID: <rej-1@ferroline.example>
X-GM-THRID: 1769398422452306227
Content-Type: text/plain; charset=utf-8

Hi Sam,

After a lot of discussion, the team has decided not to move forward with your
application for the Solutions Engineer role.

Best of luck with your search,
Laura
"""


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "s.sqlite"))


def test_a_message_is_read_into_the_domain():
    msg = read_raw(REJECTION, me=("sam@mail.example",))
    assert msg.direction == "in" and msg.label == "rejection"
    assert msg.message_id == "rej-1@ferroline.example"
    assert msg.gmail_thrid == 1769398422452306227
    assert msg.date.utcoffset().total_seconds() == 3600
    assert "\n" not in (msg.evidence or "") and "move forward" in msg.evidence


def test_the_users_own_mail_takes_no_label():
    msg = read_raw(REJECTION, me=("laura@ferroline.example",))
    assert msg.direction == "out" and msg.label is None and msg.key_date is None


def test_ingest_stores_once_whatever_the_path(store):
    first = ingest(store, REJECTION, me=("sam@mail.example",), source="a.eml")
    again = ingest(store, REJECTION, me=("sam@mail.example",), folder="INBOX", uid=7,
                   gmail=GmailIds(msgid=99, thrid=1769398422452306227))
    assert first.new and not again.new and first.row_id == again.row_id
    assert store.counts() == {"applications": 1, "messages": 1, "defects": 0}


def test_a_message_that_cannot_be_read_is_a_defect_and_the_next_one_still_reads(store, monkeypatch, caplog):
    real = pipeline.read_raw

    def broken(raw, **kw):
        if b"BREAK-ME" in raw:
            raise RuntimeError("reader failed")
        return real(raw, **kw)

    monkeypatch.setattr(pipeline, "read_raw", broken)
    bad = ingest(store, b"Subject: BREAK-ME\n\nsecret body text", source="bad.eml", folder="INBOX", uid=3)
    good = ingest(store, REJECTION, me=("sam@mail.example",))
    assert bad.error and bad.row_id is None and good.new
    (defect,) = store.defects()
    assert (defect["folder"], defect["uid"]) == ("INBOX", 3) and "reader failed" in defect["error"]
    assert "secret body text" not in caplog.text


@pytest.mark.parametrize("raw", [b"", b"\x00\xff" * 500, b"From: \n\n", b"Content-Type: multipart/mixed\n\n--x"])
def test_junk_reads_as_other_with_low_confidence(store, raw):
    result = ingest(store, raw)
    assert result.error is None
    assert result.message.label == "other" and result.message.confidence < 0.5
    assert result.application_id is None


def test_mail_without_message_id_or_date_is_stored_once(store):
    raw = b"From: friend@mail.example\nTo: sam@mail.example\nSubject: hello\n\nAre we still on for dinner?\n"
    ingest(store, raw)
    ingest(store, raw)
    assert store.counts()["messages"] == 1


# Mutations of a real-looking message: byte flips, cuts, inserted junk, broken headers.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from models.labels import LABELS  # noqa: E402

SEEDS = [REJECTION] + [p.read_bytes() for p in sorted(MIME.glob("*.eml"))[:8]]


@st.composite
def mutated(draw):
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "header"]))
        at = draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[at:at + draw(st.integers(1, 400))]
        elif kind == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=200))
        else:
            raw[0:0] = draw(st.sampled_from([b"Content-Type: multipart/mixed; boundary=\"\"\n",
                                              b"Content-Transfer-Encoding: base64\n", b"Date: Feb 31 99\n",
                                              b"Content-Type: text/plain; charset=x-klingon\n", b"From: <<>>\n"]))
    return bytes(raw)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_reader_never_raises_on_mutated_mail(raw):
    msg = read_raw(raw, me=("sam@mail.example",))
    assert msg.direction in ("in", "out")
    assert msg.label is None or msg.label in LABELS
    assert 0.0 <= msg.confidence <= 1.0


def test_reading_many_at_once_reads_each_as_reading_one_does(monkeypatch):
    import watcher.mime as mime
    from watcher.pipeline import read_many

    raws = [REJECTION, b"Subject: Hi\n\nSee you on Friday.", b"Subject: BREAK-ME\n\nbody", REJECTION.replace(b"@", b"+x@")]
    real = mime.parse_message

    def broken(raw, *args, **kw):
        if b"BREAK-ME" in raw:
            raise UnicodeError("boom")
        return real(raw, *args, **kw)

    monkeypatch.setattr(mime, "parse_message", broken)
    many = read_many(raws, me=("sam@mail.example",), gmails=[GmailIds(7, 8), None, None, None])
    assert isinstance(many[2], UnicodeError)  # in its place; the others read
    for raw, got, gmail in zip(raws, many, [GmailIds(7, 8), None, None, None]):
        if raw is raws[2]:
            continue
        one = read_raw(raw, me=("sam@mail.example",), gmail=gmail)
        assert (got.label, got.key_date, got.direction, got.company, got.gmail_msgid, got.fingerprint) == \
            (one.label, one.key_date, one.direction, one.company, one.gmail_msgid, one.fingerprint)
    assert many[0].gmail_msgid == 7 and many[1].fingerprint  # no Message-ID: its bytes identify it
