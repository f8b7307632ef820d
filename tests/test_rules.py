"""The reading rules: every label is covered in both languages, and sentences recruiters write
reach the label they mean, with the precedence LABELS.md asks for."""
import re

import pytest

from models.labels import LABELS
from watcher import rules
from watcher.reader import Reading, read_message
from watcher.mime import parse_message


def read(body: str, subject: str = "Your application", date: str = "Tue, 04 Mar 2025 10:00:00 +0000") -> Reading:
    raw = (f"From: Sam Recruiter <sam@employer.example>\r\nTo: you@mail.example\r\nSubject: {subject}\r\n"
           f"Date: {date}\r\nMessage-ID: <t@employer.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           f"{body}\r\n").encode("utf-8")
    return read_message(parse_message(raw), use_model=False)


def test_every_label_has_rules_in_both_languages():
    for label in LABELS:
        for language in ("en", "id"):
            assert any(r.label == label or r.dated_label == label for r in rules.rules_for(language)), (label, language)


def test_precedence_names_every_label_once():
    named = [label for group in rules.PRECEDENCE for label in group]
    assert sorted(named) == sorted(LABELS + (rules.ASIDE, rules.STILL_MEETING))
    assert len(named) == len(set(named))


@pytest.mark.parametrize("text, label", [
    # Others still to meet, alone: nothing is decided yet.
    ("Hi Sam,\n\nWe still have three candidates to see, so I can't say more yet. I'll be in touch.\n\nBest, Lee",
     "still_deciding"),
    # The same, with when they will decide: the message's point is the decision's date.
    ("Hi Sam,\n\nWe still have three candidates to see this week. The panel will make its decision by "
     "Friday 24 January and I'll write to you then.\n\nBest, Lee", "decision_timeline"),
    ("Halo Sam,\n\nMasih ada dua kandidat lain yang akan kami wawancarai.\n\nSalam, Lee", "still_deciding"),
    ("Halo Sam,\n\nMasih ada dua kandidat lain yang akan kami wawancarai minggu ini. Keputusan akhir akan kami "
     "sampaikan paling lambat hari Jumat, 24 Januari.\n\nSalam, Lee", "decision_timeline"),
    # A delay stays still_deciding, even with the new date.
    ("Hi Sam,\n\nSorry, our process has been delayed: we now expect to decide by Friday 24 January.\n\nBest, Lee",
     "still_deciding"),
])
def test_others_still_to_meet_yield_to_a_decision_date(text, label):
    raw = ("From: Lee <lee@firm.example>\nTo: sam@mail.example\nSubject: Your application\n"
           "Date: Thu, 16 Jan 2025 10:00:00 +0700\n\n" + text + "\n").encode()
    assert read_message(parse_message(raw)).label == label


def test_rule_patterns_compile_and_weights_are_probabilities():
    for rule in rules.RULES:
        assert 0 < rule.weight <= 1, rule.name
        assert rule.dated_weight is None or 0 < rule.dated_weight <= 1
        assert isinstance(rule.regex, re.Pattern)


# (label, language, a sentence as recruiters write it) -- written for these tests.
SENTENCES = [
    ("application_received", "en", "Thanks for applying! We have received your application for the Data Analyst role."),
    ("application_received", "id", "Terima kasih, lamaran Anda untuk posisi Staf Gudang telah kami terima."),
    ("interview_invite", "en", "We'd like to invite you to a video interview with our engineering lead."),
    ("interview_invite", "id", "Kami ingin mengundang Anda untuk mengikuti wawancara dengan tim kami."),
    ("assessment", "en", "As a next step, please complete the online coding assessment."),
    ("assessment", "id", "Silakan mengerjakan psikotes online melalui tautan berikut."),
    ("decision_timeline", "en", "After the final interviews we will make a decision by Friday 14 March."),
    ("decision_timeline", "id", "Hasil akhir akan kami sampaikan paling lambat hari Jumat."),
    ("checkin_request", "en", "If you haven't heard from me by Thursday, please follow up with me."),
    ("checkin_request", "id", "Kalau sampai hari Kamis belum ada kabar dari kami, silakan hubungi saya lagi."),
    ("will_contact_you", "en", "Thanks for meeting the team yesterday. We'll be in touch once we have news."),
    ("will_contact_you", "id", "Terima kasih sudah datang wawancara kemarin. Kami akan mengabari Anda kembali."),
    ("still_deciding", "en", "We are still interviewing other candidates and have not made a decision yet."),
    ("still_deciding", "id", "Saat ini kami masih mempertimbangkan beberapa kandidat dan keputusan akhir belum diambil."),
    ("rejection", "en", "Unfortunately, we have decided not to move forward with your application."),
    ("rejection", "id", "Dengan berat hati kami sampaikan bahwa Anda belum dapat melanjutkan ke tahap berikutnya."),
    ("offer", "en", "I'm delighted to offer you the position of Store Manager."),
    ("offer", "id", "Dengan senang hati kami menawarkan posisi Analis Kredit kepada Anda."),
    ("recruiter_outreach", "en", "I came across your profile on LinkedIn and thought of you for a role with my client."),
    ("recruiter_outreach", "id", "Saya menemukan profil Anda di LinkedIn dan ingin menawarkan peluang dari klien kami."),
    ("other", "en", "Your job alert: 12 new jobs matching Data Engineer in Leeds."),
    ("other", "id", "Ada 8 lowongan baru yang sesuai dengan notifikasi Anda minggu ini."),
]


@pytest.mark.parametrize("label,language,sentence", SENTENCES)
def test_a_recruiter_sentence_reaches_its_label(label, language, sentence):
    reading = read(sentence)
    assert (reading.label, reading.language) == (label, language)
    assert reading.confidence >= 0.45


def test_rejection_beats_an_invitation_to_ask_questions():
    r = read("Thank you for your time. Unfortunately we will not be moving forward with your candidacy. "
             "If you have any questions, feel free to contact us.")
    assert r.label == "rejection"


def test_a_term_for_every_applicant_is_not_an_indonesian_refusal():
    terms = read("Silakan isi formulir screening berikut sebelum hari Jumat. "
                 "Lamaran yang formulirnya belum lengkap tidak dapat kami proses lebih lanjut.")
    assert terms.label != "rejection"
    refusal = read("Terima kasih atas minat Anda. Mohon maaf, lamaran yang Anda kirimkan belum dapat kami proses lebih lanjut.")
    assert refusal.label == "rejection"
    passive = read("Terima kasih atas minat Anda. Mohon maaf, lamaran yang telah dikirimkan belum dapat kami proses lebih lanjut.")
    assert passive.label == "rejection"


@pytest.mark.parametrize("sentence", [
    "We're continuing to meet with candidates and we don't have a decision yet.",
    "Our final debrief has had to move because two of the panel were away. Nothing has been decided.",
])
def test_nothing_settled_yet_is_still_deciding(sentence):
    assert read("Hi Ana,\n\n" + sentence + "\n\nBest,\nTom").label == "still_deciding"


@pytest.mark.parametrize("text", [
    "Receipt #AB-104\nTotal paid $120.00\n\nYour coach will email you within 2 business days to schedule your mock interview.",
    "Pembayaran berhasil. Akses simulasi psikotes dan mock interview sudah aktif di akunmu. Silakan pilih jadwal wawancara.",
])
def test_a_receipt_is_other_however_many_interview_words_it_holds(text):
    assert read(text).label == "other"


def test_receipt_of_a_later_document_is_not_an_acknowledgement():
    r = read("We confirm receipt of your completed pre-employment medical and the signed consent form. "
             "We will contact you when the check is complete to discuss the next stage.")
    assert r.label == "will_contact_you"


def test_a_policy_for_unsuccessful_applicants_is_not_a_rejection():
    r = read("Thank you for your application, which has been received. "
             "Records for unsuccessful applicants are kept for six months.")
    assert r.label == "application_received"


def test_a_promise_after_another_step_is_a_vague_decision_timeline():
    r = read("Thanks for meeting the panel. We expect to wrap things up and come back to you next week.")
    assert (r.label, r.key_date) == ("decision_timeline", None)


def test_conditional_contact_in_an_acknowledgement_stays_received():
    r = read("We have received your application. If your experience matches what we need, "
             "we will be in touch to arrange an interview.")
    assert r.label == "application_received"


def test_we_will_be_in_touch_after_an_interview_is_will_contact_you():
    r = read("It was great to meet you on Monday.\n\nWe'll be in touch when we have an update.")
    assert r.label == "will_contact_you"


def test_a_named_hear_back_date_makes_a_decision_timeline():
    r = read("Thanks again for the interview. We'll let you know the outcome by next Wednesday.")
    assert r.label == "decision_timeline"
    assert str(r.key_date) == "2025-03-12" and r.key_date_kind == "hear_back"


def test_a_hear_back_date_in_an_acknowledgement_stays_received():
    r = read("Your application has been received. You will hear from us within 5 business days.")
    assert r.label == "application_received"
    assert str(r.key_date) == "2025-03-11"


def test_an_offer_to_someone_else_is_a_rejection():
    r = read("We have offered the role to another candidate, and I wanted you to hear it from me.")
    assert r.label == "rejection"


def test_an_offer_of_an_interview_is_not_an_offer():
    r = read("We'd like to offer you an interview for the Account Manager role on Friday.")
    assert r.label == "interview_invite"


def test_the_nt_of_wont_is_read():
    assert read("We won't be taking your application further.").label == "rejection"


def test_signals_positive_and_cooling():
    assert rules.find_signals(["we were really impressed by your portfolio."], "en") == ["positive"]
    assert rules.find_signals(["mohon maaf atas keterlambatan ini."], "id") == ["cooling"]


def test_the_literal_prefilter_never_hides_a_match():
    # A rule is skipped when its required literals are absent; it must never skip a text it matches.
    texts = [rules.normalise(s) for _, _, s in SENTENCES] + [
        rules.normalise("We won't be moving ahead with your application; we went another way."),
        rules.normalise("Kalau sampai Jumat belum ada kabar, tolong email saya lagi ya."),
        rules.normalise("Could you do a quick call tomorrow at 4? I'll call you then."),
    ]
    for rule in rules.RULES:
        for text in texts:
            if rule.regex.search(text):
                assert rules._may_match(rule, text), (rule.name, text)


def test_required_literals_of_an_alternation():
    found = rules.required_literals([r"\bregret to (?:inform|tell)"])
    assert found == ((("regret to ",), ("inform", "tell")),)
    assert rules.required_literals([r"\b(?:a|b) \w+"]) is None  # nothing long enough to test


def test_an_interview_after_which_we_will_be_in_touch_is_not_an_invitation():
    r = read("Thank you for attending the interview yesterday. If the team would like to take things further, "
             "I'll be in touch to arrange a time.")
    assert r.label != "interview_invite"


def test_an_assessment_mentioned_after_the_fact_is_not_a_request():
    r = read("Many thanks for attending the assessment day on Wednesday. I expect to be in touch with the outcome next week.")
    assert r.label == "decision_timeline" and r.key_date is None  # "next week" names no day


def _hits_rule_by_rule(sentences, language):
    """Each rule's patterns as one alternation over the joined text: the plain way, for comparison."""
    from bisect import bisect_right

    text = "\n".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    hits = []
    for rule in rules.rules_for(language):
        rows = sorted({bisect_right(starts, m.start()) - 1 for m in rule.regex.finditer(text)})
        hits += [(rule.name, i) for i in rows if not (rule.unless_regex and rule.unless_regex.search(sentences[i]))]
    return hits


def test_matching_pattern_by_pattern_finds_what_the_whole_rule_finds():
    messages = [[rules.normalise(s) for s in group] for group in (
        ["Re: Interview invitation", "Thanks for applying!", "We have received your application.",
         "If your experience matches, we will be in touch.", "We'd like to invite you to a video interview.",
         "When: Tuesday 4 March", "Where: Zoom"],
        ["Your application", "Unfortunately we have decided not to move forward.", "We went another way.",
         "We are still interviewing other candidates.", "Please follow up with me by Friday."],
        ["Lamaran Anda", "Terima kasih, lamaran Anda telah kami terima.", "Hasil seleksi akan kami informasikan.",
         "Kami ingin mengundang Anda untuk wawancara.", "Silakan hubungi saya hari Jumat."],
        [s for _, _, s in SENTENCES],
    )]
    compared = 0
    for sentences in messages:
        for language in ("en", "id"):
            found = [(h.rule.name, h.index) for h in rules.match_rules(sentences, language)]
            assert found == _hits_rule_by_rule(sentences, language)
            compared += len(found)
    assert compared > 20  # the comparison is about something


def test_english_rules_alone_leave_out_the_shared_ones():
    sentences = ["your application", "we will share our decision by friday.", "when: tuesday 4 march"]
    every = rules.match_rules(sentences, "en")
    alone = rules.match_rules(sentences, "en", skip_shared=True)
    assert alone == [h for h in every if h.rule.language == "en"]
    assert any(h.rule.language == "*" for h in every)


def test_a_pattern_that_may_hold_a_newline_is_told_apart():
    from re import _parser

    assert not rules._crosses_lines(_parser.parse(r"\bwe (?:will|'ll) [^\n]{0,40}\bcall(?!\s)"))
    assert rules._crosses_lines(_parser.parse(r"invite you\s?to"))
    assert rules._crosses_lines(_parser.parse(r"a.b"))
    assert rules._crosses_lines(_parser.parse(r"a[^x]b"))


def test_literals_found_in_one_scan_are_the_literals_in_the_text():
    literals = sorted({l for r in rules.RULES for sets in (r.anchors or ()) for c in sets for l in c})
    scanner = rules._Literals(literals)
    for text in ["\n".join(rules.normalise(s) for _, _, s in SENTENCES), "still on hold.\nno decision yet", ""]:
        assert scanner.found(text) == {l for l in literals if l in text}
    assert rules._Literals(["on hold", "on", "hold"]).found("still on hold") == {"on hold", "on", "hold"}
    assert rules._Literals([]).found("anything") == frozenset()


def test_availability_question_votes_for_an_interview_in_both_languages():
    from watcher import rules
    en = [h.rule.name for h in rules.match_rules(["are you free for a quick call next week?"], "en")]
    ids = [h.rule.name for h in rules.match_rules(["apakah anda ada waktu untuk wawancara hari kamis?"], "id")]
    assert "are you free for a call?" in en and "apakah ada waktu untuk wawancara?" in ids
    asked = [h.rule.name for h in rules.match_rules(["do you have any questions about the interview?"], "en")]
    assert "are you free for a call?" not in asked


def test_thanks_for_your_interest_after_a_meeting_is_no_acknowledgement():
    # Tuesday 4 March 2025: "by Friday" is 7 March.
    r = read("Thank you for your interest in the Controller role and for meeting with us yesterday. "
             "We will reach a decision by Friday.")
    assert (r.label, str(r.key_date)) == ("decision_timeline", "2025-03-07")
    ack = read("Thank you for your interest in the Controller role. We have received your application "
               "and will get back to you within two weeks.")
    assert ack.label == "application_received"


@pytest.mark.parametrize("text", [
    "Thanks for the chat on Friday. The hiring manager still has three people to meet, so bear with us.",
    "Makasih ya sudah datang. User masih mau ketemu dua kandidat lagi minggu ini, nanti aku kabari.",
])
def test_others_still_to_be_seen_is_still_deciding(text):
    assert read(text).label == "still_deciding"


@pytest.mark.parametrize("text", [
    "hey! my team is hiring a data engineer and I thought of you. happy to refer you if you send me your cv",
    "We'd love your feedback: please take our short survey about your application experience.",
    "Someone asked to change your password. This link will expire in 24 hours.",
    "Join our webinar on Thursday 6 March, where our engineers answer your questions about the interview process.",
])
def test_mail_that_only_sounds_like_hiring_is_other(text):
    assert read(text).label == "other"


def test_a_test_invitation_that_expires_is_an_assessment():
    r = read("Your assessment invitation expires in 5 days. Good luck!")
    assert (r.label, str(r.key_date)) == ("assessment", "2025-03-09")


@pytest.mark.parametrize("text", [
    "Hi Omar, I'm working on a confidential Head of Finance search for a logistics group. "
    "Are you free for a call tomorrow?",
    "Hi Omar, your experience building risk models really stood out. Would you be open to a chat this week?",
    "Halo kak, lagi open to work gak? Ada posisi UI designer di startup fintech. Boleh aku telepon sebentar?",
    "Selamat siang Pak, saya sedang membantu salah satu klien perbankan mencari Head of IT. Apakah Bapak tertarik untuk berdiskusi?",
])
def test_a_cold_approach_that_asks_for_a_call_is_outreach(text):
    assert read(text).label == "recruiter_outreach"


def test_an_applicant_is_not_approached_cold():
    r = read("Thanks for your application for the Risk Analyst role. Your background really stood out, "
             "and I'd like to schedule a call with you this week.")
    assert r.label == "interview_invite"


@pytest.mark.parametrize("text,day", [
    ("I'm travelling this week, so if I've gone quiet, drop me a line on Friday.", "2025-03-07"),
    ("Kalau sampai hari Kamis belum ada kabar dari aku, japri aja ya.", "2025-03-06"),
])
def test_a_nudge_asked_for_is_a_checkin_request(text, day):
    r = read(text)
    assert (r.label, str(r.key_date)) == ("checkin_request", day)


@pytest.mark.parametrize("text", [
    "Thanks for coming in. The committee meets later this month, so expect a decision in early April.",
    "Terima kasih atas kehadirannya. Hasil seleksi akan diumumkan pada awal bulan depan.",
])
def test_a_vague_period_for_the_decision_is_a_timeline_without_a_date(text):
    r = read(text)
    assert (r.label, r.key_date) == ("decision_timeline", None)


def test_screening_questions_on_a_job_board_are_an_assessment_in_indonesian():
    assert read("Yuk jawab 5 pertanyaan screening dari perusahaan supaya lamaranmu bisa diproses.").label == "assessment"


def test_a_case_study_under_review_is_not_an_acknowledgement():
    r = read("Studi kasusnya sudah aku terima ya. Tim akan review dulu, nanti kami kabari lagi.")
    assert r.label == "will_contact_you"


@pytest.mark.parametrize("text,day", [
    ("Hi Lee, thanks for your application. Are you free Thursday?", "2025-03-06"),
    ("Got your CV, thanks! Could you do Friday at 11 for a first chat?", "2025-03-07"),
    ("Thanks for applying. Can we grab 20 minutes tomorrow?", "2025-03-05"),
    ("We received your application. When suits you for a video call?", None),
    ("Thanks for applying - would Monday or Wednesday work for a quick intro?", None),
    ("Thanks for applying. What does your week look like?", None),
])
def test_a_time_asked_for_after_an_acknowledgement_is_an_invitation(text, day):
    r = read(text)
    assert (r.label, str(r.key_date) if r.key_date else None) == ("interview_invite", day)


@pytest.mark.parametrize("text", [
    "Thanks for applying. Are you available to start in April?",
    "Thank you for applying. If your profile suits the role, we will contact you.",
])
def test_a_start_date_or_a_screening_condition_is_no_invitation(text):
    assert read(text).label == "application_received"


@pytest.mark.parametrize("text", [
    "Hi Lee, I'm reaching out because your platform work looks like a great fit for a role at Quill. Interested?",
    "Quill has invited you to apply for Senior Analyst based on your profile.",
    "Thanks for connecting! We're hiring a founding engineer and I'd love to tell you more.",
])
def test_a_first_approach_is_outreach(text):
    assert read(text).label == "recruiter_outreach"


def test_a_formal_passive_promise_is_will_contact_you():
    r = read("Thank you for attending the interview last week. The panel's views will be communicated to you in due course.")
    assert r.label == "will_contact_you"


def test_a_review_that_takes_longer_is_still_deciding_not_an_acknowledgement():
    r = read("Thank you for your application. Due to the high volume of applications, our review is taking "
             "longer than planned. Thank you for your patience.")
    assert r.label == "still_deciding"


def test_an_old_talent_community_member_approached_about_a_role_is_outreach():
    r = read("Hi Lee, I noticed you joined our talent community last spring. We just opened a Staff Designer "
             "role and I think you'd be a great fit. Would you like to chat?")
    assert r.label == "recruiter_outreach"


@pytest.mark.parametrize("text", [
    "Thanks for registering for the Quill careers evening on 20 March. Your ticket is attached.",
    "Halo Lee, terima kasih sudah mendaftar Job Fair Nusantara. Tiket kamu terlampir ya.",
])
def test_an_event_registration_is_other(text):
    assert read(text).label == "other"


def test_a_day_asked_for_in_casual_indonesian_is_an_invitation():
    r = read("Halo Kak Lee, makasih udah apply ya. Kakak bisa interview hari Kamis jam 2 siang?")
    assert (r.label, str(r.key_date)) == ("interview_invite", "2025-03-06")


@pytest.mark.parametrize("text", [
    "Hi Lee, I have your CV on file from when you applied to us in 2023, and a new Platform role has just opened. "
    "Would you be interested?",
    "Hello Lee, I reviewed your profile on Dice and have a 6-month contract for a Java developer. "
    "Please send me your updated resume and rate if interested.",
])
def test_a_role_the_reader_never_applied_to_is_outreach(text):
    assert read(text).label == "recruiter_outreach"


def test_thanks_for_applying_and_completing_the_interview_is_no_acknowledgement():
    r = read("Thank you for your application and for completing the video interview. "
             "We will let you know our decision by Friday.")
    assert (r.label, str(r.key_date)) == ("decision_timeline", "2025-03-07")


@pytest.mark.parametrize("text", [
    "Thanks for applying to jobs on JobBoard this week! 4 applications submitted, 1 viewed by employers.",
    "Your application for Barista at Cafe Luna has been withdrawn as you requested.",
])
def test_a_job_board_summary_or_the_users_own_withdrawal_is_other(text):
    assert read(text).label == "other"


def test_bringing_the_reader_on_board_is_an_offer():
    r = read("Great news - we'd love to bring you on board as our new Store Lead! Paperwork to follow.")
    assert r.label == "offer"


def test_an_answer_early_next_week_is_a_timeline_without_a_date():
    r = read("Thanks for interviewing with us. We hope to have an answer for you early next week.")
    assert (r.label, r.key_date) == ("decision_timeline", None)


@pytest.mark.parametrize("text,label", [
    ("Halo Rani! Selamat ya, kamu diterima jadi Staff Marketing di kantor kami. Detail kontrak menyusul dari HR.", "offer"),
    ("Yth. Ibu Rani, dengan ini kami informasikan bahwa posisi Analis Kredit sudah tidak tersedia. Terima kasih atas minat Ibu.", "rejection"),
    ("Halo Rani, maaf banget, manajemen akhirnya pilih kandidat internal untuk posisi ini. Makasih ya sudah ikut prosesnya.", "rejection"),
])
def test_casual_indonesian_offers_and_refusals(text, label):
    assert read(text).label == label


def test_a_withdrawal_the_user_asked_for_is_no_rejection_whatever_the_subject():
    r = read("As requested, your application for Data Analyst has been withdrawn. You can apply again at any time.",
             subject="Your application has been withdrawn")
    assert r.label == "other"
    employer = read("We have withdrawn your application because the role has been cancelled.")
    assert employer.label == "rejection"


@pytest.mark.parametrize("text", [
    "We received your request to delete your candidate data. It will be removed within 30 days.",
    "Thanks for updating your candidate profile. Your changes have been saved.",
    "Thank you for your application to the Quill Hackathon 2025! Teams will be announced next month.",
])
def test_the_users_own_account_and_events_are_other(text):
    assert read(text).label == "other"


def test_a_step_required_before_review_is_an_assessment():
    r = read("Thanks for your application. Before we can review it, please upload your transcript and complete your profile.")
    assert r.label == "assessment"


def test_thanks_for_your_patience_with_an_outcome_day_is_a_timeline():
    r = read("Thanks for your application and for your patience throughout the process. "
             "Interviews are over and we will tell every candidate the outcome on Friday.")
    assert (r.label, str(r.key_date)) == ("decision_timeline", "2025-03-07")


def test_if_i_have_not_come_back_to_you_drop_me_a_line_is_a_checkin_request():
    r = read("Got your CV, thanks. If I haven't come back to you by the 14th, please drop me an email.")
    assert (r.label, str(r.key_date)) == ("checkin_request", "2025-03-14")
