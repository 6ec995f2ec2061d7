"""Standalone front-matter check, without a Sphinx build: ``base-de-connaissances check [SRCDIR]``.

Prints every problem of every article (file:line: field: message, in French) and exits 1 when
there is any: front matter, style, and the articles published on the main branch that are gone
without a ``redirect_from`` (compared with the merge base, ``KB_BASE_REF`` to choose another
branch). Used by ``nox -s check``, ``nox -s lint`` and pre-commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..source.base import load
from ..source.lost import lost_articles
from . import report, settings_of
from .cli import Parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("check", "Vérifie le front matter des articles.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    options = parser.parse_args(argv)
    settings = settings_of(options.srcdir, parser.prog)
    if settings is None:
        return 1
    base = load(options.srcdir, settings, style=True, with_history=False)
    lost, note = lost_articles(options.srcdir, settings.articles_dir, base.valid)
    print(note)
    if report([*base.problems, *lost], "à corriger."):
        return 1
    print("Tous les articles sont valides.")
    return 0
