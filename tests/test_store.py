"""The store: idempotent writes, threading into applications, corrections, migrations."""
from datetime import date, datetime

import sqlalchemy as sa
import pytest

from models.message import Message, UserEvent
from models.store import SCHEMA_VERSION, Store

D = datetime.fromisoformat


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "store.sqlite"))


def msg(mid, when, direction="in", label="application_received", sender="jobs@acme.example", name="Acme Careers",
        **kw):
    return Message(message_id=mid, direction=direction, sender=sender, sender_name=name, date=D(when), label=label,
                   subject=kw.pop("subject", "Your application"), **kw)


def test_a_message_stored_twice_is_stored_once(store):
    first = store.add_message(msg("a@acme", "2025-03-01T10:00+00:00"))
    again = store.add_message(msg("<A@acme>", "2025-03-01T10:00+00:00"))
    assert first[2] is True and again[2] is False
    assert again[0] == first[0]
    assert store.counts()["messages"] == 1


def test_the_same_gmail_message_by_another_path_is_stored_once(store):
    store.add_message(msg(None, "2025-03-01T10:00+00:00", gmail_msgid=1234))
    _, _, new = store.add_message(msg(None, "2025-03-01T10:00+00:00", gmail_msgid=1234, subject="other subject"))
    assert not new and store.counts()["messages"] == 1


def test_without_any_id_the_headers_identify_a_message(store):
    store.add_message(msg(None, "2025-03-01T10:00+00:00"))
    store.add_message(msg(None, "2025-03-01T10:00+00:00"))
    store.add_message(msg(None, "2025-03-02T10:00+00:00"))
    assert store.counts()["messages"] == 2


def test_replies_join_the_thread_they_answer(store):
    _, app1, _ = store.add_message(msg("a@acme", "2025-03-01T10:00+00:00"))
    _, app2, _ = store.add_message(msg("b@me", "2025-03-02T10:00+00:00", direction="out", label=None,
                                       sender="me@mail.example", in_reply_to="a@acme", references=("a@acme",)))
    assert app2 == app1
    assert len(store.application(app1).messages) == 2


def test_the_users_first_mail_joins_when_they_answer(store):
    _, none, _ = store.add_message(msg("first@me", "2025-03-01T10:00+00:00", direction="out", label=None,
                                       sender="me@mail.example"))
    assert none is None
    _, app, _ = store.add_message(msg("r@acme", "2025-03-02T10:00+00:00", in_reply_to="first@me"))
    assert [m.direction for m in store.application(app).timeline()] == ["out", "in"]


def test_gmail_thread_id_groups_messages(store):
    _, a, _ = store.add_message(msg("1@x", "2025-03-01T10:00+00:00", gmail_thrid=77, sender="a@one.example", name="A"))
    _, b, _ = store.add_message(msg("2@x", "2025-03-05T10:00+00:00", gmail_thrid=77, sender="b@two.example", name="B",
                                    label="rejection"))
    assert a == b
    assert store.find_by_gmail_thread(77).id == a


def test_ats_relay_mail_lands_on_the_employer(store):
    """Greenhouse sends for many employers: its domain is never the employer."""
    _, ack, _ = store.add_message(msg("1@gh", "2025-03-01T10:00+00:00", sender="no-reply@greenhouse.io",
                                      name="Orrery Payments via Greenhouse", role="Backend Engineer"))
    _, other, _ = store.add_message(msg("2@gh", "2025-03-01T11:00+00:00", sender="no-reply@greenhouse.io",
                                        name="Harbour Bank via Greenhouse", role="Backend Engineer"))
    _, later, _ = store.add_message(msg("3@orrery", "2025-03-10T10:00+00:00", sender="lena@orrery.example",
                                        name="Lena Park", label="interview_invite", company="Orrery Payments",
                                        role="Backend Engineer"))
    assert ack != other
    assert later == ack
    assert store.application(ack).company == "Orrery Payments"
    assert store.application(other).company == "Harbour Bank"


def test_another_role_at_the_same_employer_is_another_application(store):
    _, a, _ = store.add_message(msg("1@a", "2025-03-01T10:00+00:00", company="Acme", role="Data Analyst"))
    _, b, _ = store.add_message(msg("2@a", "2025-03-02T10:00+00:00", company="Acme", role="Product Manager"))
    assert a != b


def test_job_alerts_open_no_application(store):
    _, app, new = store.add_message(msg("alert@board", "2025-03-01T10:00+00:00", label="other"))
    assert new and app is None
    assert store.counts()["applications"] == 0


def test_state_changes_are_kept(store):
    _, app, _ = store.add_message(msg("1@a", "2025-03-01T10:00+00:00"))
    store.add_message(msg("2@a", "2025-03-05T10:00+00:00", label="interview_invite", in_reply_to="1@a"))
    store.add_message(msg("3@a", "2025-03-12T10:00+00:00", label="rejection", in_reply_to="2@a"))
    assert [(h[2], h[3]) for h in store.state_history(app)] == [
        ("new", "applied"), ("applied", "interviewing"), ("interviewing", "rejected")]


def test_a_correction_is_applied_and_remembered(store):
    row, app, _ = store.add_message(msg("1@a", "2025-03-01T10:00+00:00", label="other", subject="Update #1234"))
    assert app is None
    updated = store.relabel(row, "still_deciding")
    assert updated.messages[0].label == "still_deciding" and updated.messages[0].label_source == "user"
    # Later mail of the same template from the same sender reads the corrected way.
    _, app2, _ = store.add_message(msg("2@a", "2025-03-09T10:00+00:00", label="other", subject="Update #1299"))
    assert store.application(app2).messages[-1].label == "still_deciding"
    assert store.corrections()[0][1] == "still_deciding"


