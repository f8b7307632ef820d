"""`nextstep serve`: the API for the browser extension, on 127.0.0.1."""
import click


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to listen on (default: NEXTSTEP_API_PORT or config.toml's api_port, else 8765; 0 picks a "
                   "free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Loopback address to bind; other addresses are refused.")
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Worker threads answering requests.")
def serve(port, host, threads):
    """Serve the API the browser extension talks to, until Ctrl-C or SIGTERM."""
    from models.settings import load_settings

    from extension_api import create_app
    from extension_api.server import ApiServer, check_loopback, freeze_startup_objects

    try:
        check_loopback(host)
        settings = load_settings()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    app = create_app({"SETTINGS": settings})
    try:
        server = ApiServer(app, host=host, port=settings.api_port if port is None else port, threads=threads)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port or settings.api_port} ({exc.strerror}): is "
                                   "Next Step already running? Stop it, or pick another port with --port.") from exc
    click.echo(f"Next Step API on {server.url}/api/v1 (Ctrl-C to stop)")
    click.echo("Pair the browser extension: open its options, set the address to "
               f"{server.url} and paste the token printed by `nextstep token`.")
    freeze_startup_objects()
    server.run_until_signalled()
    click.echo("Stopped.")
