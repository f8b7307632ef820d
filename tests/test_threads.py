from datetime import datetime, timedelta

import pytest

from models.threads import describe, employer_from_sender, is_relay, pick_application, same_company
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
