"""The sidebar navigation: bounded whatever the number of articles.

Every page gets: the home page, every category (declared, so few), a few articles and links
to the archive and the tags. An article shows the articles published around it in its category
(a window of ``limit`` centred on it); a category page shows its newest; other pages the
site's newest. Rendering is O(categories + limit) per page, instead of the whole toctree that
the stock theme sidebar renders into every page.

What a page's navigation shows depends only on its neighbourhood, never on a site-wide count:
adding or retitling an article changes the navigation of the few pages whose window holds it,
so only those are rewritten (their records differ: ``content.views``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..content.schema import Article
from ..content.views import Navigation
from ..content.vocab import Vocabulary
from .render import Renderer

DEFAULT_LINKS = (("archives", "Archives"), ("tags/index", "Mots-clés"))


@dataclass
class Entry:
    """An article of the navigation, with those listed under it."""

    article: Article
    depth: int
    children: list[Entry] = field(default_factory=list)


def nested(navigation: Navigation) -> list[Entry]:
    """A window of a category in reading order (``Catalog.in_order``) as nested lists: each
    article under the nearest one before it that is higher in the tree."""
    top: list[Entry] = []
    open_: list[Entry] = []
    for article, depth in zip(navigation.articles, navigation.depth, strict=True):
        entry = Entry(article, depth)
        while open_ and open_[-1].depth >= entry.depth:
            open_.pop()
        (open_[-1].children if open_ else top).append(entry)
        open_.append(entry)
    return top


def render_nav(
    renderer: Renderer,
    link: Callable[[str], str],
    pagename: str,
    root: str,
    navigation: Navigation,
    vocab: Vocabulary,
    links: Sequence[Sequence[str]] = DEFAULT_LINKS,
) -> Markup:
    category = navigation.category
    context: dict[str, Any] = {
        "current": pagename,
        "root": root,
        "category": category,
        "categories": list(vocab.categories.values()),
        "articles": nested(navigation) if category else list(navigation.articles),
        "more": navigation.more,
        "extra": [tuple(pair) for pair in links],
    }
    return renderer.render("nav.html", link, **context)
