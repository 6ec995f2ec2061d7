"""``base-de-connaissances offline [SRCDIR] [--html DIR] [--out DIR]``: the offline edition,
after the HTML build: ``base.pdf`` and ``base.epub`` (every published article by category, then the
glossary), and ``parcours-<clé>.pdf`` and ``.epub`` for each reading path.

Problems of the articles or of ``data/parcours.yml`` are printed as the build prints them
(``fichier:ligne``) and nothing is written; a book no longer made is removed from the folder.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..clock import today
from ..content import history
from ..content.permalinks import renamed_within
from ..offline import missing_extra
from ..reading import history as git_history
from ..reading.files import load_paths, load_vocabulary, read_source, read_tree
from . import report
from .cli import Parser

ARTICLES, DATA = "articles", "data"


def site_identity(html: Path) -> tuple[str, str, str]:
    """(project, description, base address) as the built home page says them."""
    from bs4 import BeautifulSoup  # the "offline" extra's

    page = BeautifulSoup((html / "index.html").read_text("utf-8"), "html.parser")
    canonical = page.find("link", rel="canonical")
    base = str(canonical["href"]).removesuffix("index.html") if canonical else ""
    name = page.find("meta", property="og:site_name")
    about = page.find("meta", attrs={"name": "description"})
    return (
        str(name["content"]) if name else "",
        str(about["content"]) if about else "",
        base,
    )


def make(srcdir: Path, html: Path, out: Path) -> tuple[list[Path], list[str]]:
    """(the files written, the problems that kept any from being written)."""
    from ..offline import edition, plan  # the "offline" extra's libraries
    from ..offline.pdf import TypesettingError

    problems, valid = read_tree(srcdir, ARTICLES, DATA, style=False)
    if problems:
        return [], [str(problem) for problem in problems]
    if not (html / "index.html").is_file():
        return [], [f"{html}/index.html introuvable : construisez d’abord le site (nox -s build)."]
    vocab, _ = load_vocabulary(srcdir / DATA, DATA)
    renamed = renamed_within((a for _, a in valid), ARTICLES)
    paths, _ = load_paths(srcdir / DATA, srcdir, ARTICLES, DATA, renamed)
    files = git_history.collect(srcdir, ARTICLES).files
    articles = [history.apply(article, files.get(path)) for path, article in valid]
    project, description, base = site_identity(html)
    books = plan.books(articles, vocab, paths, today(), title=project, description=description)
    missing = [
        f"{a.docname}.md : page {html}/{a.docname}.html introuvable ; reconstruisez le site."
        for book in books
        for a in book.articles
        if not (html / f"{a.docname}.html").is_file()
    ]
    if missing:
        return [], sorted(set(missing))

    def sources(docname: str) -> tuple[str, str]:
        shown = f"{docname}.md"
        text, _ = read_source(srcdir, srcdir / shown)
        return shown, text or ""

    try:
        written = edition.write_books(
            books, html, out, project=project, base=base, vocab=vocab, state=out, sources=sources
        )
    except TypesettingError as error:
        return [], error.problems
    return written, []


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("offline", "Édition hors ligne : PDF et EPUB.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    parser.add_argument("--html", type=Path, default=Path("_build/html"))
    parser.add_argument("--out", type=Path, default=Path("_build/offline"))
    options = parser.parse_args(argv)
    missing = missing_extra()
    if missing:
        print(f"{parser.prog} : {missing}", file=sys.stderr)
        return 1
    written, problems = make(options.srcdir, options.html, options.out)
    if report(problems, ": aucun livre écrit."):
        return 1
    for path in written:
        print(f"{path} ({path.stat().st_size / 1024:.0f} Ko)")
    return 0
