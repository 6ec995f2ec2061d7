"""Standalone front-matter check, without a Sphinx build: ``base-de-connaissances check [SRCDIR]``.

Prints every problem of every article (file:line: field: message, in French) and exits 1 when
there is any: front matter, style, and the articles published on the main branch that are gone
without a ``redirect_from`` (compared with the merge base, ``KB_BASE_REF`` to choose another
branch). Used by ``nox -s check``, ``nox -s lint`` and pre-commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..reading.files import read_tree
from ..reading.lost import lost_articles
from . import report
from .cli import Parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("check", "Vérifie le front matter des articles.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    options = parser.parse_args(argv)
    problems, articles = read_tree(options.srcdir)
    lost, note = lost_articles(options.srcdir, "articles", articles)
    print(note)
    if report(problems + lost, "à corriger."):
        return 1
    print("Tous les articles sont valides.")
    return 0
