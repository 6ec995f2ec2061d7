"""Writing phase: article decorations, listings and the rendering of generated pages
(``specs`` lists them).

Everything is derived from the `Catalog` of the current build, never stored in the source tree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..clock import today
from ..content.catalog import Catalog
from ..content.obligations import Obligations
from ..content.paths import Paths, ReadingPath, published
from ..content.schema import Article
from ..content.views import Sources, Views
from ..content.vocab import Vocabulary
from ..reading.listings import kb_listing
from ..settings import Settings
from ..site import OFFLINE_FOLDER
from .render import Renderer
from .specs import Generated


def french_order(choice: tuple[str, int]) -> tuple[str, str]:
    """Alphabetical order as a French reader expects it: accents and case second."""
    name = choice[0]
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return bare.casefold(), name


class Pages:
    """Renders what the knowledge base adds to pages; one per application."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.views = Views(Sources(Catalog((), on=None, preview=True), today(), {}))  # type: ignore[arg-type]
        self.vocab = Vocabulary()
        self.paths = Paths()
        self.obligations = Obligations()  # accessibility statement, publisher, host
        self.settings = Settings()  # the build's, from config-inited

    @property
    def catalog(self) -> Catalog:
        """The articles this build publishes (its records' catalog)."""
        return self.views.sources.catalog

    def linker(self, app: Sphinx, pagename: str) -> Callable[[str], str]:
        builder = app.builder
        return lambda target: builder.get_relative_uri(pagename, target)

    def file_link(self, app: Sphinx, pagename: str, path: str) -> str:
        return relative_uri(app.builder.get_target_uri(pagename), path)

    def render_block(self, app: Sphinx, pagename: str, template: str, **context: Any) -> Markup:
        return self.renderer.render(
            template, self.linker(app, pagename), catalog=self.catalog, vocab=self.vocab, **context
        )

    # -- listings in documents -------------------------------------------------------------
    def downloads(self, app: Sphinx, pagename: str, stem: str, label: str) -> dict[str, str]:
        """The links to a book of the offline edition, from ``pagename`` (none without
        ``kb_offline``)."""
        if not self.settings.offline:
            return {}
        folder = OFFLINE_FOLDER
        return {
            "stem": stem,
            "label": label,
            "pdf": self.file_link(app, pagename, f"{folder}/{stem}.pdf"),
            "epub": self.file_link(app, pagename, f"{folder}/{stem}.epub"),
        }

    def listing(self, app: Sphinx, docname: str, node: kb_listing) -> str:
        if node["kind"] == "downloads":
            links = self.downloads(app, docname, "base", "toute la base")
            return (
                str(self.render_block(app, docname, "downloads.html", downloads=links))
                if links
                else ""
            )
        if node["kind"] == "paths":
            return self.render_block(
                app, docname, "paths.html", heading="h3", paths=self.published_paths()
            )
        if node["kind"] == "categories":
            return self.render_block(
                app, docname, "categories.html", heading="h3", categories=self.category_counts()
            )
        return self.render_block(
            app,
            docname,
            "latest.html",
            articles=self.catalog.articles[: node["limit"]],
            feeds=[
                (self.file_link(app, docname, f"feeds/{name}"), label)
                for name, label in (("atom.xml", "Atom"), ("rss.xml", "RSS"))
            ],
        )

    def published_paths(self) -> list[tuple[ReadingPath, list[Article]]]:
        """Each path with its published steps; a path with none is not shown."""
        found = [(path, published(path, self.catalog.by_docname.get)) for path in self.paths.paths]
        return [(path, visible) for path, visible in found if visible]

    def filter_choices(self) -> dict[str, list[tuple[str, int]]]:
        """The search page's filter choices, as Pagefind's filters name them, with counts:
        written into the page, so that Pagefind loads a filter's index only once it is used
        (asking Pagefind for them loads every filter index: 87 KB at 10,000 articles)."""
        categories = [(entry.name, count) for entry, count in self.category_counts()]
        tags = [
            (self.catalog.tags[slug].label, len(found))
            for slug, found in self.catalog.by_tag.items()
        ]
        return {
            "category": sorted(((n, c) for n, c in categories if c), key=french_order),
            "tag": sorted(tags, key=french_order),
        }

    def category_counts(self) -> list[tuple[Any, int]]:
        return [
            (entry, len(self.catalog.by_category.get(key, [])))
            for key, entry in self.vocab.categories.items()
        ]

    def render_page(self, app: Sphinx, spec: Generated) -> tuple[str, dict[str, Any], str]:
        body = self.render_block(app, spec.pagename, spec.template, **spec.context)
        context = {"title": escape(spec.title), "body": str(body), "kb_generated": True}
        return spec.pagename, context, "page.html"
