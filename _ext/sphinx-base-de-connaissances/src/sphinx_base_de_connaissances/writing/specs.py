"""The generated pages, as specs not yet rendered (unchanged pages cost no rendering):
``categories/index``, ``categories/<key>``, ``tags/index``, ``tags/<slug>``, ``authors/<key>``,
``parcours/index``, ``parcours/<key>``, ``archives`` and ``archives/<year>``; long lists are
paginated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sphinx.application import Sphinx

from ..content.catalog import Catalog
from ..content.obligations import Obligations
from ..content.paths import ReadingPath
from ..content.schema import Article
from ..content.storage import stored_keys
from ..content.typography import french_spacing
from ..content.vocab import Vocabulary
from ..outputs import ecodesign
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


def _about(pages: PagesView) -> dict[str, Any]:
    """What every page of the publisher's says of the site, its publisher and its host."""
    duties: Obligations = pages.obligations
    return {
        "duties": duties,
        "site": pages.settings.project or "Ce site",
        "base": pages.settings.base_url,
        "publisher": duties.publisher,
        "host": duties.host,
        "repository": pages.settings.repository_url,  # the sources' public repository, if any
    }


def obligations_specs(pages: PagesView, app: Sphinx) -> Iterator[Generated]:
    """What a French publisher must show (``writing.obligations``); the eco-design statement
    and the personal-data page are written at build-finished (``measured_specs``), from the
    site as written."""
    duties: Obligations = pages.obligations
    settings = pages.settings
    about = _about(pages)
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


def measured_specs(pages: PagesView, app: Sphinx, newest: str) -> Iterator[Generated]:
    """The personal-data page (what the scripts the home page and the newest article
    ``newest`` load keep in the reader's browser), then the eco-design statement (what the
    pages weigh and load, that page included), from the site as written: after every other
    page, each yielded once the one before it is written."""
    outdir = Path(app.outdir)

    def file_of(pagename: str) -> str:
        return Path(app.builder.get_outfilename(pagename)).relative_to(outdir).as_posix()

    proof = obligations.privacy_proof(app)
    article = file_of(newest)
    scripts = {
        path
        for page in (article, file_of(app.config.root_doc))
        if (outdir / page).is_file()
        for path in ecodesign.loads(outdir, outdir / page)
        if path.suffix == ".js"
    }
    stored = stored_keys(path.read_text("utf-8", errors="replace") for path in sorted(scripts))
    about = _about(pages)
    yield Generated(
        obligations.PRIVACY,
        "Données personnelles",
        "privacy.html",
        {**about, "proof": proof, "stored": stored},
    )
    itself = file_of(obligations.ECODESIGN)
    measures = ecodesign.measure(outdir, article, len(proof.origins), itself)
    yield Generated(
        obligations.ECODESIGN,
        "Écoconception",
        "ecodesign.html",
        {
            "m": measures,
            "measured": pages.catalog.by_docname.get(newest),  # None: the home page instead
            "site": about["site"],
            "host": about["host"],
            "offline": pages.settings.offline,
        },
    )
