"""`nextstep advise` end to end, on whole recruiter threads, against seed/CHECKINS.md.

Each folder of `tests/fixtures/threads/` is one application's thread: `01.eml`, `02.eml`, … in
date order, and `meta.json` with the user's address (`me`), the moment (`now`), the user's zone
(`tz`), the step CHECKINS.md gives (`expect`: action, checkin, due) and the derivation (`why`).
For example `08-checkin-by-thursday-sender-calendar` expects
`{"action": "follow_up", "checkin": 4, "due": "2025-10-17"}`.

Threads the product gets wrong today are listed in KNOWN_WRONG with the cause, as strict
xfails: when a fix makes one pass, its test fails until the entry is removed. A thread or its
expectation is never changed to make the product pass.
"""
import json
from datetime import date, datetime
from email import message_from_bytes
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from watcher.cli import cli

THREADS = Path(__file__).parent / "fixtures" / "threads"

ACTIONS = {"send_thank_you", "follow_up", "stay_in_touch", "send_final_thanks", "prepare_for_interview",
           "complete_assessment", "respond_to_offer", "wait", "none"}
BEYOND_THE_ARTICLE = {"prepare_for_interview", "complete_assessment", "respond_to_offer"}
ROW_OF_ACTION = {"send_thank_you": {1}, "follow_up": {2, 4}, "stay_in_touch": {3}, "send_final_thanks": {6},
                 "wait": {5}}

# thread -> why the product answers wrong today: which message is misread, or which policy
# decision is wrong, with the sentence that shows it.
KNOWN_WRONG: dict[str, str] = {
}


# Senders are made up (`.example`, RFC 2606), except the ATS relays whose no-reply addresses real
# application mail comes from: the product must recognise those very domains.
ATS_RELAYS = ("greenhouse-mail.io", "hire.lever.co", "myworkday.com")


def _made_up_or_relay(domain: str) -> bool:
    return domain.endswith(".example") or any(domain == d or domain.endswith("." + d) for d in ATS_RELAYS)


def _folders():
    return sorted(p for p in THREADS.iterdir() if p.is_dir())


def _cases():
    cases = []
    for folder in _folders():
        marks = ()
        if folder.name in KNOWN_WRONG:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[folder.name])
        cases.append(pytest.param(folder, id=folder.name, marks=marks))
    return cases


def _meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def run_advise(folder: Path) -> dict:
    """`nextstep advise --json` on one thread folder, as the user would run it."""
    meta = _meta(folder)
    args = ["advise", "--json", "--me", meta["me"], "--now", meta["now"], "--tz", meta["tz"]]
    result = CliRunner().invoke(cli, args + [str(p) for p in sorted(folder.glob("*.eml"))])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("folder", _cases())
def test_advise_gives_the_step_of_checkins(folder):
    meta = _meta(folder)
    step = run_advise(folder)["next_step"]
    got = {key: step[key] for key in ("action", "checkin", "due")}
    assert got == meta["expect"], f"{folder.name}: {meta['why']}"


def test_known_wrong_names_real_threads():
    names = {p.name for p in _folders()}
    assert set(KNOWN_WRONG) <= names


def test_threads_cover_every_row_and_both_languages():
    metas = {p.name: _meta(p) for p in _folders()}
    rows = {m["expect"]["checkin"] for m in metas.values()}
    actions = {m["expect"]["action"] for m in metas.values()}
    indonesian = [name for name in metas if "-id-" in name]
    assert rows >= {1, 2, 3, 4, 5, 6}
    assert actions == ACTIONS
    assert len(indonesian) >= 10
    assert len(metas) - len(indonesian) >= 20


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.name)
def test_thread_is_well_formed(folder):
    """meta.json follows the advise contract, and the mail is one thread in date order."""
    meta = _meta(folder)
    assert set(meta) == {"me", "now", "tz", "expect", "why"}
    assert datetime.fromisoformat(meta["now"]).utcoffset() is not None
    ZoneInfo(meta["tz"])
    expect = meta["expect"]
    action, checkin, due = expect["action"], expect["checkin"], expect["due"]
    assert action in ACTIONS
    if action in BEYOND_THE_ARTICLE or action == "none":
        assert checkin is None
    else:
        assert checkin in ROW_OF_ACTION[action]
    if action in ("wait", "none"):
        assert due is None
    else:
        due_day = date.fromisoformat(due)
        if checkin in (2, 4, 6):  # counted in business days: never a weekend
            assert due_day.weekday() < 5
    assert len(meta["why"]) > 80

    emls = sorted(folder.glob("*.eml"))
    assert [p.name for p in emls] == [f"{i:02d}.eml" for i in range(1, len(emls) + 1)]
    assert 1 <= len(emls) <= 5
    dates, senders = [], []
    for path in emls:
        mail = message_from_bytes(path.read_bytes())
        dates.append(parsedate_to_datetime(mail["Date"]))
        senders.append(mail["From"])
        assert mail["Message-ID"]
    assert dates == sorted(dates)
    assert any(meta["me"] not in s for s in senders)  # at least one message from them
    assert all(_made_up_or_relay(s.split("@")[-1].rstrip(">")) for s in senders)
