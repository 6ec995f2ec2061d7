"""The sidebar navigation: bounded whatever the number of articles.

Every page gets: the home page, every category (declared, so few), a few articles and links
to the archive and the tags. An article shows the articles published around it in its category
(a window of ``limit`` centred on it); a category page shows its newest; other pages the
site's newest. Rendering is O(categories + limit) per page, instead of the whole toctree that
the stock theme sidebar renders into every page.

What a page's navigation shows depends only on its neighbourhood, never on a site-wide count:
adding or retitling an article changes the navigation of the few pages whose window holds it,
so only those are rewritten (see ``parts``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from .render import Renderer
from .schema import Article
from .store import Catalog
from .vocab import Vocabulary

DEFAULT_LINKS = (("archives", "Archives"), ("tags/index", "Mots-clés"))


def category_of(pagename: str, catalog: Catalog) -> str:
    article = catalog.by_docname.get(pagename)
    if article is not None:
        return article.category
    if pagename.startswith("categories/"):
        return pagename.removeprefix("categories/")
    return ""


def nearby(articles: list[Article], index: int | None, limit: int) -> list[Article]:
    """``limit`` of ``articles`` (newest first): those published around the one at ``index``,
    or the newest when ``index`` is None."""
    if index is None:
        return articles[:limit]
    start = max(0, min(index - limit // 2, len(articles) - limit))
    return articles[start : start + limit]


def shown(pagename: str, catalog: Catalog, limit: int) -> tuple[str, list[Article], bool]:
    """(category, articles listed, whether there are more) in ``pagename``'s navigation."""
    category = category_of(pagename, catalog)
    pool = catalog.by_category.get(category, []) if category else catalog.articles
    index = catalog.in_category.get(pagename) if category else None
    return category, nearby(pool, index, limit), len(pool) > limit


def parts(pagename: str, catalog: Catalog, limit: int) -> tuple[object, ...]:
    """What the navigation of ``pagename`` shows of the articles: equal parts, equal HTML."""
    category, articles, more = shown(pagename, catalog, limit)
    return category, more, tuple((a.docname, a.title) for a in articles)


def render_nav(
    renderer: Renderer,
    link: Callable[[str], str],
    pagename: str,
    root: str,
    catalog: Catalog,
    vocab: Vocabulary,
    limit: int,
    links: Sequence[Sequence[str]] = DEFAULT_LINKS,
) -> Markup:
    category, articles, more = shown(pagename, catalog, limit)
    context: dict[str, Any] = {
        "current": pagename,
        "root": root,
        "category": category,
        "categories": list(vocab.categories.values()),
        "articles": articles,
        "more": more,
        "extra": [tuple(pair) for pair in links],
    }
    return renderer.render("nav.html", link, **context)
