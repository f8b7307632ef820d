"""Key dates recruiters leave vague, in English and Indonesian: no key date rather than a guess
(LABELS.md), and the near misses that still name a day."""
from datetime import date, datetime, timedelta, timezone

import pytest

from watcher import reader
from watcher.dates import find_dates
from watcher.language import detect_language
from watcher.mime import parse_message

WIB = timezone(timedelta(hours=7))
SENT = "Wed, 04 Mar 2026 10:00:00 +0700"  # a Wednesday
REF = datetime(2026, 3, 4, 10, 0, tzinfo=WIB)
FRIDAY_NEXT_WEEK = date(2026, 3, 13)


def parsed(body: str, subject: str = "Update"):
    raw = (f"From: Rina <rina@acme.example>\r\nTo: Budi <budi@mail.example>\r\nSubject: {subject}\r\n"
           f"Date: {SENT}\r\nMessage-ID: <v1@acme.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           f"Hi Budi,\r\n\r\n{body}\r\n\r\nBest,\r\nRina\r\n").encode()
    return parse_message(raw)


def key_date(body: str, label: str):
    """The key date the reader picks for `body` read as `label`, whatever the rules would vote:
    the choice of the date is under test here, not the label."""
    mail = parsed(body)
    msg = reader._Message(mail)
    _, votes = reader._vote(msg, detect_language(msg.subject + "\n" + msg.body), mail)  # the rules' sentences
    return reader._key_date(label, msg, votes, mail)[0]


def read(body: str, subject: str = "Update"):
    return reader.read_message(parsed(body, subject), use_model=False)


# --- vague: no key date -------------------------------------------------------------------------

VAGUE_HEAR_BACK = [
    "We expect to make a final decision in early April.",
    "We expect to make a final decision by mid-April 2026.",
    "You will hear from us early next month.",
    "We'll let you know mid-next month.",
    "The hiring manager will decide sometime next month.",
    "We will update you on the outcome in the coming weeks.",
    "We will update you on the outcome by early next week.",
    "We expect to make a decision towards the end of April.",
    "We expect to make a decision sometime around the end of next week.",
    "We'll make a decision in the week of 16 March.",
    "We will make our decision after Christmas and let you know.",
    "We will make our decision after Eid al-Fitr and let you know.",
    "We will get back to you in the New Year.",
    "We will be in touch after the holidays.",
    "Keputusan akhir akan kami sampaikan awal April.",
    "Kami akan mengabari Anda awal bulan depan.",
    "Keputusan akan kami sampaikan pertengahan bulan depan.",
    "Keputusan akhir akan kami sampaikan setelah lebaran.",
    "Hasil seleksi kami kabarkan pasca libur Idul Fitri.",
    "Keputusan akan kami sampaikan selepas libur Natal dan Tahun Baru.",
    "Keputusan akan kami sampaikan menjelang akhir bulan.",
    "Hasilnya kami informasikan sekitar akhir Maret.",
    "Kami akan menghubungi Anda seusai Lebaran 2026.",
    # a whole period as a limit, or a day with a vague neighbour
    "We'll let you know by next week.",
    "Kami akan memberi kabar paling lambat minggu depan.",
    "We'll decide by next month.",
    "Kami akan memberi kabar paling lambat bulan depan.",
    "We'll let you know by the end of this week or early next week.",
    "Kami akan memberi kabar akhir minggu ini atau awal minggu depan.",
    "Kami akan memberi kabar setelah akhir pekan.",
    "We'll get back to you after the end of the month.",
]


@pytest.mark.parametrize("body", VAGUE_HEAR_BACK)
def test_a_vague_time_to_hear_back_gives_no_key_date(body):
    assert key_date(body, "decision_timeline") is None


@pytest.mark.parametrize("body", [
    "Please complete the assessment after the Easter break.",
    "Mohon kerjakan tes online setelah Lebaran.",
    "Please send your signed offer back towards the end of the month.",
    "Please complete the assessment by next week.",
])
def test_a_vague_deadline_gives_no_key_date(body):
    assert key_date(body, "assessment") is None


def test_a_vague_time_still_says_when_for_the_label():
    # "after Christmas" names no day, yet it says when they decide: a timeline, without a date.
    r = read("We will make our decision after Christmas and let you know.")
    assert (r.label, r.key_date) == ("decision_timeline", None)


def test_when_still_lists_the_holiday_it_reads():
    # The resolver keeps the span (DESIGN.md: `when` lists what it resolves); only the key date drops it.
    assert [m.text for m in find_dates("Kami kabari setelah Lebaran.", REF)] == ["Lebaran"]


# --- near misses: a day is named ----------------------------------------------------------------

@pytest.mark.parametrize("body,expected", [
    ("We'll let you know next Monday.", date(2026, 3, 9)),
    ("Kami akan memberi kabar Senin depan.", date(2026, 3, 9)),
    ("We will let you know by the end of April.", date(2026, 4, 30)),
    ("Kami akan memberi kabar paling lambat akhir April.", date(2026, 4, 30)),
    ("We expect to make a decision around March 20.", date(2026, 3, 20)),
    ("We'll decide on 2 April, right after the Easter break.", date(2026, 4, 2)),
    ("Kami akan memberi kabar sebelum lebaran, tanggal 28 Maret.", date(2026, 3, 28)),
    ("Keputusan akan kami sampaikan setelah lebaran, sekitar tanggal 30 Maret.", date(2026, 3, 30)),
    ("We will let you know by the end of next week.", FRIDAY_NEXT_WEEK),
    ("Kami akan memberi kabar akhir minggu depan.", FRIDAY_NEXT_WEEK),
    ("Keputusan akan kami informasikan paling lambat akhir pekan depan.", FRIDAY_NEXT_WEEK),
    ("Keputusan akan kami informasikan akhir pekan ini.", date(2026, 3, 6)),
    ("We'll let you know by Friday next week.", FRIDAY_NEXT_WEEK),
    ("Kami akan memberi kabar paling lambat hari Jumat minggu depan.", FRIDAY_NEXT_WEEK),
    ("We'll let you know by the first of next month.", date(2026, 4, 1)),
    ("We'll let you know by the end of this week, or Monday at the latest.", date(2026, 3, 6)),
])
def test_a_day_named_keeps_its_key_date(body, expected):
    assert key_date(body, "decision_timeline") == expected


def test_before_a_holiday_is_still_a_limit():
    assert key_date("Kami akan memberi kabar sebelum Lebaran.", "decision_timeline") is not None


@pytest.mark.parametrize("text", ["akhir pekan depan", "akhir minggu depan", "end of next week",
                                  "the end of the following week"])
def test_the_end_of_next_week_is_its_friday_in_both_languages(text):
    (mention,) = find_dates(text, REF)
    assert (mention.date, mention.kind) == (FRIDAY_NEXT_WEEK, "by")


@pytest.mark.parametrize("text", ["Selamat menikmati akhir pekan!", "Selamat akhir pekan, Budi.",
                                  "Enjoy the weekend!"])
def test_a_weekend_wish_names_no_date(text):
    assert find_dates(text, REF) == []


# --- the day after tomorrow ---------------------------------------------------------------------

@pytest.mark.parametrize("body,label", [
    ("Mohon kirimkan portofolio Anda paling lambat lusa.", "assessment"),
    ("Tes online bisa dikerjakan sampai lusa pukul 17.00.", "assessment"),
    ("Hasil seleksi lusa kami kabari ya.", "decision_timeline"),
    ("Lusa kami kabari hasilnya.", "decision_timeline"),
    ("Hasil psikotes kami informasikan hari lusa melalui email.", "decision_timeline"),
    ("Kami akan memberi kabar paling telat lusa.", "decision_timeline"),
    ("Terima kasih atas waktunya hari ini. Hasil interview hari ini akan kami kabari lusa.", "decision_timeline"),
])
def test_lusa_is_the_day_after_tomorrow(body, label):
    assert key_date(body, label) == date(2026, 3, 6)


# --- interview slots offered: none chosen yet ---------------------------------------------------

OPTIONS = [
    "Are you free Monday or Tuesday for an interview?",
    "Apakah Anda bisa wawancara Selasa atau Rabu depan?",
    "We'd love to set up an interview. Do any of these times work: Mon 10:00, Tue 14:00, or Wed 11:30?",
    "We'd like to invite you to a first interview. Would Monday work for you? If not, Tuesday or "
    "Wednesday afternoon are also possible.",
    "Kami ingin mengundang Anda untuk wawancara pada hari Senin. Jika berhalangan, Selasa atau Rabu juga bisa.",
    "We'd love to have you in for an interview. Are you free on Monday? Alternatively, Thursday morning "
    "works for the team.",
    "I'd like to set up an interview with the hiring manager. Could you do Monday or sometime next week?",
    "Kami ingin mengundang Anda wawancara.\r\nPilihan jadwal:\r\n- Senin 9 Maret pukul 10.00\r\n"
    "- Selasa 10 Maret pukul 14.00",
]


@pytest.mark.parametrize("body", OPTIONS)
def test_slots_to_choose_from_give_no_interview_date(body):
    assert key_date(body, "interview_invite") is None


@pytest.mark.parametrize("body,expected", [
    ("We'd like to invite you to an interview next Monday at 10am.", date(2026, 3, 9)),
    ("Kami mengundang Anda untuk wawancara pada hari Senin, 9 Maret 2026 pukul 10.00 WIB.", date(2026, 3, 9)),
    # one day agreed, a fallback beside it
    ("Your interview is confirmed for Tuesday at 2pm. If Tuesday no longer works, Wednesday is an option too.",
     date(2026, 3, 10)),
    # an "or" that offers no day
    ("Your interview is on Monday 9 March at 10am. Please bring your ID or passport. We'll let you know "
     "the result on Friday.", date(2026, 3, 9)),
    ("I'd like to invite you to interview on Thursday at 3pm. Please confirm by tomorrow or suggest "
     "another time.", date(2026, 3, 5)),
])
def test_one_interview_day_keeps_its_date(body, expected):
    assert key_date(body, "interview_invite") == expected


def test_an_offered_slot_list_reads_as_an_invitation_without_a_date():
    r = read("We'd like to invite you to an interview. Would Monday work for you? If not, Tuesday or "
             "Wednesday afternoon are also possible.", subject="Interview invitation")
    assert (r.label, r.key_date, r.interview_at) == ("interview_invite", None, None)
