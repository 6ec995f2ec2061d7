"""Listing directives for pages such as the home page, resolved when the page is written.

``{kb-latest}`` (option ``:limit:``) lists the newest articles; ``{kb-categories}`` the
categories with their article counts; ``{kb-paths}`` the reading paths; ``{kb-downloads}`` the
whole base's offline edition (with ``kb_offline``). The directive leaves
a placeholder and records its page in the domain, so the page is rewritten whenever an article
it lists changes.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .._compat import current_docname
from .domain import domain


class kb_listing(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Placeholder replaced by the listing's HTML, or removed for other builders."""


class _Listing(SphinxDirective):
    kind = ""
    option_spec = {"limit": directives.positive_int}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        domain(self.env).listings.add(current_docname(self.env))
        node = kb_listing(kind=self.kind, limit=self.options.get("limit", 10))
        self.set_source_info(node)
        return [node]


class LatestDirective(_Listing):
    kind = "latest"


class CategoriesDirective(_Listing):
    kind = "categories"


class PathsDirective(_Listing):
    kind = "paths"


class DownloadsDirective(_Listing):
    kind = "downloads"


# The class of a listing's HTML once resolved: the page's Markdown twin keeps it as text.
RESOLVED = "kb-listing"


def resolve(app: Sphinx, doctree: nodes.document, render: Callable[[kb_listing], str]) -> None:
    """Replace every placeholder: HTML for the HTML builders, nothing elsewhere."""
    html = app.builder.format == "html"
    for node in list(doctree.findall(kb_listing)):
        shown = nodes.raw("", render(node), format="html", classes=[RESOLVED])
        node.replace_self(shown if html else [])


def setup_listings(app: Sphinx) -> None:
    app.add_node(kb_listing)
    app.add_directive("kb-latest", LatestDirective)
    app.add_directive("kb-categories", CategoriesDirective)
    app.add_directive("kb-paths", PathsDirective)
    app.add_directive("kb-downloads", DownloadsDirective)
