from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from models.threads import (conversation, describe, employer_from_sender, is_auto_reply, is_bounce, is_relay,
                            pick_application, same_company, without_automatic_mail)
from models.message import Message


@pytest.mark.parametrize("name, address, expected", [
    ("Orrery Payments via Greenhouse", "no-reply@greenhouse.io", "Orrery Payments"),
    ("Talent Team at Harbour Bank", "jobs@lever.co", "Harbour Bank"),
    ("Acme Careers", "careers-noreply@acme.example", "Acme"),
    ("Tim Rekrutmen Arunika", "rekrutmen@arunika.example", "Arunika"),
    ("Hannah Okafor", "hannah@fernhill.example", "Fernhill"),
    ("Workday", "noreply@myworkday.com", None),
    ("", "someone@gmail.com", None),
])
def test_employer_from_sender(name, address, expected):
    assert employer_from_sender(name, address) == expected


def test_relay_domains_are_known():
    assert is_relay("us.greenhouse-mail.io") and is_relay("hire.lever.co") and not is_relay("acme.example")


def test_company_names_compare_loosely():
    assert same_company("PT Rimbun Data Kreasi", "Rimbun Data Kreasi Tbk")
    assert same_company("Acme, Inc.", "ACME")
    assert not same_company("Acme", "Apex")


class Row:
    def __init__(self, id, company, role, days_ago, closed=False):
        self.id, self.company, self.role, self.closed = id, company, role, closed
        self.last_message_at = datetime(2025, 6, 1) - timedelta(days=days_ago)


def test_pick_application_prefers_the_same_role_and_recent_activity():
    rows = [Row(1, "Acme", "Data Analyst", 10), Row(2, "Acme", "Designer", 5), Row(3, "Acme", "Data Analyst", 400)]
    assert pick_application(rows, "Acme", "Data Analyst", datetime(2025, 6, 1)).id == 1
    assert pick_application(rows, "Acme", None, datetime(2025, 6, 1)).id == 2
    assert pick_application(rows, "Acme", "Sales Lead", datetime(2025, 6, 1)) is None
    assert pick_application(rows, "Other", None, datetime(2025, 6, 1)) is None


def test_describe_takes_the_employer_from_their_mail():
    mine = Message(None, "out", "me@mail.example", datetime(2025, 6, 1).astimezone(), role="Analyst")
    theirs = Message(None, "in", "no-reply@greenhouse.io", datetime(2025, 6, 2).astimezone(),
                     sender_name="Acme via Greenhouse", label="application_received", recruiter_name=None)
    found = describe([mine, theirs])
    assert found["company"] == "Acme" and found["role"] == "Analyst"


def _mail(direction, when, sender="dana@acme.example", subject="Re: Data Analyst", text=""):
    return Message(message_id=None, direction=direction, sender=sender, date=datetime.fromisoformat(when),
                   subject=subject, text=text)


@pytest.mark.parametrize("subject, text, expected", [
    ("Automatic reply: Re: Data Analyst", "", True),
    ("Out of Office: Re: Data Analyst", "", True),
    ("Balasan otomatis: Lamaran Anda", "", True),
    ("Re: Data Analyst", "Hi Noah,\nThank you for your message.\n\nI am out of the office until Monday.", True),
    ("Re: Data Analyst", "Saya sedang cuti sampai tanggal 3 November.", True),
    ("Re: Data Analyst", "Hi Noah,\nWe will decide by Friday. I'm out of the office next week, though.", False),
    ("Re: Out of office days and the interview", "Hi Noah, we'd like to meet you on Tuesday.", False),
])
def test_out_of_office_replies_are_told_apart(subject, text, expected):
    assert is_auto_reply(_mail("in", "2025-10-14T09:00+00:00", subject=subject, text=text)) is expected


def test_automatic_mail_and_the_message_a_bounce_returns_leave_the_conversation():
    ack = _mail("in", "2025-09-08T10:00+00:00")
    first = _mail("out", "2025-09-29T09:30+00:00", sender="me@mail.example")
    bounce = _mail("in", "2025-09-29T09:31+00:00", sender="MAILER-DAEMON@acme.example",
                   subject="Undelivered Mail Returned to Sender")
    again = _mail("out", "2025-09-30T11:00+00:00", sender="me@mail.example")
    away = _mail("in", "2025-09-30T11:01+00:00", subject="Automatic reply: Data Analyst")
    assert is_bounce(bounce) and not is_bounce(ack)
    assert without_automatic_mail([ack, first, bounce, again, away]) == [ack, again]
    # A bounce long after the user's message returns nothing of theirs (a late notice of another send).
    late = _mail("in", "2025-10-20T09:00+00:00", sender="postmaster@acme.example", subject="Delivery Status Notification (Failure)")
    assert without_automatic_mail([ack, first, late]) == [ack, first]


# -- grouping in the store: who writes, to whom ------------------------------------------------

def _store():
    from models.store import Store

    store = Store("sqlite://")
    store.migrate()
    return store


def _theirs(n, when, sender, name, label, company=None, role=None):
    return Message(message_id=f"<{n}@x.example>", direction="in", sender=sender, sender_name=name,
                   date=datetime.fromisoformat(when), label=label, company=company, role=role,
                   recipients=("me@mail.example",), subject=f"message {n}")


