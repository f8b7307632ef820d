"""The API token file (extension_api/token.py) and `nextstep token`."""
import os
import stat

from click.testing import CliRunner

from extension_api.token import load_or_create_token, token_matches, token_path
from watcher.cli import cli


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_created_once_with_mode_0600(tmp_path):
    first = load_or_create_token(tmp_path)
    assert len(first) >= 40
    assert mode(token_path(tmp_path)) == 0o600
    assert load_or_create_token(tmp_path) == first


def test_renew_replaces_it(tmp_path):
    first = load_or_create_token(tmp_path)
    assert load_or_create_token(tmp_path, renew=True) != first


def test_a_readable_file_is_tightened(tmp_path):
    load_or_create_token(tmp_path)
    os.chmod(token_path(tmp_path), 0o644)
    load_or_create_token(tmp_path)
    assert mode(token_path(tmp_path)) == 0o600


def test_an_empty_file_gets_a_token(tmp_path):
    token_path(tmp_path).write_text("")
    assert load_or_create_token(tmp_path)


def test_token_matches():
    assert token_matches("abc", "abc")
    assert not token_matches("abcd", "abc")
    assert not token_matches("", "abc")
    assert not token_matches("é", "abc")


def test_cli_prints_the_same_token_the_api_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("NEXTSTEP_CONFIG_DIR", str(tmp_path))
    runner = CliRunner()
    printed = runner.invoke(cli, ["token"])
    assert printed.exit_code == 0
    assert printed.output.strip() == load_or_create_token(tmp_path)
    assert runner.invoke(cli, ["token", "--path"]).output.strip() == str(tmp_path / "token")
    renewed = runner.invoke(cli, ["token", "--new"]).output.strip()
    assert renewed != printed.output.strip()


def test_commands_have_help():
    runner = CliRunner()
    for name in ("token", "serve"):
        out = runner.invoke(cli, [name, "--help"]).output
        assert "Usage" in out and "--" in out
        command = cli.get_command(None, name)
        assert command.help
        assert all(p.help for p in command.params if not p.hidden and p.name != "help")


def test_a_renewed_token_takes_effect_on_a_running_api(tmp_path):
    from extension_api import create_app

    app = create_app({"DB": str(tmp_path / "s.sqlite"), "CONFIG_DIR": tmp_path})
    client = app.test_client()
    old = load_or_create_token(tmp_path)
    assert client.get("/api/v1/applications", headers={"Authorization": f"Bearer {old}"}).status_code == 200
    new = load_or_create_token(tmp_path, renew=True)
    assert client.get("/api/v1/applications", headers={"Authorization": f"Bearer {new}"}).status_code == 200
    assert client.get("/api/v1/applications", headers={"Authorization": f"Bearer {old}"}).status_code == 401
