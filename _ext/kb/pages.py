"""Writing phase: article decorations, listings and the generated pages.

Everything is derived from the `Catalog` of the current build, never stored in the source tree.
Generated pages: ``categories/index``, ``categories/<key>``, ``tags/index``, ``tags/<slug>``,
``authors/<key>``, ``archives``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from markupsafe import Markup, escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from .listings import kb_listing
from .render import Renderer
from .store import Catalog
from .vocab import Vocabulary


class Pages:
    """Renders what the knowledge base adds to pages; one per application."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.catalog = Catalog((), on=None, preview=True)  # type: ignore[arg-type]
        self.vocab = Vocabulary()

    def linker(self, app: Sphinx, pagename: str) -> Callable[[str], str]:
        builder = app.builder
        return lambda target: builder.get_relative_uri(pagename, target)

    def file_link(self, app: Sphinx, pagename: str, path: str) -> str:
        return relative_uri(app.builder.get_target_uri(pagename), path)

    def _render(self, app: Sphinx, pagename: str, template: str, **context: Any) -> Markup:
        return self.renderer.render(
            template, self.linker(app, pagename), catalog=self.catalog, vocab=self.vocab, **context
        )

    # -- listings in documents -------------------------------------------------------------
    def listing(self, app: Sphinx, docname: str, node: kb_listing) -> str:
        if node["kind"] == "categories":
            return self._render(app, docname, "categories.html", heading="h3",
                                categories=self.category_counts())  # fmt: skip
        return self._render(app, docname, "latest.html",
                            articles=self.catalog.articles[: node["limit"]],
                            feed=self.file_link(app, docname, "feeds/atom.xml"))  # fmt: skip

    def category_counts(self) -> list[tuple[Any, int]]:
        return [(entry, len(self.catalog.by_category.get(key, [])))
                for key, entry in self.vocab.categories.items()]  # fmt: skip

    # -- article pages ---------------------------------------------------------------------
    def decorate_article(self, app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
        article = self.catalog.by_docname.get(pagename)
        if article is None:
            return
        header = self._render(app, pagename, "article-header.html", article=article)
        footer = self._render(app, pagename, "article-footer.html",
                              related=self.catalog.related(article))  # fmt: skip
        body = context.get("body", "")
        end = body.find("</h1>")
        cut = end + len("</h1>") if end >= 0 else 0
        context["body"] = body[:cut] + str(header) + body[cut:] + str(footer)
        older, newer = self.catalog.neighbours(pagename)
        link = self.linker(app, pagename)
        context["prev"] = (
            {"link": link(newer.docname), "title": escape(newer.title)} if newer else None
        )
        context["next"] = (
            {"link": link(older.docname), "title": escape(older.title)} if older else None
        )

    # -- generated pages -------------------------------------------------------------------
    def collect(self, app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
        catalog, vocab = self.catalog, self.vocab

        def page(pagename: str, title: str, template: str, **context: Any) -> tuple:
            body = self._render(app, pagename, template, **context)
            return (
                pagename,
                {"title": escape(title), "body": str(body), "kb_generated": True},
                "page.html",
            )

        yield page("categories/index", "Catégories", "categories-page.html", heading="h2",
                   categories=self.category_counts())  # fmt: skip
        for key, entry in vocab.categories.items():
            feed = self.file_link(app, f"categories/{key}", f"feeds/{key}/atom.xml")
            yield page(f"categories/{key}", entry.name, "listing-page.html", heading=entry.name,
                       intro=entry.description, articles=catalog.by_category.get(key, []),
                       show_category=False, feed=feed)  # fmt: skip
        tags = sorted(catalog.tags.values(), key=lambda tag: tag.slug)
        yield page("tags/index", "Mots-clés", "tags.html",
                   tags=[(tag, len(catalog.by_tag[tag.slug])) for tag in tags])  # fmt: skip
        for tag in tags:
            yield page(f"tags/{tag.slug}", f"Mot-clé « {tag.label} »", "listing-page.html",
                       heading=f"Mot-clé « {tag.label} »", articles=catalog.by_tag[tag.slug],
                       show_category=True)  # fmt: skip
        for key, entry in vocab.authors.items():
            yield page(f"authors/{key}", entry.name, "listing-page.html", heading=entry.name,
                       intro=entry.description, articles=catalog.by_author.get(key, []),
                       show_category=True)  # fmt: skip
        years = sorted(catalog.by_year.items(), reverse=True)
        yield page("archives", "Archives", "archives.html", years=years)
