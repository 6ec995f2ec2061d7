"""Standalone front-matter check, without a Sphinx build: ``python -m kb.content.check [SRCDIR]``.

Prints every problem of every article (file:line: field: message, in French) and exits 1 when
there is any. Used by ``nox -s check`` and pre-commit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .collection import check_tree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Vérifie le front matter des articles.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    options = parser.parse_args(argv)
    problems = check_tree(options.srcdir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"\n{count} problème{'s' if count > 1 else ''} à corriger.", file=sys.stderr)
        return 1
    print("Tous les articles sont valides.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
