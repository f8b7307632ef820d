"""JSON errors everywhere: `{"status", "message", "detail"}`, the message a sentence that says
what to do. Unknown routes, wrong methods, validation errors and server errors alike."""
from __future__ import annotations

import logging

log = logging.getLogger("nextstep.api")

ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "message"],
    "properties": {
        "status": {"type": "integer"},
        "message": {"type": "string"},
        "detail": {"type": "object"},
    },
}


def _validation_message(detail: dict) -> str:
    """`{"json": {"label": ["unknown label 'x': ..."]}}` -> "label: unknown label 'x': ..."."""
    parts = []
    for _location, fields in (detail or {}).items():
        if not isinstance(fields, dict):
            continue
        for name, problems in fields.items():
            if isinstance(problems, dict):  # nested: one level is enough to say where
                problems = [f"{k}: {'; '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in problems.items()]
            text = "; ".join(map(str, problems)) if isinstance(problems, list) else str(problems)
            parts.append(text if name == "_schema" else f"{name}: {text}")
    return "Invalid request: " + " / ".join(parts) if parts else "Invalid request."


def init_app(app) -> None:
    app.config["HTTP_ERROR_SCHEMA"] = ERROR_SCHEMA
    app.config["VALIDATION_ERROR_SCHEMA"] = ERROR_SCHEMA
    app.config["VALIDATION_ERROR_STATUS_CODE"] = 400

    @app.error_processor
    def json_error(error):
        message = error.message
        if error.status_code == 400 and message == "Validation error":
            message = _validation_message(error.detail)
        body = {"status": error.status_code, "message": message, "detail": error.detail or {}}
        return body, error.status_code, error.headers

    @app.errorhandler(Exception)
    def unexpected(exc):
        from werkzeug.exceptions import HTTPException

        if isinstance(exc, HTTPException):  # handled by the processor above
            from apiflask.exceptions import HTTPError

            return json_error(HTTPError(exc.code or 500, exc.description or exc.name))
        # The exception's type and where it came from; never the request's body or headers.
        log.error("unexpected error in %s %s", _route_name(), type(exc).__name__, exc_info=exc)
        return {"status": 500, "message": "Next Step hit an unexpected error; it was logged. Try again, and "
                                          "report it if it persists.", "detail": {}}, 500


def _route_name() -> str:
    from flask import request

    return f"{request.method} {request.url_rule.rule if request.url_rule else '?'}"
