"""``base-de-connaissances links [SRCDIR]``: the orphans and dead ends among the articles,
listed for writers without failing (``nox -s lint``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..content.links import report, targets
from ..source.files import article_files, docname_of, read_source
from . import settings_of
from .cli import Parser


def graph(srcdir: Path, folder: str = "articles") -> dict[str, set[str]]:
    """Article → the other articles it links to."""
    texts = {}
    for path in article_files(srcdir, folder):
        text, _ = read_source(srcdir, path)
        if text is not None:
            texts[docname_of(srcdir, path)] = text
    return {name: (targets(name, text) & texts.keys()) - {name} for name, text in texts.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("links", "Articles orphelins et impasses.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    options = parser.parse_args(argv)
    settings = settings_of(options.srcdir, parser.prog)
    if settings is None:
        return 1
    lines = list(report(graph(options.srcdir, settings.articles_dir)))
    print("\n".join(lines) if lines else "Chaque article est relié aux autres.")
    return 0  # a list for writers, not a failure
