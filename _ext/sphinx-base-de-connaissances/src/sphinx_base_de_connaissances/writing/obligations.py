"""What a French publisher must show, as pages and in every page's footer: the accessibility
statement (``accessibilite``), the legal notice (``mentions-legales``), the personal data page
(``donnees-personnelles``), the site map (``plan-du-site``) and the eco-design statement
(``ecoconception``, measured on the built site: ``outputs/ecodesign.py``).

The personal data page says « aucun cookie, aucune mesure d’audience, aucune requête vers un
tiers » only while the build can prove it: no script or stylesheet of another origin, no
analytics option of the theme, no script of the site's own (whose behaviour the engine cannot
know); otherwise it names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from sphinx.application import Sphinx

from ..clock import today
from ..content.collection import is_published
from ..content.obligations import Obligations

ACCESSIBILITY = "accessibilite"
LEGAL = "mentions-legales"
PRIVACY = "donnees-personnelles"
SITE_MAP = "plan-du-site"
ECODESIGN = "ecoconception"
PAGES = (ACCESSIBILITY, LEGAL, PRIVACY, SITE_MAP, ECODESIGN)
ENGINE = Path(__file__).resolve().parents[1]


def footer_links(duties: Obligations) -> list[tuple[str, str]]:
    """The footer's links after the accessibility mention: (pagename, label)."""
    links = []
    if duties.publisher is not None and duties.host is not None:
        links.append((LEGAL, "Mentions légales"))
    links += [
        (PRIVACY, "Données personnelles"),
        (SITE_MAP, "Plan du site"),
        (ECODESIGN, "Écoconception"),
    ]
    return links


def report_href(duties: Obligations) -> str:
    """Where « Signaler un problème d’accessibilité » leads: the statement's contact, else the
    publisher's."""
    if duties.accessibility.contact.href:
        return duties.accessibility.contact.href
    return duties.publisher.contact_href if duties.publisher and duties.publisher.contact else ""


@dataclass(frozen=True)
class Proof:
    """What the build finds of the pages' third parties."""

    origins: tuple[str, ...]  # hosts of scripts or stylesheets from elsewhere
    scripts: tuple[str, ...]  # scripts of the site's own static folders

    @property
    def clean(self) -> bool:
        return not self.origins and not self.scripts


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", asset) or "")


def privacy_proof(app: Sphinx) -> Proof:
    """Every script and stylesheet the pages may load, from the builder and conf.py."""
    builder: Any = app.builder
    config = app.config
    assets = [
        *getattr(builder, "script_files", ()),
        *getattr(builder, "css_files", ()),
        *(config.html_js_files or ()),
        *(config.html_css_files or ()),
    ]
    names = [_name(a[0] if isinstance(a, tuple) else a) for a in assets]
    origins = {
        urlsplit(name).netloc or name for name in names if "://" in name or name.startswith("//")
    }
    analytics = (config.html_theme_options or {}).get("analytics") or {}
    if analytics:
        origins.add(f"mesure d’audience ({', '.join(sorted(analytics))})")
    own = [
        Path(app.srcdir, folder)
        for folder in config.html_static_path
        if not Path(app.srcdir, folder).resolve().is_relative_to(ENGINE)
    ]
    scripts = {
        Path(name).name
        for name in names
        if name.endswith(".js")
        and "://" not in name
        and any((folder / name.removeprefix("_static/")).is_file() for folder in own)
    }
    return Proof(tuple(sorted(origins)), tuple(sorted(scripts)))


def site_map(app: Sphinx, pages: Any) -> list[tuple[str, list]]:
    """(heading, [(pagename, title)]) of every published page: home, articles by category,
    reading paths, the other pages, the listings, the site's own pages."""
    env = app.env
    root = app.config.root_doc
    on = today()

    def title(name: str) -> str:
        found = env.titles.get(name)
        return found.astext() if found is not None else name

    sections: list[tuple[str, list]] = [("Accueil", [(root, title(root))])]
    for key, entry in pages.vocab.categories.items():
        published = [
            (a.docname, a.title)
            for a in pages.catalog.in_order.get(key, [])
            if is_published(a, on)  # never a draft, even in the live preview
        ]
        sections.append((f"Articles\u00a0: {entry.name}", published))
    paths = [("parcours/index", "Parcours de lecture")] + [
        (f"parcours/{path.key}", path.title) for path, _ in pages.published_paths()
    ]
    sections.append(("Parcours de lecture", paths if len(paths) > 1 else []))
    articles = set(pages.catalog.by_docname) | {
        name for name in env.found_docs if pages.settings.is_article(name)
    }
    others = sorted(
        (name, title(name))
        for name in env.found_docs
        if name != root and name not in articles and name not in {"search", "genindex"}
    )
    sections.append(("Pages", others))
    listing_titles = {
        "categories/index": "Catégories",
        "tags/index": "Mots-clés",
        "archives": "Archives",
    }
    listings = list(listing_titles.items())
    listings += [
        (f"archives/{year}", f"Archives {year}")
        for year in sorted(pages.catalog.by_year, reverse=True)
    ]
    listings += [
        (f"categories/{key}", f"Catégorie\u00a0: {entry.name}")
        for key, entry in pages.vocab.categories.items()
    ]
    listings += [
        (f"authors/{key}", f"Auteur ou autrice\u00a0: {entry.name}")
        for key, entry in pages.vocab.authors.items()
    ]
    listings += [
        (f"tags/{slug}", f"Mot-clé\u00a0: {tag.label}")
        for slug, tag in sorted(pages.catalog.tags.items())
    ]
    sections.append(("Listes", listings))
    own = [(ACCESSIBILITY, "Déclaration d’accessibilité")]
    if pages.obligations.publisher is not None and pages.obligations.host is not None:
        own.append((LEGAL, "Mentions légales"))
    own += [(PRIVACY, "Données personnelles"), (ECODESIGN, "Écoconception")]
    # Sphinx's own pages that readers use: the search page, the glossary's index of terms.
    own.append(("search", "Rechercher"))
    if app.config.html_use_index:
        own.append(("genindex", "Index des termes du glossaire"))
    sections.append(("Le site", own))  # not the site map itself: it is this page
    return sections


def footer_outside_main(config: Any) -> None:
    """With sphinx-book-theme: the mention and the publisher's links in the page's own
    ``<footer>`` (a child of ``<body>``, the contentinfo landmark), not in the article column's
    footer inside ``<main>``; a site that placed its footer items itself keeps its choice."""
    options = dict(config.html_theme_options or {})
    if "footer_content_items" in options or "footer_start" in options:
        return
    options["footer_content_items"] = []
    options["footer_start"] = ["kb-site-footer.html"]
    config.html_theme_options = options


def footer(app: Sphinx, pages: Any, pagename: str) -> Markup:
    duties = pages.obligations
    return pages.render_block(
        app,
        pagename,
        "footer.html",
        duties=duties,
        report=report_href(duties),
        pages=footer_links(duties),
    )
