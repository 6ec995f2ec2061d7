"""Helpers shared by the tests: where the repository is, copies of the site, parsed pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from tools.sitebuild import REPO, copy_site_parts


def copy_site(dest: Path, *, with_articles: bool = True) -> Path:
    """Copy the real site's sources into ``dest`` (optionally without its articles)."""
    copy_site_parts(dest, skip=() if with_articles else ("articles",))
    (dest / "articles").mkdir(exist_ok=True)
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


NOT_READERS = {"_static", "pagefind", "admin"}


class BuiltSite:
    """An HTML output folder, with parsed pages on demand."""

    def __init__(self, html: Path) -> None:
        self.html = html

    def page(self, relpath: str) -> BeautifulSoup:
        return soup(self.html / relpath)

    def reader_pages(self) -> list[Path]:
        """Every page a reader opens: not the theme's files, the search index or the writers'
        editing space (admin/, Decap CMS's page)."""
        return sorted(
            path
            for path in self.html.rglob("*.html")
            if not NOT_READERS & set(path.relative_to(self.html).parts)
        )


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


# Pagefind's filter and metadata indexes change from one run to the next on the same input (its
# maintainer says so in Pagefind/pagefind#638); the page fragments and every other file are stable.
NONDETERMINISTIC = re.compile(
    r"^pagefind(-\d+)?/(filter/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)"
)


SUFFIXES = (".html", ".xml", ".json", ".txt", ".js", ".css", ".png", ".woff2")


def output_files(
    outdir: Path,
    suffixes: tuple[str, ...] = SUFFIXES,
) -> dict[str, bytes]:
    """Every output file with one of ``suffixes`` (or in a Pagefind bundle), as {relative path:
    bytes}; Pagefind's non-deterministic files are left out."""
    result = {}
    for path in sorted(outdir.rglob("*")):
        name = path.relative_to(outdir).as_posix()
        if not path.is_file() or "_sources" in path.parts or NONDETERMINISTIC.match(name):
            continue
        if path.suffix in suffixes or name.startswith("pagefind"):
            result[name] = path.read_bytes()
    return result


def rebuild_as_clean(root: str, src: Path, step: str) -> Path:
    """Build ``src`` again (incrementally) and a fresh copy of it from nothing; both outputs
    must be the same bytes. Returns the incremental build's output folder."""
    outdir, warnings = build_root(root, src, copy=False)
    assert warnings == "", step
    fresh = src.parent / f"fresh-{re.sub(r'[^a-z0-9]+', '-', step)}"
    shutil.copytree(src, fresh, ignore=shutil.ignore_patterns("_build"))
    expected, _ = build_root(root, fresh, copy=False)
    assert output_files(outdir) == output_files(expected), step
    return outdir


def search_pages(outdir: Path, count: int) -> list[str]:
    """``count`` small pages with indexed text, under ``outdir/articles``, as Pagefind sees
    the documents' pages; their paths as strings."""
    (outdir / "articles").mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(count):
        page = outdir / f"articles/page-{number:02d}.html"
        body = f"<h1>Page {number}</h1><p>Un texte sur la stratégie.</p>"
        page.write_text(
            f"<html lang='fr'><body><main data-pagefind-body>{body}</main></body></html>", "utf-8"
        )
        files.append(str(page))
    return files
