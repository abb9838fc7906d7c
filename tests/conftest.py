"""Every test gets its own cache folder, so that no test reads another's cached findings and
nothing is written into the checkout (module-scoped fixtures share one for the session)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _session_cache_dir(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.mktemp("newslint-cache-session")))
        mp.delenv("NEWSLINT_NO_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.mktemp("newslint-cache")))
