"""Meta-tests that keep the command line honest: every command is documented."""
from click.testing import CliRunner

from watcher.cli import COMMANDS, cli


def test_every_command_has_help_text():
    runner = CliRunner()
    top = runner.invoke(cli, ["--help"])
    assert top.exit_code == 0
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        command = cli.get_command(None, name)
        assert command.help and len(command.help.strip()) > 20, f"`nextstep {name}` needs help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"option {param.opts[0]} of `nextstep {name}` needs help text"
        assert name in top.output


def test_every_contract_command_is_registered():
    contract = {"classify", "advise", "when", "import", "watch", "serve", "run", "status", "demo", "token", "eval"}
    assert contract <= set(COMMANDS)
    assert set(COMMANDS) - contract == {"init", "retrain"}
