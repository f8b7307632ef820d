"""watcher.mime: raw bytes to clean parts, on the project's own fixtures and hostile input."""
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watcher.mime import (
    CalendarEvent,
    ParsedEmail,
    decode_bytes,
    decode_header_text,
    html_to_text,
    parse_message,
)

FIXTURES = Path(__file__).parent / "fixtures" / "mime"


def load(name: str) -> ParsedEmail:
    return parse_message((FIXTURES / name).read_bytes())


def offset(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# -- headers ---------------------------------------------------------------------------------

def test_gmail_reply_headers():
    email = load("gmail_reply_quoted_en.eml")
    assert email.message_id == "CAF8x2kq7Tn@mail.gmail.com"
    assert email.subject == "Re: Backend Engineer - next steps"
    assert email.sender == "maya.chen@brightloop.io"
    assert email.sender_name == "Maya Chen"
    assert email.to == ["alex.rivera@example.com"]
    assert email.to_names == ["Alex Rivera"]
    assert email.cc == ["hiring-team@brightloop.io"]
    assert email.in_reply_to == "CAB1alex77@mail.gmail.com"
    assert email.references == ["CAA0first11@mail.brightloop.io", "CAB1alex77@mail.gmail.com"]
    assert email.reply_to is None
    assert email.html is False
    assert email.defects == []


def test_date_keeps_the_header_own_offset():
    email = load("gmail_reply_quoted_en.eml")
    assert email.date == datetime(2024, 5, 14, 16, 42, 10, tzinfo=offset(-7))
    assert email.date.utcoffset() == timedelta(hours=-7)
    assert load("outlook_reply_quoted_id.eml").date.utcoffset() == timedelta(hours=7)


def test_date_minus_zero_is_utc_and_garbage_is_a_defect():
    email = parse_message(b"Date: Mon, 6 Jan 2025 10:00:00 -0000\r\n\r\nx")
    assert email.date == datetime(2025, 1, 6, 10, 0, tzinfo=timezone.utc)
    email = parse_message(b"Date: someday soon\r\n\r\nx")
    assert email.date is None
    assert any("Date" in d for d in email.defects)


def test_selected_raw_headers_are_kept():
    email = load("gmail_reply_quoted_en.eml")
    assert email.headers["x-gm-thrid"] == "1789012345678901234"
    assert email.headers["x-gmail-labels"] == "Inbox,Important,Category Personal"
    assert email.headers["return-path"] == "<maya.chen@brightloop.io>"
    assert "delivered-to" not in email.headers
    ats = load("html_only_quoted_printable.eml")
    assert ats.headers["list-unsubscribe"] == "<https://lumen.example/unsubscribe?u=1>"
    assert ats.headers["auto-submitted"] == "auto-generated"
    assert ats.headers["precedence"] == "bulk"
    assert ats.reply_to == "recruiting@lumenhealth.example"


def test_rfc2047_headers_are_decoded():
    email = load("encoded_headers_base64_body_id.eml")
    assert email.subject == "Pemberitahuan hasil seleksi – Staf Keuangan"
    assert email.sender_name == "Tim Rekrutmen PT Sumber Alfaria"
    assert email.to == ["putri.ayu@example.com"]
    assert email.to_names == ["Putri Ayu Lestari"]
    assert load("outlook_reply_quoted_id.eml").subject == (
        "RE: Menanyakan status lamaran Backend Developer"
    )


def test_quoted_display_name_with_comma_stays_one_address():
    email = load("offer_with_pdf_attachment.eml")
    assert email.to == ["alex.rivera@example.com", "people-ops@harborlabs.example"]
    assert email.to_names == ["Alex Rivera", "Ops, Harbor"]
    assert email.sender_name == "Grace Kim (People Ops)"


@pytest.mark.parametrize("value, expected", [
    ("=?utf-8?q?Undangan_Wawancara?=", "Undangan Wawancara"),
    ("=?utf-8?b?VW5kYW5nYW4g?= =?utf-8?b?V2F3YW5jYXJh?=", "Undangan Wawancara"),
    # A multi-byte character split over two encoded words.
    ("=?utf-8?q?Caf=C3?= =?utf-8?q?=A9?=", "Café"),
    ("Re: =?ISO-8859-1?Q?Andr=E9?= Pirard", "Re: André Pirard"),
    ("=?x-unknown?q?caf=C3=A9?=", "café"),
    ("=?utf-8*id?q?Halo?=", "Halo"),
    ("=?utf-8?b?###?=", ""),
    ("no encoding here", "no encoding here"),
])
def test_decode_header_text(value, expected):
    assert decode_header_text(value) == expected


def test_eight_bit_latin1_headers_are_read():
    email = load("bad_charset.eml")
    assert email.subject == "Entretien - Café Lumière"
    assert email.sender_name == "René Dubois"


# -- charsets and transfer encodings ------------------------------------------------------------

def test_declared_utf8_but_latin1_bytes():
    email = load("bad_charset.eml")
    assert "Café Lumière on Tuesday 16 July" in email.text
    assert "décor" in email.new_text
    assert "\ufffd" not in email.text
    assert any("cp1252" in d for d in email.defects)


def test_unknown_charset_falls_back_to_utf8():
    email = load("unknown_charset.eml")
    assert "within 3 days — the link expires on 16 July" in email.text
    assert any("x-unknown" in d for d in email.defects)


def test_missing_charset_latin1():
    email = load("missing_charset_latin1.eml")
    assert email.text.startswith("Olá Alex,")
    assert "£1,900" in email.text


def test_base64_body_and_quoted_printable_body():
    assert "belum dapat melanjutkan" in load("encoded_headers_base64_body_id.eml").text
    assert "Product Designer role at Lumen Health" in load("html_only_quoted_printable.eml").text


@pytest.mark.parametrize("data, charset, expected", [
    (b"caf\xc3\xa9", "utf-8", "café"),
    (b"caf\xe9", "utf-8", "café"),
    (b"caf\xc3\xa9", "iso-8859-1", "café"),   # valid UTF-8 mislabelled as Latin-1
    (b"\x93quoted\x94", "iso-8859-1", "\u201cquoted\u201d"),  # Windows-1252 punctuation
    (b"plain", "base64", "plain"),            # a codec that is not a text encoding
    (b"\xef\xbb\xbfbom", None, "bom"),
    (b"\xa4\xa4\xa4\xe5", "big5", "中文"),
])
def test_decode_bytes(data, charset, expected):
    assert decode_bytes(data, charset)[0] == expected


# -- HTML --------------------------------------------------------------------------------------

def test_html_only_mail_becomes_clean_text():
    email = load("html_only_quoted_printable.eml")
    assert email.html is True
    text = email.text
    assert "Hi Alex,\n\nThank you for applying" in text
    assert "We’ve received your application & our team" in text  # entities decoded
    assert "- Our recruiters review every application within 5 business days." in text
    assert "- If there's a match" in text
    for unwanted in ("font-family", "tracking", "not text", "preview text", "header banner",
                     "logo", "<", "&nbsp;", "&amp;"):
        assert unwanted not in text


def test_ats_boilerplate_is_set_aside():
    email = load("html_only_quoted_printable.eml")
    assert "do not reply" not in email.new_text
    assert "Unsubscribe" not in email.new_text
    assert "Powered by Greenhouse" not in email.new_text
    assert "Please do not reply to this email." in email.signature
    assert "within 5 business days" in email.new_text


def test_html_to_text_blocks_lists_and_entities():
    html = ("<html><head><title>t</title></head><body><p>Hi&nbsp;Budi,</p><div>line one<br>"
            "line two</div><ul><li>Mon</li><li>Tue</li></ul><p>A &amp; B &#8212; C</p>"
            "<script>alert('x')</script><!-- note --></body></html>")
    assert html_to_text(html) == "Hi Budi,\n\nline one\nline two\n\n- Mon\n- Tue\n\nA & B \u2014 C"


def test_html_to_text_hidden_elements_and_images_are_dropped():
    html = ('<div style="display: none">hidden <div>nested</div> still hidden</div>'
            '<p>shown<img src="https://t.example/p.gif" width="1" height="1"></p>')
    assert html_to_text(html) == "shown"


def test_html_to_text_blockquote_becomes_quoted_lines():
    html = ("<div>Sure, Monday works.</div><div class='gmail_quote'>On Mon, 6 Jan 2025 at 10:00,"
            " Rina &lt;r@x.com&gt; wrote:<blockquote><p>old</p><blockquote>older</blockquote>"
            "</blockquote></div><p>after</p>")
    text = html_to_text(html)
    assert "> old" in text and "> > older" in text
    assert text.endswith("\n\nafter")


def test_html_to_text_survives_broken_markup():
    assert html_to_text("<p>one<p>two <b>three</i>") == "one\n\ntwo three"
    assert html_to_text("<<<>>> a < b and c > d") != ""
    assert html_to_text("<style>never closed") == ""
    assert html_to_text("<!-- never closed <p>x</p>") == ""


def test_table_cells_are_separated():
    text = html_to_text("<table><tr><td>Date:</td><td>Monday</td></tr><tr><td>Time:</td>"
                        "<td>10:00</td></tr></table>")
    assert text.split("\n") == ["Date: Monday", "Time: 10:00"]


def test_plain_alternative_is_preferred():
    email = load("outlook_reply_quoted_en.eml")
    assert email.html is False
    assert "WordSection1" not in email.text


def test_view_in_browser_stub_prefers_html():
    email = load("view_in_browser_stub.eml")
    assert email.html is True
    assert "schedule a technical interview" in email.new_text
    assert "best viewed" not in email.text
    assert "Your weekly update" not in email.text


# -- new text, quoted history, signature ------------------------------------------------------

def test_gmail_reply_split():
    email = load("gmail_reply_quoted_en.eml")
    assert email.new_text.startswith("Hi Alex,")
    assert "If you don't hear from me by Thursday the 23rd" in email.new_text
    # "With regards to" is a sentence, not a sign-off.
    assert "With regards to your question about remote work" in email.new_text
    assert email.new_text.endswith("two\ndays a week in the office.")
    assert email.signature.startswith("Best regards,\nMaya Chen")
    assert "+1 415 555 0142" in email.signature
    assert email.quoted_text.startswith("On Tue, May 14, 2024 at 9:03 AM Alex Rivera")
    assert "Is the role remote?" in email.quoted_text
    assert "Is the role remote?" not in email.new_text


def test_outlook_reply_split_en_plain_and_html():
    for name in ("outlook_reply_quoted_en.eml", "outlook_html_only_quoted_en.eml"):
        email = load(name)
        assert "decided not to move" in email.new_text
        assert "We wish you the best in your search." in email.new_text
        assert "status of my application" not in email.new_text, name
        assert "status of my application" in email.quoted_text, name
        assert "confidential" not in email.new_text
        assert "confidential" in email.signature
        assert "Priya Nair" in email.signature


def test_outlook_reply_split_id():
    email = load("outlook_reply_quoted_id.eml")
    assert "paling lambat akhir minggu depan" in email.new_text
    assert email.signature.startswith("Hormat kami,\nSari Wulandari")
    assert "bersifat rahasia" in email.signature
    assert email.quoted_text.startswith("-----Original Message-----\nDari: Budi Santoso")
    assert "menanyakan status" not in email.new_text


def test_gmail_reply_split_id():
    email = load("gmail_reply_quoted_id.eml")
    assert email.new_text.endswith("Mohon membawa portofolio terbaru.")
    assert email.signature == "Salam,\nDewi\nDikirim dari iPhone saya"
    assert email.quoted_text.startswith("Pada tanggal Rab, 19 Jun 2024")
    assert "dipindah" in email.quoted_text


def test_indonesian_ats_boilerplate_and_sign_off():
    email = load("encoded_headers_base64_body_id.eml")
    assert email.new_text.endswith("belum dapat melanjutkan ke tahap berikutnya.")
    assert "Mohon tidak membalas" in email.signature
    assert "Hormat kami" in email.signature


def test_forward_keeps_the_forwarded_message_as_new_text():
    email = load("forwarded_gmail_en.eml")
    assert email.new_text.startswith("FYI - saw this went to my old address.")
    assert "We'd love to invite you to a 45-minute video interview" in email.new_text
    assert "From: Sam Ortiz" not in email.new_text
    assert "From: Sam Ortiz" in email.quoted_text
    assert "I applied last week" in email.quoted_text
    assert "Sam Ortiz\nRecruiter, Quanta" in email.signature


def test_format_flowed_mobile_reply():
    email = load("flowed_mobile_reply_en.eml")
    assert email.new_text == ("Sounds good, let's do Thursday at 3pm. I'll send a calendar invite"
                              " shortly with the video link.")
    assert email.signature == "Sent from my iPhone"
    assert "Thursday afternoon" in email.quoted_text


# -- attachments and invites -------------------------------------------------------------------

def test_attachment_listed_with_rfc2231_name_and_size():
    email = load("offer_with_pdf_attachment.eml")
    assert email.attachments == [("Offer Letter – Alex Rivera.pdf", "application/pdf", 10256)]
    assert email.html is True
    assert "let us know your decision by Friday, August 2." in email.new_text
    assert email.signature == "Warm regards,\nGrace Kim\nPeople Operations"


def test_calendar_invite_with_tzid():
    email = load("calendar_invite_tzid.eml")
    assert len(email.calendar_events) == 1  # the alternative part and invite.ics are one event
    event = email.calendar_events[0]
    assert isinstance(event, CalendarEvent)
    assert event.start == datetime(2024, 6, 24, 14, 0, tzinfo=offset(7))
    assert event.start.utcoffset() == timedelta(hours=7)
    assert event.end == datetime(2024, 6, 24, 15, 0, tzinfo=offset(7))
    assert event.day == date(2024, 6, 24)
    assert event.summary == "Interview UI/UX Designer"
    assert event.method == "REQUEST"
    assert event.organizer == "dewi@karyakreatif.id"
    assert ("invite.ics", "application/ics", 285) in email.attachments
    assert "Interview UI/UX Designer" in email.text  # the flowed plain part is the body


def test_all_day_cancelled_event_and_utc_event():
    email = load("calendar_invite_all_day_cancel.eml")
    first, second = email.calendar_events
    assert first.start is None and first.end is None
    assert first.day == date(2024, 8, 1)
    assert first.method == "CANCEL"
    assert second.start == datetime(2024, 8, 2, 9, 0, tzinfo=timezone.utc)
    assert second.day == date(2024, 8, 2)
    assert email.text == ""


def test_floating_invite_time_takes_the_email_offset():
    raw = (b"Date: Mon, 6 Jan 2025 10:00:00 +0700\r\nContent-Type: text/calendar\r\n\r\n"
           b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20250110T090000\r\nSUMMARY:Call\r\n"
           b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    event = parse_message(raw).calendar_events[0]
    assert event.start == datetime(2025, 1, 10, 9, 0, tzinfo=offset(7))
    assert event.method == ""


def test_broken_calendar_is_a_defect():
    raw = b"Content-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:zzz\r\n"
    email = parse_message(raw)
    assert email.calendar_events == []
    assert any("calendar" in d for d in email.defects)


# -- hostile input -----------------------------------------------------------------------------

def nested_message(depth: int) -> bytes:
    head = b"From: a@b.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
                       for i in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    return head + opening + b"Content-Type: text/plain\r\n\r\nhello deep\r\n" + closing


def test_deep_nesting_is_bounded():
    email = parse_message(nested_message(3000))
    assert email.subject == "deep"
    assert email.sender == "a@b.example"
    assert email.defects


def test_moderate_nesting_still_reads_the_text():
    assert "hello deep" in parse_message(nested_message(30)).text


def test_many_sibling_parts_are_bounded():
    parts = b"".join(b"--s\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(3000))
    raw = b'Content-Type: multipart/mixed; boundary="s"\r\n\r\n' + parts + b"--s--\r\n"
    email = parse_message(raw)
    assert "part 0" in email.text
    assert "part 2999" not in email.text
    assert any("too many parts" in d for d in email.defects)


def test_ten_megabyte_attachment():
    import base64

    blob = base64.encodebytes(bytes(range(256)) * 40960).replace(b"\n", b"\r\n")
    raw = (b'From: hr@x.example\r\nContent-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\n'
           b"Content-Type: text/plain\r\n\r\nSee the attached file.\r\n--m\r\n"
           b'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; '
           b'filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + blob + b"--m--\r\n")
    email = parse_message(raw)
    assert email.text == "See the attached file."
    assert email.attachments == [("big.bin", "application/octet-stream", 256 * 40960)]


def test_binary_junk_and_odd_inputs():
    import random

    rng = random.Random(7)
    junk = bytes(rng.randrange(256) for _ in range(20000))
    for raw in (junk, b"", b"\r\n\r\n", b"\x00" * 100, "text given as str", None, b"Subject"):
        email = parse_message(raw)
        assert isinstance(email, ParsedEmail)
    assert parse_message(None).defects


def test_headers_only_message():
    email = parse_message(b"From: x@y.example\r\nSubject: Hello\r\n")
    assert email.subject == "Hello"
    assert email.text == ""


# -- never raises (property) -------------------------------------------------------------------

SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]

mutations = st.sampled_from(["flip", "truncate", "header", "nest", "insert"])


@st.composite
def mutated_messages(draw):
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(mutations)
        position = draw(st.integers(0, max(0, len(raw) - 1)))
        if kind == "flip" and raw:
            raw[position] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del raw[position:]
        elif kind == "header":
            garbage = draw(st.binary(max_size=80))
            raw[0:0] = draw(st.sampled_from([b"Content-Type: ", b"Subject: =?", b"From: ",
                                             b"Date: ", b"Content-Transfer-Encoding: "])) \
                + garbage + b"\r\n"
        elif kind == "nest":
            depth = draw(st.integers(1, 60))
            raw[0:0] = b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n'
                                % (i, i) for i in range(depth))
        else:
            raw[position:position] = draw(st.binary(max_size=64))
    return bytes(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_messages())
def test_parse_message_never_raises(raw):
    email = parse_message(raw)
    assert isinstance(email, ParsedEmail)
    assert isinstance(email.text, str) and isinstance(email.new_text, str)
    assert all(isinstance(event, CalendarEvent) for event in email.calendar_events)
    if email.date is not None:
        assert email.date.tzinfo is not None


def test_deeply_nested_blockquotes_do_not_blow_up_the_text():
    html = b"<div><li>x</li><blockquote>" * 50000
    email = parse_message(b"Content-Type: text/html\r\n\r\n" + html)
    assert len(email.text) < 2 * len(html)
    assert "> > > > > > > > - x" in email.text
    assert "> " * 9 not in email.text


def test_huge_plain_text_is_read_in_bounded_pieces():
    body = b"Hello\r\n" + b"Regards,\r\nFrom: a\r\n> x\r\n" * 100000
    email = parse_message(b"Content-Type: text/plain\r\n\r\n" + body)
    assert email.new_text.startswith("Hello")
    assert len(email.new_text) < 150_000
    assert any("too long" in d for d in email.defects)


def test_many_long_headers_are_cut():
    raw = b"To: " + b"a@b.example, " * 100000 + b"\r\nSubject: x\r\n\r\nbody"
    email = parse_message(raw)
    assert 0 < len(email.to) < 5000
    assert email.subject == "x"


def test_gmail_html_reply_id_with_empty_plain_part():
    email = load("gmail_html_reply_quoted_id.eml")
    assert email.html is True  # the text/plain alternative is empty
    assert email.new_text.endswith("Mohon konfirmasi kehadiran Anda paling lambat hari Selasa.")
    assert "Kamis, 8 Agustus 2024 pukul 10.00 WIB" in email.new_text
    assert "Rina Kartika" in email.signature and "Rina Kartika" not in email.new_text
    assert email.quoted_text.startswith("Pada tanggal Sen, 5 Agu 2024 pukul 09.30 Budi Santoso")
    assert "> Berikut saya lampirkan hasil tes teknis saya." in email.quoted_text


def test_ats_layout_tables_id_mislabelled_charset():
    email = load("ats_layout_table_html_id.eml")
    assert "Posisi: Staf Administrasi Gudang\nLokasi: Surabaya" in email.new_text
    assert "dalam 5 hari kerja" in email.new_text
    assert "Status lamaran Anda" not in email.text  # hidden preheader
    assert "© 2024" in email.signature and "Â" not in email.text
    for footer in ("jangan membalas", "Berhenti berlangganan", "Kebijakan Privasi"):
        assert footer not in email.new_text
        assert footer in email.signature


def test_one_unreadable_part_keeps_the_others(monkeypatch):
    from watcher import mime

    real = mime._BodyWalker._decoded_text

    def flaky(self, part, is_html):
        if "broken" in str(part.get_payload()):
            raise ValueError("boom")
        return real(self, part, is_html)

    monkeypatch.setattr(mime._BodyWalker, "_decoded_text", flaky)
    raw = (b'Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain'
           b"\r\n\r\nbroken\r\n--x\r\nContent-Type: text/plain\r\n\r\nfine part\r\n--x--\r\n")
    email = parse_message(raw)
    assert email.text == "fine part"
    assert any("unreadable text part" in d for d in email.defects)


def test_multipart_without_boundary_still_gives_its_text():
    email = parse_message(b"Content-Type: multipart/mixed\r\n\r\nInterview on Monday at 10.\r\n")
    assert email.text == "Interview on Monday at 10."
    assert any("NoBoundary" in d for d in email.defects)
    email = parse_message(b'Content-Type: multipart/alternative; boundary="zz"\r\n\r\n'
                          b"<p>Hello</p><p>Interview on Monday.</p>\r\n")
    assert email.text == "Hello\n\nInterview on Monday."
    assert email.html is True


def test_repeated_address_headers_read_alike_and_stay_separate():
    raw = (b"From: Rina <Rina@Example.co.id>\r\nTo: Budi <budi@example.com>, ana@example.com\r\n"
           b"Subject: x\r\n\r\nHi\r\n")
    first, second = parse_message(raw), parse_message(raw)
    assert (first.sender, first.sender_name) == ("rina@example.co.id", "Rina")
    assert first.to == second.to == ["budi@example.com", "ana@example.com"]
    first.to.append("changed@example.com")  # one email's list is its own, not the cache's
    assert parse_message(raw).to == ["budi@example.com", "ana@example.com"]
