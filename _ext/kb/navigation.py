"""The sidebar navigation: bounded whatever the number of articles.

Every page gets: the home page, every category (declared, so few), the most recent articles of
the current page's category (or of the whole site on other pages) with the current article
always among them, and links to the archive and the tags. Rendering is O(categories + limit)
per page, instead of the whole toctree that the stock theme sidebar renders into every page.
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


def nearby(articles: list[Article], current: Article | None, limit: int) -> list[Article]:
    """The ``limit`` newest of ``articles``, with ``current`` (one of them, or None) in place of
    the last one when it is older; order stays newest first."""
    shown = articles[:limit]
    if current is not None and current not in shown:
        shown = [*shown[: limit - 1], current]
    return shown


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
    category = category_of(pagename, catalog)
    pool = catalog.by_category.get(category, []) if category else catalog.articles
    context: dict[str, Any] = {
        "current": pagename,
        "root": root,
        "category": category,
        "categories": list(vocab.categories.values()),
        "articles": nearby(pool, catalog.by_docname.get(pagename) if category else None, limit),
        "more": len(pool) > limit,
        "total": len(pool),
        "extra": [tuple(pair) for pair in links],
    }
    return renderer.render("nav.html", link, **context)
