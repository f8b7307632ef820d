"""`GET /api/v1/health`: is the API up, and which version (no token needed)."""
from __future__ import annotations

from apiflask import APIBlueprint
from flask import current_app

from .schemas import HealthOut

bp = APIBlueprint("health", __name__, url_prefix="/api/v1", tag="Health")


@bp.get("/health")
@bp.output(HealthOut)
def health():
    """Is the API up

    Answers `{"status": "ok", "version": "0.1.0"}`; the only route without a token.
    """
    return {"status": "ok", "version": current_app.config["NEXTSTEP_VERSION"]}
