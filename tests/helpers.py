"""Helpers shared by the tests: where the repository is, copies of the site, parsed pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from tools.sitebuild import REPO, SITE_PARTS


def copy_site(dest: Path, *, with_articles: bool = True) -> Path:
    """Copy the real site's sources into ``dest`` (optionally without its articles)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = REPO / part
        if not src.exists() or (part == "articles" and not with_articles):
            continue
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    (dest / "articles").mkdir(exist_ok=True)
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class BuiltSite:
    """An HTML output folder, with parsed pages on demand."""

    def __init__(self, html: Path) -> None:
        self.html = html

    def page(self, relpath: str) -> BeautifulSoup:
        return soup(self.html / relpath)


def build_root(
    root: str,
    dest: Path,
    builder: str = "html",
    *,
    copy: bool = True,
    **kwargs: object,
) -> tuple[Path, str]:
    """Build ``tests/roots/test-<root>`` copied into ``dest``; return (outdir, warnings).

    The application is cleaned up before returning, so several builds can run in one test.
    """
    import io

    from sphinx.testing.util import SphinxTestApp

    if copy:
        shutil.copytree(REPO / "tests" / "roots" / f"test-{root}", dest, dirs_exist_ok=True)
    warnings = io.StringIO()
    app = SphinxTestApp(builder, srcdir=dest, warning=warnings, **kwargs)  # type: ignore[arg-type]
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), warnings.getvalue()


def output_files(outdir: Path, suffixes: tuple[str, ...] = (".html", ".xml", ".json", ".txt")):
    """Every output file with one of ``suffixes``, as {relative path: bytes}."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in suffixes and "_sources" not in path.parts
    }
