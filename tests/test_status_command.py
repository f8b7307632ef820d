"""`nextstep status [--json]`: every application, sorted by due date, with the defect count."""
import json

import pytest
from click.testing import CliRunner

from models.store import Store
from tests.dovecot import fixture_mail
from watcher.cli import cli
from watcher.pipeline import ingest

ME = ("jane@example.com",)
NOW = "2025-03-07T09:00:00+07:00"


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("NEXTSTEP_DB", str(path))
    monkeypatch.setenv("NEXTSTEP_TZ", "Asia/Jakarta")
    return Store(str(path))


def fill(store):
    for name in ("interview_invite_acme.eml", "thank_you_sent_acme.eml", "rejection_globex.eml"):
        ingest(store, fixture_mail(name), me=ME)


def test_json_lists_every_application_with_its_message_count(store):
    fill(store)
    store.record_defect("not an email", folder="INBOX", uid=9)
    result = CliRunner().invoke(cli, ["status", "--json", "--now", NOW])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["defects"] == 1
    by_company = {a["company"]: a for a in data["applications"]}
    assert set(by_company) == {"Acme", "Globex"}
    acme = by_company["Acme"]
    assert acme["messages"] == 2 and acme["role"] == "Data Analyst"
    assert {"id", "company", "role", "state", "next_step", "messages"} <= set(acme)
    assert {"action", "checkin", "due", "reason", "evidence", "draft"} <= set(acme["next_step"])
    assert by_company["Globex"]["state"] == "rejected"
    dues = [a["next_step"]["due"] for a in data["applications"]]
    assert dues == sorted(dues, key=lambda d: (d is None, d or ""))


def test_table_is_sorted_by_due_date_and_counts_defects(store):
    fill(store)
    store.record_defect("not an email", folder="INBOX", uid=9)
    result = CliRunner().invoke(cli, ["status", "--now", NOW])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["Company", "Role", "State"]
    rows = [line for line in lines[1:] if line.strip() and "could not be read" not in line]
    assert [r.split()[0] for r in rows] == ["Globex", "Acme"]  # final thanks is due before the check-in
    assert rows[1].rstrip().endswith("2")  # Acme holds two messages
    assert "1 message(s) could not be read" in result.output


def test_same_now_same_output(store):
    fill(store)
    first = CliRunner().invoke(cli, ["status", "--json", "--now", NOW]).output
    assert first == CliRunner().invoke(cli, ["status", "--json", "--now", NOW]).output


def test_an_empty_store_says_how_to_fill_it(store):
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 0 and "nextstep watch --once" in result.output
    assert json.loads(CliRunner().invoke(cli, ["status", "--json"]).output) == {"applications": [], "defects": 0}


def test_a_bad_now_is_a_usage_error(store):
    result = CliRunner().invoke(cli, ["status", "--now", "tomorrow"])
    assert result.exit_code == 2 and "ISO 8601" in result.output
