from datetime import datetime, timedelta

import pytest

from models.threads import (describe, employer_from_sender, is_auto_reply, is_bounce, is_relay, pick_application,
                            same_company, without_automatic_mail)
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
