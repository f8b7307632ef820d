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
KNOWN_WRONG = {
    "01-interview-morning-for-sender-afternoon-for-user":
        "reader: 01's interview date is null. The invite's hit sentence ('he would like to meet you') names no "
        "date, so every sentence is searched and two days are found: 'Would Tuesday, October 7 at 10:00 am ET "
        "... work for you?' and the past 'speak with me on Monday' (resolved forward to Mon 6 Oct); two days "
        "are read as a list of options. With no interview the policy falls to stay_in_touch/3 (16 Oct).",
    "02-interview-afternoon-for-sender-morning-for-user":
        "reader: 01's interview time is not read. 'Date: Thursday, 18 September 2025' gives the day, but the "
        "next line 'Time: 4:30pm - 5:30pm SGT' is not joined to it, so interview_at is null; the policy takes "
        "a day without a time as 'ahead until the day is over' and answers prepare_for_interview instead of "
        "the same-day thank-you (16:30 SGT is 09:30 in London).",
    "14-still-deciding-after-named-date":
        "reader: 04 is still_deciding (right) but gets key_date 2025-07-18 from the negated 'we won't be able "
        "to give you an answer today as planned'; the policy then keeps row 2 from that date (follow_up/2 "
        "2025-07-22) instead of starting row 3's clock (stay_in_touch/3 2025-08-01).",
    "26-id-kami-akan-menghubungi-anda-wait":
        "reader: 04 'Prosesnya masih berjalan di internal, kami akan menghubungi Anda kembali begitu ada kabar "
        "mengenai posisi ini.' fires both 'masih dalam proses' (still_deciding, 0.85) and 'akan kami kabari' "
        "(will_contact_you, 0.7) in one sentence, and still_deciding wins; the policy then runs row 3's cadence "
        "(stay_in_touch/3 2025-08-29) although row 5 says that after 'we'll contact you' nothing is scheduled "
        "(wait/5).",
    "28-id-interview-wib-afternoon-in-wita":
        "reader: 01's interview time is not read from the table line 'Pukul        : 11.30 - 12.30 WIB' (the "
        "day comes from 'Hari/tanggal : Kamis, 4 September 2025'), so interview_at is null and the policy "
        "answers prepare_for_interview on the interview day instead of the next-day thank-you (11.30 WIB is "
        "12.30 in Asia/Makassar).",
    "33-id-thank-you-before-noon-then-silence":
        "reader: 01's time 'Pukul        : 09.00 - 10.00 WIB' is not read; the policy then places a day "
        "without a time at 12:00, so the thank-you sent at 11:15 counts as sent before the interview and row 1 "
        "asks again for a thank-you (send_thank_you/1 2025-10-15) instead of stay_in_touch/3 2025-10-28.",
    "34-interview-rescheduled-later-quoted-old-date":
        "reader: 03 (the reschedule) gets key_date 2025-10-13 from 'Henrik has been called into a board "
        "meeting on Monday' instead of 'Could we move your interview to Thursday 16 October at 14:00 CEST "
        "instead?', so the policy sees the interview as past and asks for a thank-you.",
    "38-get-back-at-the-end-of-next-week":
        "reader: 01 is decision_timeline but its key date is null. In 'we hope to get\\nback to you at the end "
        "of next week' the plain text is hard-wrapped between 'get' and 'back', and _HEAR_BACK_CUE's 'get back' "
        "needs a space, so no hear-back cue is found in the sentence and its date (2025-10-31) is never taken; "
        "the policy falls to row 3 (stay_in_touch/3 2025-11-05) instead of row 2 (follow_up/2 2025-11-04).",
}


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
    assert all(s.split("@")[-1].rstrip(">").endswith(".example") for s in senders)
