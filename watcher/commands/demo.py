"""`nextstep demo`: the whole product on a bundled sample mailbox, no account needed.

It writes the sample (`watcher.demo_mailbox`, dated around today) to the demo folder of the
user's data folder, imports it through the same pipeline as real mail into a demo store that
is reset on every run, prints every application with its next step, then serves the API for
the browser extension and says how to load and pair it.
"""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

DEMO_STORE = "demo.sqlite"
DEMO_MAILBOX = "sample-takeout.mbox"


def demo_folder() -> Path:
    """Where the demo keeps its mailbox and store: `<user data folder>/demo`.

    >>> demo_folder().name
    'demo'
    """
    import platformdirs

    return Path(platformdirs.user_data_dir("nextstep")) / "demo"


def _parse_today(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-05-14") from None


@click.command("demo")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port for the API (default: NEXTSTEP_API_PORT or config.toml's api_port, else 8765; 0 picks a "
                   "free one).")
@click.option("--no-serve", is_flag=True, help="Load the sample and print the table, then exit without serving the API.")
@click.option("--today", metavar="YYYY-MM-DD", callback=_parse_today,
              help="Pretend today is this day: the sample is dated around it and the steps are computed for it.")
def demo(port, no_serve, today):
    """Try Next Step on a sample mailbox of fifteen job applications, no account needed.

    The sample is a Gmail Takeout-style mailbox in English and Indonesian, dated around today, that
    shows every check-in of the follow-up policy. It is loaded into a separate demo store (reset on
    every run; NEXTSTEP_DB, when set, is used instead), and every application is listed with its
    next step. Then the API starts on 127.0.0.1 for the browser extension (Ctrl-C to stop).

    \b
    Example:
      nextstep demo                       # load, list, and serve the API on port 8765
      nextstep demo --no-serve --today 2025-05-14
    """
    import os
    from zoneinfo import ZoneInfo

    from models.settings import load_settings

    try:
        settings = load_settings()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    zone = ZoneInfo(settings.tz)
    clock_now = datetime.now(zone)
    pretend = today is not None and today != clock_now.date()
    today = today or clock_now.date()

    def now() -> datetime:
        """The demo's clock: the real one, or the same time of day on the pretended day."""
        moment = datetime.now(zone)
        return datetime.combine(today, moment.timetz()) if pretend else moment

    folder = demo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    mailbox = folder / DEMO_MAILBOX
    store_url = os.environ.get("NEXTSTEP_DB") or None
    store = _open_store(folder, store_url)
    loaded, failed = load_sample(store, mailbox, today, settings.tz)
    where = store_url or str(folder / DEMO_STORE)
    click.echo(f"Loaded the sample mailbox ({loaded} messages) from {mailbox}")
    click.echo(f"into the demo store {where}." + (f" {failed} message(s) could not be read." if failed else ""))
    print_applications(store, now(), settings.policy_settings())
    if no_serve:
        click.echo("Run `nextstep demo` without --no-serve to serve these to the browser extension.")
        return
    _serve(store, settings, port, now if pretend else None)


def _open_store(folder: Path, url: str | None):
    """The demo store, emptied; or the store NEXTSTEP_DB names, which the demo never empties."""
    from models.store import Store

    if url:
        return Store(url)
    path = folder / DEMO_STORE
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return Store(str(path))


def load_sample(store, mailbox: Path, today: date, tz: str) -> tuple[int, int]:
    """Write the sample for `today` to `mailbox` and import it through the real pipeline.

    Returns (messages read, messages that could not be read).
    """
    from watcher.demo_mailbox import ME, build_mailbox
    from watcher.mailfiles import iter_mail
    from watcher.pipeline import ingest

    temporary = mailbox.with_name(mailbox.name + ".part")
    temporary.write_bytes(build_mailbox(today, tz))
    temporary.replace(mailbox)  # a crash never leaves half a mailbox
    loaded = failed = 0
    for item in iter_mail([mailbox]):
        result = ingest(store, item.raw, me=(ME,), source=item.source)
        loaded += 1
        failed += result.error is not None
    return loaded, failed


def _relative(due: date | None, today: date) -> str:
    if due is None:
        return ""
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def print_applications(store, now: datetime, policy) -> list[dict]:
    """Every application with its state and next step, soonest due first, as a table.

    The rows are `nextstep status`'s (`applications_by_due`); returns them. Example row:
    {"company": "Northwind Labs", "role": "Product Analyst", "state": "interviewing",
     "next_step": {"action": "send_thank_you", "checkin": 1, "due": "2025-05-14", ...}, ...}
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from watcher.commands.status import applications_by_due

    rows = applications_by_due(store, now, policy)
    table = Table(title=f"Your applications as of {now:%A %d %B %Y, %H:%M}", title_justify="left")
    for name in ("Company", "Role", "State", "Next step", "Check-in", "Due"):
        table.add_column(name, no_wrap=name in ("Check-in", "Due"))
    today = now.date()
    for row in rows:
        step = row["next_step"]
        due = date.fromisoformat(step["due"]) if step["due"] else None
        shown = f"{due:%a %d %b}" + (f" {due.year}" if due and due.year != today.year else "") if due else ""
        when = f"{shown} ({_relative(due, today)})" if due else "-"
        # Names come from mail: shown as plain text (Text), never read as rich markup.
        table.add_row(Text(" ".join((row["company"] or "?").split())), Text(" ".join((row["role"] or "").split())),
                      row["state"].replace("_", " "), step["action"].replace("_", " "),
                      str(step["checkin"] or ""), when,
                      style="bold" if due is not None and due <= today else None)
    # A pipe or a test has no width to ask: wide enough that company names are not cut.
    console = Console(width=None if sys.stdout.isatty() else 140)
    console.print(table)
    return rows


def _extension_folder() -> Path | None:
    folder = Path(__file__).resolve().parents[2] / "extension"
    return folder if (folder / "manifest.json").exists() else None


def _serve(store, settings, port: int | None, clock) -> None:
    from extension_api import create_app
    from extension_api.server import ApiServer
    from extension_api.token import load_or_create_token, token_path

    port = settings.api_port if port is None else port
    config = {"SETTINGS": settings, "STORE": store}
    if clock is not None:
        config["CLOCK"] = clock
    app = create_app(config)
    try:
        server = ApiServer(app, port=port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}): is Next Step already "
                                   "running? Stop it, or pick another port with --port.") from exc
    token = load_or_create_token()
    extension = _extension_folder()
    where = str(extension) if extension else "the extension/ folder of a Next Step source checkout"
    click.echo("")
    click.secho(f"Next Step API on {server.url}/api/v1 (Ctrl-C to stop)", bold=True)
    click.echo("")
    click.echo("Load the browser extension:")
    click.echo(f"  Chrome:  chrome://extensions -> turn on Developer mode -> Load unpacked -> {where}")
    click.echo(f"  Firefox: about:debugging -> This Firefox -> Load Temporary Add-on -> "
               f"{Path(where) / 'manifest.json' if extension else 'extension/manifest.json'}")
    click.echo(f"Then open the extension's options, set the address to {server.url} and paste this token:")
    click.echo("")
    click.secho(f"  {token}", fg="green", bold=True)
    click.echo("")
    click.echo(f"(`nextstep token` prints it again; it is kept in {token_path()}.)")
    server.run_until_signalled()
    click.echo("Stopped.")
