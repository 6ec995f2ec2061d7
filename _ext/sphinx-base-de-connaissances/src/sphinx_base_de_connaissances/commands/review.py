"""``base-de-connaissances review [SRCDIR] [--months N]``: the published articles due for review,
oldest first, with their authors, as a Markdown table (``nox -s review``, and the monthly
workflow's job summary)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..clock import today
from ..content import history
from ..content.collection import is_published
from ..content.review import DEFAULT_MONTHS, is_due, last_review, table
from ..content.schema import Article, parse_article
from ..reading import history as git_history
from ..reading.files import article_files, docname_of, load_vocabulary, read_source
from .cli import Parser


def due_articles(srcdir: Path, months: int, folder: str = "articles") -> list[Article]:
    """The published articles of ``srcdir`` due for review on the build's today, oldest first."""
    vocab, _ = load_vocabulary(srcdir / "data")
    files = git_history.collect(srcdir, folder).files
    on = today()
    found = []
    for path in article_files(srcdir, folder):
        text, _ = read_source(srcdir, path)
        shown = path.relative_to(srcdir).as_posix()
        article, _ = parse_article(shown, docname_of(srcdir, path), text or "", vocab, on=on)
        if article is not None:
            article = history.apply(article, files.get(shown))
            if is_published(article, on) and is_due(article, on, months):
                found.append(article)
    return sorted(found, key=lambda a: (last_review(a), a.docname))


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("review", "Liste les articles à relire.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    parser.add_argument("--months", type=int, default=DEFAULT_MONTHS)
    options = parser.parse_args(argv)
    vocab, _ = load_vocabulary(options.srcdir / "data")
    print(table(due_articles(options.srcdir, options.months), vocab, options.months))
    return 0
