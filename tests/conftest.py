"""Shared fixtures: sphinx.testing for the small test roots, and the real site built once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, BuiltSite
from tools.sitebuild import build

pytest_plugins = ("sphinx.testing.fixtures",)

# Our extensions are importable as the site's conf.py makes them (it puts _ext/ on sys.path).
sys.path.insert(0, str(REPO / "_ext"))


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
