"""`recommend` over 10,000 applications of 10 messages each, on one core.

Target (issue 2): under 1 s. Prints a table and a JSON last line.
"""
import json
import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone

from models.message import Application, Message
from models.policy import PolicySettings, recommend

LABELS = ["application_received", "interview_invite", "decision_timeline", "checkin_request", "still_deciding",
          "will_contact_you", "rejection", "offer", "assessment"]


def make_applications(n=10_000, per=10, seed=7):
    rng = random.Random(seed)
    start = datetime(2025, 1, 6, 9, tzinfo=timezone(timedelta(hours=7)))
    apps = []
    for i in range(n):
        msgs, when = [], start + timedelta(days=rng.randrange(300))
        for k in range(per):
            when += timedelta(hours=rng.randrange(6, 200))
            if k % 3 == 2:
                msgs.append(Message(f"{i}.{k}@me", "out", "me@mail.example", when))
                continue
            label = rng.choice(LABELS)
            key = when.date() + timedelta(days=rng.randrange(1, 12)) if rng.random() < 0.5 else None
            interview = datetime.combine(key, datetime.min.time(), when.tzinfo) + timedelta(hours=10) \
                if label == "interview_invite" and key else None
            msgs.append(Message(f"{i}.{k}@them", "in", "hr@acme.example", when, label=label, key_date=key,
                                interview_at=interview, evidence="(sentence)", recruiter_name="Dana Reyes"))
        apps.append(Application(company=f"Company {i}", role="Analyst", messages=msgs))
    return apps


def main():
    apps = make_applications()
    now = datetime(2026, 1, 15, 12, tzinfo=timezone.utc)
    settings = PolicySettings(tz="Asia/Jakarta")
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        for app in apps:
            recommend(app, now, settings)
        runs.append(time.process_time() - t0)
    median = statistics.median(runs)
    print(f"recommend: {len(apps):,} applications x 10 messages: median {median:.3f} s of CPU time over {len(runs)} runs "
          f"({median / len(apps) * 1e6:.0f} µs each)")
    print(json.dumps({"recommend_10k_s": round(median, 3)}))


if __name__ == "__main__":
    main()
