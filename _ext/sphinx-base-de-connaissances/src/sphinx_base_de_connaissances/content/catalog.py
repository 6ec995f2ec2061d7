"""Queries over the published articles of one build: indexes by category, tag, author and
year, neighbours in publication order, related articles, and the window of articles that a
page's navigation shows. Pure Python: what each page shows of other articles is computed here,
so that the build and the incremental rules agree."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from . import hierarchy
from .collection import is_published
from .schema import Article, Tag


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
            self.by_category[article.category].append(article)
            self.by_year[article.date.year].append(article)
            for author in article.authors:
                self.by_author[author].append(article)
            for tag in article.tags:
                self.by_tag[tag.slug].append(article)
                labels[tag.slug][tag.label] += 1
        # A category as its pages and navigation show it: the articles writers placed
        # (``order``) first, in their order, then the others newest first, each article
        # followed by those under it (``parent``). Feeds keep dates.
        above, _ = hierarchy.parents(self.articles)
        trees = {
            key: hierarchy.tree(found, above, lambda a: (a.order is None, a.order or 0))
            for key, found in self.by_category.items()
        }
        self.in_order: dict[str, list[Article]] = {k: list(t.ordered) for k, t in trees.items()}
        self.depth = {name: d for t in trees.values() for name, d in t.depth.items()}
        self.parent_of = {name: p for t in trees.values() for name, p in t.parent.items()}
        for found in self.in_order.values():
            for index, article in enumerate(found):
                self.in_category[article.docname] = index
        self._tag_positions = {
            slug: [self.position[a.docname] for a in found] for slug, found in self.by_tag.items()
        }
        self._category_positions = {
            key: frozenset(self.position[a.docname] for a in found)
            for key, found in self.by_category.items()
        }
        self._related: dict[tuple[str, int], list[Article]] = {}
        self._days = [a.date.toordinal() for a in self.articles]  # by position
        self._tags_at = [frozenset(t.slug for t in a.tags) for a in self.articles]
        self._span = (max(self._days) - min(self._days) + 1) if self._days else 1
        # One label per tag across articles: the most used, then the one with accents.
        self.tags = {
            slug: Tag(slug, min(forms, key=lambda f: (-forms[f], f.isascii(), f)))
            for slug, forms in labels.items()
        }

    def ancestors(self, docname: str) -> list[Article]:
        """The articles ``docname`` sits under, from its category's top level down."""
        found = []
        while docname in self.parent_of:
            docname = self.parent_of[docname]
            found.append(self.by_docname[docname])
        return found[::-1]

    def neighbours(self, docname: str) -> tuple[Article | None, Article | None]:
        """(older, newer) article around ``docname`` in publication order."""
        index = self.position[docname]
        newer = self.articles[index - 1] if index > 0 else None
        older = self.articles[index + 1] if index + 1 < len(self.articles) else None
        return older, newer

    def related(self, article: Article, limit: int = 3) -> list[Article]:
        """Articles sharing tags (2 points each) and the category (1 point), best first; among
        equals, the closest in publication date to ``article`` (then in publication order),
        so that a new article joins the related block of its neighbours only, not of every
        article sharing its tags. Computed once per article and catalog.

        Counting runs in C (``Counter`` over the tags' lists of positions), and an article
        sharing a tag (2 points or more) always outranks one sharing only the category
        (1 point): the category's list is read only when fewer than ``limit`` share a tag.
        """
        key = (article.docname, limit)
        if key in self._related:
            return self._related[key]
        me = self.position.get(article.docname)
        if me is None:
            return []
        nearest = self._nearest_best(me, article, limit)
        if nearest is not None:
            self._related[key] = [self.articles[pos] for pos in nearest]
            return self._related[key]
        counts = Counter(
            chain.from_iterable(self._tag_positions.get(t.slug, ()) for t in article.tags)
        )
        counts.pop(me, None)
        same = self._category_positions.get(article.category, frozenset())
        days, size = self._days, len(self.articles) + 1
        mine, span = days[me], self._span
        # One integer per candidate: score (best first), then distance in days, then distance
        # in publication order, then position: the smallest integers are the most related.
        ranks = [
            (
                ((11 - 2 * count - (pos in same)) * span + abs(days[pos] - mine)) * size
                + abs(pos - me)
            )
            * size
            + pos
            for pos, count in counts.items()
        ]
        chosen = [rank % size for rank in heapq.nsmallest(limit, ranks)]
        if len(chosen) < limit:
            taken = set(chosen) | {me}
            rest = [
                (abs(days[pos] - mine) * size + abs(pos - me)) * size + pos
                for pos in same
                if pos not in taken
            ]
            chosen += [rank % size for rank in heapq.nsmallest(limit - len(chosen), rest)]
        result = [self.articles[pos] for pos in chosen]
        self._related[key] = result
        return result

    def _nearest_best(
        self, me: int, article: Article, limit: int, steps: int = 64
    ) -> list[int] | None:
        """The ``limit`` nearest articles (in the ranking's order: days, then publication
        order, then position) that share all of ``article``'s tags and its category, found by
        walking outwards from it; None when ``steps`` do not find them (``related`` then ranks
        every candidate). Articles are sorted by date, so the walk visits candidates in the
        ranking's order: what it finds is what the full ranking would choose. When articles
        share their tags (an imported blog), it saves ranking every article for each one."""
        days, tags_at, n = self._days, self._tags_at, len(self.articles)
        mine, wanted = days[me], frozenset(t.slug for t in article.tags)
        same = self._category_positions.get(article.category, frozenset())
        found: list[int] = []
        left, right = me - 1, me + 1
        for _ in range(steps):
            if left < 0 and right >= n:
                return None
            if right >= n or (
                left >= 0
                and (abs(days[left] - mine), me - left, left)
                < (abs(days[right] - mine), right - me, right)
            ):
                pos, left = left, left - 1
            else:
                pos, right = right, right + 1
            if wanted <= tags_at[pos] and pos in same:
                found.append(pos)
                if len(found) == limit:
                    return found
        return None


def category_of(pagename: str, catalog: Catalog) -> str:
    article = catalog.by_docname.get(pagename)
    if article is not None:
        return article.category
    if pagename.startswith("categories/"):
        return pagename.split("/")[1]  # categories/<key> and its pages, categories/<key>/<n>
    return ""


def nearby(articles: list[Article], index: int | None, limit: int) -> list[Article]:
    """``limit`` of ``articles`` (newest first): those published around the one at ``index``,
    or the newest when ``index`` is None."""
    if index is None:
        return articles[:limit]
    start = max(0, min(index - limit // 2, len(articles) - limit))
    return articles[start : start + limit]
