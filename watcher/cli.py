"""The `nextstep` command line.

Each command lives in its own module under `watcher/commands/` and is imported only when it runs
(or when help lists it), so that `nextstep classify one.eml` does not pay for the API, the IMAP
client or the spaCy pipelines it does not use.
"""
import importlib

import click

# command name -> "module:attribute" of a click.Command. Order is the order of `nextstep --help`.
COMMANDS = {
    "demo": "watcher.commands.demo:demo",
    "init": "watcher.commands.init:init",
    "run": "watcher.commands.run:run",
    "status": "watcher.commands.status:status",
    "watch": "watcher.commands.watch:watch",
    "import": "watcher.commands.importing:import_command",
    "serve": "watcher.commands.serve:serve",
    "token": "watcher.commands.token:token",
    "advise": "watcher.commands.advise:advise",
    "classify": "watcher.commands.classify:classify",
    "when": "watcher.commands.when:when",
    "eval": "watcher.commands.eval:eval_command",
    "retrain": "watcher.commands.retrain:retrain",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx):
        return list(COMMANDS) + sorted(set(self.commands) - set(COMMANDS))

    def get_command(self, ctx, name):
        if name in self.commands:
            return self.commands[name]
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nextstep")
def cli():
    """Next Step: reads recruiter mail and tells you when, and how, to follow up."""


def main():
    cli()
