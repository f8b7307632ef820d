from datetime import date, datetime

import pytest

from models.message import Application, Message
from models.policy import PolicySettings, recommend

D = datetime.fromisoformat


def thread(label, lang="en", key_date=None, extra=()):
    first = Message(None, "in", "dewi@rimbun.example", D("2025-11-05T09:45+07:00"), label=label, language=lang,
                    key_date=key_date, recruiter_name="Dewi Anggraini", subject="Re: Undangan Wawancara",
                    evidence="Keputusan akan kami sampaikan paling lambat hari Jumat.")
    return Application(company="Rimbun Data", role="Backend Engineer", messages=[first, *extra])


@pytest.mark.parametrize("label, key_date", [
    ("decision_timeline", date(2025, 11, 7)), ("rejection", None), ("still_deciding", None),
    ("offer", date(2025, 11, 12)), ("assessment", date(2025, 11, 8)), ("checkin_request", date(2025, 11, 7)),
])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_step_has_a_personal_draft_in_the_threads_language(label, key_date, lang):
    step = recommend(thread(label, lang, key_date), D("2025-11-06T08:00+07:00"), PolicySettings(tz="Asia/Jakarta"))
    assert step.draft is not None
    body = step.draft.body
    assert "Dewi" in body and "Backend Engineer" in body
    if lang == "id":
        assert "Halo" in body and "Salam" in body
    else:
        assert body.startswith("Hi ")
    assert "{" not in body and "}" not in body


def test_stay_in_touch_templates_rotate():
    bodies = []
    for n in range(3):
        followups = [Message(None, "out", "me@mail.example", D(f"2025-0{6 + k}-01T10:00+07:00")) for k in range(n)]
        app = thread("still_deciding", extra=followups)
        app.messages[0].date = D("2025-05-01T10:00+07:00")
        step = recommend(app, D("2025-09-01T10:00+07:00"), PolicySettings(tz="Asia/Jakarta", max_unanswered_followups=9))
        assert step.action == "stay_in_touch"
        bodies.append(step.draft.body)
    assert len(set(bodies)) == 3


def test_final_thanks_asks_for_feedback_and_future_roles():
    step = recommend(thread("rejection"), D("2025-11-06T08:00+07:00"), PolicySettings(tz="Asia/Jakarta"))
    assert "feedback" in step.draft.body and "future roles" in step.draft.body


@pytest.mark.parametrize("hour, lang, words", [(9, "en", "this morning"), (15, "en", "yesterday"),
                                               (9, "id", "tadi pagi"), (15, "id", "kemarin")])
def test_the_thank_you_says_when_you_spoke(hour, lang, words):
    invite = Message(None, "in", "dewi@rimbun.example", D("2025-11-01T09:00+07:00"), label="interview_invite",
                     language=lang, key_date=date(2025, 11, 4), interview_at=D(f"2025-11-04T{hour:02d}:00+07:00"),
                     recruiter_name="Dewi Anggraini", subject="Undangan Wawancara")
    app = Application(company="Rimbun Data", role="Backend Engineer", messages=[invite])
    step = recommend(app, D("2025-11-04T17:30+07:00"), PolicySettings(tz="Asia/Jakarta"))
    assert step.action == "send_thank_you" and words in step.draft.body
