"""The six check-ins of seed/CHECKINS.md, row by row, and the steps beyond the article."""
from dataclasses import replace
from datetime import date, datetime

import pytest

from models.message import Application, Message, UserEvent
from models.policy import ACTIONS, CHECKINS, PolicySettings, recommend

D = datetime.fromisoformat


def inbound(when, label, key_date=None, interview_at=None, evidence="(their sentence)", signals=()):
    return Message(message_id=None, direction="in", sender="recruiter@acme.example", date=D(when), label=label,
                   key_date=date.fromisoformat(key_date) if key_date else None,
                   interview_at=D(interview_at) if interview_at else None, evidence=evidence,
                   subject="Interview: Data Analyst", recruiter_name="Dana Reyes", signals=signals)


def sent(when):
    return Message(message_id=None, direction="out", sender="me@mail.example", date=D(when),
                   subject="Re: Interview: Data Analyst")


def event(kind, when, **kw):
    return UserEvent(kind=kind, at=D(when), **kw)


def advise(messages, now, tz="UTC", events=(), **settings):
    app = Application(company="Acme", role="Data Analyst", messages=list(messages), events=list(events))
    return recommend(app, D(now), PolicySettings(tz=tz, **settings))


INVITE = "2025-09-08T10:00+00:00"

CASES = [
    # id, messages, events, now, tz, (action, checkin, due)
    ("1: morning interview -> thank-you the same day",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00")], [],
     "2025-09-16T13:00+00:00", "UTC", ("send_thank_you", 1, "2025-09-16")),
    ("1: afternoon interview -> thank-you the next day",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T14:00+00:00")], [],
     "2025-09-16T16:00+00:00", "UTC", ("send_thank_you", 1, "2025-09-17")),
    ("1: noon exactly counts as afternoon",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T12:00+00:00")], [],
     "2025-09-16T16:00+00:00", "UTC", ("send_thank_you", 1, "2025-09-17")),
    ("1: Friday-afternoon interview -> Saturday (calendar day)",
     [inbound(INVITE, "interview_invite", "2025-09-19", "2025-09-19T15:00+00:00")], [],
     "2025-09-19T18:00+00:00", "UTC", ("send_thank_you", 1, "2025-09-20")),
    ("1: morning or afternoon is judged in the user's zone",
     # 10:30 in New York is 16:30 in Berlin: afternoon for a user in Berlin.
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T10:30-04:00")], [],
     "2025-09-16T20:00+02:00", "Europe/Berlin", ("send_thank_you", 1, "2025-09-17")),
    ("1: the user's own word that the interview took place",
     [inbound(INVITE, "interview_invite")], [event("interview_done", "2025-09-10T09:00+00:00")],
     "2025-09-10T11:00+00:00", "UTC", ("send_thank_you", 1, "2025-09-10")),
    ("1 stops: the user wrote after the interview",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00"), sent("2025-09-16T15:00+00:00")],
     [], "2025-09-18T09:00+00:00", "UTC", ("stay_in_touch", 3, "2025-09-30")),
    ("interview ahead -> prepare, due on its day",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00")], [],
     "2025-09-10T09:00+00:00", "UTC", ("prepare_for_interview", None, "2025-09-16")),
    ("interview offered as slots -> prepare, no date",
     [inbound(INVITE, "interview_invite")], [], "2025-09-09T09:00+00:00", "UTC",
     ("prepare_for_interview", None, None)),
    ("interview slots answered, date unknown -> prepare, no date",
     [inbound(INVITE, "interview_invite"), sent("2025-09-08T15:00+00:00")], [], "2025-09-12T09:00+00:00", "UTC",
     ("prepare_for_interview", None, None)),
    ("interview slots answered, then weeks of silence -> #3",
     [inbound(INVITE, "interview_invite"), sent("2025-09-08T15:00+00:00")], [], "2025-09-25T09:00+00:00", "UTC",
     ("stay_in_touch", 3, "2025-09-22")),
    ("2: a named decision date -> follow up 2 business days after it, reported while ahead",
     [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14")], [],
     "2025-03-06T10:00+00:00", "UTC", ("follow_up", 2, "2025-03-18")),
    ("2: Thursday + 2 business days skips the weekend",
     [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-13")], [],
     "2025-03-20T10:00+00:00", "UTC", ("follow_up", 2, "2025-03-17")),
    ("2: an acknowledgement that names a hear-back date",
     [inbound("2025-03-05T10:00+00:00", "application_received", "2025-03-14")], [],
     "2025-03-06T10:00+00:00", "UTC", ("follow_up", 2, "2025-03-18")),
    ("2: the thank-you is no follow-up: it does not stop #2",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00"),
      inbound("2025-09-16T11:00+00:00", "decision_timeline", "2025-09-19"), sent("2025-09-16T15:00+00:00")],
     [], "2025-09-22T09:00+00:00", "UTC", ("follow_up", 2, "2025-09-23")),
    ("2 stops: the user followed up once the date had passed -> #3 every 21 days",
     [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14"), sent("2025-03-18T09:00+00:00")], [],
     "2025-03-20T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-04-08")),
    ("2: 'they said' end of next week, told by the user",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00"), sent("2025-09-16T15:00+00:00")],
     [event("they_said", "2025-09-17T09:00+00:00", text="end of next week", date=date(2025, 9, 26))],
     "2025-09-18T09:00+00:00", "UTC", ("follow_up", 2, "2025-09-30")),
    ("4: check in if nothing by Thursday -> the first business day after",
     [inbound("2025-03-21T16:22+00:00", "checkin_request", "2025-03-27")], [],
     "2025-03-24T10:00+00:00", "UTC", ("follow_up", 4, "2025-03-28")),
    ("4: a Friday named -> Monday",
     [inbound("2025-03-21T16:22+00:00", "checkin_request", "2025-03-28")], [],
     "2025-03-24T10:00+00:00", "UTC", ("follow_up", 4, "2025-03-31")),
    ("4 stops: any message from them",
     [inbound("2025-03-21T16:22+00:00", "checkin_request", "2025-03-27"),
      inbound("2025-03-26T09:00+00:00", "still_deciding")], [],
     "2025-03-27T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-04-09")),
    ("3: acknowledgement without a date -> 14 days after it",
     [sent("2025-07-07T09:10+07:00"), inbound("2025-07-08T10:32+07:00", "application_received")], [],
     "2025-07-15T09:00+07:00", "Asia/Jakarta", ("stay_in_touch", 3, "2025-07-22")),
    ("3: still deciding, no date -> 14 days after it",
     [inbound("2025-10-13T11:05+07:00", "still_deciding")], [], "2025-10-14T09:00+07:00", "Asia/Jakarta",
     ("stay_in_touch", 3, "2025-10-27")),
    ("3: after the user's unanswered follow-up -> 21 days after it",
     [inbound("2025-05-01T10:00+00:00", "still_deciding"), sent("2025-05-15T10:00+00:00")], [],
     "2025-05-20T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-06-05")),
    ("3: the thank-you as last contact -> 14 days after it",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00"), sent("2025-09-16T15:00+00:00")],
     [], "2025-09-20T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-09-30")),
    ("5: two unanswered follow-ups in a row -> wait",
     [inbound("2025-05-01T10:00+00:00", "still_deciding"), sent("2025-05-15T10:00+00:00"),
      sent("2025-06-05T10:00+00:00")], [], "2025-06-10T10:00+00:00", "UTC", ("wait", 5, None)),
    ("5: the thank-you does not count toward the unanswered follow-ups",
     [inbound(INVITE, "interview_invite", "2025-09-16", "2025-09-16T09:30+00:00"), sent("2025-09-16T15:00+00:00"),
      sent("2025-09-30T10:00+00:00")], [], "2025-10-02T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-10-21")),
    ("5: confirming their invite days later is an answer, not a follow-up",
     [inbound("2025-10-03T16:00+00:00", "interview_invite"), sent("2025-10-06T09:00+00:00"),
      inbound("2025-10-06T11:00+00:00", "interview_invite", "2025-10-09", "2025-10-09T13:00+00:00"),
      sent("2025-10-09T17:00+00:00"), sent("2025-10-20T09:00+00:00")],
     [], "2025-10-22T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-11-10")),
    ("5: we'll contact you -> wait, no date",
     [inbound("2025-06-24T17:12+01:00", "will_contact_you")], [], "2025-07-02T09:00+01:00", "Europe/Lisbon",
     ("wait", 5, None)),
    ("5: we'll contact you, even long after",
     [inbound("2025-06-24T17:12+01:00", "will_contact_you")], [], "2025-09-02T09:00+01:00", "Europe/Lisbon",
     ("wait", 5, None)),
    ("6: a Friday rejection -> Monday",
     [inbound("2025-10-17T15:40+01:00", "rejection")], [], "2025-10-18T11:00+01:00", "Europe/Dublin",
     ("send_final_thanks", 6, "2025-10-20")),
    ("6: sent once, then closed",
     [inbound("2025-10-17T15:40+01:00", "rejection"), sent("2025-10-20T09:00+01:00")], [],
     "2025-10-21T11:00+01:00", "Europe/Dublin", ("none", None, None)),
    ("6: the user's word that the last thank-you went out",
     [inbound("2025-10-17T15:40+01:00", "rejection")], [event("final_thanks_sent", "2025-10-20T09:00+01:00")],
     "2025-10-21T11:00+01:00", "Europe/Dublin", ("none", None, None)),
    ("6: the rejection's own date is taken on the user's calendar",
     # Sent Friday 23:30 in New York = Saturday 04:30 in London: the next business day is Monday either way,
     # but from a Thursday-night rejection the calendars differ (Thu in NY, Fri in London).
     [inbound("2025-10-16T23:30-04:00", "rejection")], [], "2025-10-17T09:00+01:00", "Europe/London",
     ("send_final_thanks", 6, "2025-10-20")),
    ("assessment -> complete it by the deadline",
     [inbound("2025-05-23T15:48+00:00", "assessment", "2025-05-26")], [], "2025-05-24T10:00+00:00", "UTC",
     ("complete_assessment", None, "2025-05-26")),
    ("assessment acknowledged by the user -> still to complete by the deadline",
     [inbound("2025-05-23T15:48+00:00", "assessment", "2025-05-28"), sent("2025-05-23T18:00+00:00")], [],
     "2025-05-24T10:00+00:00", "UTC", ("complete_assessment", None, "2025-05-28")),
    ("assessment deadline passed after the user wrote -> #3's clock",
     [inbound("2025-05-23T15:48+00:00", "assessment", "2025-05-28"), sent("2025-05-27T18:00+00:00")], [],
     "2025-05-29T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-06-10")),
    ("offer -> respond by its deadline",
     [inbound("2025-08-28T18:05+08:00", "offer", "2025-09-04")], [], "2025-08-29T08:30+08:00", "Asia/Singapore",
     ("respond_to_offer", None, "2025-09-04")),
    ("archived -> none",
     [inbound("2025-05-01T10:00+00:00", "still_deciding")], [event("archive", "2025-05-02T10:00+00:00")],
     "2025-05-03T10:00+00:00", "UTC", ("none", None, None)),
    ("snooze moves the step, keeps the action",
     [inbound("2025-05-01T10:00+00:00", "still_deciding")],
     [event("snooze", "2025-05-02T10:00+00:00", date=date(2025, 5, 20))],
     "2025-05-03T10:00+00:00", "UTC", ("stay_in_touch", 3, "2025-05-20")),
]


