"""The temporal resolver: phrases recruiters write, in English and Indonesian, read against the
email's own Date header. Every expected day below was checked on a calendar."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from watcher.dates import DateMention, add_business_days, find_dates


def at(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)


D = dt.date.fromisoformat

# Reference moments used below (weekday in the comment).
WED = "2025-10-01T09:00:00+07:00"  # Wednesday 1 October 2025
FRI = "2025-10-03T16:00:00+01:00"  # Friday 3 October 2025
MON = "2025-10-06T10:00:00+00:00"  # Monday 6 October 2025

# (text, ref, [(span, day), ...]) in order of appearance.
CASES = [
    # --- weekdays, English ---
    ("Can you do Monday?", WED, [("Monday", "2025-10-06")]),
    ("Could we talk on Wednesday instead?", WED, [("Wednesday", "2025-10-08")]),
    ("Let's aim for this Friday.", WED, [("this Friday", "2025-10-03")]),
    ("The panel met this Friday.", "2025-10-04T12:00:00+00:00", [("this Friday", "2025-10-03")]),
    ("How about next Friday?", WED, [("next Friday", "2025-10-10")]),
    ("It moves to the following Tuesday.", WED, [("the following Tuesday", "2025-10-07")]),
    ("We spoke last Wednesday.", WED, [("last Wednesday", "2025-09-24")]),
    ("Thanks for the call this past Monday.", WED, [("this past Monday", "2025-09-29")]),
    ("Is Friday next week good?", WED, [("Friday next week", "2025-10-10")]),
    ("Send the slides by Thursday.", "2025-10-02T08:00:00+00:00", [("by Thursday", "2025-10-09")]),
    ("Reply no later than Tuesday, please.", FRI, [("no later than Tuesday", "2025-10-07")]),
    ("See you this coming Monday.", FRI, [("this coming Monday", "2025-10-06")]),
    ("Are you free on Tue next week?", WED, [("Tue next week", "2025-10-07")]),
    # --- weekdays, Indonesian ---
    ("Apakah Anda bisa hadir hari Senin?", WED, [("hari Senin", "2025-10-06")]),
    ("Kami tunggu jawabannya Kamis ya.", WED, [("Kamis", "2025-10-02")]),
    ("Wawancara dipindah ke Jumat depan.", WED, [("Jumat depan", "2025-10-10")]),
    ("Terima kasih atas waktunya Rabu lalu.", WED, [("Rabu lalu", "2025-09-24")]),
    ("Tes tertulis diadakan hari Minggu.", WED, [("hari Minggu", "2025-10-05")]),
    ("Kita bertemu Jumat ini.", "2025-09-29T09:00:00+07:00", [("Jumat ini", "2025-10-03")]),
    ("Kirim berkas paling lambat hari Selasa.", FRI,
     [("paling lambat hari Selasa", "2025-10-07")]),
    ("Mohon konfirmasi sebelum hari Jumat.", WED, [("sebelum hari Jumat", "2025-10-03")]),
    ("Jadwalnya Selasa minggu depan.", WED, [("Selasa minggu depan", "2025-10-07")]),
    ("Sampai jumpa Jum'at.", WED, [("Jum'at", "2025-10-03")]),
    # --- relative days, across month and year ends ---
    ("I'll confirm tomorrow.", "2025-12-31T10:00:00+00:00", [("tomorrow", "2026-01-01")]),
    ("We can talk today.", MON, [("today", "2025-10-06")]),
    ("Results the day after tomorrow.", "2025-02-27T10:00:00+00:00",
     [("the day after tomorrow", "2025-03-01")]),
    ("Hasilnya keluar lusa.", "2024-02-28T10:00:00+07:00", [("lusa", "2024-03-01")]),
    ("Kami kabari besok.", "2025-10-31T10:00:00+07:00", [("besok", "2025-11-01")]),
    ("Undangan dikirim hari ini.", MON, [("hari ini", "2025-10-06")]),
    ("Thanks for your time yesterday.", "2025-03-01T10:00:00+00:00",
     [("yesterday", "2025-02-28")]),
    ("Terima kasih untuk wawancara kemarin.", "2024-03-01T10:00:00+07:00",
     [("kemarin", "2024-02-29")]),
    # --- weeks ---
    ("Let's talk next week.", "2025-10-05T18:00:00+00:00", [("next week", "2025-10-06")]),
    ("Jadwal dikirim minggu depan.", "2025-12-29T09:00:00+07:00", [("minggu depan", "2026-01-05")]),
    ("We decide at the end of this week.", "2025-10-07T09:00:00+00:00",
     [("the end of this week", "2025-10-10")]),
    ("Expect news by the end of the week.", MON, [("by the end of the week", "2025-10-10")]),
    ("A decision by end of next week.", "2025-12-24T09:00:00+00:00",
     [("by end of next week", "2026-01-02")]),
    ("Kami kabari akhir minggu ini.", MON, [("akhir minggu ini", "2025-10-10")]),
    ("Tahap berikutnya pekan depan.", WED, [("pekan depan", "2025-10-06")]),
    ("Onsite the week after next.", WED, [("the week after next", "2025-10-13")]),
    ("I'll review it this weekend.", WED, [("this weekend", "2025-10-04")]),
    # --- month and year ends ---
    ("We close the role at the end of the month.", "2025-02-10T09:00:00+00:00",
     [("the end of the month", "2025-02-28")]),
    ("Keputusan akhir bulan.", "2024-02-10T09:00:00+07:00", [("akhir bulan", "2024-02-29")]),
    ("Start at the end of next month.", "2025-12-15T09:00:00+00:00",
     [("the end of next month", "2026-01-31")]),
    ("Mulai akhir bulan depan.", "2025-01-31T09:00:00+07:00", [("akhir bulan depan", "2025-02-28")]),
    ("Please decide by the end of October.", "2025-09-10T09:00:00+00:00",
     [("by the end of October", "2025-10-31")]),
    ("Headcount is confirmed by the end of the year.", "2025-06-10T09:00:00+00:00",
     [("by the end of the year", "2025-12-31")]),
    # --- durations ---
    ("We reply within 5 business days.", FRI, [("within 5 business days", "2025-10-10")]),
    ("You'll hear in 3 working days.", "2025-10-04T09:00:00+00:00",
     [("in 3 working days", "2025-10-08")]),
    ("Hasil diumumkan dalam 5 hari kerja.", "2025-12-25T09:00:00+07:00",
     [("dalam 5 hari kerja", "2026-01-01")]),
    ("Proses memakan waktu 3 hari kerja.", MON, [("3 hari kerja", "2025-10-09")]),
    ("We will be back to you in two weeks.", "2025-12-20T09:00:00+00:00",
     [("in two weeks", "2026-01-03")]),
    ("Complete the test within 14 days.", "2025-02-20T09:00:00+00:00",
     [("within 14 days", "2025-03-06")]),
    ("Kabar dalam 2 minggu.", WED, [("dalam 2 minggu", "2025-10-15")]),
    ("Sepuluh hari lagi kami umumkan.", WED, [("Sepuluh hari lagi", "2025-10-11")]),
    ("Kami kabari dalam seminggu.", WED, [("dalam seminggu", "2025-10-08")]),
    ("Mohon dikerjakan dalam waktu tiga hari.", "2025-10-30T09:00:00+07:00",
     [("dalam waktu tiga hari", "2025-11-02")]),
    ("Please sign within a month.", "2025-01-31T09:00:00+00:00", [("within a month", "2025-02-28")]),
    ("Expect a reply in 3-5 business days.", MON, [("in 3-5 business days", "2025-10-13")]),
    ("Please answer within 48 hours.", "2025-10-01T18:00:00+07:00",
     [("within 48 hours", "2025-10-03")]),
    ("Mohon konfirmasi dalam 2x24 jam.", WED, [("dalam 2x24 jam", "2025-10-03")]),
    ("The offer stands within twenty-one days.", WED,
     [("within twenty-one days", "2025-10-22")]),
    ("Pengumuman dua puluh hari lagi.", WED, [("dua puluh hari lagi", "2025-10-21")]),
    ("The start date is two weeks from now.", WED, [("two weeks from now", "2025-10-15")]),
    ("I applied 3 days ago.", WED, [("3 days ago", "2025-09-28")]),
    ("Saya melamar 2 minggu yang lalu.", WED, [("2 minggu yang lalu", "2025-09-17")]),
    # --- explicit dates ---
    ("Interview on 3 February 2026.", "2026-01-27T10:00:00+01:00", [("3 February 2026", "2026-02-03")]),
    ("Interview on February 3rd, 2026.", "2026-01-27T10:00:00+01:00",
     [("February 3rd, 2026", "2026-02-03")]),
    ("Are you free Feb 3?", "2026-01-27T10:00:00+01:00", [("Feb 3", "2026-02-03")]),
    ("Are you free Feb 3?", "2026-02-04T10:00:00+01:00", [("Feb 3", "2027-02-03")]),
    ("Are you free Feb 3?", "2026-02-03T08:00:00+01:00", [("Feb 3", "2026-02-03")]),
    ("Presentasi tanggal 14 Oktober 2025.", WED, [("14 Oktober 2025", "2025-10-14")]),
    ("Deadline: 14/10/2025.", WED, [("14/10/2025", "2025-10-14")]),
    ("Starts 2025-10-14.", WED, [("2025-10-14", "2025-10-14")]),
    ("Tes pada 05/04/2026.", WED, [("05/04/2026", "2026-04-05")]),
    ("Your test is on 05/04/2026.", "2026-01-10T09:00:00-05:00", [("05/04/2026", "2026-05-04")]),
    ("Can you come in Wednesday 19 November 2025?", WED,
     [("Wednesday 19 November 2025", "2025-11-19")]),
    ("Wawancara Senin, 3 November 2025.", WED, [("Senin, 3 November 2025", "2025-11-03")]),
    ("Onboarding is the 3rd of March.", WED, [("the 3rd of March", "2026-03-03")]),
    ("Offer valid until December 31.", "2025-12-31T23:00:00-05:00",
     [("until December 31", "2025-12-31")]),
    ("First day: Jan 5.", "2025-12-20T09:00:00+00:00", [("Jan 5", "2026-01-05")]),
    ("Renewal on 29 Feb.", "2025-03-01T09:00:00+00:00", [("29 Feb", "2028-02-29")]),
    ("Psikotes tanggal 20.", "2025-10-25T09:00:00+07:00", [("tanggal 20", "2025-11-20")]),
    ("Let's meet on the 15th.", "2025-10-20T09:00:00+00:00", [("the 15th", "2025-11-15")]),
    ("Kickoff is the first Monday of November.", WED,
     [("the first Monday of November", "2025-11-03")]),
    ("Start 1 Desember 2025 ya.", WED, [("1 Desember 2025", "2025-12-01")]),
    ("Sesi kedua 9 Mei.", WED, [("9 Mei", "2026-05-09")]),
    # --- several mentions, in order ---
    ("Interview on Tuesday; results within 3 business days.", FRI,
     [("Tuesday", "2025-10-07"), ("within 3 business days", "2025-10-08")]),
    ("Besok atau lusa kami hubungi.", WED, [("Besok", "2025-10-02"), ("lusa", "2025-10-03")]),
]

# Vague phrases and words that only look like dates: no date at all.
NO_DATE = [
    "Someone will be in touch soon.",
    "Kami akan segera menghubungi Anda.",
    "We expect to decide in the coming weeks.",
    "We will know more early next month.",
    "Kabar akan kami sampaikan awal bulan depan.",
    "The recruiter will reply shortly.",
    "Please reply as soon as possible.",
    "You will hear from us in due course.",
    "We plan the next round early next week.",
    "Expect feedback within a week or two.",
    "Kami hubungi beberapa hari lagi.",
    "We reviewed your application carefully.",
    "We will get back to you.",
    "You may hear from another team.",
    "April from our talent team will call you.",
    "June and August from HR will join the call.",
    "Our teams march on together.",
    "It was a sunny day at the Saturnalia office party.",
    "We are looking for a second interviewer.",
    "Let's do it now.",
    "The salary is Rp 8.500.000 per month.",
    "Call me at +62 21 5550 1234.",
    "We found 3 problems in the test.",
    "The interview lasts 90 minutes.",
    "Please quote ref. HMR-2291 in your reply.",
    "You would lead 8 to 10 projects.",
    "The team works 8-10 projects a year.",
    "The call is at 14:00.",
    "We offer 24/7 support.",
    "About 1/2 of the team is remote.",
    "We need 5 years of experience.",
    "Training happens within 2 weeks of your start date.",
    "Upgrade to version 2.10 first.",
    "Minggu ini kami sibuk sekali.",
    "Pukul 10.00 WIB di kantor kami.",
]


@pytest.mark.parametrize("text,ref,expected", CASES, ids=[f"{c[0][:40]}|{c[1][:10]}" for c in CASES])
def test_finds_each_phrase_and_its_day(text, ref, expected):
    found = find_dates(text, at(ref))
    assert [(m.text, m.date.isoformat()) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", NO_DATE)
def test_vague_phrases_and_lookalikes_give_no_date(text):
    assert find_dates(text, at(WED)) == []


@pytest.mark.parametrize("text,kind", [
    ("on Tuesday", "day"),
    ("by Thursday", "by"),
    ("paling lambat hari Jumat", "by"),
    ("no later than 3 February 2026", "by"),
    ("within 3 business days", "within"),
    ("dalam 3 hari kerja", "within"),
    ("in two weeks", "within"),
    ("next week", "week"),
    # the end of a week names its Friday and means "by then"; a bare week or weekend names none
    ("akhir minggu depan", "by"),
    ("end of next week", "by"),
    ("at the end of this week", "by"),
    ("by the end of next week", "by"),
    ("akhir pekan ini", "by"),
    ("this weekend", "week"),
    ("tomorrow", "day"),
])
def test_kind_says_what_the_phrase_promises(text, kind):
    (mention,) = find_dates(text, at(WED))
    assert mention.kind == kind


@pytest.mark.parametrize("text,span,clock", [
    ("Your onsite is Tuesday at 2 pm.", "Tuesday", dt.time(14, 0)),
    ("Wawancara hari Kamis pukul 13.30 WIB.", "hari Kamis", dt.time(13, 30)),
    ("Video call on 3 February 2026 at 15:30 CET.", "3 February 2026", dt.time(15, 30)),
    ("Can we meet at 10am on Friday?", "Friday", dt.time(10, 0)),
    ("Lunch tomorrow at noon.", "tomorrow", dt.time(12, 0)),
    ("Call on Monday, 9.30 am.", "Monday", dt.time(9, 30)),
    ("Decision by Friday.", "by Friday", None),
])
def test_clock_time_goes_into_time_not_into_the_span(text, span, clock):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, mention.time) == (span, clock)


def test_mention_is_a_frozen_record():
    (mention,) = find_dates("by Friday", at(WED))
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.date = D("2000-01-01")


# --- the reference's own calendar: never UTC, never the machine's zone ---

@pytest.mark.parametrize("text,ref,day", [
    # 22:15 -07:00 is already the next day in UTC
    ("Let's talk tomorrow.", "2025-06-30T22:15:00-07:00", "2025-07-01"),
    # Thursday evening in New York is Friday in UTC; "by Friday" is the next day, not a week on
    ("Please send it by Friday.", "2025-01-30T21:00:00-05:00", "2025-01-31"),
    ("Decision today.", "2025-12-31T20:00:00-03:00", "2025-12-31"),
    # 06:00 +09:00 is still the previous day in UTC
    ("Interview tomorrow.", "2025-03-01T06:00:00+09:00", "2025-03-02"),
    ("Results next week.", "2025-10-05T23:59:00-10:00", "2025-10-06"),
])
def test_reads_on_the_reference_offsets_own_calendar(text, ref, day):
    (mention,) = find_dates(text, at(ref))
    assert mention.date == D(day)


def test_daylight_saving_start_does_not_move_days():
    new_york = ZoneInfo("America/New_York")  # clocks go forward on 9 March 2025
    ref = dt.datetime(2025, 3, 8, 23, 30, tzinfo=new_york)
    dates = [m.date for m in find_dates("tomorrow, in 2 days, within 24 hours", ref)]
    assert dates == [D("2025-03-09"), D("2025-03-10"), D("2025-03-09")]


def test_daylight_saving_end_keeps_next_week_on_monday():
    berlin = ZoneInfo("Europe/Berlin")  # clocks go back on 26 October 2025
    ref = dt.datetime(2025, 10, 26, 1, 30, tzinfo=berlin)
    (mention,) = find_dates("See you next week.", ref)
    assert mention.date == D("2025-10-27")


def test_naive_reference_is_taken_as_written():
    (mention,) = find_dates("tomorrow", dt.datetime(2025, 12, 31, 23, 59))
    assert mention.date == D("2026-01-01")


def test_empty_text_gives_nothing():
    assert find_dates("", at(WED)) == []


def test_long_email_finds_dates_in_order():
    text = ("Hi Dana,\n\nThanks for speaking with us on Monday. The panel meets next week and "
            "we will make a decision by the end of next week.\n\nIf you haven't heard from me "
            "by Thursday 16 October, please follow up.\n\nBest,\nSam")
    found = find_dates(text, at("2025-10-01T09:00:00+01:00"))
    assert [(m.text, str(m.date)) for m in found] == [
        ("Monday", "2025-09-29"),  # thanked for: the Monday just gone
        ("next week", "2025-10-06"),
        ("by the end of next week", "2025-10-10"),
        ("by Thursday 16 October", "2025-10-16"),
    ]


# --- business days ---

@pytest.mark.parametrize("start,n,holidays,expected", [
    ("2025-10-03", 1, (), "2025-10-06"),  # Friday + 1 = Monday
    ("2025-10-04", 1, (), "2025-10-06"),  # Saturday + 1 = Monday
    ("2025-10-06", 5, (), "2025-10-13"),  # a full week
    ("2025-10-06", 0, (), "2025-10-06"),
    ("2025-12-24", 2, (D("2025-12-25"), D("2025-12-26")), "2025-12-30"),
    ("2025-10-06", -1, (), "2025-10-03"),  # backwards over a weekend
])
def test_add_business_days(start, n, holidays, expected):
    assert add_business_days(D(start), n, holidays) == D(expected)


# --- how people write dates beyond the basics ---

@pytest.mark.parametrize("text,ref,expected", [
    ("We will decide after Christmas.", WED, [("Christmas", "2025-12-25")]),
    ("Start date: Easter Monday 2026.", WED, [("Easter Monday 2026", "2026-04-06")]),
    ("Kami kabari setelah Lebaran.", WED, [("Lebaran", "2026-03-21")]),
    ("Offices close for Thanksgiving.", WED, [("Thanksgiving", "2025-11-27")]),
    ("I applied 1 month and 10 days ago.", WED, [("1 month and 10 days ago", "2025-08-22")]),
    ("Let's talk next week, maybe on Thursday.", WED,
     [("next week, maybe on Thursday", "2025-10-09")]),
    ("Your badge is ready 3 days from Friday.", WED, [("3 days from Friday", "2025-10-06")]),
    ("Training ends 2 weeks from 1 November.", WED, [("2 weeks from 1 November", "2025-11-15")]),
    ("Signed on September 10, two thousand and twenty six.", WED,
     [("September 10, two thousand and twenty six", "2026-09-10")]),
    ("Can you do Thursday 10/2?", "2025-09-20T09:00:00+07:00", [("Thursday 10/2", "2025-10-02")]),
    ("Thanks for meeting this Friday, Jun 13.", "2025-06-16T09:00:00+00:00",
     [("this Friday, Jun 13", "2025-06-13")]),
    ("Open between February 23 and February 24, 2027.", WED,
     [("February 23", "2027-02-23"), ("February 24, 2027", "2027-02-24")]),
    ("Application Date: 2020 Nov 09", WED, [("2020 Nov 09", "2020-11-09")]),
    ("Psikotes tgl 5 Nov 25.", WED, [("5 Nov 25", "2025-11-05")]),
    ("Interview 16Nov2025 confirmed.", WED, [("16Nov2025", "2025-11-16")]),
    ("Please come up to the 4th floor.", WED, []),
    ("The 2nd round was with the CTO.", WED, []),
    ("We train the leaders of tomorrow.", WED, []),
    ("Got a reply 3 weeks later.", WED, []),
    ("The call is on the 21st at 10:00.", WED, [("the 21st", "2025-10-21")]),
])
def test_reads_how_people_write_dates(text, ref, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(ref))] == expected


def test_deadline_with_a_clock_time_between():
    (mention,) = find_dates("You have until 11:59 PM EST Tuesday to submit.", at(WED))
    assert (mention.text, str(mention.date), mention.kind, mention.time) == (
        "Tuesday", "2025-10-07", "by", dt.time(23, 59))


def test_bare_afternoon_hour_reads_as_pm():
    (mention,) = find_dates("Are you free at 3 on Monday?", at(WED))
    assert mention.time == dt.time(15, 0)


@pytest.mark.parametrize("text,ref,expected", [
    ("Tanggal 24 kemarin kami sudah kirim email.", "2025-10-29T09:00:00+07:00",
     [("Tanggal 24 kemarin", "2025-10-24")]),
    ("Wawancara Senin (29/9/2025) kemarin berjalan baik.", WED,
     [("Senin (29/9/2025)", "2025-09-29")]),
    ("Titik temu di 03.22.46 Lintang Selatan.", WED, []),
    ("Tes tertulis 14.10.25 pukul 9.", WED, [("14.10.25", "2025-10-14")]),
])
def test_indonesian_writing_habits(text, ref, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(ref))] == expected


def test_a_decimal_after_on_is_no_day_of_the_month():
    assert find_dates("The score went up on 4.22 points.", at(WED)) == []


# --- the order of an ambiguous numeric date (day first unless the email says otherwise) ---

@pytest.mark.parametrize("text,ref,day", [
    # English with no offset at all: the en-US default, month first
    ("Your test is on 05/04/2026.", "2026-01-10T09:00:00", "2026-05-04"),
    ("We met on 3-7-2024.", "2025-01-10T09:00:00", "2024-03-07"),
    # Indonesian text stays day first whatever the offset
    ("Tes pada 05/04/2026 untuk kami.", "2026-01-10T09:00:00", "2026-04-05"),
    # UTC (the UK in winter): day first while that reading is the nearer one to come
    ("Your test is on 05/04/2026.", "2026-01-10T09:00:00+00:00", "2026-04-05"),
    # ... month first when only that reading is still to come
    ("Your test is on 05/04/2026.", "2026-04-20T09:00:00+00:00", "2026-05-04"),
    # ... or when it comes first
    ("Your test is on 03/07/2026.", "2026-01-10T09:00:00+00:00", "2026-03-07"),
    # Europe, Asia: day first
    ("Your test is on 05/04/2026.", "2026-04-20T09:00:00+01:00", "2026-04-05"),
    ("Your test is on 07/03/2026.", "2026-01-10T09:00:00+07:00", "2026-03-07"),
    # only one reading is a date: that one, everywhere
    ("Your test is on 13/04/2026.", "2026-01-10T09:00:00-05:00", "2026-04-13"),
])
def test_ambiguous_numeric_date_order(text, ref, day):
    (mention,) = find_dates(text, at(ref))
    assert str(mention.date) == day


# --- limits counted from the email itself, estimates, fortnights ---

@pytest.mark.parametrize("text,span,day", [
    ("Please reply within 48 hours of this email.", "within 48 hours of this email", "2025-10-03"),
    ("Submit the task within 5 days of receiving this email.",
     "within 5 days of receiving this email", "2025-10-06"),
    ("The link is valid for 7 days from the date of this invitation.",
     "valid for 7 days from the date of this invitation", "2025-10-08"),
    ("This offer is valid for 10 days.", "valid for 10 days", "2025-10-11"),
    ("Please answer 3 days from receipt.", "3 days from receipt", "2025-10-04"),
    ("We hope to decide in a fortnight.", "in a fortnight", "2025-10-15"),
    ("You'll hear back in approximately two weeks.", "in approximately two weeks", "2025-10-15"),
    ("Expect a reply in about 3 business days.", "in about 3 business days", "2025-10-06"),
    ("Mohon konfirmasi 1x24 jam.", "1x24 jam", "2025-10-02"),
    ("Undangan ini berlaku selama 3 hari.", "berlaku selama 3 hari", "2025-10-04"),
    ("Kami kabari dalam kurang lebih dua minggu.", "dalam kurang lebih dua minggu", "2025-10-15"),
])
def test_limits_counted_from_the_email(text, span, day):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, str(mention.date), mention.kind) == (span, day, "within")


@pytest.mark.parametrize("text", [
    "within 3 days of the interview we will know more",  # counted from an event, not the email
    "I have 5 years of experience.",
])
def test_durations_counted_from_something_else_give_nothing(text):
    assert find_dates(text, at(WED)) == []


# --- how people write dates: dotted, with a comma, in a name, two-digit years, counted weekdays

@pytest.mark.parametrize("text,ref,expected", [
    ("I'll be back on 4.22.", "2025-11-07T09:00:00-05:00", [("4.22", "2026-04-22")]),
    ("The move happens by 6.15, hopefully.", "2025-11-07T09:00:00", [("by 6.15", "2026-06-15")]),
    ("The service is written in 3.13.", "2025-11-07T09:00:00", []),  # a version
    ("Rapat dimulai pada 9.30.", WED, []),  # Indonesian: a clock time
    ("We talked on 08/12,2015 about it.", "2016-11-07T00:00:00", [("08/12,2015", "2015-08-12")]),
    ("Started 8/12,15 and left.", "2016-11-07T00:00:00", [("8/12,15", "2015-08-12")]),
    ("Signed on 14/10, 2025.", WED, [("14/10, 2025", "2025-10-14")]),
    ("Attached: offer_letter_2025-10-14.pdf", WED, [("2025-10-14", "2025-10-14")]),
    ("See contract-2025-11-03-v2.docx", WED, [("2025-11-03", "2025-11-03")]),
    ("January first 12 was my start date.", WED, [("January first 12", "2012-01-01")]),
    ("We start March 3rd 26.", WED, [("March 3rd 26", "2026-03-03")]),
    ("We start January 21st 15 people strong.", WED, [("January 21st", "2026-01-21")]),
    ("Could we meet two Sundays from now?", WED, [("two Sundays from now", "2025-10-12")]),
    ("Let's meet in three Fridays.", WED, [("in three Fridays", "2025-10-17")]),
    ("I got the answer two Mondays later.", WED, []),  # a story, counted from elsewhere
    ("I work two Mondays a month.", WED, []),
    ("Hiring resumes next month.", WED, [("next month", "2025-11-01")]),
    ("Proses dilanjutkan bulan depan.", "2025-12-15T09:00:00+07:00", [("bulan depan", "2026-01-01")]),
    ("We will know more in the next month.", WED, []),
])
def test_written_forms(text, ref, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(ref))] == expected


def test_next_month_is_a_period_like_next_week():
    (mention,) = find_dates("We restart hiring next month.", at(WED))
    assert mention.kind == "week"


@pytest.mark.parametrize("text,expected", [
    ("ping me thurs", [("thurs", "2025-10-02")]),
    ("Let's talk tues.", [("tues", "2025-10-07")]),
    ("See you Wed.", [("Wed", "2025-10-08")]),
    ("see you on wed", [("wed", "2025-10-08")]),
    ("Reply by Fri please.", [("by Fri", "2025-10-03")]),
    ("c'mon, we wed in June under the sun", []),
    ("Sun Life and Sat prep", []),
])
def test_short_weekdays_alone(text, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(WED))] == expected


# --- days beside another day: "the following day", "H-1", "the day before Friday" ---

@pytest.mark.parametrize("text,expected", [
    # anchored to the day named just before
    ("The interview is on Wednesday and we will decide the following day.",
     [("Wednesday", "2025-10-08"), ("the following day", "2025-10-09")]),
    ("Your onsite is on 14 October. We decide the next day.",
     [("14 October", "2025-10-14"), ("the next day", "2025-10-15")]),
    ("Wawancara hari Jumat, hasilnya keesokan harinya.",
     [("hari Jumat", "2025-10-03"), ("keesokan harinya", "2025-10-04")]),
    ("Wawancara tanggal 12 Oktober. Mohon konfirmasi paling lambat H-1.",
     [("12 Oktober", "2025-10-12"), ("paling lambat H-1", "2025-10-11")]),
    ("Tes tanggal 20 Oktober; berkas dikirim H-3.",
     [("20 Oktober", "2025-10-20"), ("H-3", "2025-10-17")]),
    # nothing named before: the reference
    ("We will get back to you the next day.", [("the next day", "2025-10-02")]),
    ("Can we move it to the day after?", [("the day after", "2025-10-02")]),
    ("I sent it the day before.", [("the day before", "2025-09-30")]),
    # counted from a named day
    ("Please send it the day before Friday.", [("the day before Friday", "2025-10-02")]),
    ("We need it 2 days before 10 October.", [("2 days before 10 October", "2025-10-08")]),
    ("Kirim sehari sebelum tanggal 12.", [("sehari sebelum tanggal 12", "2025-10-11")]),
    # no day at all, or an event without a date anchors it
    ("Please arrive the day before the interview.", []),
    ("Depart the same day as your interviews, or the following day?", []),
    ("Setelah wawancara, kami kabari keesokan harinya.", []),
    ("Mohon konfirmasi H-1.", []),
    ("We sponsor H-1B visas.", []),
    ("We offer next day delivery, or the next day or two.", []),
    ("The day is yours; what does my day look like?", []),
])
def test_days_beside_another_day(text, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(WED))] == expected


def test_anchor_stops_at_a_paragraph_break():
    text = "Your interview is on Friday.\n\nAny questions? I can answer the next day."
    found = find_dates(text, at(WED))
    assert [(m.text, str(m.date)) for m in found] == [
        ("Friday", "2025-10-03"), ("the next day", "2025-10-02")]


# --- phrases found in recruiter mail, each in a sentence of our own ---

@pytest.mark.parametrize("text,span,day", [
    ("Kindly complete the test within 72 hours.", "within 72 hours", "2025-10-04"),
    ("Ping me thurs if nothing arrives.", "thurs", "2025-10-02"),
    ("Kami tunggu konfirmasinya 1x24 jam.", "1x24 jam", "2025-10-02"),
    ("Mohon dibalas dalam 2x24 jam.", "dalam 2x24 jam", "2025-10-03"),
    ("Hasil psikotes keluar lusa.", "lusa", "2025-10-03"),
    ("Kami kabari dalam 4 hari kerja.", "dalam 4 hari kerja", "2025-10-07"),
    ("Keputusan akan keluar akhir minggu depan.", "akhir minggu depan", "2025-10-10"),
    ("Interview user Kamis ini ya.", "Kamis ini", "2025-10-02"),
    ("Dokumen dikirim sebelum tanggal 5.", "sebelum tanggal 5", "2025-10-05"),
])
def test_recruiter_mail_phrases(text, span, day):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, str(mention.date)) == (span, day)


@pytest.mark.parametrize("text,expected", [
    # the end of a named day is that day
    ("Please respond by COB Friday.", [("by COB Friday", "2025-10-03", "by")]),
    ("Please respond by EOD tomorrow.", [("by EOD tomorrow", "2025-10-02", "by")]),
    ("Kindly revert by tomorrow EOD.", [("by tomorrow EOD", "2025-10-02", "by")]),
    ("Send it by end of day Friday, please.", [("by end of day Friday", "2025-10-03", "by")]),
    ("Please reply by end of day.", [("by end of day", "2025-10-01", "by")]),
    # the end of the week after next is its Friday
    ("We aim to reply by the end of the week after next.",
     [("by the end of the week after next", "2025-10-17", "by")]),
    # a deadline label with words before its colon
    ("Deadline pengumpulan berkas: Jumat, 10 Okt 2025.", [("Jumat, 10 Okt 2025", "2025-10-10", "by")]),
    # pairs of days
    ("Can you do the 14th or 15th?", [("the 14th", "2025-10-14", "day"), ("15th", "2025-10-15", "day")]),
    ("The 2nd and 3rd round happen later.", []),
    # a duration counted from an event is no date
    ("Kami akan menghubungi Anda paling lambat 2 minggu setelah wawancara.", []),
    ("We decide within 3 days following the interview.", []),
])
def test_day_ends_pairs_and_event_durations(text, expected):
    assert [(m.text, str(m.date), m.kind) for m in find_dates(text, at(WED))] == expected


# --- limits as people write them: from receipt, numbers written twice, time given ---

@pytest.mark.parametrize("text,span,day", [
    ("Please finish it within 3 days of receiving this email.",
     "within 3 days of receiving this email", "2025-10-04"),
    ("Kindly confirm within 48 hours of receipt.", "within 48 hours of receipt", "2025-10-03"),
    ("Complete the quiz within 72 hours of opening the link.",
     "within 72 hours of opening the link", "2025-10-04"),
    ("Send it back within 5 days from the time you receive this email.",
     "within 5 days from the time you receive this email", "2025-10-06"),
    ("Berkas dikirim dalam 5 (lima) hari kerja.", "dalam 5 (lima) hari kerja", "2025-10-08"),
    ("Hasil diumumkan dalam 10 (sepuluh) hari kerja.", "dalam 10 (sepuluh) hari kerja",
     "2025-10-15"),
    ("Please accept within five (5) business days.", "within five (5) business days",
     "2025-10-08"),
    ("Return the signed copy within 7 (seven) days.", "within 7 (seven) days", "2025-10-08"),
    ("Tes diselesaikan dalam 3 (tiga) hari kerja sejak email ini diterima.",
     "dalam 3 (tiga) hari kerja sejak email ini diterima", "2025-10-06"),
    ("Konfirmasi selambat-lambatnya 2 (dua) hari kerja sejak pengumuman ini.",
     "selambat-lambatnya 2 (dua) hari kerja sejak pengumuman ini", "2025-10-03"),
    ("Jawaban kami kirim dalam dua minggu dari hari ini.",
     "dalam dua minggu dari hari ini", "2025-10-15"),
    ("Kamu punya waktu 5 hari untuk mengerjakan studi kasus.", "punya waktu 5 hari",
     "2025-10-06"),
    ("Anda diberi waktu 3 hari sejak email ini dikirim.",
     "diberi waktu 3 hari sejak email ini dikirim", "2025-10-04"),
    ("You have 4 days to complete the exercise.", "have 4 days", "2025-10-05"),
    ("You'll have 48 hours to record your answers.", "have 48 hours", "2025-10-03"),
    ("The test link stays open for 7 days.", "open for 7 days", "2025-10-08"),
    ("Please reply within 5 days' time.", "within 5 days' time", "2025-10-06"),
])
def test_limits_as_people_write_them(text, span, day):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, str(mention.date), mention.kind) == (span, day, "within")


def test_where_a_number_and_its_words_differ_the_words_govern():
    (mention,) = find_dates("Reply within ten (12) days.", at(WED))
    assert str(mention.date) == "2025-10-11"


def test_a_validity_date_is_a_limit():
    (mention,) = find_dates("This offer is valid until 10 October.", at(WED))
    assert (mention.text, str(mention.date), mention.kind) == ("until 10 October", "2025-10-10", "by")


@pytest.mark.parametrize("text", [
    "Your assessment responses remain valid for 12 months.",
    "We are hiring over the next six months.",
    "Persiapan IPO dalam 2 tahun.",
    "Your CV stays in our database within the next 90 days.",
    "Data disimpan dalam setahun.",
])
def test_limits_of_months_or_years_are_no_deadline(text):
    assert find_dates(text, at(WED)) == []


@pytest.mark.parametrize("text,span,day", [
    ("Please check back within 2 months.", "within 2 months", "2025-12-01"),
    ("You are welcome to reapply in 6 months.", "in 6 months", "2026-04-01"),
    ("Lowongan dibuka lagi setahun lagi.", "setahun lagi", "2026-10-01"),
])
def test_short_limits_and_far_moments_are_still_read(text, span, day):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, str(mention.date)) == (span, day)


@pytest.mark.parametrize("text,expected", [
    ("Could you email me on the 5th when I'm back?", [("the 5th", "2025-10-05")]),
    ("Let's speak on the 12th so we can settle it.", [("the 12th", "2025-10-12")]),
    ("Hubungi saya lagi tanggal 5 saat saya sudah kembali.", [("tanggal 5", "2025-10-05")]),
    ("The 3rd you sent was the best.", []),  # the third one of something
    ("I was on the 2nd team when it launched.", []),
])
def test_a_day_of_the_month_before_a_new_clause(text, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(WED))] == expected


@pytest.mark.parametrize("text,expected", [
    # a clause between them: two mentions, neither swallows the other
    ("We finish interviews next week, so we'll let you know our decision on Monday.",
     [("next week", "2025-10-06", "week"), ("Monday", "2025-10-06", "day")]),
    ("Minggu depan tim rapat, lalu kami kabari hari Kamis.",
     [("Minggu depan", "2025-10-06", "week"), ("hari Kamis", "2025-10-02", "day")]),
    # a hedge between them: one day
    ("Minggu depan, mungkin hari Kamis.", [("Minggu depan, mungkin hari Kamis", "2025-10-09", "day")]),
    ("Next week - say Wednesday?", [("Next week - say Wednesday", "2025-10-08", "day")]),
])
def test_spans_do_not_swallow_clauses(text, expected):
    assert [(m.text, str(m.date), m.kind) for m in find_dates(text, at(WED))] == expected


# --- found in real mail: days told as past, greetings, shopping days, street corners ---

@pytest.mark.parametrize("text,expected", [
    ("Thanks again for Friday's conversation.", [("Friday", "2025-09-26")]),
    ("Thanks for Saturday!", [("Saturday", "2025-09-27")]),
    ("Thank you for the interview on Tuesday.", [("Tuesday", "2025-09-30")]),
    ("Many thanks for attending the assessment day on Monday.", [("Monday", "2025-09-29")]),
    ("We spoke on Monday about the role.", [("Monday", "2025-09-29")]),
    ("Terima kasih atas wawancara hari Senin.", [("hari Senin", "2025-09-29")]),
    ("The second round held on 3rd June went well.", [("3rd June", "2025-06-03")]),
    ("Saya melamar pada tanggal 6 Januari lalu.", [("6 Januari", "2025-01-06")]),
    # a thank-you for what is still to come keeps the next day
    ("Thank you for confirming Tuesday.", [("Tuesday", "2025-10-07")]),
    ("Thanks for the update, Friday works for me.", [("Friday", "2025-10-03")]),
    ("Thanks for the call, I've moved your interview to Thursday.", [("Thursday", "2025-10-02")]),
    ("Thank you for your time today; we will decide on Friday.",
     [("today", "2025-10-01"), ("Friday", "2025-10-03")]),
    ("We met on Friday and will decide on Monday.",
     [("Friday", "2025-09-26"), ("Monday", "2025-10-06")]),
])
def test_days_told_as_past(text, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(WED))] == expected


@pytest.mark.parametrize("text,expected", [
    ("Have a good Friday evening, you've earned it.", []),
    ("Happy Monday!", []),
    ("The office is closed on Good Friday.", [("Good Friday", "2026-04-03")]),
    ("Our Black Friday offer ends Monday.", [("Black Friday", "2025-11-28"), ("Monday", "2025-10-06")]),
    ("Cyber Monday prices for Premium.", [("Cyber Monday", "2025-12-01")]),
    ("We're at the roastery on 4th and Alder.", []),
    ("A reminder follows two (2) business days prior to the interview.", []),
    ("Berkas dikirim 3 hari kerja sebelum wawancara.", []),
    ("Can we connect over the early part of next week?", []),
    ("Send me your availability for the next week or so.", []),
])
def test_look_alikes_in_real_mail(text, expected):
    assert [(m.text, str(m.date)) for m in find_dates(text, at(WED))] == expected


@pytest.mark.parametrize("text,span", [
    ("This offer will expire on 8 October.", "8 October"),
    ("Your invitation expires Friday.", "Friday"),
])
def test_an_expiry_is_a_limit(text, span):
    (mention,) = find_dates(text, at(WED))
    assert (mention.text, mention.kind) == (span, "by")


# --- speed: the word gates before each rule never hide a date ---------------------------------

GATE_TEXTS = [text for text, _, _ in CASES] + NO_DATE + [
    "Could you do the 14th or 15th?", "Interview: 2025-10-14 at 10:00", "Due 4.22, thanks.",
    "report_2002-10-09.xlsx", "Send it in two Sundays from now.", "Hasil diumumkan H-1 acara.",
    "Valid for 7 days from receipt.", "You have 5 days to complete it.", "dalam 1x24 jam",
    "seminggu lagi", "3 days from tomorrow", "1 month and 10 days ago", "the first Friday of July",
    "Friday the 22nd", "Let's meet on the twenty-first.", "after Christmas", "setelah Lebaran",
]


@pytest.mark.parametrize("text", GATE_TEXTS + [t.upper() for t in GATE_TEXTS])
def test_a_rule_that_matches_is_never_gated_out(text):
    from watcher.dates import _Gates, _prefilters, _rules

    gates = _Gates(text)
    for name, pattern, _ in _rules():
        if pattern.search(text):
            needs = _prefilters().get(name)
            assert gates.open(name) == (needs is None or needs.search(text) is not None), name


@pytest.mark.parametrize("text", GATE_TEXTS + ["Summary: may we?", "a-may-zing", "DEC 5", "Desember"])
def test_the_month_test_agrees_with_its_pattern(text):
    from watcher.dates import _Gates, _prefilters

    assert _Gates(text).month_named() == (_prefilters()["month day year"].search(text) is not None)


def test_letters_that_lowercase_oddly_are_read_as_the_patterns_read_them():
    # A dotless "ı" is an "i" to a case-blind pattern but not to str.lower(): such a text
    # skips the word gates.
    found = find_dates("Kami kabari harı ını.", at(WED))
    assert [(m.text, m.date.isoformat()) for m in found] == [("harı ını", "2025-10-01")]


def test_gates_say_which_rules_can_match():
    from watcher.dates import _Gates

    gates = _Gates("See you on Friday.")
    assert gates.open("weekday") and not gates.open("numeric date") and not gates.open("ago")


@pytest.mark.parametrize("text", GATE_TEXTS + [t.upper() for t in GATE_TEXTS] + ["H-1 acara", "Day after"])
def test_the_cheap_questions_answer_as_the_case_blind_ones(text):
    from watcher.dates import _lowercase_prefilters, _prefilters

    for name, needs in _prefilters().items():
        assert (_lowercase_prefilters()[name].search(text.lower()) is None) == (needs.search(text) is None), name
