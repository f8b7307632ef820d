"""`nextstep eval`: per-label scores, macro-F1, key-date accuracy, confusion, misses."""
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from watcher.cli import cli
from watcher.commands.eval import score

FIXTURES = Path(__file__).parent / "fixtures" / "reading"


def test_score_by_hand():
    s = score([("offer", "offer"), ("rejection", "offer"), ("rejection", "rejection"), ("other", "other")])
    assert s["labels"]["offer"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert s["labels"]["rejection"]["recall"] == 0.5
    assert s["macro_f1"] == round((0.6667 + 0.6667 + 1.0) / 3, 4)


def test_eval_json_on_the_fixture_set():
    result = CliRunner().invoke(cli, ["eval", "--json", "--rules-only", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["messages"] == 3
    assert report["macro_f1"] == 1.0
    assert report["key_date_accuracy"] == 1.0
    assert report["confusion"] == {"checkin_request -> checkin_request": 1, "interview_invite -> interview_invite": 1,
                                   "rejection -> rejection": 1}
    assert "misses" not in report  # totals only, unless --verbose


def test_eval_json_lists_misses_only_when_verbose(tmp_path):
    shutil.copy(FIXTURES / "rejection-en.eml", tmp_path / "a.eml")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"file": "a.eml", "label": "offer", "key_date": None}) + "\n")
    quiet = json.loads(CliRunner().invoke(cli, ["eval", "--json", "--rules-only", str(tmp_path)]).output)
    loud = json.loads(CliRunner().invoke(cli, ["eval", "--json", "--verbose", "--rules-only", str(tmp_path)]).output)
    assert "misses" not in quiet and quiet["confusion"] == {"offer -> rejection": 1}
    assert [m["predicted"] for m in loud["misses"]] == ["rejection"]


def test_a_wrong_answer_is_listed_as_a_miss(tmp_path):
    shutil.copy(FIXTURES / "rejection-en.eml", tmp_path / "a.eml")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"file": "a.eml", "label": "offer", "key_date": "2025-03-07"}) + "\n")
    result = CliRunner().invoke(cli, ["eval", "--verbose", "--rules-only", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "a.eml  offer -> rejection  2025-03-07 / None" in result.output
    assert "macro-F1 0.000" in result.output


def test_a_folder_without_gold_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code != 0
    assert "has no gold.jsonl" in result.output
