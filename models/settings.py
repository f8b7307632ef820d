"""Configuration: `NEXTSTEP_*` environment variables override `config.toml` in the user's config
folder (platformdirs), which overrides the defaults.

`config.toml` holds plain keys (`db`, `me`, `tz`, `api_port`, `holidays_country`) and an `[imap]`
table (`host`, `port`, `ssl`, `user`, `password`, `folders`); a `[policy]` table may change any
default of the follow-up policy by its name (see `PolicySettings`); a `[watch]` table tunes the
IMAP watcher (read by `watcher.sync.WatchOptions.from_settings`).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .policy import PolicySettings


def config_dir() -> Path:
    override = os.environ.get("NEXTSTEP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("nextstep"))


def config_path() -> Path:
    return config_dir() / "config.toml"


def system_tz() -> str:
    """The system's IANA time zone name, or UTC when it cannot be told."""
    tz = os.environ.get("TZ")
    if tz and "/" in tz:
        return tz.lstrip(":")
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            return link.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    return "UTC"


@dataclass
class Settings:
    db: str | None = None
    me: tuple[str, ...] = ()
    tz: str = field(default_factory=system_tz)
    api_port: int = 8765
    imap_host: str | None = None
    imap_port: int = 993
    imap_ssl: bool = True
    imap_user: str | None = None
    imap_password: str | None = None
    imap_oauth2_token: str | None = None
    imap_oauth2_command: str | None = None
    policy: PolicySettings = field(default_factory=PolicySettings)
    source: Path | None = None  # the config file read, if any

    def policy_settings(self) -> PolicySettings:
        return replace(self.policy, tz=self.tz)


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _addresses(value) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        items = value
    else:
        items = str(value or "").split(",")
    return tuple(a.strip().lower() for a in items if a.strip())


def load_settings(path: Path | None = None, env: dict | None = None) -> Settings:
    """Read the configuration. Errors name the file and what to fix.

    >>> load_settings(Path("/nonexistent/config.toml"), env={"NEXTSTEP_TZ": "Asia/Jakarta"}).tz
    'Asia/Jakarta'
    """
    env = os.environ if env is None else env
    path = path or config_path()
    data = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path} is not valid TOML ({exc}): fix it or run `nextstep init` again") from exc
    imap = data.get("imap", {})
    s = Settings(source=path if path.exists() else None)
    s.db = data.get("db")
    s.me = _addresses(data.get("me", ()))
    s.tz = data.get("tz") or s.tz
    s.api_port = int(data.get("api_port", s.api_port))
    s.imap_host = imap.get("host")
    s.imap_port = int(imap.get("port", 993))
    s.imap_ssl = _bool(imap.get("ssl", True))
    s.imap_user = imap.get("user")
    s.imap_password = imap.get("password")
    s.imap_oauth2_token = imap.get("oauth2_token")
    s.imap_oauth2_command = imap.get("oauth2_command")
    policy = data.get("policy", {})
    if data.get("holidays_country"):
        policy = {**policy, "holidays_country": data["holidays_country"]}
    known = {f.name for f in fields(PolicySettings)}
    unknown = set(policy) - known
    if unknown:
        raise ValueError(f"{path}: unknown policy setting(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(known - {'tz'}))}")
    s.policy = replace(PolicySettings(), **policy)

    def pick(name, convert=str):
        value = env.get(name)
        return convert(value) if value not in (None, "") else None

    s.db = pick("NEXTSTEP_DB") or s.db
    s.imap_host = pick("NEXTSTEP_IMAP_HOST") or s.imap_host
    port = pick("NEXTSTEP_IMAP_PORT", int)
    s.imap_port = port if port is not None else s.imap_port
    ssl = pick("NEXTSTEP_IMAP_SSL", _bool)
    s.imap_ssl = ssl if ssl is not None else s.imap_ssl
    s.imap_user = pick("NEXTSTEP_IMAP_USER") or s.imap_user
    s.imap_password = pick("NEXTSTEP_IMAP_PASSWORD") or s.imap_password
    me = pick("NEXTSTEP_ME", _addresses)
    s.me = me or s.me
    s.tz = pick("NEXTSTEP_TZ") or s.tz
    api_port = pick("NEXTSTEP_API_PORT", int)
    s.api_port = api_port if api_port is not None else s.api_port
    holidays = pick("NEXTSTEP_HOLIDAYS")
    if holidays:
        s.policy = replace(s.policy, holidays_country=holidays)
    return s
