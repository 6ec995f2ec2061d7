"""Articles due for review: advice on digital strategy ages fast. An article's last review is
its ``reviewed`` date, else its last change (``updated``, or its file's last commit), else its
``date``; past ``kb_review_after_months`` months, its page says so at its top.

``python -m kb.content.review [SRCDIR] [--months N]`` lists the published articles due for
review, oldest first, with their authors, as a Markdown table (``nox -s review``, and the
monthly workflow's job summary).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from . import history
from .clock import today
from .collection import article_files, docname_of, is_published, read_source
from .schema import Article, parse_article
from .vocab import Vocabulary, load

DEFAULT_MONTHS = 18


def last_review(article: Article) -> dt.date:
    return article.reviewed or article.updated or article.date


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def is_due(article: Article, on: dt.date, months: int) -> bool:
    return last_review(article) < months_before(on, months)


def due_articles(srcdir: Path, months: int, folder: str = "articles") -> list[Article]:
    """The published articles of ``srcdir`` due for review on the build's today, oldest first."""
    vocab, _ = load(srcdir / "data")
    files = history.collect(srcdir, folder).files
    on = today()
    found = []
    for path in article_files(srcdir, folder):
        text, _ = read_source(srcdir, path)
        shown = path.relative_to(srcdir).as_posix()
        article, _ = parse_article(shown, docname_of(srcdir, path), text or "", vocab)
        if article is not None:
            article = history.apply(article, files.get(shown))
            if is_published(article, on) and is_due(article, on, months):
                found.append(article)
    return sorted(found, key=lambda a: (last_review(a), a.docname))


def table(articles: Sequence[Article], vocab: Vocabulary, months: int) -> str:
    lines = [f"## Articles à relire (dernière relecture il y a plus de {months} mois)", ""]
    if not articles:
        return "\n".join([*lines, "Aucun article à relire.", ""])
    lines += ["| article | dernière relecture | auteurs |", "| --- | --- | --- |"]
    for article in articles:
        names = ", ".join(vocab.authors[key].name for key in article.authors)
        title = article.title.replace("|", "\\|")
        lines.append(f"| {title} (`{article.docname}.md`) | {last_review(article)} | {names} |")
    return "\n".join([*lines, ""])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Liste les articles à relire.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    parser.add_argument("--months", type=int, default=DEFAULT_MONTHS)
    options = parser.parse_args(argv)
    vocab, _ = load(options.srcdir / "data")
    print(table(due_articles(options.srcdir, options.months), vocab, options.months))
    return 0


if __name__ == "__main__":
    sys.exit(main())
