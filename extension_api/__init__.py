"""The API the browser extension talks to: Flask on 127.0.0.1, one blueprint per resource.

    >>> app = create_app({"DB": "sqlite://", "TOKEN": "secret"})
    >>> app.test_client().get("/api/v1/health").json["status"]
    'ok'

Heavy imports (Flask, apiflask, marshmallow) happen inside `create_app`, so the CLI starts fast
for commands that never serve.
"""
from __future__ import annotations

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 64 * 1024  # corrections and events are a few hundred bytes


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nextstep")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(test_config: dict | None = None):
    """Build the API.

    `test_config` may set `DB` (a path or SQLAlchemy URL), `STORE` (an open `Store`),
    `SETTINGS` (a `models.settings.Settings`), `TOKEN`, `CONFIG_DIR` (where the token file
    lives), `CLOCK` (a function giving the aware "now") and `CACHE` (False: read every
    answer from the store), besides any Flask setting.
    """
    from apiflask import APIFlask

    from models.settings import load_settings
    from models.store import Store

    from . import applications, errors, guard, health, lookups, messages, openapi
    from .cache import AnswerCache, sqlite_path
    from .context import ApiContext
    from .token import load_or_create_token, token_path

    app = APIFlask(__name__, title="Next Step API", version=_version(), spec_path=f"{API_PREFIX}/openapi.json",
                   docs_path=None)
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        NEXTSTEP_VERSION=_version(),
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.update(test_config)
    app.json.sort_keys = False

    settings = app.config.get("SETTINGS") or load_settings()
    store = app.config.get("STORE") or Store(app.config.get("DB") or settings.db)
    token_file = None
    token = app.config.get("TOKEN")
    if not token:
        token = load_or_create_token(app.config.get("CONFIG_DIR"))
        token_file = token_path(app.config.get("CONFIG_DIR"))
    cache = AnswerCache(sqlite_path(store.url) if app.config.get("CACHE", True) else None)
    app.extensions["nextstep"] = ApiContext(store=store, policy=settings.policy_settings(), token=token,
                                            clock=app.config.get("CLOCK"), cache=cache, token_file=token_file)

    errors.init_app(app)
    guard.init_app(app)
    openapi.init_app(app)
    for module in (health, applications, lookups, messages):
        app.register_blueprint(module.bp)
    return app