def test_a_bad_label_is_refused(store):
    row, _, _ = store.add_message(msg("1@a", "2025-03-01T10:00+00:00"))
    with pytest.raises(ValueError, match="use one of"):
        store.relabel(row, "ghosted")


def test_user_events_are_stored(store):
    _, app, _ = store.add_message(msg("1@a", "2025-03-01T10:00+00:00"))
    updated = store.add_event(app, UserEvent("snooze", D("2025-03-02T10:00+00:00"), date=date(2025, 3, 20)))
    assert [(e.kind, e.date) for e in updated.events] == [("snooze", date(2025, 3, 20))]
    with pytest.raises(KeyError):
        store.add_event(999, UserEvent("archive", D("2025-03-02T10:00+00:00")))


def test_cursor_commits_with_the_batch(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_message(msg("1@a", "2025-03-01T10:00+00:00"))
            store.set_cursor("INBOX", 5, 10)
            raise RuntimeError("crash between fetch and commit")
    assert store.cursor("INBOX") is None and store.counts()["messages"] == 0
    with store.transaction():
        store.add_message(msg("1@a", "2025-03-01T10:00+00:00"))
        store.set_cursor("INBOX", 5, 10)
    assert store.cursor("INBOX") == (5, 10) and store.counts()["messages"] == 1


def test_defects_record_where_not_what(store):
    store.record_defect("UnicodeDecodeError: bad byte", folder="INBOX", uid=42)
    (d,) = store.defects()
    assert (d["folder"], d["uid"]) == ("INBOX", 42) and "bad byte" in d["error"]


def test_sqlite_runs_in_wal_mode(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_migration_from_schema_1_keeps_the_data(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    from models import store as store_module

    with engine.begin() as conn:  # a store as schema 1 left it
        store_module._migrate_1(conn)
        conn.execute(store_module.meta.insert().values(key="schema_version", value="1"))
        conn.execute(sa.text(
            "INSERT INTO applications (id, company, state, created_at) VALUES (1, 'Acme', 'applied', '2025-01-01')"))
        conn.execute(sa.text(
            "INSERT INTO messages (dedupe_key, application_id, message_id, direction, sender, date, date_utc, label)"
            " VALUES ('mid:old@acme', 1, 'old@acme', 'in', 'hr@acme.example', '2025-01-01T10:00:00+00:00',"
            " '2025-01-01T10:00:00+00:00', 'application_received')"))
    engine.dispose()
    store = Store(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    app = store.application(1)
    assert app.company == "Acme" and app.messages[0].label == "application_received"
    assert app.messages[0].signals == ()
    assert not store.add_message(msg("old@acme", "2025-01-01T10:00+00:00"))[2]
    # Schema 3 keyed the old application by its employer: new mail from Acme finds it.
    _, app_id, _ = store.add_message(msg("new@acme", "2025-01-05T10:00+00:00", label="rejection", company="ACME Inc."))
    assert app_id == 1


def test_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    store = Store(str(path))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RuntimeError, match="upgrade Next Step"):
        Store(str(path))


def test_the_stores_folder_is_created(tmp_path):
    store = Store(str(tmp_path / "new" / "folder" / "store.sqlite"))
    assert (tmp_path / "new" / "folder" / "store.sqlite").exists() and store.counts()["messages"] == 0


def test_mail_in_any_order_gives_the_same_application(tmp_path):
    """New mail folds into the stored state; older mail recomputes it: both end the same."""
    thread = [
        msg("1@a", "2025-03-01T10:00+00:00", company="Acme", role="Data Analyst", sender="jobs@acme.example"),
        msg("2@a", "2025-03-05T10:00+00:00", label="interview_invite", in_reply_to="1@a", recruiter_name="Dana Reyes",
            sender="dana@acme.example", name="Dana Reyes"),
        msg("3@me", "2025-03-06T10:00+00:00", direction="out", label=None, in_reply_to="2@a",
            sender="me@mail.example"),
        msg("4@a", "2025-03-12T10:00+00:00", label="rejection", in_reply_to="3@me", sender="dana@acme.example"),
    ]
    results = []
    for name, order in (("forward", thread), ("backward", thread[::-1])):
        store = Store(str(tmp_path / f"{name}.sqlite"))
        for m in order:
            store.add_message(m)
        (app,) = store.applications()
        results.append((app.company, app.role, app.recruiter_name, len(app.messages),
                        [(h[1], h[2], h[3]) for h in store.state_history(app.id)]))
    assert results[0] == results[1]
    assert results[0][4][-1] == ("rejection", "interviewing", "rejected")


def test_the_users_own_mail_cannot_be_relabelled(store):
    row, _, _ = store.add_message(msg("me@1", "2025-03-01T10:00+00:00", direction="out", label=None,
                                      sender="me@mail.example"))
    with pytest.raises(ValueError, match="yours"):
        store.relabel(row, "rejection")
    assert store.corrections() == []


def test_sql_errors_never_carry_message_text(store):
    with pytest.raises(sa.exc.IntegrityError) as caught:
        with store.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO messages (dedupe_key, direction, sender, date, date_utc, text) "
                                 "VALUES (:key, 'in', 'x', 'd', 'd', :text)"), {"key": None, "text": "secret body"})
    assert "secret body" not in str(caught.value)
