"""Shared fixtures: sphinx.testing for the small test roots, and the real site built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import REPO, BuiltSite
from tools.sitebuild import build

pytest_plugins = ("sphinx.testing.fixtures",)

# No test reaches the internet: the editing space's CMS comes from the cache that the nox
# sessions fill when they install packages (noxfile.cms_cache), never from the registry.
os.environ.setdefault("KB_NPM_REGISTRY", "http://127.0.0.1:9")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the test roots (`tests/roots/test-*`)."""
    return REPO / "tests" / "roots"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once per test session with the command `nox -s build` runs."""
    out = tmp_path_factory.mktemp("site")
    status = build(REPO, out, "html")
    assert status == 0, "the real site must build without any warning"
    return BuiltSite(out / "html")
