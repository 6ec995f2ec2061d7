"""The build environment's record of articles: a Sphinx domain holding docname → Article.

A domain gives the `env-purge-doc` / `env-merge-info` pattern for free (``clear_doc`` and
``merge_domaindata``), so the data stays right in parallel and incremental builds.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..content.schema import Article


class KnowledgeBaseDomain(Domain):
    name = "kb"
    label = "Knowledge base"
    data_version = 1
    initial_data: dict[str, Any] = {  # noqa: RUF012 (Sphinx copies it per environment)
        "articles": {},  # docname → Article
        "listings": set(),  # docnames that hold a listing directive
        "vocabulary": {},  # Vocabulary.snapshot() the pages were last written with
        "history": {},  # path → FileHistory the articles were read with (set before reading)
        "on": None,  # the day the pages were last written (reviews fall due with the days)
        "obligations": "",  # the footer's obligations the pages were last written with
        "related": {},  # docname → the docnames its « À lire aussi » shows (last ranked)
        "citations": {},  # docname → the Citations of other pages it holds
        "paths": (),  # the ReadingPaths the pages were last written with
        "terms": {},  # lower-cased glossary term → Term
        "term_uses": {},  # docname → the lower-cased terms it refers to
    }

    @property
    def articles(self) -> dict[str, Article]:
        return self.data["articles"]

    @property
    def listings(self) -> set[str]:
        return self.data["listings"]

    @property
    def citations(self) -> dict[str, tuple[Any, ...]]:
        return self.data.setdefault("citations", {})

    @property
    def terms(self) -> dict[str, Any]:
        return self.data.setdefault("terms", {})

    @property
    def term_uses(self) -> dict[str, frozenset[str]]:
        return self.data.setdefault("term_uses", {})

    def clear_doc(self, docname: str) -> None:
        self.articles.pop(docname, None)
        self.citations.pop(docname, None)
        self.term_uses.pop(docname, None)
        for key in [key for key, term in self.terms.items() if term.docname == docname]:
            del self.terms[key]
        self.listings.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, article in otherdata["articles"].items():
            if docname in docnames:
                self.articles[docname] = article
        self.listings.update(otherdata["listings"] & set(docnames))
        for docname, found in otherdata.get("citations", {}).items():
            if docname in docnames:
                self.citations[docname] = found
        for docname, used in otherdata.get("term_uses", {}).items():
            if docname in docnames:
                self.term_uses[docname] = used
        for key, term in otherdata.get("terms", {}).items():
            if term.docname in docnames:
                self.terms[key] = term

    def resolve_any_xref(self, *args: object, **kwargs: object) -> list[Any]:
        return []


def domain(env: BuildEnvironment) -> KnowledgeBaseDomain:
    return env.domains["kb"]  # type: ignore[return-value]
