"""Shared fixtures. Real servers live in their own plugin modules."""
import os

import pytest

pytest_plugins = ["tests.dovecot"]


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """No test reads or writes the real user's config, data or token."""
    monkeypatch.setenv("NEXTSTEP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in list(os.environ):
        if name.startswith("NEXTSTEP_") and name != "NEXTSTEP_CONFIG_DIR":
            monkeypatch.delenv(name)
