"""One view per page: everything a page shows beyond its own text, computed once per build
into a frozen record (`PageView`).

The writers render a page's header, footer, navigation and popovers from its record; the
reading phase makes the last build's records from the last build's sources (kept with the
environment) and this build's from this build's, and writes again exactly the pages whose
records differ (``changed``). A part added to a page is added to its record, and both follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Set
from dataclasses import dataclass, field
from functools import cached_property

from .catalog import Catalog, category_of, nearby
from .citations import Citation
from .paths import ReadingPath, published
from .permalinks import has_queries
from .review import is_due, last_review
from .schema import Article
from .terms import Term

Box = tuple[ReadingPath, int, tuple[Article, ...]]  # a path, the step's number, its steps


@dataclass(frozen=True)
class Sources:
    """What one build's views are made from."""

    catalog: Catalog
    on: dt.date  # the day the pages are written (reviews fall due)
    vocabulary: Mapping[str, Mapping[str, list[str]]]  # Vocabulary.snapshot()
    paths: tuple[ReadingPath, ...] = ()
    duties: str = ""  # the footer's obligations (their fingerprint)
    cited_by: Mapping[str, list[tuple[Article, Citation]]] = field(default_factory=dict)
    links: Mapping[str, Collection[str]] = field(default_factory=dict)  # page → pages it links
    terms: Mapping[str, Term] = field(default_factory=dict)  # lower-cased term → its entry
    uses: Mapping[str, Collection[str]] = field(default_factory=dict)  # page → terms it uses
    listings: Collection[str] = ()  # pages holding a listing directive
    root: str = "index"
    limit: int = 10  # articles in a navigation
    review_months: int = 12
    # The « À lire aussi » blocks already ranked on this catalog (the last build's): kept
    # rather than ranked again, the costly part of a record.
    ranked: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def name(self, kind: str, key: str) -> str:
        entry = self.vocabulary.get(kind, {}).get(key)
        return entry[0] if entry else key

    def same_as(self, other: Sources) -> bool:
        """Whether every view made from ``other`` equals this one's, without making them:
        equal inputs make equal records."""
        return self.inputs == other.inputs

    @cached_property
    def inputs(self) -> tuple[object, ...]:
        """What any view shows of the sources (articles as their listings show them)."""
        catalog = self.catalog
        return (
            tuple(a.listing_key() for a in catalog.articles),
            tuple(sorted(self.due)),
            self.vocabulary,
            self.paths,
            self.duties,
            {name: tuple(c for _, c in pairs) for name, pairs in self.cited_by.items()},
            self.links,
            self.terms,
            self.uses,
            self.root,
            self.limit,
        )

    @cached_property
    def due(self) -> frozenset[str]:
        months = self.review_months
        return frozenset(a.docname for a in self.catalog.articles if is_due(a, self.on, months))

    @cached_property
    def boxes(self) -> Mapping[str, tuple[Box, ...]]:
        """Article → the reading paths it is a published step of."""
        found: dict[str, list[Box]] = {}
        for path in self.paths:
            visible = tuple(published(path, self.catalog.by_docname.get))
            for number, article in enumerate(visible, start=1):
                found.setdefault(article.docname, []).append((path, number, visible))
        return {name: tuple(boxes) for name, boxes in found.items()}

    @cached_property
    def categories(self) -> tuple[tuple[str, str], ...]:
        """What every navigation lists of the categories."""
        return tuple(
            (key, entry[0]) for key, entry in self.vocabulary.get("categories", {}).items()
        )

    @cached_property
    def listed(self) -> tuple[object, ...]:
        """What listings show: the articles, the categories and the reading paths."""
        return (
            self.inputs[0],
            self.vocabulary.get("categories", {}),
            tuple(
                (path.key, path.title, path.description, tuple(a.docname for a in shown))
                for path in self.paths
                if (shown := published(path, self.catalog.by_docname.get))
            ),
        )


@dataclass(frozen=True)
class Navigation:
    """What a page's sidebar lists: its category's window of articles (or the newest)."""

    category: str
    articles: tuple[Article, ...]
    depth: tuple[int, ...]  # each article's depth under its parents
    more: bool  # more articles than listed

    def shown(self) -> tuple[object, ...]:
        titles = tuple((a.docname, a.title) for a in self.articles)
        return self.category, self.more, titles, self.depth


def _brief(article: Article | None) -> tuple[str, str] | None:
    return (article.docname, article.title) if article else None


def _listed(article: Article) -> tuple[object, ...]:
    return article.docname, article.listing_key()


@dataclass(frozen=True)
class PageView:
    """Everything page ``name`` shows that is not its own text. Any part a template reads
    is here, and in ``shown``: what makes two records show the same."""

    name: str
    navigation: Navigation
    categories: tuple[tuple[str, str], ...]  # every navigation names them
    duties: str  # the footer's obligations
    article: Article | None = None  # an article's page: its own fields
    names: tuple[str, ...] = ()  # its category's, authors' and tags' names as shown
    ancestors: tuple[Article, ...] = ()
    neighbours: tuple[Article | None, Article | None] = (None, None)  # (older, newer)
    related: tuple[Article, ...] = ()  # « À lire aussi »
    review: dt.date | None = None  # the last review, when it is due again
    boxes: tuple[Box, ...] = ()
    cited_by: tuple[tuple[Article, Citation], ...] = ()
    previews: tuple[Article, ...] = ()  # the articles it links to, shown on hover
    terms: tuple[Term, ...] = ()  # the glossary terms it uses, shown on hover
    listed: tuple[object, ...] = ()  # a page holding listings: what they show
    queries: bool = False  # the home page: some article keeps an old query address

    def shown(self) -> tuple[object, ...]:
        """What readers see of this record (other articles as they are shown)."""
        boxes = tuple(
            (
                path.key,
                path.title,
                number,
                len(steps),
                _brief(steps[number - 2]) if number > 1 else None,
                _brief(steps[number]) if number < len(steps) else None,
            )
            for path, number, steps in self.boxes
        )
        return (
            self.navigation.shown(),
            self.categories,
            self.duties,
            self.article,
            self.names,
            tuple(map(_brief, self.ancestors)),
            tuple(map(_brief, self.neighbours)),
            tuple(map(_listed, self.related)),
            self.review,
            boxes,
            tuple((_listed(a), quote) for a, quote in self.cited_by),
            tuple((a.docname, a.preview_key()) for a in self.previews),
            self.terms,
            self.listed,
            self.queries,
        )


