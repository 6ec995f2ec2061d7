"""Which books the offline edition holds. Pure: articles, vocabulary and paths in, books out.

The base: every published article, grouped by category (in ``data/categories.yml``'s order),
oldest first in each, then the glossary. A reading path: its published steps, in its order.
Drafts and future-dated articles are never in a book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.collection import is_published
from ..content.paths import Paths
from ..content.schema import Article
from ..content.vocab import Vocabulary


@dataclass(frozen=True)
class Part:
    """A group of chapters under a heading (a category), or untitled (a path's steps)."""

    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Book:
    stem: str  # the files' name: base, parcours-<key>
    title: str
    description: str
    parts: tuple[Part, ...]
    glossary: bool

    @property
    def articles(self) -> list[Article]:
        return [article for part in self.parts for article in part.articles]

    @property
    def edition(self) -> dt.date:
        """The edition's date: the last change of one of its articles (not the day it was
        made, so that the same articles make the same book)."""
        return max((a.updated or a.date for a in self.articles), default=dt.date(2000, 1, 1))


def books(
    articles: Iterable[Article],
    vocab: Vocabulary,
    paths: Paths,
    on: dt.date,
    *,
    title: str,
    description: str,
) -> list[Book]:
    published = {a.docname: a for a in articles if is_published(a, on)}
    ordered = sorted(published.values(), key=lambda a: (a.date, a.docname))
    parts = tuple(
        Part(entry.name, tuple(a for a in ordered if a.category == key))
        for key, entry in vocab.categories.items()
        if any(a.category == key for a in ordered)
    )
    found = [Book("base", title, description, parts, glossary=True)]
    for path in paths.paths:
        steps = tuple(published[name] for name in path.docnames if name in published)
        if steps:
            part = Part("", steps)
            found.append(Book(f"parcours-{path.key}", path.title, path.description, (part,), False))
    return found
