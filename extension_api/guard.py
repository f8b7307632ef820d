"""Who may talk to the API, checked before any route runs (default deny).

In order:
1. `Host` must be 127.0.0.1 or localhost (any port): a web page that rebinds its own DNS name to
   127.0.0.1 still sends its own name, and is refused (DNS rebinding).
2. An `Origin`, when sent, must be the browser extension's (`chrome-extension://`,
   `moz-extension://`); web pages are refused, and only the extension gets CORS headers.
3. A body larger than `MAX_CONTENT_LENGTH` is refused before it is read (413).
4. A CORS preflight from the extension is answered (it carries no token by design).
5. Every route but `/api/v1/health` needs `Authorization: Bearer <token>`, compared in constant
   time; unknown URLs too, so nothing is learnt without the token.
6. Writes need `Content-Type: application/json`: an HTML form or a "simple" cross-site request
   cannot send it (no CSRF).
"""
from __future__ import annotations

from apiflask import abort
from flask import current_app, request

from .context import api
from .token import token_matches

ALLOWED_HOSTS = frozenset({"127.0.0.1", "localhost"})
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://")
PUBLIC_ENDPOINTS = frozenset({"health.health"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ALLOWED_METHODS = "GET, POST, PUT, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type"


def host_name(host: str) -> str:
    """The name of a Host header, without its port.

    >>> host_name("localhost:8765"), host_name("127.0.0.1"), host_name("[::1]:80"), host_name("Evil.example.")
    ('localhost', '127.0.0.1', '::1', 'evil.example')
    """
    host = (host or "").strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0].rstrip(".") if ":" in host else host.rstrip(".")


def is_extension_origin(origin: str | None) -> bool:
    """Whether a request comes from a browser extension (its service worker) rather than a page.

    >>> is_extension_origin("chrome-extension://abcdef"), is_extension_origin("https://mail.google.com")
    (True, False)
    """
    if not origin or not origin.startswith(EXTENSION_SCHEMES):
        return False
    extension_id = origin.split("://", 1)[1]
    return bool(extension_id) and extension_id.replace("-", "").isalnum()


def bearer_token() -> str | None:
    scheme, _, value = (request.headers.get("Authorization") or "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def check_request():
    if host_name(request.host) not in ALLOWED_HOSTS:
        abort(403, "Next Step answers only on 127.0.0.1 or localhost: open it by that address.")
    origin = request.headers.get("Origin")
    if origin is not None and not is_extension_origin(origin):
        abort(403, "Only the Next Step browser extension may call this API from a browser.")
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and request.content_length and request.content_length > limit:
        abort(413, f"The request body is larger than {limit // 1024} KiB: send less.")
    if request.method == "OPTIONS" and origin and request.headers.get("Access-Control-Request-Method"):
        return preflight()
    if request.endpoint not in PUBLIC_ENDPOINTS:
        if not token_matches(bearer_token(), api().current_token()):
            abort(401, "Missing or wrong API token: send `Authorization: Bearer <token>`, with the token "
                       "printed by `nextstep token` (paste it in the extension's options).",
                  headers={"WWW-Authenticate": 'Bearer realm="nextstep"'})
        # A route that matched only: a wrong method or URL answers its own 405/404 instead.
        if request.url_rule is not None and request.method in WRITE_METHODS and request.mimetype != "application/json":
            abort(415, "Send the request body as JSON, with `Content-Type: application/json`.")
    return None


def preflight():
    """The answer to a CORS preflight from the extension: what it may send, for 10 minutes."""
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = "600"
    if request.headers.get("Access-Control-Request-Private-Network") == "true":
        # Chrome's Private Network Access: a page may reach loopback only if loopback agrees.
        response.headers["Access-Control-Allow-Private-Network"] = "true"
    return response


def add_headers(response):
    origin = request.headers.get("Origin")
    if is_extension_origin(origin):
        response.headers["Access-Control-Allow-Origin"] = origin
    response.vary.add("Origin")
    # Applications and their drafts are private: no cache keeps them, no browser sniffs them.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app) -> None:
    app.before_request(check_request)
    app.after_request(add_headers)
