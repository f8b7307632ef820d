"""The API token the browser extension sends as `Authorization: Bearer <token>`.

It lives in the user's config folder (`config_dir()/token`), readable by the user alone (mode
0600), and is created on first use. The extension's options page pairs with it: paste the output
of `nextstep token`.
"""
from __future__ import annotations

import hmac
import os
import secrets
import stat
from pathlib import Path

TOKEN_FILE = "token"


def token_path(folder: Path | None = None) -> Path:
    """Where the token is kept.

    >>> token_path(Path("/home/jane/.config/nextstep"))
    PosixPath('/home/jane/.config/nextstep/token')
    """
    if folder is None:
        from models.settings import config_dir

        folder = config_dir()
    return Path(folder) / TOKEN_FILE


def load_or_create_token(folder: Path | None = None, *, renew: bool = False) -> str:
    """The token, created (or replaced with `renew`) with `secrets.token_urlsafe(32)`.

    The file is created with mode 0600 in one step (O_CREAT|O_EXCL), so no other user can read
    it even for a moment; a file that others can read is tightened back to 0600.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> load_or_create_token(folder) == load_or_create_token(folder)
    True
    """
    path = token_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    if renew:
        path.unlink(missing_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, 0o600)
        token = path.read_text(encoding="ascii").strip()
        if token:
            return token
        # An empty file (a crash between create and write): start again.
        return load_or_create_token(folder, renew=True)
    token = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(token + "\n")
    return token


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response timing says nothing about the token.

    >>> token_matches("abc", "abc"), token_matches("abd", "abc"), token_matches(None, "abc")
    (True, False, False)
    """
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))
