"""Helpers shared by the tests: where the repository is, copies of the site, parsed pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
# What a build of the site reads; everything else in the repository is not content.
SITE_PARTS = ("conf.py", "index.md", "articles", "guide", "data", "_ext", "_static", "_templates")


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
