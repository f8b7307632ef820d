"""`nextstep watch [--once]`: the IMAP watcher in the foreground."""
from __future__ import annotations

import click


def setup_logging(verbose: bool) -> None:
    """Warnings (reconnections, unreadable messages) always; each sync with --verbose."""
    import logging

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S")


class ProgressBar:
    """A progress bar per folder on stderr, only when it is a terminal (logs stay clean).

    >>> bar = ProgressBar(enabled=False); bar("INBOX", 200, 1000); bar.close()
    """

    def __init__(self, enabled: bool | None = None):
        import sys

        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress = None
        self._tasks = {}

    def __call__(self, folder: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(console=Console(stderr=True), transient=False)
            self._progress.start()
        if folder not in self._tasks:
            self._tasks[folder] = self._progress.add_task(f"Reading {folder}", total=total)
        self._progress.update(self._tasks[folder], completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def build_watcher(since_days: int | None, progress=None, on_sync=None):
    """The Watcher for the configured account and store; ValueError says what is missing."""
    from dataclasses import replace

    from models.settings import load_settings
    from models.store import Store
    from watcher.accounts import account_from_settings, my_addresses
    from watcher.sync import Watcher, WatchOptions

    settings = load_settings()
    options = WatchOptions.from_settings(settings)
    if since_days is not None:
        options = replace(options, since_days=since_days)
    account = account_from_settings(settings, timeout=options.timeout_seconds)
    return Watcher(Store(settings.db), account, me=my_addresses(settings), options=options,
                   on_progress=progress, on_sync=on_sync)


@click.command("watch")
@click.option("--once", is_flag=True, help="Read what is new, then exit (for cron or a first look).")
@click.option("--since", "since_days", type=click.IntRange(1, 3650), metavar="DAYS",
              help="On the first run, read back this many days of mail (default 90).")
@click.option("-v", "--verbose", is_flag=True, help="Log every sync, not only problems.")
def watch(once, since_days, verbose):
    """Watch your mailbox: read new mail as it arrives and keep every application's next step.

    Reads INBOX and your Sent folder (Gmail: All Mail) over IMAP, never marking mail as read.
    The first run reads back 90 days. Then it waits for new mail (IMAP IDLE), reconnecting by
    itself when the connection drops. Ctrl-C or SIGTERM stops it cleanly.

    \b
    Examples:
      nextstep watch --once --since 30
      nextstep watch -v
    """
    import imaplib
    import signal

    from watcher.imap import DISCONNECTED, LoginRefused, ServerUnreachable

    setup_logging(verbose)
    progress = ProgressBar()
    try:
        watcher = build_watcher(since_days, progress)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc

    def stop(signum, frame):
        watcher.stop()  # the message in hand is finished and committed

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        if once:
            try:
                report = watcher.sync_once()
            finally:
                progress.close()
                watcher.close()
            _summary(report, watcher.store)
        else:
            click.echo(f"Watching {watcher.account.user} on {watcher.account.host} (Ctrl-C to stop).", err=True)
            watcher.run_forever()
            progress.close()
            click.echo("Stopped.", err=True)
    except (LoginRefused, ServerUnreachable) as exc:
        raise click.ClickException(str(exc)) from exc
    except DISCONNECTED as exc:
        raise click.ClickException(f"the connection to {watcher.account.host} failed ({exc}): run "
                                   "`nextstep watch` again; it resumes where it stopped") from exc
    except imaplib.IMAP4.error as exc:
        raise click.ClickException(f"{watcher.account.host} refused a command ({exc}): run `nextstep watch` "
                                   "again; it resumes where it stopped") from exc
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _summary(report, store) -> None:
    line = f"{report.fetched} message(s) read, {report.new} new"
    if report.known:
        line += f", {report.known} already known"
    if report.applications:
        line += f"; {len(report.applications)} application(s) updated"
    click.echo(line + ".")
    if report.defects:
        click.echo(f"{report.defects} message(s) could not be read and were skipped; `nextstep status` counts them.")
