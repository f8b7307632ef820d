"""read_message: label, key date, evidence, direction, interview time, bad input."""
from datetime import datetime, timedelta, timezone

import pytest

from watcher.mime import parse_message
from watcher.reader import Reading, read_message, split_sentences


def mail(body: str, subject: str = "Update", date: str = "Fri, 21 Mar 2025 16:22:00 +0000",
         sender: str = "Gabriel Fournier <gabriel@arcwell.example>", extra: str = "") -> bytes:
    return (f"From: {sender}\r\nTo: Nadia <nadia@mail.example>\r\nSubject: {subject}\r\nDate: {date}\r\n"
            f"Message-ID: <m1@arcwell.example>\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def read(raw: bytes, **kw) -> Reading:
    return read_message(parse_message(raw), use_model=False, **kw)


def test_checkin_request_with_its_day():
    r = read(mail("Hi Nadia,\r\n\r\nWe're still finishing interviews. If you haven't heard from me by\r\n"
                  "Thursday, please do follow up with me directly.\r\n\r\nBest,\r\nGabriel"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("checkin_request", "2025-03-27", "checkin")
    assert r.direction == "in" and r.language == "en"


def test_evidence_is_a_sentence_of_the_new_text_verbatim():
    raw = mail("Hi Nadia,\r\n\r\nAfter a lot of thought, we have decided not to move forward\r\nwith your application.\r\n\r\n"
               "Best,\r\nGabriel")
    parsed = parse_message(raw)
    r = read_message(parsed, use_model=False)
    assert r.label == "rejection"
    assert r.evidence in parsed.new_text
    assert "decided not to move forward" in " ".join(r.evidence.split())


def test_quoted_history_does_not_decide():
    body = ("Hi Sam,\r\n\r\nThanks for checking in. We'll be in touch once we have news.\r\n\r\nLaura\r\n\r\n"
            "On Mon, 17 Mar 2025 at 09:14, Sam <sam@mail.example> wrote:\r\n"
            "> I'd like to invite you to an interview on Friday 21 March.\r\n"
            "> Unfortunately we have decided not to move forward.\r\n")
    r = read(mail(body, subject="Re: checking in"))
    assert r.label == "will_contact_you"


def test_indonesian_acknowledgement_with_business_days():
    r = read(mail("Yth. Bapak Yosef,\r\n\r\nLamaran Anda untuk posisi Staf Akuntansi telah kami terima. Setiap pelamar "
                  "akan menerima kabar mengenai hasil seleksi dalam 10 hari kerja.\r\n\r\nHormat kami,\r\nTim Rekrutmen",
                  subject="Konfirmasi Penerimaan Lamaran", date="Tue, 09 Sep 2025 16:02:00 +0700"))
    assert (r.label, str(r.key_date), r.key_date_kind, r.language) == ("application_received", "2025-09-23", "hear_back", "id")


def test_interview_with_one_date_and_time_gives_interview_at():
    r = read(mail("Hi Callum,\r\n\r\nI'm pleased to confirm your interview:\r\n\r\nWednesday 19 November 2025, 14:00-15:00\r\n"
                  "Leeds studio\r\n\r\nBest wishes,\r\nGreta", date="Thu, 13 Nov 2025 12:30:00 +0000"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("interview_invite", "2025-11-19", "interview")
    assert r.interview_at == datetime(2025, 11, 19, 14, 0, tzinfo=timezone.utc)


def test_interview_with_a_list_of_options_has_no_date():
    r = read(mail("Halo Putri,\r\n\r\nKami ingin mengundang Anda untuk wawancara awal. Silakan pilih salah satu jadwal berikut:\r\n"
                  "1. Senin, 8 September 2025, pukul 10.00\r\n2. Selasa, 9 September 2025, pukul 14.00\r\n\r\nSalam,\r\nMade",
                  date="Wed, 03 Sep 2025 10:05:00 +0800"))
    assert r.label == "interview_invite" and r.key_date is None and r.interview_at is None


def test_offer_deadline_is_not_the_start_date():
    r = read(mail("Dear Julian,\r\n\r\nI'm delighted to offer you the position of Bioprocess Scientist, starting on Monday "
                  "2 February 2026.\r\n\r\nPlease let us know your decision by Friday 12 December 2025.\r\n",
                  date="Mon, 08 Dec 2025 10:15:00 +0100"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("offer", "2025-12-12", "deadline")


def test_assessment_within_days_of_receiving_the_email():
    r = read(mail("Please complete the coding assessment within 3 days of receiving this email.",
                  date="Fri, 23 May 2025 15:48:00 +0000"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("assessment", "2025-05-26", "deadline")


def test_vague_hear_back_gives_no_date():
    r = read(mail("Thank you for interviewing with us. We will make a decision soon and let you know."))
    assert r.key_date is None and r.key_date_kind is None


def test_mail_from_me_is_out_and_unlabelled():
    r = read(mail("Hi Gabriel, just checking in on the role.", sender="Nadia <Nadia@Mail.example>"),
             me=["nadia@mail.example"])
    assert (r.direction, r.label) == ("out", None)


def test_relay_sender_names_the_employer_not_the_relay():
    r = read(mail("Thank you for your interest in the Backend Engineer, Ledger role at Orrery Payments. Please complete "
                  "the assessment within 3 days.", sender="Orrery Payments via Skillcheck <no-reply@skillcheck.example>"))
    assert r.company == "Orrery Payments" and r.role == "Backend Engineer, Ledger"


def test_empty_body_is_other_with_low_confidence():
    r = read(mail("", subject=""))
    assert r.label == "other" and r.confidence < 0.3


def test_binary_junk_does_not_raise():
    r = read_message(parse_message(bytes(range(256)) * 40), use_model=False)
    assert r.label == "other" and r.confidence < 0.3


def test_missing_date_header_reads_the_label_without_dates():
    raw = b"From: hr@x.example\r\nSubject: Offer\r\n\r\nWe are delighted to offer you the role. Please reply by Friday.\r\n"
    r = read(raw)
    assert r.label == "offer" and r.key_date is None


def test_split_sentences_keeps_lines_of_a_list_apart():
    text = "Options:\n1. Monday 10am\n2. Tuesday 2pm\n\nThanks, Mr. Lee will join."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Options:", "1. Monday 10am", "2. Tuesday 2pm",
                                                             "Thanks, Mr. Lee will join."]


def test_interview_time_on_its_own_line():
    r = read(mail("Hi Tomasz,\r\n\r\nWe would like to invite you to a technical interview.\r\n\r\n"
                  "Date: Tuesday, 16 September 2025\r\nTime: 9:30-10:30 (Warsaw time)\r\n\r\nBest,\r\nHannah",
                  date="Thu, 11 Sep 2025 14:05:00 +0200"))
    assert r.key_date.isoformat() == "2025-09-16"
    assert r.interview_at.isoformat() == "2025-09-16T09:30:00+02:00"


def test_a_delay_keeps_the_new_date_not_the_old_one():
    r = read(mail("Hi Ana,\r\n\r\nI told you we'd decide by Friday, but the hiring manager has added two more "
                  "candidates, so we are still interviewing.\r\n\r\nRealistically you should hear back from me within two weeks.",
                  date="Wed, 22 May 2024 16:40:00 -0700"))
    assert (r.label, r.key_date.isoformat()) == ("still_deciding", "2024-06-05")


def test_a_reply_subject_alone_does_not_make_an_invitation():
    r = read(mail("Terima kasih atas waktunya kemarin. Keputusan untuk tahap berikutnya akan kami sampaikan paling lambat hari Jumat.",
                  subject="Re: Undangan Wawancara - Backend Engineer", date="Wed, 05 Nov 2025 09:45:00 +0700"))
    assert (r.label, r.key_date.isoformat()) == ("decision_timeline", "2025-11-07")


def _asked_about(monkeypatch):
    """The sentences the date resolver is asked about, as read_message goes."""
    import watcher.reader as reader

    asked = []
    real = reader._dates_in

    def spy(text, ref):
        asked.append(text)
        return real(text, ref)

    monkeypatch.setattr(reader, "_dates_in", spy)
    return asked


def test_the_resolver_is_not_asked_about_a_rejection(monkeypatch):
    asked = _asked_about(monkeypatch)
    r = read(mail("Hi Nadia,\r\n\r\nUnfortunately we have decided not to move forward with your application. "
                  "We will make a final decision on the role by Friday 28 March.\r\n\r\nGabriel"))
    assert r.label == "rejection" and r.key_date is None
    assert asked == []


def test_the_resolver_is_asked_only_about_sentences_that_can_change_an_invitation(monkeypatch):
    asked = _asked_about(monkeypatch)
    r = read(mail("Hi Nadia,\r\n\r\nWe'd like to invite you to an interview on Tuesday 25 March at 10am.\r\n\r\n"
                  "Our decision is expected by Friday 4 April; we will let you know.\r\n\r\nGabriel"))
    assert (r.label, str(r.key_date)) == ("interview_invite", "2025-03-25")
    assert not any("decision is expected" in text for text in asked)  # its date cannot change the label


def test_three_different_words_make_a_message_worth_reading():
    from watcher.reader import _has_words

    assert not _has_words("ok OK ok 12345 x.y", 3)
    assert _has_words("Thanks for applying", 3)
    r = read(mail("ok ok", subject=""))
    assert (r.label, r.confidence) == ("other", 0.1)


def test_the_following_day_leans_on_the_day_named_the_sentence_before():
    r = read(mail("Hi Nadia,\r\n\r\nThe panel meets on Tuesday 25 March. We will let you know the outcome the "
                  "following day.\r\n\r\nGabriel"))
    assert (r.label, str(r.key_date)) == ("decision_timeline", "2025-03-26")


def test_a_postponed_announcement_keeps_the_later_date():
    r = read(mail("Yth. Nadia,\r\n\r\nPengumuman hasil wawancara yang semula dijadwalkan pada Senin, 24 Maret 2025 "
                  "ditunda menjadi Senin, 31 Maret 2025.\r\n\r\nHormat kami,\r\nPanitia Rekrutmen"))
    assert str(r.key_date) == "2025-03-31"


def test_an_indonesian_deadline_with_maksimal():
    r = read(mail("Halo Nadia,\r\n\r\nSilakan kerjakan tes online berikut dan kirimkan jawabannya maksimal "
                  "3 (tiga) hari setelah email ini diterima.\r\n\r\nSalam,\r\nTim HR"))
    assert (r.label, str(r.key_date)) == ("assessment", "2025-03-24")


def test_mail_sent_to_a_list_is_bulk():
    from watcher.reader import _is_bulk

    assert _is_bulk(parse_message(mail("New jobs for you this week.\r\n\r\nUnsubscribe: https://jobs.example/u")))
    assert _is_bulk(parse_message(mail("Hello", extra="List-Unsubscribe: <mailto:u@jobs.example>\r\n")))
    assert not _is_bulk(parse_message(mail("We'd like to invite you to an interview on Tuesday.")))


# Phenomena of the weak labels, each in both languages: a withdrawn offer, a role filled from
# inside, a promised date that slipped, and mail about someone else's hiring.

def test_an_offer_taken_back_is_a_rejection():
    en = read(mail("Hi Nadia,\r\n\r\nAfter this week's budget review we have had to rescind the offer we sent you "
                   "for the Data Analyst role. I am very sorry.\r\n\r\nGabriel", subject="Your offer"))
    id_ = read(mail("Halo Nadia,\r\n\r\nKarena pembekuan anggaran, dengan menyesal penawaran kerja untuk posisi "
                    "Analis Data terpaksa kami batalkan.\r\n\r\nSalam,\r\nTim HR", subject="Penawaran kerja"))
    assert (en.label, id_.label) == ("rejection", "rejection")


def test_a_role_filled_from_inside_is_a_rejection():
    en = read(mail("Hi Nadia,\r\n\r\nThe client has decided to promote someone from their own team into the role, "
                   "so the search is closed.\r\n\r\nGabriel"))
    id_ = read(mail("Halo Nadia,\r\n\r\nManajemen memutuskan posisi ini diisi secara internal, sehingga proses "
                    "Anda kami hentikan.\r\n\r\nSalam,\r\nTim HR"))
    assert (en.label, id_.label) == ("rejection", "rejection")


def test_a_slipped_date_is_still_deciding_with_the_new_date():
    en = read(mail("Hi Nadia,\r\n\r\nI know I said we'd decide this week, but the panel could not meet. "
                   "You'll hear from me by Thursday 27 March.\r\n\r\nGabriel"))
    id_ = read(mail("Halo Nadia,\r\n\r\nSaya sempat bilang hasilnya keluar minggu ini, tapi direksi belum rapat. "
                    "Kami butuh seminggu lagi, kabar paling lambat Jumat 28 Maret 2025.\r\n\r\nSalam,\r\nRina"))
    assert (en.label, str(en.key_date)) == ("still_deciding", "2025-03-27")
    assert (id_.label, str(id_.key_date)) == ("still_deciding", "2025-03-28")


def test_mail_about_someone_elses_interview_is_other():
    panel = read(mail("Hi Nadia,\r\n\r\nYou've been added as an interviewer for a Product Designer candidate on "
                      "Tuesday at 10:00. Please submit your scorecard within a day.\r\n\r\nRecruiting Ops",
                      subject="Interview panel: Product Designer"))
    panel_id = read(mail("Halo Nadia,\r\n\r\nAnda ditunjuk sebagai pewawancara untuk kandidat Product Designer hari "
                         "Selasa pukul 10.00. Mohon isi form penilaian kandidat setelahnya.\r\n\r\nTim HR",
                         subject="Jadwal wawancara kandidat"))
    friend = read(mail("Nadia!!\r\n\r\nHow did the final round go? Did they say when they'll decide?\r\n\r\nT.",
                       subject="so??", sender="Tara <tara@mail.example>"))
    friend_id = read(mail("Nad,\r\n\r\nGimana interviewnya tadi? Udah dikasih tau kapan hasilnya keluar?\r\n\r\nT.",
                          subject="eh", sender="Tara <tara@mail.example>"))
    assert [r.label for r in (panel, panel_id, friend, friend_id)] == ["other"] * 4
    assert "interviewer" in panel.evidence


def test_offering_to_be_a_reference_for_the_candidate_is_not_about_someone_else():
    r = read(mail("Hi Nadia,\r\n\r\nWe have to withdraw the offer we made you on Monday. I'm willing to act as a "
                  "reference for you anywhere.\r\n\r\nGabriel"))
    assert r.label == "rejection"


def test_an_acknowledgement_naming_a_hear_back_date_stays_an_acknowledgement():
    # 21 March 2025 is a Friday: two weeks on is 4 April.
    r = read(mail("Hi Nadia,\r\n\r\nThank you for applying. We have received your application and we'll get back "
                  "to you within two weeks.\r\n\r\nBest,\r\nGabriel", subject="Application received"))
    assert (r.label, str(r.key_date), r.key_date_kind, r.interview_at) == ("application_received", "2025-04-04", "hear_back", None)


def test_an_indonesian_acknowledgement_saying_when_they_will_tell_you():
    r = read(mail("Halo Nadia,\r\n\r\nTerima kasih telah melamar. Lamaran Anda sudah kami terima dan kami akan "
                  "mengabari dalam 2 minggu.\r\n\r\nSalam,\r\nTim Rekrutmen", subject="Lamaran diterima"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("application_received", "2025-04-04", "hear_back")


def test_an_interview_promised_if_shortlisted_is_an_acknowledgement_with_a_hear_back_date():
    r = read(mail("Halo Nadia,\r\n\r\nLamaran Anda sudah masuk ke sistem kami. Jika lolos seleksi administrasi, kami akan "
                  "mengundang Anda untuk interview paling lambat Jumat, 28 Maret 2025.\r\n\r\nSalam,\r\nTim Rekrutmen",
                  subject="Terima kasih sudah melamar"))
    assert (r.label, str(r.key_date), r.key_date_kind, r.interview_at) == ("application_received", "2025-03-28", "hear_back", None)


def test_an_interview_time_in_a_named_zone_is_read_in_that_zone():
    # Sent from London; the interview is at 2pm Pacific time (daylight saving in September).
    r = read(mail("Hi Nadia,\r\n\r\nWe'd like to invite you to a video interview.\r\n\r\nDate: Tuesday, 16 September 2025\r\n"
                  "Time: 2:00pm - 3:00pm PT\r\n\r\nBest,\r\nGabriel", subject="Interview invitation",
                  date="Wed, 10 Sep 2025 09:00:00 +0100"))
    assert r.label == "interview_invite"
    assert r.interview_at.isoformat() == "2025-09-16T14:00:00-07:00"


def test_an_indonesian_interview_block_with_wib():
    r = read(mail("Halo Nadia,\r\n\r\nKami mengundang Anda untuk mengikuti wawancara.\r\nHari/tanggal: Kamis, 18 September 2025\r\n"
                  "Waktu: 10.00 - 11.00 WIB\r\nMedia: Zoom\r\n", subject="Undangan wawancara", date="Wed, 10 Sep 2025 09:00:00 +0000"))
    assert r.interview_at.isoformat() == "2025-09-18T10:00:00+07:00"


def test_a_time_line_before_the_date_line_with_eastern_time():
    r = read(mail("Hi Nadia,\r\n\r\nWe'd like to invite you to a phone interview.\r\n\r\nTime: 11:00am ET\r\n"
                  "Date: Wednesday, 17 September 2025\r\n\r\nGabriel", subject="Interview invitation",
                  date="Wed, 10 Sep 2025 09:00:00 +0000"))
    assert r.interview_at.isoformat() == "2025-09-17T11:00:00-04:00"


def test_an_interview_time_with_an_offset_and_one_without_a_zone():
    named = read(mail("We'd like to invite you to an interview on Friday 12 September 2025 at 4pm GMT+8.",
                      subject="Interview invitation", date="Wed, 10 Sep 2025 09:00:00 +0700"))
    assert named.interview_at.isoformat() == "2025-09-12T16:00:00+08:00"
    plain = read(mail("We'd like to invite you to an interview on Friday 12 September 2025 at 4pm.",
                      subject="Interview invitation", date="Wed, 10 Sep 2025 09:00:00 +0700"))
    assert plain.interview_at.isoformat() == "2025-09-12T16:00:00+07:00"


def test_an_offer_deadline_in_the_same_sentence_as_the_start_date():
    # 21 March 2025 is a Friday: "by Monday" is 24 March, never the start date.
    r = read(mail("Hi Nadia,\r\n\r\nWe are pleased to offer you the role. Please confirm by Monday COB so that you can "
                  "start on 7 April.\r\n\r\nGabriel", subject="Your offer"))
    assert (r.label, str(r.key_date), r.key_date_kind) == ("offer", "2025-03-24", "deadline")


def test_an_indonesian_offer_deadline_before_the_start_date():
    r = read(mail("Halo Nadia,\r\n\r\nDengan senang hati kami menawarkan posisi Staf Keuangan kepada Anda. Mohon konfirmasi "
                  "paling lambat hari Senin agar Anda dapat mulai bekerja tanggal 1 April 2025.\r\n", subject="Penawaran kerja"))
    assert (r.label, str(r.key_date)) == ("offer", "2025-03-24")


def test_a_start_within_two_weeks_is_not_the_offer_deadline():
    r = read(mail("Halo Nadia,\r\n\r\nDengan senang hati kami menawarkan posisi ini kepada Anda. Jika Anda menerima, Anda dapat "
                  "mulai bekerja dalam 2 minggu. Mohon kabari kami paling lambat hari Rabu.\r\n", subject="Penawaran kerja"))
    assert (r.label, str(r.key_date)) == ("offer", "2025-03-26")


def test_an_invitation_asked_as_a_question_outranks_the_acknowledgement_before_it():
    # The mail's point is the call it asks for, not the resume it mentions having.
    for body in ("Hi Nadia,\r\n\r\nGot your resume, thanks. Could we hop on the phone sometime next week?\r\n\r\nGabriel",
                 "Hi Nadia,\r\n\r\nI received your application for the data role. When would suit you for a conversation "
                 "with the team lead?\r\n\r\nGabriel"):
        assert read(mail(body)).label == "interview_invite"


def test_indonesian_invitation_asked_as_a_question_outranks_the_acknowledgement():
    for body in ("Halo Nadia,\r\n\r\nLamaran Anda telah kami terima. Apakah Anda bersedia mengikuti wawancara online "
                 "pada hari Kamis pukul 10.00 WIB?\r\n\r\nSalam,\r\nGabriel",
                 "Halo Nadia,\r\n\r\nLamaran kamu sudah kami terima ya. Boleh minta waktunya untuk call 30 menit "
                 "besok siang?\r\n\r\nSalam"):
        assert read(mail(body)).label == "interview_invite"


def test_a_question_about_the_interview_is_no_invitation():
    r = read(mail("Hi Nadia,\r\n\r\nThanks for applying; we have received your application. Do you have any "
                  "questions about the interview process?\r\n\r\nGabriel"))
    assert r.label == "application_received"


def test_many_messages_read_at_once_read_as_one_at_a_time():
    """read_messages batches the classifier; the readings are those of read_message, field by
    field, for mail the rules decide and mail they leave to the classifier."""
    from pathlib import Path

    from watcher.reader import read_messages

    corpus = Path(__file__).parent.parent / "corpus" / "train"
    raws = [p.read_bytes() for folder in ("en-a", "id") for p in sorted((corpus / folder).glob("*.eml"))[:25]]
    raws.append(bytes(range(256)) * 40)
    parsed = [parse_message(raw) for raw in raws]
    together = read_messages(parsed, me=["nadia@mail.example"])
    assert together == [read_message(p, me=["nadia@mail.example"]) for p in parsed]
    assert len({r.label for r in together}) >= 4


def test_a_message_that_breaks_the_reader_does_not_lose_the_others(monkeypatch):
    import watcher.reader as reader

    real = reader._Message

    def fragile(parsed):
        if "boom" in (parsed.subject or ""):
            raise RuntimeError("reader bug")
        return real(parsed)

    monkeypatch.setattr(reader, "_Message", fragile)
    parsed = [parse_message(mail("We regret that we will not move forward.", subject=s)) for s in ("a", "boom", "c")]
    out = reader.read_messages(parsed)
    assert isinstance(out[1], RuntimeError)
    assert [out[0].label, out[2].label] == ["rejection", "rejection"]


def test_a_scheduling_tools_confirmation_gives_the_time_below_the_subject():
    """The tool's subject names the day; the time (before or after the day) and its zone are in
    the body, on the line that names the day again; its "cancel or reschedule" footer moves nothing."""
    cases = [
        ("Confirmed: Interview with Ola Berg on Tuesday, December 2, 2025",
         "Hi Nadia Lund,\r\n\r\nYour interview is booked.\r\n\r\nInterview with Ola Berg (Fjordline)\r\n"
         "2:30pm - 3:15pm, Tuesday, December 2, 2025 (Eastern Time - US & Canada)\r\nLocation: Google Meet\r\n\r\n"
         "Need to make changes? Cancel or reschedule.",
         datetime(2025, 12, 2, 19, 30, tzinfo=timezone.utc)),
        ("Interview confirmed for Tuesday 2 December 2025",
         "Hi Nadia,\r\n\r\nThanks for booking a time.\r\n\r\nYour interview is confirmed: Tuesday, 2 December 2025, 10:00-10:45 (WIB)\r\nJoin with the link in the invite.\r\n\r\n"
         "To reschedule, use the link in your calendar invite.",
         datetime(2025, 12, 2, 3, 0, tzinfo=timezone.utc)),
        ("Jadwal wawancara dikonfirmasi: Selasa, 2 Desember 2025",
         "Halo Nadia,\r\n\r\nWawancara Anda telah dijadwalkan.\r\n\r\nWawancara dengan Ola Berg\r\n"
         "14.00 - 14.45 WITA, Selasa, 2 Desember 2025\r\nLokasi: Zoom\r\n\r\n"
         "Perlu mengubah jadwal? Batalkan atau jadwalkan ulang di sini.",
         datetime(2025, 12, 2, 6, 0, tzinfo=timezone.utc)),
    ]
    for subject, body, at in cases:
        r = read(mail(body, subject=subject, date="Wed, 26 Nov 2025 16:05:00 +0100",
                      sender="Fjordline via Slotwise <notifications@slotwise.example>"))
        assert (r.label, str(r.key_date)) == ("interview_invite", "2025-12-02"), subject
        assert r.interview_at == at, subject


def test_a_cancelled_interviews_day_is_no_hear_back_date():
    """A role on hold that calls off a meeting is still deciding, with no date: the meeting's day
    is not when they will get back. A hear-back day in the same mail still counts."""
    undated = [
        ("Hi Nadia,\r\n\r\nI'm sorry to let you know the Data Engineer role is on hold after a reorg, so we need to "
         "cancel Monday's interview. We'll update you if the hiring restarts.\r\n\r\nGabriel", "en"),
        ("Hi Nadia,\r\n\r\nUnfortunately the team has paused hiring for this role and we have to call off the "
         "interview on Tuesday. Sorry to tell you this.\r\n\r\nGabriel", "en"),
        ("Halo Nadia,\r\n\r\nMohon maaf, posisi Data Engineer sedang ditunda sehingga wawancara hari Senin kami "
         "batalkan. Kami akan mengabari Anda bila proses dibuka kembali.\r\n\r\nSalam,\r\nGabriel", "id"),
    ]
    for body, language in undated:
        r = read(mail(body, subject="Re: interview", date="Fri, 21 Nov 2025 10:00:00 +0100"))
        assert (r.label, r.key_date, r.language) == ("still_deciding", None, language), body
    r = read(mail("Hi Nadia,\r\n\r\nThe role is on hold, so we have to cancel Monday's interview; we'll tell you by "
                  "Friday 5 December whether it reopens.\r\n\r\nGabriel", subject="Re: interview",
                  date="Fri, 21 Nov 2025 10:00:00 +0100"))
    assert (r.label, str(r.key_date)) == ("still_deciding", "2025-12-05")


def test_a_short_thank_you_for_something_shared_is_a_courtesy_not_a_promise():
    """"Thanks, great read!" answers the user but promises nothing: `other`, even where the
    classifier, unsure of so few words, leans to "we'll be in touch"."""
    courtesies = [
        "Thanks Nadia, great read - I've passed it round the team!",
        "Cheers Nadia, really interesting read. Thanks for sharing the article!",
        "Thank you for sending the link, an interesting piece.",
        "Makasih Mbak Nadia, artikelnya menarik sekali!",
        "Terima kasih sudah berbagi artikelnya, Mbak. Bacaan yang bagus.",
    ]
    for text in courtesies:
        raw = mail(f"{text}\r\n\r\nGabriel", subject="Re: Data Engineer role")
        assert read_message(parse_message(raw)).label == "other", text
    r = read_message(parse_message(mail("Thanks for sharing the article, great read! We'll be in touch once the panel "
                                        "has met.\r\n\r\nGabriel", subject="Re: Data Engineer role")))
    assert r.label == "will_contact_you"


def test_asking_to_push_a_call_names_the_old_day_not_a_new_one():
    """"Could we push our call tomorrow?" names the day being given up; the new times offered
    are options to choose from, so no interview date yet (LABELS.md)."""
    asks = [
        "Hi Nadia,\r\n\r\nSomething came up for tomorrow, could we push our call? I could do Monday at 11am or "
        "Tuesday at 2pm, whichever suits.\r\n\r\nGabriel",
        "Hi Nadia,\r\n\r\nI'm stuck in a workshop on Monday - can we push back our interview? Would Wednesday "
        "at 9am or Thursday at 4pm work instead?\r\n\r\nGabriel",
        "Halo Nadia,\r\n\r\nMohon maaf, besok saya ada rapat mendadak, boleh jadwal wawancara kita dipindah? Saya bisa "
        "Senin pukul 10.00 atau Selasa pukul 14.00.\r\n\r\nSalam,\r\nGabriel",
    ]
    for body in asks:
        r = read(mail(body, subject="Re: Call", date="Thu, 20 Nov 2025 18:20:00 -0500"))
        assert (r.label, r.key_date) == ("interview_invite", None), body
    r = read(mail("Hi Nadia,\r\n\r\nSomething came up tomorrow, so could we push our call to Monday at 11am "
                  "instead?\r\n\r\nGabriel", subject="Re: Call", date="Thu, 20 Nov 2025 18:20:00 -0500"))
    assert (r.label, str(r.key_date)) == ("interview_invite", "2025-11-24")


def test_the_employer_sending_paperwork_tomorrow_is_no_offer_deadline():
    offers = [
        "Great news, we'd love to offer you the Analyst role! I'll send the contract over tomorrow.",
        "We are delighted to offer you the position. HR will send over the written offer on Monday.",
        "Dengan senang hati kami menawarkan posisi Analis kepada Anda. Offering letter akan kami kirimkan besok.",
    ]
    for text in offers:
        r = read(mail(f"Hi Nadia,\r\n\r\n{text}\r\n\r\nGabriel", subject="Good news"))
        assert (r.label, r.key_date) == ("offer", None), text
    r = read(mail("Hi Nadia,\r\n\r\nWe're delighted to offer you the Analyst role! I'll send the contract tomorrow; "
                  "please sign and return it by Friday 28 March.\r\n\r\nGabriel", subject="Good news"))
    assert (r.label, str(r.key_date)) == ("offer", "2025-03-28")


def test_a_day_just_before_the_hear_back_words_is_the_hear_back_date():
    """"Hari Selasa kami kabari" puts the day first; so does "On Tuesday we'll let you know"."""
    cases = [
        ("Berkas Anda sedang kami periksa, dan hari Selasa kami kabari apakah lanjut ke wawancara.", "2025-03-25"),
        ("Mas, ownernya baru balik. Senin nanti saya kabari keputusannya ya.", "2025-03-24"),
        ("The panel is still reviewing, and on Tuesday we'll let you know the outcome.", "2025-03-25"),
    ]
    for text, day in cases:
        r = read(mail(f"Hi Nadia,\r\n\r\n{text}\r\n\r\nGabriel", subject="Re: application"))
        assert str(r.key_date) == day, text
    r = read(mail("Hi Nadia,\r\n\r\nWe're interviewing through Tuesday, so no decision yet; we will let you know "
                  "when we have news.\r\n\r\nGabriel", subject="Re: application"))
    assert r.key_date is None


@pytest.mark.parametrize("text, expected", [
    ("Thursday 16 October at 14:00 works for me. Looking forward to it!", "2025-10-16T14:00:00+02:00"),
    ("Kamis, 16 Oktober pukul 14.00 cocok untuk saya.", "2025-10-16T14:00:00+02:00"),
    ("Either Tuesday 14 October at 10:00 or Thursday 16 October at 14:00 works for me.", None),  # options of mine
    ("Thursday works for me.", None),                                                         # a day, no time
    ("Thank you for the call on Monday 6 October at 10:00.", None),                           # already past
    # Declining a slot, or naming one for another reason, picks nothing.
    ("Unfortunately I can't make Thursday 16 October at 14:00. Would any time next week work instead?", None),
    ("Maaf, Kamis 16 Oktober pukul 14.00 saya tidak bisa.", None),
    ("I have a dentist appointment on Thursday 16 October at 14:00, so the morning works better.", None),
])
def test_the_users_reply_names_the_slot_they_picked(text, expected):
    from watcher.pipeline import read_raw

    raw = ("From: Jana Novak <jana@mail.example>\nTo: Lukas Berg <lukas@rheinblick.example>\n"
           "Subject: Re: Interview\nDate: Wed, 08 Oct 2025 11:00:00 +0200\nMessage-ID: <r@mail.example>\n"
           "In-Reply-To: <i@rheinblick.example>\nContent-Type: text/plain; charset=utf-8\n\n"
           f"Hi Lukas,\n\n{text}\n\nBest,\nJana\n").encode()
    msg = read_raw(raw, me=("jana@mail.example",))
    assert msg.direction == "out" and msg.label is None and msg.key_date is None
    assert (msg.interview_at.isoformat() if msg.interview_at else None) == expected
    # Not a reply: nothing is taken.
    plain = read_raw(raw.replace(b"In-Reply-To: <i@rheinblick.example>\n", b""), me=("jana@mail.example",))
    assert plain.interview_at is None


@pytest.mark.parametrize("body, expected", [
    ("Hi Nadia,\n\nI'm sorry, but our interview on Tuesday 25 March has to be postponed. I'll come back to you "
     "with a new time as soon as I can.\n\nGabriel", None),
    ("Hi Nadia,\n\nUnfortunately your interview on Tuesday 25 March is cancelled; we will send new times "
     "shortly.\n\nGabriel", None),
    ("Halo Nadia,\n\nMohon maaf, interview hari Selasa, 25 Maret terpaksa diundur. Jadwal baru akan kami "
     "informasikan segera.\n\nGabriel", None),
    # A new day after the words keeps its date.
    ("Hi Nadia,\n\nYour interview has been rescheduled to Thursday 27 March at 10:00.\n\nGabriel", "2025-03-27"),
    ("Halo Nadia,\n\nInterview Anda diundur menjadi hari Kamis, 27 Maret pukul 10.00 WIB.\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nWe'd like to invite you to an interview on Thursday 27 March at 10:00.\n\nGabriel", "2025-03-27"),
    # Words that only allow for a change, deny one, or move the place, not the day.
    ("Hi Nadia,\n\nYour interview is confirmed for Thursday 27 March at 10:00; if it needs to be rescheduled, "
     "please let us know.\n\nGabriel", "2025-03-27"),
    ("Halo Nadia,\n\nKami mengundang Anda untuk interview pada hari Kamis, 27 Maret 2025 pukul 09.00 WIB dan "
     "jadwal tidak dapat diundur.\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nYour interview on Thursday 27 March at 10:00 has been moved online.\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nWe'd like to invite you to an interview on Thursday 27 March at 10:00. If you need to cancel, "
     "just reply.\n\nGabriel", "2025-03-27"),
])
def test_an_interview_put_off_with_no_new_day_has_no_date(body, expected):
    got = read(mail(body, subject="Your interview"))
    assert got.label == "interview_invite"
    assert (got.key_date.isoformat() if got.key_date else None) == expected


@pytest.mark.parametrize("body, expected", [
    # A handover says who writes next: no label of the application, and no date.
    ("Hi Nadia,\n\nI'm going on parental leave from Monday, so I'm handing your application over to my "
     "colleague Priya Shah (cc'd). She has all my notes.\n\nAll the best,\nGabriel", ("other", None)),
    ("Hi Nadia,\n\nQuick note: my colleague Tom Reyes will be taking over your process from next week, as I'm "
     "moving to another team.\n\nGabriel", ("other", None)),
    ("Halo Nadia,\n\nMulai Senin depan saya cuti, jadi proses rekrutmen Anda selanjutnya akan dibantu oleh "
     "rekan saya, Mbak Sari (cc).\n\nSalam,\nGabriel", ("other", None)),
    # A handover that also dates or invites is read for that.
    ("Hi Nadia,\n\nMy colleague Priya will take over from here. We will make our decision by Friday 28 March "
     "and she will let you know.\n\nGabriel", ("decision_timeline", "2025-03-28")),
    ("Halo Nadia,\n\nProses Anda selanjutnya akan dibantu oleh rekan saya, Mbak Sari. Kami mengundang Anda "
     "untuk interview user pada hari Kamis, 27 Maret 2025 pukul 10.00 WIB.\n\nSalam,\nGabriel",
     ("interview_invite", "2025-03-27")),
])
def test_a_handover_to_a_colleague_is_no_step_of_its_own(body, expected):
    got = read_message(parse_message(mail(body, subject="Re: Interview - Data Analyst")))
    assert (got.label, got.key_date.isoformat() if got.key_date else None) == expected


SCHEDULE_EN = ("Hi Nadia,\n\nWe'd like to invite you to the final interviews, split over three days (all on Zoom):\n\n"
               "  - Mon 24 March, 9:00 am: Coding with Priya\n  - Tue 25 March, 1:00 pm: System design with Ben\n"
               "  - Thu 27 March, 3:30 pm: Wrap-up with Laura\n\nSee you then,\nGabriel")
SCHEDULE_ID = ("Dengan hormat,\n\nBerikut jadwal interview Saudara:\n\n1. Interview HR : Senin, 24 Maret 2025, pukul "
               "10.00 WIB\n2. Interview User : Rabu, 26 Maret 2025, pukul 14.00 WIB\n\nMohon konfirmasi kehadiran.\n\n"
               "Hormat kami,\nTim Rekrutmen")


@pytest.mark.parametrize("body, expected", [
    # A schedule of sessions: its first day, and when the last one starts.
    (SCHEDULE_EN, ("2025-03-24", "2025-03-27T15:30:00+00:00")),
    (SCHEDULE_ID, ("2025-03-24", "2025-03-26T14:00:00+07:00")),
    # The same days offered as a choice are options: no date until one is agreed.
    (SCHEDULE_EN.replace("See you then", "Which of these works best for you?"), (None, None)),
    (SCHEDULE_ID.replace("Mohon konfirmasi kehadiran.", "Silakan pilih salah satu jadwal."), (None, None)),
    # Days without their own times say too little to be a schedule.
    (SCHEDULE_EN.replace(", 9:00 am", "").replace(", 1:00 pm", "").replace(", 3:30 pm", ""), (None, None)),
])
def test_a_schedule_of_several_sessions_is_dated_by_its_first_day(body, expected):
    got = read(mail(body, subject="Final interviews"))
    assert got.label == "interview_invite"
    assert (got.key_date.isoformat() if got.key_date else None,
            got.interview_at.isoformat() if got.interview_at else None) == expected


@pytest.mark.parametrize("body, wrong", [
    # A decision asked for about something else than an offer is no offer.
    ("Hi Nadia,\n\nThe role has been filled. Please let us know your decision on whether you'd like to stay in "
     "our talent pool by Friday 28 March.\n\nGabriel", "offer"),
    ("Halo Nadia,\n\nMohon kabari keputusan Anda apakah masih ingin melanjutkan proses rekrutmen kami.\n\nGabriel",
     "offer"),
    # A calendar invite missing its link is no request for documents.
    ("Hi Nadia,\n\nApologies, the calendar invite I sent is missing the Teams link. Here it is for our interview on "
     "Thursday 27 March at 10:00.\n\nGabriel", "assessment"),
    # Recruiter prose that mentions the application is no job board's suggestion.
    ("Hi Nadia,\n\nSince you applied for the Data Analyst role we've had more than 300 applications, so our "
     "review will take until Friday 4 April.\n\nGabriel", "other"),
])
def test_words_near_a_rule_do_not_make_its_label(body, wrong):
    got = read_message(parse_message(mail(body, subject="Your application")))
    assert got.label != wrong


@pytest.mark.parametrize("body", [
    "Halo Nadia,\n\nInterview hari Kamis, 27 Maret sudah kami batalkan sesuai permintaan Anda.\n\nGabriel",
    "Hi Nadia,\n\nCongrats on the new role! I've cancelled our interview on Thursday 27 March.\n\nGabriel",
])
def test_an_interview_called_off_gives_no_date_whichever_side_the_words_stand(body):
    got = read_message(parse_message(mail(body, subject="Re: Interview")))
    assert got.key_date is None and got.interview_at is None


@pytest.mark.parametrize("body, expected", [
    # A medical check-up, a background check form, a test held on a set day: steps of the
    # application (assessment), dated by their day or deadline.
    ("Dear Rizky,\n\nSelamat, Saudara lolos ke tahap Medical Check Up (MCU) yang akan dilaksanakan pada:\n\n"
     "Hari/Tanggal : Kamis, 27 Maret 2025\nWaktu : 07.30 WIB\n\nMohon konfirmasi kehadiran.\n\nHR", "2025-03-27"),
    ("Hi Dana,\n\nThe last stage is our background verification. You'll get a link to the authorization form "
     "from our screening partner. Could you please complete it by Friday, March 28?\n\nMarcus", "2025-03-28"),
    ("Dengan hormat,\n\nSaudara dinyatakan lulus seleksi administrasi dan berhak mengikuti tes tertulis:\n\n"
     "Hari/Tanggal : Sabtu, 29 Maret 2025\nPukul : 08.00 WIB\n\nPanitia", "2025-03-29"),
])
def test_required_steps_held_on_a_day_are_assessments_dated_by_it(body, expected):
    got = read_message(parse_message(mail(body, subject="Tahap selanjutnya")))
    assert (got.label, got.key_date.isoformat() if got.key_date else None) == ("assessment", expected)


@pytest.mark.parametrize("body, expected", [
    # Cancel words in another clause than the day's keep its date.
    ("Hi Nadia,\n\nSorry, I had to cancel Tuesday's interview; could we do Thursday 27 March at 14:00 instead?"
     "\n\nGabriel", "2025-03-27"),
    ("Halo Nadia,\n\nJadwal interview hari Senin dibatalkan dan diganti menjadi hari Kamis, 27 Maret 2025 pukul "
     "10.00 WIB.\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nI cancelled the old calendar invite, so please use the new one for your interview on Thursday "
     "27 March at 14:00.\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nWe'd like to invite you to an interview on Thursday 27 March at 14:00 (to cancel or "
     "reschedule, reply to this email).\n\nGabriel", "2025-03-27"),
    ("Hi Nadia,\n\nWe'd like to invite you to an interview on Thursday 27 March at 14:00; please don't cancel "
     "less than 24 hours ahead.\n\nGabriel", "2025-03-27"),
])
def test_cancel_words_outside_the_days_clause_keep_its_date(body, expected):
    got = read_message(parse_message(mail(body, subject="Re: Interview")))
    assert got.key_date is not None and got.key_date.isoformat() == expected


@pytest.mark.parametrize("body", [
    # A fixed schedule with an everyday "or" elsewhere is still a schedule.
    SCHEDULE_EN + "\n\nIf you have any questions or concerns, let us know.",
])
def test_a_schedule_is_not_made_options_by_words_far_from_its_days(body):
    got = read(mail(body, subject="Final interviews"))
    assert got.key_date is not None and got.key_date.isoformat() == "2025-03-24"


def test_a_day_that_announces_results_is_no_session():
    body = ("Hi Nadia,\n\nWe'd like to invite you to interviews: HR interview Monday 24 March at 10:00, and the "
            "results will be announced on Friday 28 March at 17:00.\n\nGabriel")
    got = read(mail(body, subject="Interview"))
    assert got.interview_at is None or got.interview_at.date().isoformat() != "2025-03-28"
