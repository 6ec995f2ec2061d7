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
from ..offline import missing_extra
from ..settings import Settings, SettingsError
from ..source.base import load
from ..source.files import read_source
from . import report
from .cli import Parser


def make(
    srcdir: Path, html: Path, out: Path, settings: Settings | None = None
) -> tuple[list[Path], list[str]]:
    """(the files written, the problems that kept any from being written); ``settings``:
    the base's (from its conf.py when not given)."""
    from ..offline import edition, plan  # the "offline" extra's libraries
    from ..offline.pdf import TypesettingError

    try:
        settings = settings or Settings.from_conf_py(srcdir)
    except SettingsError as error:
        return [], error.problems
    base = load(srcdir, settings)
    if base.problems:
        return [], [str(problem) for problem in base.problems]
    if not (html / "index.html").is_file():
        return [], [f"{html}/index.html introuvable : construisez d’abord le site (nox -s build)."]
    books = plan.books(
        base.articles,
        base.vocab,
        base.paths,
        today(),
        title=settings.project,
        description=settings.site_description,
    )
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
            books,
            html,
            out,
            project=settings.project,
            base=settings.base_url,
            vocab=base.vocab,
            state=out,
            sources=sources,
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
