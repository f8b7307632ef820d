"""Mail that mentions an application is not always an acknowledgement: the label follows the
email's main purpose (LABELS.md). A request for documents, a postponed interview, a job board's
suggestions: each keeps its own label, in English and Indonesian, while a plain acknowledgement
with its hear-back promise stays application_received. Sentences written for these tests."""
import pytest

from watcher.mime import parse_message
from watcher.reader import Reading, read_message


def read(body: str, subject: str = "Your application", date: str = "Tue, 04 Mar 2025 10:00:00 +0700") -> Reading:
    raw = (f"From: Sam Recruiter <sam@employer.example>\r\nTo: you@mail.example\r\nSubject: {subject}\r\n"
           f"Date: {date}\r\nMessage-ID: <t@employer.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           f"Hi Alex,\r\n\r\n{body}\r\n\r\nBest,\r\nSam\r\n").encode("utf-8")
    return read_message(parse_message(raw), use_model=False)


@pytest.mark.parametrize("body, label", [
    # Documents asked for after the acknowledgement: the point is what to send.
    ("We've received your application for the Designer role. Could you send us a link to your portfolio?", "assessment"),
    ("Thanks for applying. Please upload a copy of your degree certificate and proof of your right to work.", "assessment"),
    ("Thank you for your application. Your application is missing your registration number.", "assessment"),
    ("Thanks for your application! The editor would like to see two writing samples before she decides.", "assessment"),
    ("Thanks for your application. We ask everyone to fill in a short values questionnaire.", "assessment"),
    ("Good news: the next step is references. Could you send me the contact details of two referees by Thursday?",
     "assessment"),
    # ... but asked for "in the meantime", beside a decision date, the date stays the point.
    ("We'll make a decision by the end of next week. In the meantime, could you send me the details of two referees?",
     "decision_timeline"),
    ("We'll make a decision by the end of next week. Could you also send me the details of two referees?",
     "decision_timeline"),
    ("Mohon kirimkan nama dan kontak dua referensi paling lambat hari Kamis.", "assessment"),
    ("Lamaran Anda telah kami terima. Mohon kirimkan scan ijazah dan transkrip nilai melalui email ini.", "assessment"),
    # ... but not a request not to send, nor a job ad's "to apply, send your CV".
    ("We've received your application. Please do not send your documents again by email.", "application_received"),
    ("Lamaran Anda telah kami terima. Mohon tidak mengirimkan dokumen yang sama berulang kali.", "application_received"),
    # A plain acknowledgement keeps its hear-back promise.
    ("Thanks for applying for the Barista role! You'll hear from us within 5 working days.", "application_received"),
    ("Terima kasih atas lamaran Anda. Hasil seleksi administrasi akan kami informasikan dalam 14 hari kerja.",
     "application_received"),
    # Other openings with "thank you for your application".
    ("Thank you for your application. We've now filled the position.", "rejection"),
    ("Thank you for your application. We would like to invite you to an interview on Monday 10 March at 10am.",
     "interview_invite"),
])
def test_the_main_purpose_wins_over_the_mention_of_an_application(body, label):
    assert read(body).label == label


@pytest.mark.parametrize("body, day", [
    ("Sorry, we need to postpone tomorrow's interview. Could we move it to Monday 10 March at 11am instead?", "2025-03-10"),
    ("Apologies, but I have to move our call to Thursday 6 March at 3pm.", "2025-03-06"),
    ("Mohon maaf, jadwal wawancara Anda yang semula hari Rabu diundur menjadi Senin, 10 Maret 2025 pukul 10.00 WIB.",
     "2025-03-10"),
    ("Maaf ya, interview hari Rabu diundur ke Kamis 6 Maret jam 3 sore.", "2025-03-06"),
])
def test_a_postponed_interview_is_an_invitation_with_its_new_day(body, day):
    reading = read(body, subject="Interview")
    assert reading.label == "interview_invite"
    assert str(reading.key_date) == day


@pytest.mark.parametrize("body", [
    "Our interview tomorrow has been postponed as the hiring manager is unwell. I'll send new times shortly.",
    "Wawancara yang dijadwalkan besok terpaksa kami tunda. Jadwal pengganti akan kami informasikan.",
])
def test_a_postponed_interview_without_a_new_day_is_still_about_the_interview(body):
    assert read(body, subject="Interview").label == "interview_invite"


@pytest.mark.parametrize("body", [
    # The results, or the whole search, wait: nothing is decided yet.
    "The announcement of results has been postponed to next week.",
    "We've had to postpone interviews for the role until the new budget is signed off.",
    "Pengumuman hasil seleksi yang sebelumnya dijadwalkan hari Jumat diundur ke minggu depan.",
    "Tahap wawancara untuk semua kandidat diundur sampai anggaran disetujui.",
    "Proses rekrutmen untuk posisi ini ditunda sementara.",
    "Kami memerlukan waktu tambahan karena masih ada beberapa sesi wawancara yang harus dijadwalkan ulang.",
])
def test_a_postponed_decision_or_search_is_still_deciding(body):
    assert read(body, subject="Update").label == "still_deciding"


@pytest.mark.parametrize("body, subject", [
    ("Because you applied to Analyst at Lumen Bank, you may be interested in these roles:\n\n"
     "Data Analyst - Quill - London\nBI Developer - Fenwick - Leeds", "Jobs for you"),
    ("Karena kamu melamar posisi Admin Gudang, mungkin kamu juga tertarik dengan lowongan berikut:\n\n"
     "Staff Admin Logistik - PT Lintas - Bekasi", "Rekomendasi"),
])
def test_a_job_boards_suggestions_after_an_application_are_other(body, subject):
    assert read(body, subject=subject).label == "other"


def test_a_job_ad_asking_for_a_cv_is_not_an_application_step():
    reading = read("To apply, please send your CV and cover letter to jobs@bramble.example.", subject="New roles")
    assert reading.label != "assessment"


@pytest.mark.parametrize("body", [
    "Of course. Please send us your decision by Wednesday, 12 March.",
    "Tentu. Mohon kabari keputusan Anda paling lambat hari Rabu, 12 Maret.",
])
def test_a_candidates_decision_is_asked_for_only_about_an_offer(body):
    reading = read(body, subject="Re: Next steps")
    assert (reading.label, str(reading.key_date)) == ("offer", "2025-03-12")