@pytest.mark.parametrize("messages, events, now, tz, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_step(messages, events, now, tz, expected):
    step = advise(messages, now, tz, events)
    due = step.due.isoformat() if step.due else None
    assert (step.action, step.checkin, due) == (expected[0], expected[1], expected[2])


def test_every_checkin_row_is_reachable():
    seen = {advise(c[1], c[3], c[4], c[2]).checkin for c in CASES}
    assert set(CHECKINS) <= seen


def test_every_action_is_reachable():
    seen = {advise(c[1], c[3], c[4], c[2]).action for c in CASES}
    assert set(ACTIONS) <= seen


def test_never_an_early_follow_up():
    """While the date they named is ahead, the follow-up is due after it, never before."""
    msgs = [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14")]
    for day in range(5, 15):
        step = advise(msgs, f"2025-03-{day:02d}T10:00+00:00")
        assert step.action == "follow_up" and step.due > date(2025, 3, 14)


def test_the_named_date_stays_on_the_senders_calendar():
    """'By Thursday' from Jakarta is Thursday, even for a user in Los Angeles (a day behind)."""
    msgs = [inbound("2025-03-21T08:00+07:00", "checkin_request", "2025-03-27")]
    step = advise(msgs, "2025-03-24T10:00-07:00", "America/Los_Angeles")
    assert step.due == date(2025, 3, 28)


def test_defaults_are_settings():
    msgs = [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14")]
    assert advise(msgs, "2025-03-06T10:00+00:00", decision_grace_business_days=3).due == date(2025, 3, 19)
    still = [inbound("2025-10-13T11:05+00:00", "still_deciding")]
    assert advise(still, "2025-10-14T09:00+00:00", stay_in_touch_after_days=10).due == date(2025, 10, 23)


def test_public_holidays_are_skipped_when_configured():
    # 25 and 26 December 2025 are public holidays in the UK.
    msgs = [inbound("2025-12-19T10:00+00:00", "decision_timeline", "2025-12-24")]
    assert advise(msgs, "2025-12-20T10:00+00:00").due == date(2025, 12, 26)
    assert advise(msgs, "2025-12-20T10:00+00:00", holidays_country="GB").due == date(2025, 12, 30)


def test_policy_does_not_read_the_clock():
    msgs = [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14")]
    with pytest.raises(ValueError):
        recommend(Application(messages=msgs), datetime(2025, 3, 6), PolicySettings())


def test_steps_carry_reason_evidence_and_draft():
    msgs = [inbound("2025-03-05T10:00+00:00", "decision_timeline", "2025-03-14",
                    evidence="We'll make a decision by the end of next week.")]
    step = advise(msgs, "2025-03-06T10:00+00:00")
    assert "Check-in 2" in step.reason
    assert step.evidence == "We'll make a decision by the end of next week."
    assert step.draft and "Dana" in step.draft.body and "Data Analyst" in step.draft.body


def test_wait_and_none_have_no_draft():
    step = advise([inbound("2025-06-24T17:12+01:00", "will_contact_you")], "2025-07-02T09:00+01:00")
    assert step.draft is None and step.due is None


def test_positive_signals_are_passed_on():
    msgs = [inbound("2025-05-01T10:00+00:00", "still_deciding", signals=("positive",))]
    assert advise(msgs, "2025-05-03T10:00+00:00").signals == ("positive",)


def test_json_shape_is_the_advise_contract():
    step = advise([inbound("2025-10-17T15:40+01:00", "rejection")], "2025-10-18T11:00+01:00")
    out = step.to_json()
    assert set(out) == {"action", "checkin", "due", "reason", "evidence", "draft"}
    assert set(out["draft"]) == {"subject", "body"}
    assert out["due"] == "2025-10-20"


def test_a_tracked_thread_of_unlabelled_mail_still_gets_a_step():
    msgs = [inbound("2025-05-01T10:00+00:00", "other")]
    step = advise(msgs, "2025-05-03T10:00+00:00")
    assert (step.action, step.checkin, step.due) == ("stay_in_touch", 3, date(2025, 5, 15))
    assert advise([], "2025-05-03T10:00+00:00").action == "none"


def said(when, text):
    """A message of the user's with its words (the policy reads only a few of them)."""
    return replace(sent(when), text=text)


def _got(step):
    return step.action, step.checkin, step.due.isoformat() if step.due else None


OFFER = inbound("2025-12-01T11:00+00:00", "offer", "2025-12-12")


@pytest.mark.parametrize("text, expected", [
    ("Before I confirm, could a start date in February work?", ("respond_to_offer", None, "2025-12-12")),
    ("Could we talk about the salary once I accept?", ("respond_to_offer", None, "2025-12-12")),
    ("Thank you! I'm delighted to accept the offer.", ("none", None, None)),
    ("After a lot of thought I have decided to decline the offer.", ("none", None, None)),
    ("Dengan senang hati saya menerima tawaran ini.", ("none", None, None)),
])
def test_a_question_about_an_offer_is_not_an_answer_to_it(text, expected):
    step = advise([OFFER, said("2025-12-02T10:00+00:00", text)], "2025-12-09T09:00+00:00")
    assert _got(step) == expected


TASK = inbound("2025-10-06T10:00+00:00", "assessment", "2025-10-10")


@pytest.mark.parametrize("text, expected", [
    ("Thanks, I'll get started on it this week.", ("complete_assessment", None, "2025-10-10")),
    ("I've submitted my solution, notebook attached.", ("stay_in_touch", 3, "2025-10-22")),
    ("Berikut saya lampirkan hasil tes saya.", ("stay_in_touch", 3, "2025-10-22")),
])
def test_an_assessment_the_user_says_was_handed_in_is_done(text, expected):
    step = advise([TASK, said("2025-10-08T21:00+00:00", text)], "2025-10-09T09:00+00:00")
    assert _got(step) == expected


def test_the_last_thank_you_is_sent_once_whatever_they_answer():
    rejected = inbound("2025-10-20T16:00+00:00", "rejection")
    thanks = sent("2025-10-21T09:00+00:00")
    for label in ("will_contact_you", "rejection", "still_deciding"):
        kind_words = inbound("2025-10-22T11:00+00:00", label)
        assert _got(advise([rejected, thanks, kind_words], "2025-10-27T09:00+00:00")) == ("none", None, None)
    # Two rejections (the ATS's and the recruiter's) and nothing sent: one last thank-you.
    again = inbound("2025-10-21T08:00+00:00", "rejection")
    assert _got(advise([rejected, again], "2025-10-21T12:00+00:00")) == ("send_final_thanks", 6, "2025-10-22")
    # A new round after the rejection is no longer closed by it.
    invite = inbound("2025-11-03T10:00+00:00", "interview_invite", "2025-11-10", "2025-11-10T10:00+00:00")
    assert _got(advise([rejected, thanks, invite], "2025-11-04T09:00+00:00")) == \
        ("prepare_for_interview", None, "2025-11-10")


def test_out_of_office_replies_and_bounces_are_no_contact():
    decided = inbound("2025-10-01T13:00+00:00", "decision_timeline", "2025-10-10")
    follow_up = sent("2025-10-14T09:00+00:00")
    away = replace(inbound("2025-10-14T09:01+00:00", "checkin_request", "2025-10-20"),
                   subject="Automatic reply: Re: Interview: Data Analyst")
    assert _got(advise([decided, follow_up, away], "2025-10-22T09:00+00:00")) == ("stay_in_touch", 3, "2025-11-04")
    bounce = replace(inbound("2025-10-14T09:02+00:00", "other"), sender="mailer-daemon@acme.example",
                     subject="Undelivered Mail Returned to Sender")
    # The follow-up never arrived: row 2 still waits for one.
    assert _got(advise([decided, follow_up, bounce], "2025-10-15T09:00+00:00")) == ("follow_up", 2, "2025-10-14")


def test_a_short_reply_of_theirs_in_the_thread_answers_the_follow_up():
    ack = inbound("2025-09-03T10:00+00:00", "application_received")
    first = replace(sent("2025-09-22T09:30+00:00"), message_id="<f1@mail.example>")
    second = sent("2025-10-14T09:00+00:00")
    thanks = replace(inbound("2025-09-22T13:10+00:00", "other"), in_reply_to="<F1@mail.example>")
    step = advise([ack, first, thanks, second], "2025-10-24T09:00+00:00")
    assert _got(step) == ("stay_in_touch", 3, "2025-11-04")
    # The same words with no reference to the thread (a newsletter, a job alert) answer nothing.
    alert = inbound("2025-09-22T13:10+00:00", "other")
    assert _got(advise([ack, first, alert, second], "2025-10-24T09:00+00:00")) == ("wait", 5, None)


def test_the_first_message_after_the_interview_follows_up_once_their_date_has_passed():
    invite = inbound("2025-09-30T09:00+02:00", "interview_invite", "2025-10-06", "2025-10-06T10:00+02:00")
    decided = inbound("2025-10-06T16:00+02:00", "decision_timeline", "2025-10-10")
    late = sent("2025-10-14T09:00+02:00")
    step = advise([invite, decided, late], "2025-10-20T09:00+02:00", tz="Europe/Prague")
    assert _got(step) == ("stay_in_touch", 3, "2025-11-04")
    # Before their date it is the thank-you of row 1, which does not stop row 2.
    thanks = sent("2025-10-07T09:00+02:00")
    step = advise([invite, decided, thanks], "2025-10-08T09:00+02:00", tz="Europe/Prague")
    assert _got(step) == ("follow_up", 2, "2025-10-14")


def test_an_interview_called_off_before_it_takes_place_is_not_prepared_for():
    invite = inbound("2025-11-12T10:00+01:00", "interview_invite", "2025-11-20", "2025-11-20T11:00+01:00")
    hold = replace(inbound("2025-11-17T14:00+01:00", "still_deciding"),
                   text="The role has been put on hold, so we have to cancel Thursday's interview.")
    assert _got(advise([invite, hold], "2025-11-18T09:00+01:00")) == ("stay_in_touch", 3, "2025-12-01")
    # A status note that cancels nothing leaves the interview ahead.
    busy = replace(hold, text="We are still interviewing other candidates this week.")
    assert _got(advise([invite, busy], "2025-11-18T09:00+01:00")) == ("prepare_for_interview", None, "2025-11-20")


@pytest.mark.parametrize("text, expected", [
    # A note that only confirms the interview set before it keeps its date: prepare, then thank.
    ("Perfect, invite sent. Talk then!", ("prepare_for_interview", None, "2025-11-18")),
    ("Siap, undangan kalender sudah saya kirim. Sampai jumpa Selasa!", ("prepare_for_interview", None, "2025-11-18")),
    # One that moves it asks for a new time: no date until one is agreed.
    ("Something came up on our side: could we reschedule? What else works for you?",
     ("prepare_for_interview", None, None)),
    ("Mohon maaf, jadwal wawancara perlu diundur. Kapan Anda bisa di minggu depan?", ("prepare_for_interview", None, None)),
    ("Unfortunately Tuesday has just been taken by another candidate. Would Wednesday or Thursday morning suit you?",
     ("prepare_for_interview", None, None)),
    ("Mohon maaf, ada perubahan jadwal dari user. Apakah Anda bisa hari Jumat pagi atau Senin siang?",
     ("prepare_for_interview", None, None)),
    ("Thanks Dana, noted.", ("prepare_for_interview", None, None)),  # confirms nothing: the note is the latest word
])
def test_an_undated_word_about_the_set_interview_keeps_or_moves_it(text, expected):
    dated = inbound("2025-11-10T08:00-08:00", "interview_invite", "2025-11-18", "2025-11-18T09:30-08:00")
    yes = sent("2025-11-10T09:00-08:00")
    note = replace(inbound("2025-11-10T09:30-08:00", "interview_invite"), text=text)
    step = advise([dated, yes, note], "2025-11-12T09:00-08:00", tz="America/Los_Angeles")
    assert _got(step) == expected
    if expected[2]:  # and once it has taken place, the thank-you of row 1
        later = advise([dated, yes, note], "2025-11-18T12:00-08:00", tz="America/Los_Angeles")
        assert _got(later) == ("send_thank_you", 1, "2025-11-18")


def test_a_new_undated_invitation_after_the_interview_asks_for_a_time():
    """A second round asked for after the first took place is not a confirmation of the first."""
    first = inbound("2025-11-03T08:00+00:00", "interview_invite", "2025-11-05", "2025-11-05T10:00+00:00")
    thanks = sent("2025-11-05T15:00+00:00")
    second = replace(inbound("2025-11-07T09:00+00:00", "interview_invite"),
                     text="We'd love you to meet our CTO for a final round. When are you free next week?")
    assert _got(advise([first, thanks, second], "2025-11-07T12:00+00:00")) == ("prepare_for_interview", None, None)


def test_a_vacation_responder_is_no_answer(tmp_path):
    """RFC 3834's Auto-Submitted: auto-replied (a vacation responder in any language) is no one
    answering; auto-generated mail (an ATS, a calendar) still speaks for the employer."""
    from watcher.pipeline import read_raw

    def mail(headers, body):
        return ("From: Lena Brandt <lena.brandt@acme.example>\nTo: me@mail.example\n"
                "Subject: Re: Data Analyst\nDate: Mon, 24 Nov 2025 09:01:00 +0100\n"
                "Message-ID: <x@acme.example>\nIn-Reply-To: <t@mail.example>\n" + headers +
                "Content-Type: text/plain; charset=utf-8\n\n" + body).encode()

    away = read_raw(mail("Auto-Submitted: auto-replied\n", "Vielen Dank. Ich bin ab Montag wieder erreichbar.\n"),
                    me=("me@mail.example",))
    ats = read_raw(mail("Auto-Submitted: auto-generated\n", "We will decide by Friday 28 November.\n"),
                   me=("me@mail.example",))
    from models.threads import AUTO_REPLIED, is_auto_reply
    assert AUTO_REPLIED in away.signals and is_auto_reply(away)
    assert AUTO_REPLIED not in ats.signals and not is_auto_reply(ats)
    # A careers mailbox's autoresponder acknowledging the application speaks for the employer.
    ack = read_raw(mail("Auto-Submitted: auto-replied\n", "Thank you for your application for the Data Analyst "
                        "role. We have received it and will get back to you by Friday 5 December.\n"),
                   me=("me@mail.example",))
    assert AUTO_REPLIED in ack.signals and ack.label == "application_received" and not is_auto_reply(ack)


def test_the_slot_the_user_picks_is_the_interviews_time():
    """They offer slots (no date), the user's reply names one (the reader's interview_at of the
    user's mail), they confirm without a date: prepare for that time, then thank after it."""
    slots = inbound("2025-10-08T09:00+02:00", "interview_invite")
    pick = replace(sent("2025-10-08T11:00+02:00"), interview_at=D("2025-10-16T14:00+02:00"))
    see_you = inbound("2025-10-08T12:00+02:00", "interview_invite", evidence="Perfect, see you then!")
    before = advise([slots, pick, see_you], "2025-10-10T09:00+02:00", tz="Europe/Berlin")
    assert _got(before) == ("prepare_for_interview", None, "2025-10-16")
    after = advise([slots, pick, see_you], "2025-10-16T16:00+02:00", tz="Europe/Berlin")
    assert _got(after) == ("send_thank_you", 1, "2025-10-17")
    # A time the user names that has passed already, or an invitation that had its own date,
    # is not taken from the user's mail.
    stale = replace(pick, interview_at=D("2025-10-01T14:00+02:00"))
    assert _got(advise([slots, stale, see_you], "2025-10-10T09:00+02:00", tz="Europe/Berlin"))[2] is None
    dated = inbound("2025-10-08T09:00+02:00", "interview_invite", "2025-10-20", "2025-10-20T10:00+02:00")
    assert _got(advise([dated, pick], "2025-10-10T09:00+02:00", tz="Europe/Berlin")) == \
        ("prepare_for_interview", None, "2025-10-20")


def test_a_schedule_of_sessions_is_prepared_from_its_first_day_and_thanked_after_its_last():
    loop = inbound("2025-11-05T10:00-06:00", "interview_invite", "2025-11-10", "2025-11-13T15:30-06:00")
    before = advise([loop], "2025-11-06T09:00-06:00", tz="America/Chicago")
    assert _got(before) == ("prepare_for_interview", None, "2025-11-10")
    assert "from Monday 10 November to Thursday 13 November" in before.reason
    between = advise([loop], "2025-11-11T18:00-06:00", tz="America/Chicago")  # after the first day
    assert _got(between) == ("prepare_for_interview", None, "2025-11-13")
    after = advise([loop], "2025-11-13T18:00-06:00", tz="America/Chicago")
    assert _got(after) == ("send_thank_you", 1, "2025-11-14")


@pytest.mark.parametrize("words", [
    "Thank you for your time. I've accepted another offer, so I'd like to withdraw my application.",
    "Terima kasih atas kesempatannya. Dengan berat hati saya memutuskan untuk mengundurkan diri dari proses seleksi ini.",
])
def test_the_users_own_mail_withdrawing_closes_the_application(words):
    invite = inbound("2026-02-09T10:00+01:00", "interview_invite", "2026-02-12", "2026-02-12T14:00+01:00")
    withdraw = said("2026-02-10T09:00+01:00", words)
    assert _got(advise([invite, withdraw], "2026-02-11T09:00+01:00")) == ("none", None, None)
    # An invitation with a date after it starts again.
    again = inbound("2026-03-02T10:00+01:00", "interview_invite", "2026-03-05", "2026-03-05T10:00+01:00")
    assert _got(advise([invite, withdraw, again], "2026-03-03T09:00+01:00")) == \
        ("prepare_for_interview", None, "2026-03-05")
    # Words about withdrawing that withdraw nothing leave it open.
    unsure = said("2026-02-10T09:00+01:00", "Could you tell me how I would withdraw my application, if needed?")
    assert _got(advise([invite, unsure], "2026-02-11T09:00+01:00"))[0] != "none"


@pytest.mark.parametrize("words", [
    "Saya tidak ingin mengundurkan diri dari proses seleksi, hanya meminta jadwal ulang.",
    "Mohon maaf, saya tidak bermaksud mengundurkan diri dari proses rekrutmen ini.",
    "I'd like to withdraw my earlier request for a later start date; 1 March is fine.",
    "I have decided to withdraw from the other process I was in, as this role is my first choice.",
    "I never said I'm withdrawing from the process - I'm still very interested.",
])
def test_words_about_withdrawing_that_withdraw_nothing_leave_it_open(words):
    invite = inbound("2026-02-09T10:00+01:00", "interview_invite", "2026-02-12", "2026-02-12T14:00+01:00")
    assert _got(advise([invite, said("2026-02-10T09:00+01:00", words)], "2026-02-11T09:00+01:00"))[0] != "none"


def test_a_withdrawal_wrapped_across_lines_still_withdraws():
    invite = inbound("2026-02-09T10:00+07:00", "interview_invite", "2026-02-12", "2026-02-12T14:00+07:00")
    words = "setelah mempertimbangkan kembali, saya memutuskan untuk mengundurkan diri dari\nproses seleksi ini."
    assert _got(advise([invite, said("2026-02-10T09:00+07:00", words)], "2026-02-11T09:00+07:00")) == \
        ("none", None, None)
