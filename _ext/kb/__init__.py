"""kb: the knowledge base on top of Sphinx.

Validated front matter (one typed `Article` per file), categories, tags, authors and archive
pages, listings, related articles, previous/next in publication order, feeds, social metadata,
sitemap and robots.txt. See ``docs/decisions/`` and the README of this folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

from . import assets, cardset, csp, feeds, navigation, search, seo
from .cards import CardText
from .collection import hidden_docnames, today
from .freshness import Digests, SiteState
from .listings import resolve, setup_listings
from .navigation import render_nav
from .pages import Pages
from .parallel import ReadingMode
from .prune import prune
from .reading import Reading, warn
from .render import Renderer, cache_compiled_templates
from .store import Catalog, KnowledgeBaseDomain, domain
from .vocab import load

__version__ = "0.1.0"
HERE = Path(__file__).parent
logger = logging.getLogger(__name__)
HTML_BUILDERS = frozenset({"html", "dirhtml"})
NOT_IN_SITEMAP = frozenset({"search", "genindex", "404"})


class KnowledgeBase:
    """Event handlers of one application."""

    def __init__(self) -> None:
        self.reading = Reading()
        self.pages = Pages(Renderer())
        self.generated: list[str] = []
        self.inputs = ""  # what this build's site-wide outputs are made from (site_inputs)
        self.unchanged = False  # the same as the last build's: they are not made again
        self.pagefind = False  # decided at builder-inited
        self.reading_mode = ReadingMode()

    # -- configuration ---------------------------------------------------------------------
    def config_inited(self, app: Sphinx, config: Config) -> None:
        srcdir = Path(app.srcdir)
        vocab, problems = load(srcdir / config.kb_data_dir, config.kb_data_dir)
        for problem in problems:
            warn(problem)
        self.reading.vocab = self.pages.vocab = vocab
        cache = Path(app.doctreedir) / "kb-publication.json"
        rule = hidden_docnames(srcdir, config.kb_articles_dir, today(), cache)
        for problem in rule.unreported(config.kb_preview):
            warn(problem)
        left_out = rule.unsafe + ([] if config.kb_preview else rule.hidden)
        config.exclude_patterns = [*config.exclude_patterns, *(f"{d}.md" for d in left_out)]
        # New lists: append() would change Sphinx's shared default when conf.py sets none.
        config.html_static_path = [*config.html_static_path, str(HERE / "static")]
        config.templates_path = [*config.templates_path, str(HERE / "templates")]

    def builder_inited(self, app: Sphinx) -> None:
        if app.builder.name in HTML_BUILDERS:
            templates = app.builder.templates.environment  # type: ignore[attr-defined]
            folder = Path(app.doctreedir) / "kb-jinja"
            cache_compiled_templates([templates, self.pages.renderer.env], folder)
            app.add_css_file("kb.css")
            app.add_js_file("kb-search.js", loading_method="defer")
            self.pagefind = search.available()
            if self.pagefind:
                # Pagefind serves search: Sphinx's own index and search page are not built
                # (the page is ours, from collect_pages).
                app.builder.search = False  # type: ignore[attr-defined]
            else:
                logger.warning(
                    "Pagefind n’est pas installé : la recherche utilisera l’index de Sphinx, "
                    "plus lourd et sans repli des accents (pip install 'pagefind[bin]').",
                    type="kb",
                    subtype="search",
                )

    # -- after reading ---------------------------------------------------------------------
    def env_updated(self, app: Sphinx, env: Any) -> list[str]:
        self.pages.catalog = Catalog(domain(env).articles.values(), today(), app.config.kb_preview)
        return []

    def doctree_resolved(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        resolve(app, doctree, lambda node: self.pages.listing(app, docname, node))

    # -- writing ---------------------------------------------------------------------------
    def absolute(self, app: Sphinx, pagename: str) -> str:
        base = app.config.html_baseurl.rstrip("/") + "/"
        return base + app.builder.get_target_uri(pagename)

    def page_context(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        if app.builder.name not in HTML_BUILDERS:
            return
        self.pages.decorate_article(app, pagename, context)
        article = self.pages.catalog.by_docname.get(pagename)
        meta = context.get("meta") or {}
        title = article.title if article else _plain(context.get("title", ""))
        tags = seo.social_tags(
            title=title,
            url=self.absolute(app, pagename),
            description=article.description if article else str(meta.get("description", "")),
            site_name=app.config.project,
            article=article,
            vocab=self.pages.vocab,
            image=self.social_image(app, pagename, title),
        )
        alternates = Markup("").join(
            Markup('<link rel="alternate" type="{}" title="{} ({})" href="{}">\n').format(
                kind, app.config.project, name, self.pages.file_link(app, pagename, path)
            )
            for path, kind, name in FEED_LINKS
        )
        context["metatags"] = context.get("metatags", "") + str(tags) + str(alternates)

    def assets_and_policy(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        """Last of the page-context handlers: the page keeps only the files it uses, then
        every inline script it will print is known."""
        if app.builder.name in HTML_BUILDERS:
            code = assets.has_code(doctree)
            # Sphinx's search (the fallback without Pagefind) needs doctools.js on its page.
            fallback = pagename == "search" and not self.pagefind
            context["script_files"] = assets.needed(context.get("script_files", ()), code, fallback)
            context["css_files"] = assets.needed(context.get("css_files", ()), code, fallback)
            context["kb_csp"] = csp.policy(csp.inline_bodies(context["script_files"]))

    def social_image(self, app: Sphinx, pagename: str, title: str) -> seo.SocialImage:
        """An article's own ``image`` field, else the share card of the page."""
        base = app.config.html_baseurl.rstrip("/") + "/"
        article = self.pages.catalog.by_docname.get(pagename)
        if article is not None and article.image:
            url = article.image if "://" in article.image else base + article.image
            return seo.SocialImage(url, title)
        card = cardset.card_for(
            pagename, self.pages.catalog.by_docname, self.pages.vocab.categories
        )
        width, height = cardset.SIZE
        return seo.SocialImage(
            base + quote(card), title or app.config.project, width, height, cardset.MEDIA_TYPE
        )

    def card_specs(self, app: Sphinx) -> list[cardset.CardSpec]:
        """Every card of the site: one per article without its own image, one per category,
        and the site's (home page and every other page)."""
        project = app.config.project
        parts = urlsplit(app.config.html_baseurl)
        host = (parts.netloc + parts.path).rstrip("/")
        categories = self.pages.vocab.categories

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
                for a in self.pages.catalog.articles
                if not a.image
            ),
        ]

    def navigation(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        """Before the theme's handlers, which drop sidebar templates that render empty."""
        if app.builder.name in HTML_BUILDERS:
            context["kb_nav"] = self.nav_html(app, pagename)
            if doctree is not None and pagename != app.config.root_doc:
                # What search indexes: the document's own text, not what pages add around it.
                start, end = search.BODY_START.decode(), search.BODY_END.decode()
                context["body"] = f"{start}{context.get('body', '')}</div>{end}"

    def nav_html(self, app: Sphinx, pagename: str) -> str:
        return str(
            render_nav(
                self.pages.renderer,
                self.pages.linker(app, pagename),
                pagename,
                app.config.root_doc,
                self.pages.catalog,
                self.pages.vocab,
                app.config.kb_nav_limit,
                app.config.kb_nav_links,
            )
        )

    def collect_pages(self, app: Sphinx) -> Any:
        if app.builder.name not in HTML_BUILDERS:
            return []
        builder = app.builder
        info = builder.build_info  # type: ignore[attr-defined]
        layout = f"{info.config_hash}:{info.tags_hash}:{builder.templates.newest_template_mtime()}"  # type: ignore[attr-defined]
        stale = self.generated_pages(app, layout)
        if self.pagefind:  # Sphinx no longer writes it (builder_inited)
            context = {
                "kb_filters": self.pages.filter_choices(),
                "kb_search_pending": app.config.kb_search_background,
            }
            stale.append(("search", context, "search.html"))
        return stale

    def site_inputs(self, app: Sphinx, layout: str) -> str:
        """Everything the generated pages, feeds, sitemap and cards show: the articles' listing
        fields, the pages, the data files, the settings and the layout. A build where this is
        unchanged (no change, a body edit) skips all of that work: it follows the change."""
        config = app.config
        settings = (
            config.project,
            config.kb_site_description,
            config.kb_feed_rights,
            config.html_baseurl,
            config.kb_nav_limit,
            config.kb_nav_links,
            config.kb_page_size,
            config.kb_search_background,
        )
        return Digests.digest(
            layout,
            repr(settings),
            self.pages.vocab.fingerprint,
            repr([(a.docname, a.listing_key()) for a in self.pages.catalog.articles]),
            repr(sorted(app.env.found_docs)),
        )

    def generated_pages(self, app: Sphinx, layout: str) -> list[Any]:
        builder = app.builder
        self.inputs = self.site_inputs(app, layout)
        state = SiteState.load(Path(app.doctreedir))
        self.unchanged = state.inputs == self.inputs and all(
            Path(builder.get_outfilename(name)).is_file() for name in state.generated
        )
        if self.unchanged:
            self.generated = state.generated
            return []
        digests = Digests(Path(app.doctreedir))
        limit, links = app.config.kb_nav_limit, repr(app.config.kb_nav_links)
        fingerprint = self.pages.vocab.fingerprint
        self.generated = []
        stale = []
        taken = set(app.env.found_docs)
        for spec in self.pages.specs(app):
            if spec.pagename in taken:  # reserved names keep this from happening; never silent
                logger.warning(
                    "la page générée « %s » a le nom d’une autre page ; elle n’est pas écrite.",
                    spec.pagename,
                    type="kb",
                    subtype="collision",
                )
                continue
            taken.add(spec.pagename)
            self.generated.append(spec.pagename)
            # What the navigation shows, not its HTML: rendering it costs more than the digest.
            nav = repr(navigation.parts(spec.pagename, self.pages.catalog, limit)) + links
            context = repr(spec.context)
            digest = Digests.digest(layout, spec.title, spec.template, context, nav, fingerprint)
            if digests.stale(spec.pagename, digest, Path(builder.get_outfilename(spec.pagename))):
                stale.append(self.pages.render_page(app, spec))
        digests.save()
        return stale

    def write_listings(self, app: Sphinx, outdir: Path, pages: list[str], rights: str) -> None:
        """Feeds (site, categories), sitemap and robots.txt, all made in memory, then written."""
        catalog, vocab = self.pages.catalog, self.pages.vocab
        base = app.config.html_baseurl.rstrip("/") + "/"

        def url_of(article: Any) -> str:
            return self.absolute(app, article.docname)

        def label(slug: str) -> str:
            return catalog.tags[slug].label

        site = feeds.FeedInfo(
            "feeds/atom.xml", app.config.project, app.config.kb_site_description, rights
        )
        everything = feeds.generator(site, catalog.articles, vocab, base, url_of, label)
        files = feeds.render(everything, "feeds/atom.xml", "feeds/rss.xml")
        json_info = feeds.FeedInfo("feeds/feed.json", site.title, site.description, rights)
        json_feed = feeds.json_feed(json_info, catalog.articles, vocab, base, url_of)
        files["feeds/feed.json"] = json_feed.encode("utf-8")
        for key, entry in vocab.categories.items():
            info = feeds.FeedInfo(
                f"feeds/{key}/atom.xml",
                f"{entry.name} — {site.title}",
                entry.description or site.description,
                rights,
            )
            feed = feeds.generator(
                info, catalog.by_category.get(key, []), vocab, base, url_of, label
            )
            files |= feeds.render(feed, f"feeds/{key}/atom.xml", f"feeds/{key}/rss.xml")
        lastmod = {a.docname: (a.updated or a.date).isoformat() for a in catalog.articles}
        entries = [(self.absolute(app, name), lastmod.get(name, "")) for name in pages]
        files["sitemap.xml"] = seo.sitemap(entries)
        files["robots.txt"] = seo.robots(base + "sitemap.xml").encode("utf-8")
        feeds.write_all(outdir, files)

    def write_outputs(self, app: Sphinx, outdir: Path) -> None:
        """Feeds, sitemap and share cards; then the pages that no longer exist are removed."""
        vocab = self.pages.vocab
        rights = app.config.kb_feed_rights
        pages = sorted(set(app.env.found_docs) - NOT_IN_SITEMAP)
        pages += self.generated
        self.write_listings(app, outdir, pages, rights)
        written = [
            Path(app.builder.get_outfilename(name)).relative_to(outdir).as_posix() for name in pages
        ]
        written += [
            f"feeds/{key}/{kind}.xml" for key in vocab.categories for kind in ("atom", "rss")
        ]
        cards, drawn = cardset.write(outdir, Path(app.doctreedir), self.card_specs(app))
        logger.info("cartes de partage : %d dessinées, %d inchangées", drawn, len(cards) - drawn)
        written += cards
        prune(outdir, Path(app.doctreedir), written)

    @staticmethod
    def document_files(app: Sphinx) -> list[str]:
        """The output files of the documents whose text search indexes (all but the home
        page, see ``navigation``), as strings (10,000 paths cost a second in pathlib)."""
        builder: Any = app.builder
        names = sorted(app.env.found_docs - {app.config.root_doc})
        if builder.name != "html":
            return [str(builder.get_outfilename(name)) for name in names]
        outdir, suffix = str(app.outdir), builder.out_suffix
        return [f"{outdir}/{name}{suffix}" for name in names]

    def build_finished(self, app: Sphinx, exception: Exception | None) -> None:
        if exception is not None or app.builder.name not in HTML_BUILDERS:
            return
        outdir = Path(app.outdir)
        if not self.unchanged:
            self.write_outputs(app, outdir)
        SiteState(self.inputs, self.generated).save(Path(app.doctreedir))
        if not self.pagefind:
            return
        (outdir / "searchindex.js").unlink(missing_ok=True)  # left by a build without Pagefind
        documents = self.document_files(app)
        per_shard = app.config.kb_search_shard_pages
        if app.config.kb_search_background:
            search.index_in_background(outdir, Path(app.doctreedir), documents, per_shard)
            return
        failure = search.index(outdir, Path(app.doctreedir), documents, per_shard)
        if failure:
            logger.warning(
                "Pagefind n’a pas pu indexer le site (%s) ; la recherche ne fonctionnera pas.",
                failure,
                type="kb",
                subtype="search",
            )


# Feeds announced in every page's head, for feed readers and browsers.
FEED_LINKS = (
    ("feeds/atom.xml", "application/atom+xml", "Atom"),
    ("feeds/rss.xml", "application/rss+xml", "RSS"),
    ("feeds/feed.json", "application/feed+json", "JSON Feed"),
)


def _plain(html: str) -> str:
    return Markup(html).striptags()  # noqa: S704 (Sphinx's already-escaped title)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value(
        "kb_articles_dir",
        "articles",
        "env",
        types=frozenset({str}),
        description="Folder of the articles, relative to the source folder.",
    )
    app.add_config_value(
        "kb_data_dir",
        "data",
        "env",
        types=frozenset({str}),
        description="Folder of categories.yml and authors.yml.",
    )
    app.add_config_value(
        "kb_preview",
        False,
        "env",
        types=frozenset({bool}),
        description="Build and list drafts and future-dated articles.",
    )
    app.add_config_value(
        "kb_search_background",
        False,
        "",
        types=frozenset({bool}),
        description="Index for search after the build returns, in a detached process "
        "(the live preview); the search page says while the index is behind.",
    )
    app.add_config_value(
        "kb_search_shard_pages",
        2000,
        "",
        types=frozenset({int}),
        description="Pages per search index shard: an edit re-indexes only its shard.",
    )
    app.add_config_value(
        "kb_words_per_minute",
        200,
        "env",
        types=frozenset({int}),
        description="Reading speed used for the reading time.",
    )
    app.add_config_value(
        "kb_nav_limit",
        10,
        "html",
        types=frozenset({int}),
        description="Articles listed in the sidebar navigation.",
    )
    app.add_config_value(
        "kb_nav_links",
        [["archives", "Archives"], ["tags/index", "Mots-clés"]],
        "html",
        types=frozenset({list, tuple}),
        description="[pagename, label] pairs at the end of the navigation.",
    )
    app.add_config_value(
        "kb_page_size",
        50,
        "html",
        types=frozenset({int}),
        description="Articles per page of a generated listing.",
    )
    app.add_config_value(
        "kb_parallel_read_max",
        2000,
        "",
        types=frozenset({int}),
        description="With -j, documents to read above which reading is serial (the "
        "writing stays parallel): Sphinx's parallel reading costs more than it saves "
        "on large sites.",
    )
    app.add_config_value(
        "kb_site_description",
        "",
        "html",
        types=frozenset({str}),
        description="Description of the site, for feeds.",
    )
    app.add_config_value(
        "kb_feed_rights",
        "",
        "html",
        types=frozenset({str}),
        description="License statement of the feeds (Atom rights, RSS copyright).",
    )
    app.add_domain(KnowledgeBaseDomain)
    setup_listings(app)
    kb = KnowledgeBase()
    app.connect("config-inited", kb.config_inited)
    app.connect("builder-inited", kb.builder_inited)
    app.connect("source-read", kb.reading.source_read)
    # Before Sphinx's collectors (priority 500), which record the title for every page.
    app.connect("doctree-read", kb.reading.secure, priority=400)
    app.connect("doctree-read", kb.reading.doctree_read)
    app.connect("env-get-outdated", kb.reading.get_outdated)
    app.connect("env-get-updated", kb.reading.get_updated)
    app.connect("env-check-consistency", kb.reading.check_consistency)
    app.connect("env-before-read-docs", kb.reading_mode.before_read)
    app.connect("env-updated", kb.reading_mode.after_read, priority=100)
    app.connect("env-updated", kb.env_updated)
    app.connect("doctree-resolved", kb.doctree_resolved)
    app.connect("html-page-context", kb.navigation, priority=400)
    app.connect("html-page-context", kb.page_context, priority=600)
    app.connect("html-page-context", kb.assets_and_policy, priority=999)
    app.connect("html-collect-pages", kb.collect_pages)
    app.connect("build-finished", kb.build_finished)
    return {
        "version": __version__,
        "env_version": 3,  # 3: titles as text, sanitized HTML, CSP, cards, per-page assets
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
