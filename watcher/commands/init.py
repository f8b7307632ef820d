"""`nextstep init`: set up the mail account to watch, test the login, write config.toml."""
from __future__ import annotations

import click

PROVIDERS = ["gmail", "outlook", "yahoo", "fastmail", "other"]


@click.command("init")
@click.option("--provider", type=click.Choice(PROVIDERS), help="Your mail provider; 'other' asks for the server.")
@click.option("--host", help="IMAP server (for 'other'; overrides the provider's).")
@click.option("--port", type=click.IntRange(1, 65535), help="IMAP port (default 993, or 143 with --no-ssl).")
@click.option("--ssl/--no-ssl", "use_ssl", default=None, help="Connect with TLS (default: yes).")
@click.option("--user", help="Your login, usually your email address.")
@click.option("--password", help="Your app password (else asked; never shown). Prefer an app password "
                                  "to your main password.")
@click.option("--oauth2-token", help="Log in with OAuth2 (XOAUTH2) using this access token instead of a password.")
@click.option("--oauth2-command", help="Log in with OAuth2 using the token this command prints (run at each login, "
                                        "so the token stays fresh).")
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="Your own address(es) (repeat or comma-separate); mail from them is yours. Default: --user.")
@click.option("--password-store", type=click.Choice(["keyring", "config", "env"]), default="keyring",
              show_default=True,
              help="Where the password is kept: the system keyring (falls back to config.toml, mode 0600, when "
                   "there is none), config.toml, or nowhere (you set NEXTSTEP_IMAP_PASSWORD).")
@click.option("--no-check", is_flag=True, help="Write the settings without testing the login.")
def init(provider, host, port, use_ssl, user, password, oauth2_token, oauth2_command, me, password_store, no_check):
    """Set up the mail account Next Step watches.

    Asks for what is missing (every question has a flag, for scripts), logs in once to check,
    then writes config.toml and keeps the password in the system keyring.

    \b
    Examples:
      nextstep init                                  # asks
      nextstep init --provider fastmail --user jane@fastmail.com --password "app password"
      nextstep init --provider gmail --user jane@gmail.com --oauth2-command "oauth2-token jane"
    """
    from models.settings import config_path
    from watcher.accounts import PRESETS, NoKeyring, save_password, update_config
    from watcher.imap import Account, LoginRefused, Mailbox, ServerUnreachable

    if host and not provider:
        provider = "other"
    if not provider:
        provider = click.prompt("Mail provider", type=click.Choice(PROVIDERS), default="gmail")
    preset = PRESETS.get(provider)
    if preset is not None:
        host = host or preset.host
        click.echo(f"{preset.name}: {preset.how_to_log_in}")
    else:
        host = host or click.prompt("IMAP server (e.g. imap.example.com)")
    if use_ssl is None:
        use_ssl = True
    port = port or (993 if use_ssl else 143)
    user = user or click.prompt("Login (your email address)")
    oauth2 = bool(oauth2_token or oauth2_command)
    if not oauth2 and not password:
        password = click.prompt(f"App password for {user}", hide_input=True)
    addresses = [a.strip().lower() for item in me for a in item.split(",") if a.strip()]
    if not addresses and "@" in user:
        addresses = [user.strip().lower()]

    account = Account(host=host, port=port, ssl=use_ssl, user=user, password=password,
                      oauth2_token=oauth2_token, oauth2_command=oauth2_command, timeout=30)
    if not no_check:
        try:
            mailbox = Mailbox.open(account)
            folders = mailbox.watched_folders()
            mailbox.close()
        except (LoginRefused, ServerUnreachable) as exc:
            raise click.ClickException(f"{exc}. Nothing was written.") from exc
        except OSError as exc:
            raise click.ClickException(f"{host}:{port} dropped the connection ({exc}): try again, or check the "
                                       "port and --ssl/--no-ssl. Nothing was written.") from exc
        click.echo(f"Logged in to {host} as {user}; Next Step will watch {', '.join(folders)}.")

    path = config_path()
    imap = {"host": host, "port": port, "ssl": use_ssl, "user": user, "password": None,
            "oauth2_token": oauth2_token, "oauth2_command": oauth2_command}
    if password:
        where = password_store
        if password_store == "keyring":
            try:
                save_password(user, host, password)
            except NoKeyring as exc:
                where = "config"
                click.echo(f"{exc}: the password goes to {path} instead, readable only by you (mode 0600). "
                           "To keep it out of files, run `nextstep init --password-store env` and set "
                           "NEXTSTEP_IMAP_PASSWORD.", err=True)
        if where == "config":
            imap["password"] = password
        elif where == "keyring":
            click.echo("The password is in your system keyring.")
        else:
            click.echo("The password is not stored: set NEXTSTEP_IMAP_PASSWORD before `nextstep watch`.")
    update_config(path, {"imap": imap, "me": addresses or None})
    click.echo(f"Wrote {path}. Your address(es): {', '.join(addresses) or 'none (set --me)'}.")
    click.echo("Next: `nextstep watch --once` to read your recent mail, then `nextstep run`.")
