"""`nextstep run`: the main job, the IMAP watcher and the API in one process."""
from __future__ import annotations

import click


@click.command("run")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port for the API (default: NEXTSTEP_API_PORT or config.toml's api_port, else 8765; 0 picks a "
                   "free one).")
@click.option("--since", "since_days", type=click.IntRange(1, 3650), metavar="DAYS",
              help="On the first run, read back this many days of mail (default 90).")
@click.option("-v", "--verbose", is_flag=True, help="Log every sync, not only problems.")
def run(port, since_days, verbose):
    """Watch your mailbox and serve the browser extension: the everyday way to run Next Step.

    The watcher reads new mail as it arrives (IMAP IDLE) while the API answers the extension on
    127.0.0.1. Ctrl-C or SIGTERM stops both cleanly: the message in hand is finished and
    committed, the mailbox logged out of.

    \b
    Example:
      nextstep run --port 8765
    """
    import logging
    import signal
    import threading

    from extension_api import create_app
    from extension_api.server import ApiServer, freeze_startup_objects
    from watcher.commands.watch import ProgressBar, build_watcher, setup_logging

    setup_logging(verbose)
    log = logging.getLogger("nextstep.run")
    progress = ProgressBar()
    try:
        watcher = build_watcher(since_days, progress)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    from models.settings import load_settings

    settings = load_settings()
    app = create_app({"SETTINGS": settings, "STORE": watcher.store})
    try:
        server = ApiServer(app, port=settings.api_port if port is None else port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port or settings.api_port} ({exc.strerror}): is "
                                   "Next Step already running? Stop it, or pick another port with --port.") from exc

    stop = threading.Event()
    failure = []

    def watch():
        try:
            watcher.run_forever(stop)
        except Exception as exc:  # noqa: BLE001 - a refused login: reported, and the API stops too
            failure.append(exc)
            log.error("%s", exc)
            server.stop()

    def on_signal(signum, _frame):
        stop.set()
        server.stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    thread = threading.Thread(target=watch, name="nextstep-watcher", daemon=True)
    try:
        freeze_startup_objects()
        thread.start()
        click.echo(f"Next Step API on {server.url}/api/v1; watching {watcher.account.user} on "
                   f"{watcher.account.host} (Ctrl-C to stop)", err=True)
        server.run()
    finally:
        stop.set()
        # A second Ctrl-C while the watcher finishes its message ends the process at once.
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        thread.join(60)
        progress.close()
    if failure:
        raise click.ClickException(str(failure[0]))
    click.echo("Stopped.", err=True)
