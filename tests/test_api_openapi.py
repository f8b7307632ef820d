"""`openapi.json` is generated from the code, and the API keeps to it: a schemathesis run over
every documented operation (with the token), bounded so it stays quick. No server errors, and
every answer matches its documented status, content type and schema."""
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from extension_api.testing import AUTH, make_app, message

_folder = tempfile.mkdtemp(prefix="nextstep-openapi-")
app = make_app(_folder)
_store = app.extensions["nextstep"].store
_store.add_message(message(1))
_store.add_message(message(2, label="rejection", key_date=None, thread=0xABC, company="Globex",
                           sender="jobs@globex.example", sender_name="Globex Careers"))

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, headers=AUTH)


def test_spec_documents_every_route():
    spec = app.test_client().get("/api/v1/openapi.json", headers=AUTH).json
    assert spec["openapi"].startswith("3.")
    routes = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    assert routes == {
        ("GET", "/api/v1/health"), ("GET", "/api/v1/applications"), ("GET", "/api/v1/applications/{application_id}"),
        ("GET", "/api/v1/threads/{gmail_thread_id}"), ("POST", "/api/v1/threads/{gmail_thread_id}/track"),
        ("GET", "/api/v1/lookup"),
        ("PUT", "/api/v1/messages/{message_id}/label"), ("POST", "/api/v1/applications/{application_id}/events"),
        ("POST", "/api/v1/messages/{message_id}/track"),
    }
    assert spec["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"
    assert spec["paths"]["/api/v1/health"]["get"]["security"] == []
    label = spec["components"]["schemas"]["LabelIn"]["properties"]["label"]
    assert "rejection" in label["enum"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), (method, path)
            if not path.endswith("/health"):
                assert "401" in op["responses"], (method, path)


def test_every_rule_route_is_in_the_spec():
    spec = app.test_client().get("/api/v1/openapi.json", headers=AUTH).json
    documented = {p.replace("{", "<").replace("}", ">") for p in spec["paths"]}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1") and not rule.rule.endswith("openapi.json"):
            plain = rule.rule.replace("<int:", "<")
            assert plain in documented, rule.rule


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_keeps_to_its_spec(case):
    case.call_and_validate(headers=AUTH)
