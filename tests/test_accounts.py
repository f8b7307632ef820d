"""watcher/accounts.py and `nextstep init`: presets, keyring or a private config file, login test."""
import stat
import tomllib

import pytest
from click.testing import CliRunner

from models.settings import config_path, load_settings
from watcher import accounts
from watcher.accounts import PRESETS, account_from_settings, my_addresses, toml_text, update_config
from watcher.cli import cli


@pytest.fixture(autouse=True)
def no_system_keyring():
    """As on a server: no keyring backend (and never the real user's keyring)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def init_args(imap_user, *more):
    return ["init", "--host", imap_user.server.host, "--port", str(imap_user.server.port), "--no-ssl",
            "--user", imap_user.name, *more]


@pytest.mark.integration
def test_init_tests_the_login_and_falls_back_to_a_private_config_without_keyring(imap_user):
    result = CliRunner().invoke(cli, init_args(imap_user, "--password", imap_user.password,
                                               "--me", "jane@example.com"))
    assert result.exit_code == 0, result.output
    assert "No system keyring is available here" in result.output
    assert "watch INBOX, Terkirim" in result.output
    path = config_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    settings = load_settings()
    assert (settings.imap_host, settings.imap_port, settings.imap_ssl) == (imap_user.server.host,
                                                                           imap_user.server.port, False)
    assert settings.imap_password == imap_user.password
    assert settings.me == ("jane@example.com",)
    assert account_from_settings(settings).password == imap_user.password


@pytest.mark.integration
def test_a_refused_login_writes_nothing_and_says_what_to_do(imap_user):
    result = CliRunner().invoke(cli, init_args(imap_user, "--password", "wrong"))
    assert result.exit_code == 1
    assert f"IMAP login refused for {imap_user.name}" in result.output
    assert "check the app password" in result.output and "Nothing was written" in result.output
    assert not config_path().exists()


@pytest.mark.integration
def test_init_asks_for_what_is_missing(imap_user):
    result = CliRunner().invoke(cli, ["init", "--port", str(imap_user.server.port), "--no-ssl",
                                      "--password-store", "env"],
                                input=f"other\n{imap_user.server.host}\n{imap_user.name}\n{imap_user.password}\n")
    assert result.exit_code == 0, result.output
    assert imap_user.password not in result.output  # asked with hidden input, never echoed
    settings = load_settings()
    assert settings.imap_user == imap_user.name and settings.imap_password is None
    assert "set NEXTSTEP_IMAP_PASSWORD" in result.output


def test_keyring_is_used_when_there_is_one(monkeypatch):
    kept = {}
    import keyring

    monkeypatch.setattr(keyring, "set_password", lambda service, name, pw: kept.__setitem__((service, name), pw))
    monkeypatch.setattr(keyring, "get_password", lambda service, name: kept.get((service, name)))
    result = CliRunner().invoke(cli, ["init", "--provider", "fastmail", "--user", "jane@fastmail.com",
                                      "--password", "app-pw", "--no-check"])
    assert result.exit_code == 0, result.output
    assert "system keyring" in result.output
    assert kept == {("nextstep-imap", "jane@fastmail.com@imap.fastmail.com"): "app-pw"}
    text = config_path().read_text()
    assert "app-pw" not in text
    settings = load_settings()
    assert settings.imap_host == "imap.fastmail.com" and settings.me == ("jane@fastmail.com",)
    assert account_from_settings(settings).password == "app-pw"


def test_oauth2_settings_are_written_and_no_password_is_asked():
    result = CliRunner().invoke(cli, ["init", "--provider", "gmail", "--user", "jane@gmail.com",
                                      "--oauth2-command", "print-token jane", "--no-check"])
    assert result.exit_code == 0, result.output
    account = account_from_settings(load_settings())
    assert account.host == "imap.gmail.com" and account.oauth2_command == "print-token jane"
    assert account.uses_oauth2 and account.password is None


def test_init_keeps_the_rest_of_the_config():
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('tz = "Asia/Jakarta"\n\n[policy]\nholidays_country = "ID"\n')
    update_config(path, {"imap": {"host": "h", "user": "u", "password": None}, "me": ["u@x.example"]})
    data = tomllib.loads(path.read_text())
    assert data == {"tz": "Asia/Jakarta", "me": ["u@x.example"], "policy": {"holidays_country": "ID"},
                    "imap": {"host": "h", "user": "u"}}


def test_no_account_says_to_run_init():
    with pytest.raises(ValueError, match="nextstep init"):
        account_from_settings(load_settings())


def test_my_addresses_default_to_the_login():
    settings = load_settings(env={"NEXTSTEP_IMAP_USER": "Jane@Example.com", "NEXTSTEP_IMAP_HOST": "h"})
    assert my_addresses(settings) == ("jane@example.com",)
    assert my_addresses(load_settings(env={"NEXTSTEP_IMAP_USER": "jane"})) == ()


def test_presets_cover_the_usual_providers():
    assert {"gmail", "outlook", "yahoo", "fastmail"} <= set(PRESETS)
    assert all(p.port == 993 and p.host.startswith(("imap.", "outlook.")) for p in PRESETS.values())


def test_toml_text_round_trips_awkward_strings():
    data = {"me": ["a@x"], "imap": {"password": 'q"\\\n\x7f\u00e9', "port": 993, "ssl": False}}
    assert tomllib.loads(toml_text(data)) == data


def test_load_password_without_a_keyring_is_none():
    assert accounts.load_password("u", "h") is None
