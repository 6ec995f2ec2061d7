"""The generated pages, as specs not yet rendered (unchanged pages cost no rendering):
``categories/index``, ``categories/<key>``, ``tags/index``, ``tags/<slug>``, ``authors/<key>``,
``parcours/index``, ``parcours/<key>``, ``archives`` and ``archives/<year>``; long lists are
paginated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from sphinx.application import Sphinx

from ..content.catalog import Catalog
from ..content.obligations import Obligations
from ..content.paths import ReadingPath
from ..content.schema import Article
from ..content.typography import french_spacing
from ..content.vocab import Vocabulary
from ..settings import Settings
from . import obligations


class PagesView(Protocol):
    """What the specs read of ``writing.pages.Pages``."""

    catalog: Catalog
    vocab: Vocabulary
    obligations: Obligations
    settings: Settings

    def file_link(self, app: Sphinx, pagename: str, path: str) -> str: ...
    def category_counts(self) -> list[tuple[Any, int]]: ...
    def published_paths(self) -> list[tuple[ReadingPath, list[Article]]]: ...


def specs(pages: PagesView, app: Sphinx) -> Iterator[Generated]:
    """Every generated page, not yet rendered (so unchanged pages cost no rendering)."""
    catalog, vocab, size = pages.catalog, pages.vocab, pages.settings.page_size
    yield Generated(
        "categories/index",
        "Catégories",
        "categories-page.html",
        {"heading": "h2", "categories": pages.category_counts()},
    )
    for key, entry in vocab.categories.items():
        feed = pages.file_link(app, f"categories/{key}", f"feeds/{key}/atom.xml")
        yield from paginate(
            f"categories/{key}",
            entry.name,
            catalog.in_order.get(key, []),
            size,
            intro=entry.description,
            show_category=False,
            feed=feed,
        )
    tags = sorted(catalog.tags.values(), key=lambda tag: tag.slug)
    yield Generated(
        "tags/index",
        "Mots-clés",
        "tags.html",
        {"tags": [(tag, len(catalog.by_tag[tag.slug])) for tag in tags]},
    )
    for tag in tags:
        yield from paginate(
            f"tags/{tag.slug}",
            french_spacing(f"Mot-clé « {tag.label} »"),
            catalog.by_tag[tag.slug],
            size,
            show_category=True,
        )
    for key, entry in vocab.authors.items():
        yield from paginate(
            f"authors/{key}",
            entry.name,
            catalog.by_author.get(key, []),
            size,
            intro=entry.description,
            show_category=True,
        )
    shown = pages.published_paths()
    yield Generated(
        "parcours/index",
        "Parcours de lecture",
        "paths-page.html",
        {"paths": shown, "heading": "h2"},
    )
    for path, visible in shown:
        yield Generated(
            f"parcours/{path.key}",
            path.title,
            "path-page.html",
            {
                "path": path,
                "steps": visible,
                "downloads": pages.downloads(
                    app, f"parcours/{path.key}", f"parcours-{path.key}", "ce parcours"
                ),
            },
        )
    years = sorted(catalog.by_year.items(), reverse=True)
    yield Generated(
        "archives",
        "Archives",
        "archives.html",
        {"years": [(year, len(articles)) for year, articles in years]},
    )
    for year, articles in years:
        yield from paginate(
            f"archives/{year}", f"Archives {year}", articles, size, show_category=True
        )
    yield from obligations_specs(pages, app)


def obligations_specs(pages: PagesView, app: Sphinx) -> Iterator[Generated]:
    """What a French publisher must show (``writing.obligations``); the eco-design statement
    is written at build-finished, once the site it measures is."""
    duties: Obligations = pages.obligations
    settings = pages.settings
    about = {
        "duties": duties,
        "site": settings.project or "Ce site",
        "base": settings.base_url,
        "publisher": duties.publisher,
        "host": duties.host,
    }
    entity = duties.accessibility.entity or (
        duties.publisher.name if duties.publisher else settings.project
    )
    contact = duties.accessibility.contact
    yield Generated(
        obligations.ACCESSIBILITY,
        "Déclaration d’accessibilité",
        "accessibility.html",
        {**about, "entity": entity, "contact": contact},
    )
    if duties.publisher is not None and duties.host is not None:
        rights = french_spacing(settings.feed_rights)
        yield Generated(
            obligations.LEGAL, "Mentions légales", "legal.html", {**about, "rights": rights}
        )
    proof = obligations.privacy_proof(app)
    yield Generated(
        obligations.PRIVACY, "Données personnelles", "privacy.html", {**about, "proof": proof}
    )
    yield Generated(
        obligations.SITE_MAP,
        "Plan du site",
        "site-map.html",
        {"sections": obligations.site_map(app, pages)},
    )


@dataclass(frozen=True)
class Generated:
    pagename: str
    title: str
    template: str
    context: dict[str, Any]


def paginate(
    base: str, title: str, articles: list[Article], size: int, **context: Any
) -> Iterator[Generated]:
    """``base`` shows the newest articles; older ones are on pages numbered from the oldest
    (``base/1`` holds the oldest ``size``), so adding an article rewrites ``base`` alone until
    a new page is due (once every ``size`` articles). ``base`` holds the remainder: from
    ``size`` to ``2 * size - 1`` articles once there are two pages. Readers see the pages
    numbered from the newest (1 is ``base``)."""
    full = len(articles) // size
    head = len(articles) - (full - 1) * size if full > 1 else len(articles)
    chunks = [(base, articles[:head])] + [
        (f"{base}/{number}", articles[head + (full - 1 - number) * size :][:size])
        for number in range(full - 1, 0, -1)
    ]
    names = [(shown, name) for shown, (name, _) in enumerate(chunks, start=1)]
    for shown, (name, chunk) in enumerate(chunks, start=1):
        several = len(chunks) > 1
        yield Generated(
            name,
            title + (f" (page {shown} sur {len(chunks)})" if several else ""),
            "listing-page.html",
            {
                "heading": title,
                "articles": chunk,
                # Shown on the first page only: the older pages stay the same when one is added.
                "count": len(articles) if shown == 1 else None,
                "pages": names if several else [],
                "current": shown,
                **context,
            },
        )
