"""The build environment's record of articles: a Sphinx domain holding docname → Article.

A domain gives the `env-purge-doc` / `env-merge-info` pattern for free (``clear_doc`` and
``merge_domaindata``), so the data stays right in parallel and incremental builds.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from itertools import chain
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .collection import is_published
from .schema import Article, Tag


class KnowledgeBaseDomain(Domain):
    name = "kb"
    label = "Knowledge base"
    data_version = 1
    initial_data: dict[str, Any] = {  # noqa: RUF012 (Sphinx copies it per environment)
        "articles": {},  # docname → Article
        "listings": set(),  # docnames that hold a listing directive
        "vocabulary": {},  # Vocabulary.snapshot() when the articles were read
    }

    @property
    def articles(self) -> dict[str, Article]:
        return self.data["articles"]

    @property
    def listings(self) -> set[str]:
        return self.data["listings"]

    def clear_doc(self, docname: str) -> None:
        self.articles.pop(docname, None)
        self.listings.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, article in otherdata["articles"].items():
            if docname in docnames:
                self.articles[docname] = article
        self.listings.update(otherdata["listings"] & set(docnames))

    def resolve_any_xref(self, *args: object, **kwargs: object) -> list[Any]:
        return []


def domain(env: BuildEnvironment) -> KnowledgeBaseDomain:
    return env.domains["kb"]  # type: ignore[return-value]


class Catalog:
    """Queries over the published articles of one build (newest first everywhere)."""

    def __init__(self, articles: Iterable[Article], on: dt.date, preview: bool) -> None:
        visible = [a for a in articles if preview or is_published(a, on)]
        self.articles = sorted(visible, key=lambda a: (a.date, a.slug), reverse=True)
        self.by_docname = {a.docname: a for a in self.articles}
        self.position = {a.docname: index for index, a in enumerate(self.articles)}
        self.by_category: dict[str, list[Article]] = defaultdict(list)
        self.by_author: dict[str, list[Article]] = defaultdict(list)
        self.by_tag: dict[str, list[Article]] = defaultdict(list)
        self.by_year: dict[int, list[Article]] = defaultdict(list)
        self.in_category: dict[str, int] = {}  # docname → its index in by_category
        labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for article in self.articles:
            self.in_category[article.docname] = len(self.by_category[article.category])
            self.by_category[article.category].append(article)
            self.by_year[article.date.year].append(article)
            for author in article.authors:
                self.by_author[author].append(article)
            for tag in article.tags:
                self.by_tag[tag.slug].append(article)
                labels[tag.slug][tag.label] += 1
        self._tag_positions = {
            slug: [self.position[a.docname] for a in found] for slug, found in self.by_tag.items()
        }
        self._category_positions = {
            key: frozenset(self.position[a.docname] for a in found)
            for key, found in self.by_category.items()
        }
        self._related: dict[tuple[str, int], list[Article]] = {}
        # One label per tag across articles: the most used, then the one with accents.
        self.tags = {
            slug: Tag(slug, min(forms, key=lambda f: (-forms[f], f.isascii(), f)))
            for slug, forms in labels.items()
        }

    def neighbours(self, docname: str) -> tuple[Article | None, Article | None]:
        """(older, newer) article around ``docname`` in publication order."""
        index = self.position[docname]
        newer = self.articles[index - 1] if index > 0 else None
        older = self.articles[index + 1] if index + 1 < len(self.articles) else None
        return older, newer

    def related(self, article: Article, limit: int = 3) -> list[Article]:
        """Articles sharing tags (2 points each) and the category (1 point), best first, newest
        first among equals; computed once per article and catalog.

        Counting runs in C (``Counter`` over the tags' lists of positions), and an article
        sharing a tag (2 points or more) always outranks one sharing only the category
        (1 point): the category's list is read only when fewer than ``limit`` share a tag.
        """
        key = (article.docname, limit)
        if key in self._related:
            return self._related[key]
        me = self.position.get(article.docname)
        counts = Counter(
            chain.from_iterable(self._tag_positions.get(t.slug, ()) for t in article.tags)
        )
        counts.pop(me, None)
        same = self._category_positions.get(article.category, frozenset())
        size = len(self.articles) + 1
        # One integer per candidate: (best score first) × size + position (newest first).
        ranks = [(11 - 2 * count - (pos in same)) * size + pos for pos, count in counts.items()]
        chosen = [rank % size for rank in heapq.nsmallest(limit, ranks)]
        if len(chosen) < limit:
            taken = set(chosen) | {me}
            for other in self.by_category.get(article.category, ()):
                pos = self.position[other.docname]
                if pos not in taken:
                    chosen.append(pos)
                    if len(chosen) == limit:
                        break
        result = [self.articles[pos] for pos in chosen]
        self._related[key] = result
        return result
