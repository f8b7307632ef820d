"""watcher.batch: many messages read by worker processes come back in input order, unchanged."""
from pathlib import Path

from watcher import batch

FIXTURES = Path(__file__).parent / "fixtures" / "reading"


def _events(copies: int):
    mails = sorted(FIXTURES.glob("*.eml"))
    out = []
    for i in range(copies):
        for path in mails:
            out.append(("mail", f"{path.name}#{i}", path.read_bytes()))
    return out


def _summary(events):
    return [(e[0], e[1]) + ((e[3].label, e[3].key_date, e[3].evidence) if e[0] == "read" else (e[2],)) for e in events]


def test_a_pool_reads_what_one_process_reads_in_the_same_order(monkeypatch):
    monkeypatch.setattr(batch, "WARM_UP", 2)
    monkeypatch.setattr(batch, "CHUNK", 3)
    events = _events(8)
    events.insert(5, ("error", "/gone.mbox", "No such file"))
    alone = list(batch.read_all(events, me=[], jobs=1))
    pooled = list(batch.read_all(events, me=[], jobs=2))
    assert len(pooled) == len(events)
    assert _summary(pooled) == _summary(alone)
    assert pooled[5] == ("error", "/gone.mbox", "No such file")
    assert {e[3].label for e in pooled if e[0] == "read"} >= {"rejection", "interview_invite"}


def test_a_reader_failure_is_an_error_event_not_a_crash(monkeypatch):
    import watcher.reader

    def broken(parsed, **options):
        raise ValueError("bug")

    monkeypatch.setattr(watcher.reader, "read_message", broken)
    event = batch.read_event(_events(1)[0], me=[])
    assert event[0] == "error" and "ValueError" in event[2]


def test_my_own_mail_is_out_in_a_pool(monkeypatch):
    monkeypatch.setattr(batch, "WARM_UP", 0)
    events = [e for e in _events(3) if e[1].startswith("rejection-en")]
    found = list(batch.read_all(events, me=["mira.holt@lanternworks.example"], jobs=2))
    assert [e[3].direction for e in found] == ["out"] * 3


def test_default_jobs_is_at_least_one():
    assert batch.default_jobs() >= 1


def test_a_chunk_reads_as_event_by_event():
    events = _events(2)
    events.insert(3, ("error", "/gone.mbox", "No such file"))
    assert _summary(batch.read_events(events, me=[])) == _summary([batch.read_event(e, me=[]) for e in events])


def test_without_people_the_readings_differ_only_in_names():
    from dataclasses import replace

    events = _events(1)
    full = batch.read_events(events, me=[])
    bare = batch.read_events(events, me=[], people=False)
    assert all(b[3].company is b[3].role is b[3].recruiter_name is None for b in bare)
    assert any(f[3].company for f in full)
    assert [replace(f[3], company=None, role=None, recruiter_name=None) for f in full] == [b[3] for b in bare]
