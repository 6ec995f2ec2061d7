"""The ``html-page-context`` handlers' work: navigation, article decorations and social
metadata, then the files and security policy each page needs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from docutils import nodes
from markupsafe import Markup

from ..content.indexed import BODY_END, BODY_START
from ..content.typography import french_spacing
from ..outputs import cardset
from ..site import Site
from . import article as article_parts
from . import assets, csp, obligations, seo, twins
from .navigation import render_nav
from .pages import Pages

# Feeds announced in every page's head, for feed readers and browsers.
# A base without ``html_favicon``: an open book, in the page itself (no request; the policy
# allows data: images).
FAVICON = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<rect width="16" height="16" rx="3" fill="#1d4e89"/>'
    '<path d="M3 4.5C5 4 6.5 4.3 7.5 5v7C6.5 11.3 5 11 3 11.5zM13 4.5C11 4 9.5 4.3 8.5 5v7'
    'c1-.7 2.5-1 4.5-.5z" fill="#fff"/></svg>',
    safe=":/=.",
)
FEED_LINKS = (
    ("feeds/atom.xml", "application/atom+xml", "Atom"),
    ("feeds/rss.xml", "application/rss+xml", "RSS"),
    ("feeds/feed.json", "application/feed+json", "JSON Feed"),
)


def navigation(
    app: Any, pages: Pages, pagename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The bounded sidebar navigation; the document's own text marked for search."""
    config = app.config
    link = pages.linker(app, pagename)
    context["kb_nav"] = str(
        render_nav(
            pages.renderer,
            link,
            pagename,
            config.root_doc,
            pages.views.of(pagename, listing=bool(context.get("kb_generated"))).navigation,
            pages.vocab,
            pages.settings.nav_links,
        )
    )
    if doctree is not None and pagename != config.root_doc:
        # What search indexes: the document's own text, not what pages add around it; and
        # which part of the site it is in (the search page's "Dans" filter).
        start, end = BODY_START.decode(), BODY_END.decode()
        part = "Articles" if pagename in pages.catalog.by_docname else "Guide"
        scope = f'<span data-pagefind-filter="rubrique:{part}" hidden></span>'
        context["body"] = f"{start}{scope}{context.get('body', '')}</div>{end}"


def metadata(app: Any, site: Site, pages: Pages, pagename: str, context: dict[str, Any]) -> None:
    """An article's footer and neighbours; every page's social tags and feed links."""
    twin = twins.actions(pages, app, site, pagename)
    article_parts.finish(pages, app, pagename, context, site.url(pagename), twin)
    article = pages.catalog.by_docname.get(pagename)
    meta = context.get("meta") or {}
    title = article.title if article else _plain(context.get("title", ""))
    # One description per page (its own, else the site's), French-spaced, for every tag.
    description = article.description if article else str(meta.get("description", ""))
    description = description or french_spacing(pages.settings.site_description)
    tags = seo.social_tags(
        title=title,
        url=site.url(pagename),
        description=description,
        site_name=app.config.project,
        article=article,
        vocab=pages.vocab,
        image=social_image(app, site, pages, pagename, title),
        locale=pages.settings.locale,
    )
    alternates = Markup("").join(
        Markup('<link rel="alternate" type="{}" title="{} ({})" href="{}">\n').format(
            kind, app.config.project, name, pages.file_link(app, pagename, path)
        )
        for path, kind, name in FEED_LINKS
    )
    alternates += twins.head_links(pages, app, pagename, bool(context.get("kb_generated")))
    if not context.get("favicon_url"):  # else every first visit asks for /favicon.ico: a 404
        alternates += Markup('<link rel="icon" href="{}">\n').format(FAVICON)
    context["metatags"] = context.get("metatags", "") + str(tags) + str(alternates)
    # Every page: the accessibility mention and the publisher's pages (writing/obligations.py).
    context["kb_footer"] = obligations.footer(app, pages, pagename)


def social_image(app: Any, site: Site, pages: Pages, pagename: str, title: str) -> seo.SocialImage:
    """An article's own ``image`` field, else the share card of the page."""
    article = pages.catalog.by_docname.get(pagename)
    if article is not None and article.image:
        url = article.image if "://" in article.image else site.base + article.image
        return seo.SocialImage(url, title)
    card = cardset.card_for(pagename, pages.catalog.by_docname, pages.vocab.categories)
    width, height = cardset.SIZE
    return seo.SocialImage(
        site.base + quote(card), title or app.config.project, width, height, cardset.MEDIA_TYPE
    )


def single_title(context: dict[str, Any]) -> None:
    """A page whose title begins the site's (the home page, « Stratégie numérique »): the tab
    says the site's title once, not « Stratégie numérique — Stratégie numérique — … »."""
    title, docstitle = _plain(context.get("title", "")), _plain(context.get("docstitle", ""))
    context["kb_single_title"] = bool(title) and docstitle.startswith(title)


def assets_and_policy(
    pagename: str, context: dict[str, Any], doctree: nodes.document | None, pagefind: bool
) -> None:
    """The page keeps only the files it uses; then every inline script it prints is known;
    and its tab title says the site's name once."""
    single_title(context)
    code = assets.has_code(doctree)
    # Sphinx's search (the fallback without Pagefind) needs doctools.js on its page.
    fallback = pagename == "search" and not pagefind
    image = assets.has_image(doctree)
    context["script_files"] = assets.needed(context.get("script_files", ()), code, fallback, image)
    context["css_files"] = assets.needed(context.get("css_files", ()), code, fallback)
    context["kb_csp"] = csp.policy(csp.inline_bodies(context["script_files"]))


def _plain(html: str) -> str:
    return Markup(html).striptags()  # noqa: S704 (Sphinx's already-escaped title)
