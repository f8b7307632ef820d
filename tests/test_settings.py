import pytest

from models.settings import load_settings


def test_environment_overrides_the_config_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('db = "/data/a.sqlite"\nme = ["Jane@Example.com"]\ntz = "Europe/London"\n'
                    '[imap]\nhost = "imap.example.com"\nport = 993\n[policy]\nstay_in_touch_after_days = 10\n')
    s = load_settings(path, env={"NEXTSTEP_TZ": "Asia/Jakarta", "NEXTSTEP_IMAP_PORT": "1143",
                                 "NEXTSTEP_IMAP_SSL": "0", "NEXTSTEP_ME": "a@x.example, b@y.example"})
    assert s.db == "/data/a.sqlite"
    assert s.tz == "Asia/Jakarta" and s.imap_port == 1143 and s.imap_ssl is False
    assert s.me == ("a@x.example", "b@y.example")
    assert s.policy_settings().stay_in_touch_after_days == 10
    assert s.policy_settings().tz == "Asia/Jakarta"


def test_defaults_without_a_file(tmp_path):
    s = load_settings(tmp_path / "none.toml", env={})
    assert s.api_port == 8765 and s.policy.decision_grace_business_days == 2 and s.policy.max_unanswered_followups == 2


def test_errors_say_what_to_fix(tmp_path):
    bad = tmp_path / "config.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(ValueError, match="nextstep init"):
        load_settings(bad, env={})
    bad.write_text("[policy]\nstay_in_tuoch = 3\n")
    with pytest.raises(ValueError, match="unknown policy setting"):
        load_settings(bad, env={})
