"""An article's own parts, rendered from its record (``content.views``): the header (category,
the articles above it, dates, authors, review notice, tags), placed in the document after its
title when the document is resolved; the footer (reading-path boxes, « Cité dans »,
contributors and corrections, citation, related articles) and the previous and next links,
added when the page is written, after the share footer as before.

Each part sits in an element of the engine's own (``PART``), whatever a base's template
writes: the books and other readers of the page leave them out by it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import Markup, escape
from sphinx.application import Sphinx

from ..content.dates import french_date
from ..content.indexed import PART
from . import corrections
from .citation import cite
from .pages import Pages
from .twins import Actions


def wrapped(name: str, html: Markup) -> Markup:
    return Markup('<div {}="{}">{}</div>').format(PART, name, html)


def header(pages: Pages, app: Sphinx, pagename: str, url: str) -> Markup | None:
    """The article's header (None for another page); ``url``: its absolute address."""
    view = pages.views.of(pagename)
    if view.article is None:
        return None
    html = pages.render_block(
        app,
        pagename,
        "article-header.html",
        article=view.article,
        ancestors=view.ancestors,
        review=view.review,
        url=url,
    )
    return wrapped("article-header", html)


def place_header(doctree: nodes.document, html: Markup) -> None:
    """Right after the document's title (at its top when it has none)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    title = section.next_node(nodes.title) if section is not None else None
    node = nodes.raw("", str(html), format="html")
    if section is not None and title is not None and title.parent is section:
        section.insert(section.index(title) + 1, node)
    else:
        doctree.insert(0, node)


def footer(
    pages: Pages, app: Sphinx, pagename: str, url: str, twin: Actions | None = None
) -> Markup:
    view = pages.views.of(pagename)
    article = view.article
    assert article is not None
    source = Path(app.env.doc2path(pagename)).relative_to(app.srcdir).as_posix()
    settings = pages.settings
    fixes = corrections.links(
        settings.repository_url, settings.repository_branch, source, article.title, url
    )
    citation = cite(
        key=article.slug,
        authors=[pages.vocab.authors[key].name for key in article.authors],
        title=article.title,
        site=settings.project,
        published=article.date,
        updated=article.updated,
        url=url,
        french_date=french_date,
    )
    boxes = [(path, number, list(visible)) for path, number, visible in view.boxes]
    html = pages.render_block(app, pagename, "path-box.html", boxes=boxes) + pages.render_block(
        app,
        pagename,
        "article-footer.html",
        article=article,
        citation=citation,
        cited_by=list(view.cited_by),
        related=list(view.related),
        corrections=fixes,
        twin=twin,
    )
    return wrapped("article-footer", html)


def finish(
    pages: Pages,
    app: Sphinx,
    pagename: str,
    context: dict[str, Any],
    url: str,
    twin: Actions | None,
) -> None:
    """An article page's footer (``twin``: its page actions) and previous/next links (nothing
    for another page)."""
    view = pages.views.of(pagename)
    if view.article is None:
        return
    # str(): adding Markup to the plain-str body would escape the whole body.
    context["body"] = context.get("body", "") + str(footer(pages, app, pagename, url, twin))
    older, newer = view.neighbours
    link = pages.linker(app, pagename)
    context["prev"] = {"link": link(newer.docname), "title": escape(newer.title)} if newer else None
    context["next"] = {"link": link(older.docname), "title": escape(older.title)} if older else None
