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


class Incremental:
    """A copy of ``roots/test-base`` built again after each change."""

    def __init__(self, make_app, rootdir: Path, tmp_path: Path) -> None:
        import shutil

        self.make_app, self.tmp_path = make_app, tmp_path
        self.src = tmp_path / "src"
        shutil.copytree(rootdir / "test-base", self.src)

    def build(self, folder: Path | None = None) -> Path:
        """Build ``folder`` (the copy by default) with no warning; its output folder."""
        import io

        from .helpers import warnings_of

        warnings = io.StringIO()
        app = self.make_app("html", srcdir=folder or self.src, warning=warnings)
        try:
            app.build()
        finally:
            app.cleanup()  # the next application registers its nodes afresh
        assert warnings_of(warnings.getvalue()) == []
        return Path(app.outdir)

    def same_as_clean(self, step: str) -> Path:
        """Build the copy again, and a fresh copy of it: the same pages, byte for byte."""
        import shutil

        from .helpers import pages_written

        outdir = self.build()
        fresh = self.tmp_path / step
        shutil.copytree(self.src, fresh, ignore=shutil.ignore_patterns("_build"))
        assert pages_written(outdir) == pages_written(self.build(fresh)), step
        return outdir


@pytest.fixture
def incremental(make_app, rootdir: Path, tmp_path: Path) -> Incremental:
    return Incremental(make_app, rootdir, tmp_path)
