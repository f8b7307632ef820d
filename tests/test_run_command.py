"""`nextstep run`: the watcher and the API in one process, against a real Dovecot."""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.dovecot import fixture_mail

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[1]


def test_mail_delivered_while_running_shows_in_the_api(tmp_path, imap_user):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXTSTEP_")}
    env.update(NEXTSTEP_CONFIG_DIR=str(tmp_path / "config"), NEXTSTEP_DB=str(tmp_path / "store.sqlite"),
               NEXTSTEP_IMAP_HOST=imap_user.server.host, NEXTSTEP_IMAP_PORT=str(imap_user.server.port),
               NEXTSTEP_IMAP_SSL="0", NEXTSTEP_IMAP_USER=imap_user.name, NEXTSTEP_IMAP_PASSWORD=imap_user.password,
               NEXTSTEP_ME="jane@example.com", NEXTSTEP_IDLE_RENEW_SECONDS="60")
    process = subprocess.Popen([sys.executable, "-c", "from watcher.cli import main; main()", "run", "--port", "0"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/api/v1", banner).group(1))
        token = (tmp_path / "config" / "token").read_text().strip()

        def applications():
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/applications",
                                             headers={"Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(request, timeout=5) as answer:
                    return json.load(answer)["applications"]
            except OSError:
                process.kill()
                raise AssertionError("the API failed; its log:\n" + process.communicate()[1][-4000:]) from None

        assert applications() == []
        imap_user.append("INBOX", fixture_mail("interview_invite_acme.eml"))
        deadline = time.monotonic() + 30
        found = []
        while not found and time.monotonic() < deadline:
            found = applications()
            time.sleep(0.1)
        assert found and found[0]["company"] == "Acme"
        assert found[0]["next_step"]["action"] == "prepare_for_interview" or found[0]["state"] != "new"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in err
