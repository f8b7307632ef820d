"""`nextstep demo`: loads the sample into a demo store in the data folder and lists every
application; without --no-serve, serves the API with the sample's applications."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.store import Store
from watcher.cli import cli
from watcher.demo_mailbox import SCENARIOS

TODAY = "2025-05-14"  # a Wednesday


def _run(*args):
    result = CliRunner().invoke(cli, ["demo", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _data_folder(tmp_path) -> Path:
    return tmp_path / "data" / "nextstep" / "demo"  # XDG_DATA_HOME is tmp_path/data (conftest)


def test_demo_prints_every_application_with_its_step(tmp_path):
    out = _run("--no-serve", "--today", TODAY)
    for scenario in SCENARIOS.values():
        assert scenario.role in out, scenario.key
    assert "Wednesday 14 May 2025" in out
    assert "send thank you" in out and "send final thanks" in out and "respond to offer" in out
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert len(rows) == len(SCENARIOS)
    # Sorted by due date: a step due today comes before one due later, undated steps last.
    dues = [re.search(r"\((today|tomorrow|in \d+ days|\d+ days ago|yesterday)\)|│\s*-\s*│", row).group(0)
            for row in rows]
    assert dues[0] == "(today)" and "-" in dues[-1]
    folder = _data_folder(tmp_path)
    assert (folder / "sample-takeout.mbox").read_bytes().startswith(b"From ")
    assert len(Store(str(folder / "demo.sqlite")).applications()) == len(SCENARIOS)


def test_each_run_starts_from_an_empty_demo_store(tmp_path):
    _run("--no-serve", "--today", TODAY)
    _run("--no-serve", "--today", "2025-05-20")
    apps = Store(str(_data_folder(tmp_path) / "demo.sqlite")).applications()
    assert len(apps) == len(SCENARIOS)


def test_nextstep_db_is_used_instead_of_the_demo_store(tmp_path, monkeypatch):
    db = tmp_path / "mine.sqlite"
    monkeypatch.setenv("NEXTSTEP_DB", str(db))
    out = _run("--no-serve", "--today", TODAY)
    assert str(db) in out
    assert not (_data_folder(tmp_path) / "demo.sqlite").exists()
    assert len(Store(str(db)).applications()) == len(SCENARIOS)


def test_a_bad_today_says_how_to_write_it():
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--today", "14/05/2025"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.integration
def test_demo_serves_the_sample_to_the_extension(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "NEXTSTEP_CONFIG_DIR": str(tmp_path / "config"),
           "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-c", "from watcher.cli import main; main()", "demo", "--port", "0",
                             "--today", TODAY], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=Path(__file__).resolve().parents[1])
    try:
        lines = []
        url = token = None
        for line in proc.stdout:
            lines.append(line)
            found = re.search(r"API on (http://127\.0\.0\.1:\d+)/api/v1", line)
            url = url or (found.group(1) if found else None)
            if url and re.fullmatch(r"\s+[A-Za-z0-9_-]{40,}\s*", line):
                token = line.strip()
                break
        assert url and token, "".join(lines)
        assert "chrome://extensions" in "".join(lines) and "about:debugging" in "".join(lines)
        assert token == (tmp_path / "config" / "token").read_text().strip()
        request = urllib.request.Request(f"{url}/api/v1/applications", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
        assert len(body["applications"]) == len(SCENARIOS)
        steps = {a["role"]: a["next_step"]["action"] for a in body["applications"]}
        assert steps["Product Analyst"] == "send_thank_you"
        assert steps["Risk Analyst"] == "send_final_thanks"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
