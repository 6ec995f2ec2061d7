"""What ``build-finished`` makes besides pages: feeds (site and categories, Atom, RSS, JSON
Feed), sitemap and robots.txt, share cards; then the pages that no longer exist are removed.
All made in memory, then written whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..content.catalog import Catalog
from ..content.text import count
from ..content.typography import french_spacing
from ..content.vocab import Vocabulary
from ..diagnostics import info
from ..site import Site
from ..state import write_whole
from . import cardset, feeds, redirects, sitemap
from .cards import CardText
from .prune import prune

NOT_IN_SITEMAP = frozenset({"search", "genindex", "404"})
QUERIES = "_static/kb-anciennes-adresses.json"  # old ?p=42 → address (redirects.queries)


class Products:
    """The site-wide outputs of one build, from its catalog and vocabulary."""

    def __init__(self, app: Sphinx, site: Site, catalog: Catalog, vocab: Vocabulary) -> None:
        self.app = app
        self.url = site.url  # pagename → absolute URL
        self.base = site.base
        self.settings = site.settings
        self.catalog = catalog
        self.vocab = vocab

    def cards(self) -> cardset.Drawing:
        """The share cards to draw (``Drawing.start`` them early, while pages are written)."""
        return cardset.Drawing(Path(self.app.outdir), Path(self.app.doctreedir), self.card_specs())

    def write(
        self, outdir: Path, generated: list[str], cards: cardset.Drawing, twins: list[str]
    ) -> list[str]:
        """Write every site-wide output; return the files written besides pages and cards
        (feeds, sitemap, robots.txt, redirects), relative to ``outdir``. ``twins``: the pages'
        Markdown twins, kept; any other of an earlier build is removed."""
        app = self.app
        pages = sorted(set(app.env.found_docs) - NOT_IN_SITEMAP) + generated
        listings = self.write_listings(outdir, pages)
        written = [
            Path(app.builder.get_outfilename(name)).relative_to(outdir).as_posix() for name in pages
        ]
        folder = self.settings.articles_dir
        moved = redirects.pages(self.catalog.articles, folder, self.link, self.url)
        for old, page in moved.items():
            target = Path(app.builder.get_outfilename(old))
            write_whole(target, page)
            listings.append(target.relative_to(outdir).as_posix())
        taken = set(written) | set(listings)
        for file, page in redirects.address_pages(self.catalog.articles, self.url).items():
            if file not in taken:  # never over a page (check_consistency reported it)
                write_whole(outdir / file, page)
                listings.append(file)
        queries = redirects.queries(self.catalog.articles, self.url)
        if queries:
            write_whole(outdir / QUERIES, json.dumps(queries, indent=0).encode("utf-8"))
            listings.append(QUERIES)
        paths, drawn = cards.finish()
        unchanged = count(len(paths) - drawn, "inchangée")
        info("cartes de partage : %s, %s", count(drawn, "dessinée"), unchanged)
        prune(outdir, Path(app.doctreedir), written + listings + paths + twins)
        return listings

    def link(self, source: str, target: str) -> str:
        """A relative URL from page ``source`` to page ``target`` (both docnames)."""
        builder = self.app.builder
        return relative_uri(builder.get_target_uri(source), builder.get_target_uri(target))

    def write_listings(self, outdir: Path, pages: list[str]) -> list[str]:
        """Feeds (site, categories), sitemap and robots.txt; return their paths."""
        catalog, vocab, base, settings = self.catalog, self.vocab, self.base, self.settings
        rights = settings.feed_rights

        def url_of(article: Any) -> str:
            return self.url(article.docname)

        def label(slug: str) -> str:
            return catalog.tags[slug].label

        # RSS requires a description: the project's name when the site has none.
        description = french_spacing(settings.site_description or settings.project)
        site = feeds.FeedInfo("feeds/atom.xml", settings.project, description, rights)
        everything = feeds.generator(site, catalog.articles, vocab, base, url_of, label)
        files = feeds.render(everything, "feeds/atom.xml", "feeds/rss.xml")
        json_info = feeds.FeedInfo("feeds/feed.json", site.title, site.description, rights)
        json_feed = feeds.json_feed(json_info, catalog.articles, vocab, base, url_of)
        files["feeds/feed.json"] = json_feed.encode("utf-8")
        for key, entry in vocab.categories.items():
            about = entry.description or site.description
            info_ = feeds.FeedInfo(
                f"feeds/{key}/atom.xml", f"{entry.name} — {site.title}", about, rights
            )
            articles = catalog.by_category.get(key, [])
            feed = feeds.generator(info_, articles, vocab, base, url_of, label)
            files |= feeds.render(feed, f"feeds/{key}/atom.xml", f"feeds/{key}/rss.xml")
        lastmod = {a.docname: (a.updated or a.date).isoformat() for a in catalog.articles}
        entries = [(self.url(name), lastmod.get(name, "")) for name in pages]
        files["sitemap.xml"] = sitemap.sitemap(entries)
        files["robots.txt"] = sitemap.robots(base + "sitemap.xml").encode("utf-8")
        feeds.write_all(outdir, files)
        return list(files)

    def card_specs(self) -> list[cardset.CardSpec]:
        """Every card of the site: one per article without its own image, one per category,
        and the site's (home page and every other page)."""
        project = self.settings.project
        parts = urlsplit(self.settings.base_url)
        host = (parts.netloc + parts.path).rstrip("/")
        categories = self.vocab.categories

        def spec(path: str, title: str, label: str) -> cardset.CardSpec:
            return cardset.CardSpec(path, CardText(title, label, project, host))

        return [
            spec(cardset.SITE_CARD, project, "Base de connaissances"),
            *(
                spec(cardset.category_card(key), entry.name, "Catégorie")
                for key, entry in categories.items()
            ),
            *(
                spec(cardset.article_card(a.docname), a.title, categories[a.category].name)
                for a in self.catalog.articles
                if not a.image
            ),
        ]
