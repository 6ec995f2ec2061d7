"""Which pages a change rewrites: pure functions over catalogs, called by the reading phase's
``env-get-outdated`` and ``env-get-updated`` handlers (``events``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..content.catalog import Catalog, parts
from ..content.paths import ReadingPath, steps
from ..content.schema import Article


def page_parts(catalog: Catalog, name: str, limit: int, related: bool) -> tuple[object, ...]:
    """What page ``name`` shows of other articles: its navigation, and for an article its
    previous/next links, (when ``related``) its "À lire aussi" block and the articles its
    header names above it (``parent``)."""
    nav = parts(name, catalog, limit)
    article = catalog.by_docname.get(name)
    if article is None:
        return (nav,)
    around = tuple((a.docname, a.title) if a else None for a in catalog.neighbours(name))
    shown = tuple(a.listing_key() for a in catalog.related(article)) if related else ()
    above = tuple((a.docname, a.title) for a in catalog.ancestors(name))
    return nav, around, shown, above


def affected(
    articles: dict[str, Article], changed: set[str], before: dict[str, Article]
) -> set[str]:
    """Articles whose "related" block may show one of the changed ones (a shared tag or the
    category, before or after the change), and the changed ones themselves."""
    keys: set[tuple[str, str]] = set()
    for name in changed:
        for version in (articles.get(name), before.get(name)):
            if version is not None:
                keys.add(("category", version.category))
                keys |= {("tag", tag.slug) for tag in version.tags}
    result = {name for name in changed if name in articles}
    for name, article in articles.items():
        mine = {("category", article.category)} | {("tag", t.slug) for t in article.tags}
        if mine & keys:
            result.add(name)
    return result


def shown_entries(
    old: dict[str, dict[str, list[str]]],
    new: dict[str, dict[str, list[str]]],
    articles: dict[str, Article],
    docnames: Iterable[str],
    listings: set[str],
) -> set[str]:
    """The pages that show a category or author whose name or description changed (the keys
    being the same): every page's navigation names the categories, listings show their names
    and descriptions, an article's header names its category and authors. Generated pages
    (category and author pages) follow their own digests."""

    def changed(kind: str, index: int) -> set[str]:
        return {key for key, values in new[kind].items() if old[kind][key][index] != values[index]}

    if changed("categories", 0):
        return set(docnames)
    pages = set(listings) if changed("categories", 1) else set()
    renamed = changed("authors", 0)
    return pages | {name for name, article in articles.items() if renamed & set(article.authors)}


def path_boxes(
    paths: Iterable[ReadingPath], catalog: Catalog, name: str
) -> tuple[tuple[object, ...], ...]:
    """What article ``name`` shows of the reading paths it is a step of: each box's path,
    step number, count and the previous and next steps' titles."""

    def shown(article: Article | None) -> object:
        return (article.docname, article.title) if article else None

    boxes = []
    for path, number, visible in steps(paths, catalog.by_docname.get, name):
        before = visible[number - 2] if number > 1 else None
        after = visible[number] if number < len(visible) else None
        boxes.append((path.key, path.title, number, len(visible), shown(before), shown(after)))
    return tuple(boxes)


def path_pages(
    old: tuple[Iterable[ReadingPath], Catalog], new: tuple[Iterable[ReadingPath], Catalog]
) -> set[str]:
    """The articles whose path boxes changed: the paths file was edited, or a step was
    published, withdrawn, retitled."""
    names = {name for paths, _ in (old, new) for path in paths for name in path.docnames}
    return {name for name in names if path_boxes(*old, name) != path_boxes(*new, name)}
