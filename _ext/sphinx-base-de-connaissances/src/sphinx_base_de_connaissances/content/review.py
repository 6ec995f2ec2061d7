"""Articles due for review: advice on digital strategy ages fast. An article's last review is
its ``reviewed`` date, else its last change (``updated``, or its file's last commit), else its
``date``; past ``kb_review_after_months`` months, its page says so at its top.

``base-de-connaissances review`` lists the published articles due for review as the Markdown
``table``
made here (``nox -s review``, and the monthly workflow's job summary).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from .schema import Article
from .vocab import Vocabulary


def last_review(article: Article) -> dt.date:
    return article.reviewed or article.updated or article.date


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def is_due(article: Article, on: dt.date, months: int) -> bool:
    return last_review(article) < months_before(on, months)


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
