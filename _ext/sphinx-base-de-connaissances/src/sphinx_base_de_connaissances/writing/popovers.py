"""What a page's popovers show, written into the page itself (no request when a reader hovers):
the definitions of the glossary terms it uses and the previews of the articles it links to.

Added at ``doctree-resolved`` as one block at the end of the body, hidden and left out of the
search index; ``kb-popovers.js`` shows each entry next to its link (``aria-describedby``)."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from markupsafe import Markup

from ..content.schema import Article
from ..content.terms import Term


def attach(
    doctree: nodes.document,
    terms: list[Term],
    articles: list[Article],
    render: Callable[..., Markup],
) -> None:
    """Append the page's popover block (nothing when it has neither terms nor previews)."""
    if terms or articles:
        html = render("popovers.html", terms=terms, previews=articles)
        doctree.append(nodes.raw("", str(html), format="html"))
