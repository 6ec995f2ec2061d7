"""The engine's own tests: Sphinx's test fixtures (``@pytest.mark.sphinx``) on the small
bases of ``roots/test-*``; each test adds the articles of its scenario to a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"