class Views:
    """The records of one build's pages, each made once, when first asked for."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self._made: dict[tuple[str, bool, bool], PageView] = {}

    def of(self, name: str, *, listing: bool = False, related: bool = True) -> PageView:
        """Page ``name``'s record; ``listing``: a generated page listing articles itself;
        ``related``: with its « À lire aussi » (scoring it is the costly part)."""
        key = (name, listing, related)
        if key not in self._made:
            self._made[key] = self._make(name, listing, related)
        return self._made[key]

    def _make(self, name: str, listing: bool, related: bool) -> PageView:
        sources = self.sources
        catalog = sources.catalog
        category = category_of(name, catalog)
        if listing:
            shown: list[Article] = []
        elif category:
            pool = catalog.in_order.get(category, [])
            shown = nearby(pool, catalog.in_category.get(name), sources.limit)
        else:
            pool = catalog.articles
            shown = nearby(pool, None, sources.limit)
        depth = catalog.depth if category else {}
        navigation = Navigation(
            category,
            tuple(shown),
            tuple(depth.get(a.docname, 0) for a in shown),
            not listing and len(pool) > sources.limit,
        )
        common = {
            "navigation": navigation,
            "categories": sources.categories,
            "duties": sources.duties,
            "previews": tuple(
                catalog.by_docname[target]
                for target in sorted(sources.links.get(name, ()))
                if target in catalog.by_docname and target != name
            ),
            "terms": tuple(
                sources.terms[key]
                for key in sorted(sources.uses.get(name, ()))
                if key in sources.terms
            ),
            "listed": sources.listed if name in sources.listings else (),
            "queries": name == sources.root and has_queries(catalog.articles),
        }
        article = catalog.by_docname.get(name)
        if article is None:
            return PageView(name, **common)
        tags = catalog.tags
        names = (
            sources.name("categories", article.category),
            *(sources.name("authors", key) for key in article.authors),
            *(tags[t.slug].label if t.slug in tags else t.label for t in article.tags),
        )
        return PageView(
            name,
            article=article,
            names=names,
            ancestors=tuple(catalog.ancestors(name)),
            neighbours=catalog.neighbours(name),
            related=self._related(article) if related else (),
            review=last_review(article) if name in sources.due else None,
            boxes=sources.boxes.get(name, ()),
            cited_by=tuple(sources.cited_by.get(name, ())),
            **common,
        )

    def _related(self, article: Article) -> tuple[Article, ...]:
        by_docname = self.sources.catalog.by_docname
        ranked = self.sources.ranked.get(article.docname)
        if ranked is not None and all(name in by_docname for name in ranked):
            return tuple(by_docname[name] for name in ranked)
        return tuple(self.sources.catalog.related(article))

    def ranked(self, names: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The « À lire aussi » blocks of the articles ``names``, by docname, to keep."""
        by_docname = self.sources.catalog.by_docname
        return {
            name: tuple(a.docname for a in self.of(name).related)
            for name in names
            if name in by_docname
        }


def scored(old: Catalog, new: Catalog) -> set[str]:
    """The articles whose « À lire aussi » may differ between two catalogs: those sharing a
    tag or the category with an article shown differently (before or after), and those. A
    related block ranks only articles sharing one with it: the others' blocks are equal."""
    changed = {
        name
        for name in old.by_docname.keys() | new.by_docname.keys()
        if _key(old, name) != _key(new, name)
    }
    keys: set[tuple[str, str]] = set()
    for name in changed:
        for catalog in (old, new):
            if (version := catalog.by_docname.get(name)) is not None:
                keys.add(("category", version.category))
                keys |= {("tag", tag.slug) for tag in version.tags}
    found = {name for name in changed if name in new.by_docname}
    for article in new.articles:
        mine = {("category", article.category)} | {("tag", t.slug) for t in article.tags}
        if mine & keys:
            found.add(article.docname)
    return found


def _key(catalog: Catalog, name: str) -> object:
    article = catalog.by_docname.get(name)
    return article.listing_key() if article else None


def changed(
    before: Views, after: Views, names: Iterable[str], related: Set[str] | None = None
) -> set[str]:
    """The pages among ``names`` whose record differs from the last build's; ``related``:
    those whose « À lire aussi » may differ (``scored`` by default), the others' is left out of
    both records."""
    if before.sources.same_as(after.sources):
        return set()
    if related is None:
        related = scored(before.sources.catalog, after.sources.catalog)
    return {
        name
        for name in names
        if before.of(name, related=name in related).shown()
        != after.of(name, related=name in related).shown()
    }
