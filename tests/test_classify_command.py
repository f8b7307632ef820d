"""`nextstep classify`: the JSON contract, the table, --me / NEXTSTEP_ME, bad files."""
import json
from pathlib import Path

from click.testing import CliRunner

from watcher.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "reading"
KEYS = {"source", "message_id", "direction", "label", "confidence", "key_date", "key_date_kind", "evidence", "language"}


def run(*args, env=None):
    result = CliRunner(mix_stderr=False).invoke(cli, ["classify", *args], env=env) if _mixes() else \
        CliRunner().invoke(cli, ["classify", *args], env=env)
    return result


def _mixes():
    import inspect
    return "mix_stderr" in inspect.signature(CliRunner.__init__).parameters


def test_json_lines_have_exactly_the_contract_keys():
    result = run("--json", str(FIXTURES))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert set(row) == KEYS
    by_file = {Path(r["source"]).name: r for r in rows}
    assert by_file["checkin-id.eml"]["label"] == "checkin_request"
    assert by_file["checkin-id.eml"]["key_date"] == "2025-03-06"
    assert by_file["checkin-id.eml"]["language"] == "id"
    assert by_file["rejection-en.eml"]["key_date"] is None


def test_my_own_mail_is_out(tmp_path):
    result = run("--json", "--me", "mira.holt@lanternworks.example", str(FIXTURES / "rejection-en.eml"))
    row = json.loads(result.stdout)
    assert (row["direction"], row["label"]) == ("out", None)


def test_me_from_the_environment():
    result = run("--json", str(FIXTURES / "rejection-en.eml"), env={"NEXTSTEP_ME": "x@y.example, MIRA.HOLT@lanternworks.example"})
    assert json.loads(result.stdout)["direction"] == "out"


def test_a_bad_path_gives_an_other_line_and_a_message():
    result = run("--json", "/nonexistent/mail.eml", str(FIXTURES / "interview-en.eml"))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["label"] == "other" and rows[0]["confidence"] == 0.0
    assert rows[1]["label"] == "interview_invite"
    assert "/nonexistent/mail.eml" in result.stderr


def test_binary_junk_file_is_other_with_low_confidence(tmp_path):
    junk = tmp_path / "junk.eml"
    junk.write_bytes(bytes(range(256)) * 20)
    row = json.loads(run("--json", str(junk)).stdout)
    assert row["label"] == "other" and row["confidence"] < 0.3


def test_table_without_json():
    result = run(str(FIXTURES / "interview-en.eml"))
    assert result.exit_code == 0
    assert "interview_invite" in result.stdout and "2025-03-11" in result.stdout


def test_help_describes_every_option():
    result = CliRunner().invoke(cli, ["classify", "--help"])
    for option in ("--json", "--tz", "--me"):
        assert option in result.output


def test_table_shows_the_interview_start_in_my_time_zone():
    result = run("--tz", "Asia/Jakarta", str(FIXTURES / "interview-en.eml"))
    assert result.exit_code == 0
    assert "2025-03-11 17:00" in result.stdout  # 10:00 +0000 is 17:00 in Jakarta


def test_an_unknown_time_zone_says_what_to_use():
    result = run("--tz", "Mars/Base", str(FIXTURES))
    assert result.exit_code != 0
    assert "IANA name" in result.output + (result.stderr if hasattr(result, "stderr") else "")
