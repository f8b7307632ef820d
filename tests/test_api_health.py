"""The health blueprint."""
from extension_api.testing import make_app


def test_health_answers_ok_and_version(tmp_path):
    from importlib.metadata import version

    r = make_app(tmp_path).test_client().get("/api/v1/health")
    assert r.status_code == 200
    assert r.json == {"status": "ok", "version": version("nextstep")}
