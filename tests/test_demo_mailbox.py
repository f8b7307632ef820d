"""The sample mailbox of `nextstep demo`: a well-formed Takeout-style mbox whose applications read,
through the real parser, reader and policy, to the steps of seed/CHECKINS.md on any day."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import pytest

from models.message import Application
from models.policy import recommend, PolicySettings
from models.threads import describe
from watcher.demo_mailbox import DEMO_DAY_STARTS, ME, SCENARIOS, build_mailbox, plan
from watcher.mailfiles import iter_mail
from watcher.pipeline import read_raw

# A Monday, a Friday, a Sunday, and the turn of the year (a Wednesday and a Thursday).
DAYS = (date(2025, 5, 12), date(2025, 5, 16), date(2025, 5, 18), date(2025, 12, 31), date(2026, 1, 1))
TZ = "Europe/London"

# Natural recruiter mail that the reader misreads today; each reason names the misread.
MISREADS: dict[str, str] = {}


@lru_cache(maxsize=None)
def _mailbox(today: date, tz: str = TZ) -> bytes:
    return build_mailbox(today, tz)


@lru_cache(maxsize=None)
def _read(today: date, tz: str = TZ) -> dict:
    """Every message of the day's sample, read, by Message-ID."""
    out = {}
    for item in _iter(_mailbox(today, tz)):
        msg = read_raw(item.raw, me=(ME,))
        out[msg.message_id] = msg
    return out


def _iter(raw: bytes, _cache={}):
    import tempfile
    from pathlib import Path

    if raw not in _cache:
        path = Path(tempfile.mkdtemp()) / "sample.mbox"
        path.write_bytes(raw)
        _cache[raw] = list(iter_mail([path]))
    return _cache[raw]


def _header(raw: bytes, name: str) -> str | None:
    head = raw.split(b"\n\n", 1)[0].decode("utf-8")
    found = re.search(rf"^{re.escape(name)}: (.*(?:\n[ \t].*)*)", head, re.M | re.I)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else None


def _application(today: date, key: str, tz: str = TZ) -> tuple[Application, object]:
    demo = next(a for a in plan(today, tz) if a.scenario.key == key)
    read = _read(today, tz)
    # The plan's messages in order, found by their subject and date among what was read.
    messages = [m for m in read.values()
                if any(m.date == mail.at and m.subject == mail.subject for mail in demo.mails)]
    assert len(messages) == len(demo.mails), key
    app = Application(messages=messages)
    for name, value in describe(app.timeline()).items():
        setattr(app, name, value)
    return app, demo


def test_the_mbox_parses_into_every_message_with_takeout_headers():
    raw = _mailbox(DAYS[0])
    items = _iter(raw)
    assert len(items) == sum(len(a.mails) for a in plan(DAYS[0], TZ))
    ids = set()
    for item in items:
        thrid = _header(item.raw, "X-GM-THRID")
        assert thrid and thrid.isdigit() and 0 < int(thrid) < 2 ** 64
        assert _header(item.raw, "X-Gmail-Labels")
        message_id = _header(item.raw, "Message-ID")
        assert message_id and message_id.startswith("<") and message_id.endswith(">")
        ids.add(message_id)
        reply_to = _header(item.raw, "In-Reply-To")
        if reply_to:
            assert reply_to in ids, "a reply comes after what it answers"
            assert reply_to in _header(item.raw, "References")
    assert len(ids) == len(items)


def test_the_sample_is_the_same_for_the_same_day_and_moves_with_the_day():
    assert build_mailbox(DAYS[0], TZ) == _mailbox(DAYS[0])
    assert build_mailbox(DAYS[0] + timedelta(days=1), TZ) != _mailbox(DAYS[0])


def test_the_sample_shows_every_checkin_and_the_steps_beyond_the_article():
    assert {s.checkin for s in SCENARIOS.values()} == {1, 2, 3, 4, 5, 6, None}
    actions = {s.action for s in SCENARIOS.values()}
    assert {"prepare_for_interview", "complete_assessment", "respond_to_offer", "none"} <= actions
    languages = Counter(s.language for s in SCENARIOS.values())
    assert languages == {"en": 10, "id": 5}


def test_the_sample_mixes_html_invites_attachments_and_relays():
    raw = _mailbox(DAYS[1])
    assert b"Content-Type: text/html" in raw
    assert b"BEGIN:VCALENDAR" in raw
    assert b"application/pdf" in raw
    assert b" via Greenhouse" in raw and b" via Codility" in raw
    assert re.search(rb"^From: .*@.*\.example>?$", raw, re.M)
    senders = set(re.findall(rb"^From: .*<([^>]+)>", raw, re.M))
    assert all(s.endswith(b".example") for s in senders)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_nothing_in_the_sample_is_dated_after_the_demo_day_starts(today):
    starts = datetime.combine(today, DEMO_DAY_STARTS, ZoneInfo(TZ))
    dates = [m.date for m in _read(today).values()]
    assert max(dates) < starts
    assert min(dates) > starts - timedelta(days=70)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_by_thursday_is_the_first_thursday_after_the_email(today):
    app, demo = _application(today, "by_thursday")
    ask = app.timeline()[-1]
    assert ask.date.weekday() < 5
    assert ask.key_date is not None and ask.key_date.weekday() == 3
    assert timedelta(days=1) <= ask.key_date - ask.date.date() <= timedelta(days=7)


def _cases():
    for key in SCENARIOS:
        marks = [pytest.mark.xfail(strict=True, reason=MISREADS[key])] if key in MISREADS else []
        for today in DAYS:
            yield pytest.param(key, today, marks=marks, id=f"{key}-{today}")


@pytest.mark.parametrize("key, today", list(_cases()))
def test_each_application_reads_to_its_expected_step(key, today):
    app, demo = _application(today, key)
    expected = SCENARIOS[key]
    for hour in (DEMO_DAY_STARTS, time(16, 0), time(23, 30)):
        now = datetime.combine(today, hour, ZoneInfo(TZ))
        step = recommend(app, now, PolicySettings(tz=TZ))
        assert (step.action, step.checkin, step.due) == (expected.action, expected.checkin, demo.due), \
            f"{key} at {now:%a %Y-%m-%d %H:%M}: {step.reason}"


@pytest.mark.parametrize("tz", ["Asia/Jakarta", "America/Los_Angeles"])
def test_the_steps_hold_in_other_time_zones(tz):
    today = DAYS[2]
    now = datetime.combine(today, DEMO_DAY_STARTS, ZoneInfo(tz))
    for key, expected in SCENARIOS.items():
        if key in MISREADS:
            continue
        app, demo = _application(today, key, tz)
        step = recommend(app, now, PolicySettings(tz=tz))
        assert (step.action, step.checkin, step.due) == (expected.action, expected.checkin, demo.due), key


def test_each_application_is_in_its_language():
    for key, expected in SCENARIOS.items():
        app, _ = _application(DAYS[0], key)
        assert app.language == expected.language, key
