"""The commands of ``python -m kb``, for writers and maintainers: none loads Sphinx."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def report(problems: Sequence[object], consequence: str) -> bool:
    """Print each problem (``fichier:ligne``…) on stderr, then their count and ``consequence``
    (« à corriger. »…); whether there was any."""
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"\n{count} problème{'s' if count > 1 else ''} {consequence}", file=sys.stderr)
    return bool(problems)
