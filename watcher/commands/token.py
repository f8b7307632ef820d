"""`nextstep token`: the API token the browser extension needs (created on first use)."""
import click


@click.command("token")
@click.option("--new", "renew", is_flag=True, help="Replace the token with a new one (the extension must be "
                                                    "paired again).")
@click.option("--path", "show_path", is_flag=True, help="Print where the token file is instead of the token.")
def token(renew, show_path):
    """Print the API token for the browser extension, creating it on first use.

    Paste it in the extension's options page. It is stored readable by you alone (mode 0600)
    in your config folder.
    """
    from extension_api.token import load_or_create_token, token_path

    value = load_or_create_token(renew=renew)
    click.echo(str(token_path()) if show_path else value)
