"""The mail account: provider presets, where the password is kept, and config.toml.

    preset = PRESETS["fastmail"]        # Preset(name='Fastmail', host='imap.fastmail.com', ...)
    where = save_password("jane@fastmail.com", preset.host, "app-password")   # "keyring"
    account = account_from_settings(load_settings())   # Account(host=..., password=<from keyring>)

The password goes to the system keyring. Where there is none (a server, a container), it goes
to config.toml, which is always written readable by its owner only (0600), or stays in the
environment (`NEXTSTEP_IMAP_PASSWORD`).
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from watcher.imap import Account

KEYRING_SERVICE = "nextstep-imap"


@dataclass(frozen=True)
class Preset:
    """A provider's IMAP server and how its users log in from a program."""

    name: str
    host: str
    port: int
    how_to_log_in: str


PRESETS = {
    "gmail": Preset("Gmail", "imap.gmail.com", 993,
                    "Use an app password (Google Account > Security > 2-Step Verification > App passwords) "
                    "or an OAuth2 access token (--oauth2-command)."),
    "outlook": Preset("Outlook", "outlook.office365.com", 993,
                      "Outlook.com and Microsoft 365 want OAuth2: give --oauth2-command, a command that prints "
                      "an access token; app passwords work only where your organisation still allows them."),
    "yahoo": Preset("Yahoo", "imap.mail.yahoo.com", 993,
                    "Use an app password (Yahoo Account Security > Generate app password)."),
    "fastmail": Preset("Fastmail", "imap.fastmail.com", 993,
                       "Use an app password with IMAP access (Settings > Privacy & Security > App passwords)."),
}


class NoKeyring(Exception):
    """No system keyring on this machine; the message says so and what happens instead."""


def _keyring_name(user: str, host: str) -> str:
    return f"{user}@{host}"


def save_password(user: str, host: str, password: str) -> None:
    """Keep `password` in the system keyring. Raises NoKeyring when there is no keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_name(user, host), password)
    except (KeyringError, RuntimeError) as exc:
        raise NoKeyring(f"No system keyring is available here ({type(exc).__name__})") from exc


def load_password(user: str, host: str) -> str | None:
    """The password kept in the system keyring, or None (none kept, or no keyring)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, _keyring_name(user, host))
    except Exception:  # noqa: BLE001 - no backend, a locked or broken keyring: same as not kept
        return None


def account_from_settings(settings, timeout: float = 60.0) -> Account:
    """The account to watch, from the settings and the keyring.

    Raises ValueError (a sentence saying what to do) when no account is configured.
    """
    if not settings.imap_host or not settings.imap_user:
        raise ValueError("No mail account is set up: run `nextstep init`, or set NEXTSTEP_IMAP_HOST and "
                         "NEXTSTEP_IMAP_USER (and NEXTSTEP_IMAP_PASSWORD)")
    password = settings.imap_password
    if not password and not (settings.imap_oauth2_token or settings.imap_oauth2_command):
        password = load_password(settings.imap_user, settings.imap_host)
    return Account(host=settings.imap_host, port=settings.imap_port, ssl=settings.imap_ssl,
                   user=settings.imap_user, password=password, oauth2_token=settings.imap_oauth2_token,
                   oauth2_command=settings.imap_oauth2_command, timeout=timeout)


def my_addresses(settings) -> tuple[str, ...]:
    """The user's own addresses: `me`, else the login when it is an address."""
    if settings.me:
        return tuple(settings.me)
    user = (settings.imap_user or "").strip().lower()
    return (user,) if "@" in user else ()


# -- config.toml ------------------------------------------------------------------------------
def update_config(path: Path, changes: dict) -> None:
    """Merge `changes` into the TOML file at `path` (tables merged key by key; a None value
    removes the key) and write it atomically, readable by its owner only.

    Example: update_config(config_path(), {"me": ["jane@example.com"], "imap": {"host": "..."}}).
    """
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for key, value in changes.items():
        if isinstance(value, dict):
            table = dict(data.get(key, {}))
            for sub, item in value.items():
                if item is None:
                    table.pop(sub, None)
                else:
                    table[sub] = item
            data[key] = table
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value
    write_private(path, toml_text(data))


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` with mode 0600, through a temp file and a rename, so that a
    crash never leaves half a file and the secret is never readable by others, even briefly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    os.chmod(path, 0o600)


def toml_text(data: dict) -> str:
    """TOML for plain values, lists of them and tables of them (what config.toml holds).

    >>> print(toml_text({"me": ["a@x"], "imap": {"host": "h", "port": 993, "ssl": True}}), end="")
    me = ["a@x"]
    <BLANKLINE>
    [imap]
    host = "h"
    port = 993
    ssl = true
    """
    lines = [f"{_key(k)} = {_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for name, table in data.items():
        if isinstance(table, dict):
            lines += ["", f"[{_key(name)}]"] + [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def _key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() and name.isascii() else json.dumps(name)


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        raise ValueError("nested tables are not written here")
    # JSON string escapes (\", \\, \n, \uXXXX) are also TOML basic-string escapes.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")  # TOML forbids a raw DEL
