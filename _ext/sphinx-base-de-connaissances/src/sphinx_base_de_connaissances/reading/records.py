"""The pages' records (``content.views``) made from the environment: from what the last build's
pages were made of, kept before this build reads anything, and from what this one read."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sphinx.environment import BuildEnvironment

from ..content.catalog import Catalog
from ..content.citations import Citation
from ..content.paths import ReadingPath
from ..content.schema import Article
from ..content.terms import Term
from ..content.views import Sources
from ..settings import Settings
from . import citations
from .domain import domain


@dataclass(frozen=True)
class Read:
    """What the pages are made from, as the environment holds it."""

    on: dt.date  # the day the pages are written
    vocabulary: Mapping[str, Mapping[str, list[str]]] = field(default_factory=dict)
    paths: tuple[ReadingPath, ...] = ()
    duties: str = ""  # the footer's obligations, by their fingerprint
    articles: Mapping[str, Article] = field(default_factory=dict)
    citations: Mapping[str, tuple[Citation, ...]] = field(default_factory=dict)
    terms: Mapping[str, Term] = field(default_factory=dict)
    uses: Mapping[str, frozenset[str]] = field(default_factory=dict)
    listings: frozenset[str] = frozenset()
    # The last build's « À lire aussi » blocks, by docname: not what pages are made from,
    # what they were ranked as (``content.views.Sources.ranked``).
    ranked: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def last(cls, env: BuildEnvironment, on: dt.date) -> Read:
        """What the last build wrote its pages from (``on``: the day, for an older record)."""
        data = domain(env).data
        found = cls.now(
            env,
            data.get("on") or on,
            data["vocabulary"],
            data.get("paths", ()),
            data.get("obligations", ""),
        )
        return dataclasses.replace(found, ranked=data.get("related", {}))

    @classmethod
    def now(
        cls,
        env: BuildEnvironment,
        on: dt.date,
        vocabulary: Mapping[str, Mapping[str, list[str]]],
        paths: tuple[ReadingPath, ...],
        duties: str,
    ) -> Read:
        kb = domain(env)
        return cls(
            on,
            vocabulary,
            paths,
            duties,
            dict(kb.articles),
            dict(kb.citations),
            dict(kb.terms),
            dict(kb.term_uses),
            frozenset(kb.listings),
        )

    def remember(self, env: BuildEnvironment) -> None:
        """Kept with the environment: the next build compares its records with these."""
        data = domain(env).data
        data["on"], data["paths"], data["obligations"] = self.on, self.paths, self.duties
        data["vocabulary"] = self.vocabulary

    def sources(self, env: BuildEnvironment, settings: Settings) -> Sources:
        catalog = Catalog(self.articles.values(), self.on, settings.preview)
        links = {
            name: frozenset(citations.targets(found, env)) for name, found in self.citations.items()
        }
        return Sources(
            catalog,
            self.on,
            self.vocabulary,
            self.paths,
            self.duties,
            cited_by=citations.cited_by(self.citations, catalog, env),
            links=links,
            terms=self.terms,
            uses=self.uses,
            listings=self.listings,
            root=env.config.root_doc,
            limit=settings.nav_limit,
            review_months=settings.review_after_months,
            ranked=self.ranked,
        )
