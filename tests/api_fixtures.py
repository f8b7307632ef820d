"""Fixtures of the API's tests: an app on a temporary store, its test client, and that store.

Imported by name by each `tests/test_api_*.py` that uses them (`from tests.api_fixtures import
app, client, store`), so that these generic names stay out of the other tests.
"""
import pytest

from extension_api.testing import make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["nextstep"].store
