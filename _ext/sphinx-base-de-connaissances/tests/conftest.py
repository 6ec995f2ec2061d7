"""The engine's own tests: Sphinx's test fixtures (``@pytest.mark.sphinx``) on the small
bases of ``roots/test-*``; each test adds the articles of its scenario to a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture
def built(make_app, rootdir: Path, tmp_path: Path):
    """Build a copy of ``roots/test-base`` with ``files`` written first (data files are read
    when the application starts): (the application, its warnings' text)."""
    import io
    import shutil

    from .helpers import write

    def build(files: dict[str, str]) -> tuple[object, str]:
        src = tmp_path / "src"
        shutil.copytree(rootdir / "test-base", src)
        write(src, files)
        warnings = io.StringIO()
        app = make_app("html", srcdir=src, warning=warnings)
        app.build()
        return app, warnings.getvalue()

    return build
