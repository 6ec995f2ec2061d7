"""``base-de-connaissances review [SRCDIR] [--months N]``: the published articles due for review,
oldest first, with their authors, as a Markdown table (``nox -s review``, and the monthly
workflow's job summary)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..clock import today
from ..content.review import is_due, last_review, table
from ..content.schema import Article
from ..source.base import Base, load
from . import settings_of
from .cli import Parser


def due_articles(base: Base, months: int) -> list[Article]:
    """The published articles of ``base`` due for review on the build's today, oldest first."""
    on = today()
    found = [article for article in base.published(on) if is_due(article, on, months)]
    return sorted(found, key=lambda a: (last_review(a), a.docname))


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("review", "Liste les articles à relire.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    parser.add_argument(
        "--months", type=int, default=None, help="au lieu de kb_review_after_months (conf.py)"
    )
    options = parser.parse_args(argv)
    settings = settings_of(options.srcdir, parser.prog)
    if settings is None:
        return 1
    months = options.months or settings.review_after_months
    base = load(options.srcdir, settings)
    print(table(due_articles(base, months), base.vocab, months))
    return 0