def _mine(n, when, to):
    return Message(message_id=f"<{n}@mail.example>", direction="out", sender="me@mail.example",
                   date=datetime.fromisoformat(when), recipients=(to,), subject="Thank you")


def test_mail_joins_the_application_of_its_correspondent():
    store = _store()
    _, ack, _ = store.add_message(_theirs(1, "2025-09-02T07:12-05:00", "prairiemutual@myworkday.com", "Prairie Mutual",
                                          "application_received", "Prairie Mutual Insurance", "Data Analyst II"))
    _, invite, _ = store.add_message(_theirs(2, "2025-09-10T10:00-05:00", "tanya.briggs@prairiemutual.example",
                                             "Tanya Briggs", "interview_invite", "Prairie Mutual", "Data Analyst II"))
    assert invite == ack
    # A thank-you written as a new email (no In-Reply-To) to the recruiter.
    assert store.add_message(_mine(3, "2025-09-17T08:30-05:00", "tanya.briggs@prairiemutual.example"))[1] == ack
    # The ATS's rejection names no employer the reader could take, but comes from the same tenant address.
    assert store.add_message(_theirs(4, "2025-09-29T13:05-05:00", "prairiemutual@myworkday.com", "Prairie Mutual",
                                     "rejection"))[1] == ack
    # The recruiter, later, from a private address.
    assert store.add_message(_theirs(5, "2025-10-01T19:40-05:00", "tanya.b@fastmail.example", "Tanya Briggs",
                                     "still_deciding"))[1] == ack
    assert len(store.applications()) == 1


def test_a_shared_no_reply_does_not_merge_employers():
    store = _store()
    _, first, _ = store.add_message(_theirs(1, "2025-10-06T09:02-07:00", "no-reply@us.greenhouse-mail.io",
                                            "Quillstone Talent", "application_received", "Quillstone"))
    _, second, _ = store.add_message(_theirs(2, "2025-10-07T09:02-07:00", "no-reply@us.greenhouse-mail.io",
                                             "Harbour Bank Careers", "application_received", "Harbour Bank"))
    assert first != second
    # Mail to someone who never wrote waits for a reply rather than joining a guess.
    assert store.add_message(_mine(3, "2025-10-08T10:00-07:00", "someone@elsewhere.example"))[1] is None


def test_a_generic_sender_naming_another_employer_opens_its_own_application():
    # The same ATS address under the same generic name, but each message names its employer.
    store = _store()
    _, first, _ = store.add_message(_theirs(1, "2025-10-06T09:02-07:00", "no-reply@ats-mail.example",
                                            "Talent Acquisition", "application_received", "Quillstone"))
    _, second, _ = store.add_message(_theirs(2, "2025-10-09T11:40-07:00", "no-reply@ats-mail.example",
                                             "Talent Acquisition", "rejection", "Harbour Bank"))
    assert first != second
    # One that names no employer still joins the correspondent's latest application.
    assert store.add_message(_theirs(3, "2025-10-10T08:00-07:00", "no-reply@ats-mail.example",
                                     "Talent Acquisition", "still_deciding"))[1] == second


def test_the_users_forwards_to_other_people_are_no_part_of_the_conversation():
    theirs = _mail("in", "2025-11-13T15:30+01:00", sender="agnieszka@wisla.example", subject="Your application")

    def forward(to, subject="Fwd: Your application"):
        return replace(_mail("out", "2025-11-13T18:00+01:00", sender="me@mail.example", subject=subject),
                       recipients=(to,))

    to_mentor = forward("marta@mentoring.example")
    to_myself = forward("me@mail.example")
    to_their_colleague = forward("hr@wisla.example")
    a_reply = forward("marta@mentoring.example", subject="Re: Your application")
    assert conversation([theirs, to_mentor, to_myself]) == [theirs]
    assert conversation([theirs, to_their_colleague]) == [theirs, to_their_colleague]
    assert conversation([theirs, a_reply]) == [theirs, a_reply]  # only forwards are judged by their address


def test_their_mail_about_another_role_is_not_this_thread():
    def theirs(n, when, role, reply_to=None):
        return Message(message_id=f"<{n}@larkfield.example>", direction="in", sender="nils@larkfield.example",
                       date=datetime.fromisoformat(when), label="application_received", role=role,
                       in_reply_to=reply_to)

    ack = theirs(1, "2025-09-01T09:00+02:00", "Data Analyst")
    decided = theirs(2, "2025-09-12T11:00+02:00", "Data Analyst")
    other_role = theirs(3, "2025-09-16T09:00+02:00", "Analytics Engineer")
    assert conversation([ack, decided, other_role]) == [ack, decided]
    assert describe([ack, decided, other_role])["role"] == "Data Analyst"
    # A reply in the thread stays, whatever role it names (the recruiter suggests another one).
    suggested = theirs(4, "2025-09-16T09:00+02:00", "Analytics Engineer", reply_to="<2@larkfield.example>")
    assert conversation([ack, decided, suggested]) == [ack, decided, suggested]
    # One message per role: nothing says which is the thread's, so nothing is left out.
    assert conversation([ack, other_role]) == [ack, other_role]
