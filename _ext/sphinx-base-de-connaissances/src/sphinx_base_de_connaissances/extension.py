"""The extension's wiring: options, domain, directives, and one router of Sphinx events whose
handlers each delegate to the phase that does the work (``reading``, ``writing``, ``outputs``,
``search``). Whether the builder writes HTML is decided once, at ``builder-inited``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from . import _compat, diagnostics, french, options
from .diagnostics import Subtype
from .offline import missing_extra
from .outputs import journal, llms
from .outputs.cardset import Drawing
from .outputs.products import Products
from .outputs.prune import remove_pages
from .outputs.unused import remove_unused_static
from .reading import publication
from .reading.domain import KnowledgeBaseDomain, domain
from .reading.events import Reading
from .reading.guarded import guarded
from .reading.listings import resolve, setup_listings
from .reading.parallel import ReadingMode
from .reading.renames import RenamedReferences
from .reading.typography import FrenchSpacing
from .search import build as search
from .settings import Settings
from .site import OFFLINE_FOLDER, Site
from .source.boundary import Boundary
from .writing import article, editing, formulas, obligations, popovers, twins
from .writing import context as page
from .writing.compact import compact
from .writing.generated import GeneratedPages
from .writing.pages import Pages
from .writing.render import Renderer, cache_compiled_templates, keep_no_break_spaces
from .writing.specs import measured_specs

HERE = Path(__file__).parent
# Themes whose layout theme/ adapts: a Content Security Policy, no Bootstrap JavaScript, no
# Sphinx search index on every page, French and accessible buttons, a visible focus.
BOOK_THEMES = frozenset({"sphinx_book_theme"})
Context = dict[str, Any]


class KnowledgeBase:
    """Routes the events of one application; holds no document data (that is the domain's)."""

    def __init__(self) -> None:
        self.reading = Reading()
        self.reading_mode = ReadingMode()
        self.pages = Pages(Renderer())
        self.generated = GeneratedPages()
        self.site = Site()
        self.settings = Settings()  # conf.py's, from config-inited
        self.pagefind = False
        self.cards: Drawing | None = None  # share cards drawn while pages are written
        self.twins: set[str] = set()  # the pages whose Markdown twin this build wrote

    def config_inited(self, app: Sphinx, config: Config) -> None:
        if str(config.language or "").startswith("fr"):
            french.install()  # Sphinx's, MyST's and docutils' common warnings in French
        # Before Sphinx loads its saved environment: an unfinished build is not built upon.
        if journal.recover(Path(app.doctreedir)):
            diagnostics.info("la construction précédente ne s’est pas terminée : tout est refait.")
        for message in options.unknown(_compat.set_names(config)):
            diagnostics.warn(f"conf.py : {message}", subtype=diagnostics.Subtype.OPTION)
        for old, new, message in options.renamed(lambda name: getattr(config, name)):
            diagnostics.warn(f"conf.py : {message}", subtype=diagnostics.Subtype.DEPRECATED)
            if new not in _compat.set_names(config):
                setattr(config, new, getattr(config, old))
        if config.html_math_renderer is None:  # MathJax, Sphinx's default, comes from a CDN
            config.html_math_renderer = formulas.RENDERER
        for name, problem in options.refused(lambda name: getattr(config, name)):
            diagnostics.error(f"conf.py : {problem}", subtype=diagnostics.Subtype.OPTION)
            setattr(config, name, options.default(name))  # nothing breaks later on it
            _compat.fail_build(app)  # strict or not, the build ends with an error status
        self.settings = Settings.from_config(config)
        if self.settings.offline and (missing := missing_extra()):
            diagnostics.error(f"conf.py : kb_offline : {missing}", subtype=Subtype.OPTION)
            self.settings = self.settings.replace(offline=False)
            _compat.fail_build(app)
        self.reading.settings = self.pages.settings = self.settings
        self.reading_mode.limit = self.settings.parallel_read_max
        vocab, paths, duties = publication.configure(app, self.settings)
        self.reading.obligations = self.pages.obligations = duties
        publication.refuse_placeholders(app, self.settings, duties)
        self.reading.vocab = self.pages.vocab = vocab
        self.reading.paths = self.pages.paths = paths
        self.reading.history = publication.history(app, self.settings)
        # New lists: append() would change Sphinx's shared default when conf.py sets none.
        # The site's own folders first: a file there replaces the engine's of the same name.
        folders = ["static", "templates"]
        if config.html_theme in BOOK_THEMES:
            folders += ["theme/static", "theme/templates"]
            obligations.footer_outside_main(config)
        else:  # any other theme: the footer's mentions and the tab title, in its layout
            folders += ["generic/templates"]
        static = [str(HERE / f) for f in folders if f.endswith("static")]
        templates = [str(HERE / f) for f in folders if f.endswith("templates")]
        config.html_static_path = [*config.html_static_path, *static]
        config.templates_path = [*config.templates_path, *templates]

    def builder_inited(self, app: Sphinx) -> None:
        self.site = Site.of(app, self.settings)
        self.reading.boundary = Boundary.of(app.srcdir, app.outdir, app.doctreedir)
        if not self.site.html:
            return
        if _compat.repair_build_info(Path(app.outdir)):
            diagnostics.info(".buildinfo abîmé : remplacé, toutes les pages sont réécrites.")
        templates = _compat.template_environment(app.builder)
        self.pages.renderer.search([Path(app.srcdir, p) for p in app.config.templates_path])
        folder = Path(app.doctreedir) / "kb-jinja"
        cache_compiled_templates([templates, self.pages.renderer.env], folder)
        keep_no_break_spaces([templates, self.pages.renderer.env])
        _compat.filter_pages(app.builder, compact)
        app.add_css_file("kb.css")
        app.add_js_file("kb-search.js", loading_method="defer")
        app.add_js_file("kb-zoom.js", loading_method="defer")  # pages with an image only
        if app.config.html_theme in BOOK_THEMES:
            app.add_css_file("kb-theme.css")
            app.add_js_file("kb-theme.js", loading_method="defer")
            if (
                "sphinx_base_de_connaissances.css_bundle" in app.extensions
            ):  # the theme's own scripts are left out
                app.add_js_file("scripts/pydata-sphinx-theme.js", loading_method="defer")
        self.pagefind = search.available()
        if self.pagefind:  # the search page is ours, from collect_pages
            _compat.without_sphinx_search(app.builder)

    def env_updated(self, app: Sphinx, env: Any) -> list[str]:
        journal.begin(Path(app.doctreedir))  # before Sphinx saves the environment
        self.pages.views = self.reading.views(env)  # each page's record, made once
        self.twins = set()
        if self.site.html:
            # In worker processes while this one writes the pages (serial writing only: the
            # parallel writers are forked from this process and would copy the pool; with -j
            # the cards are drawn at build-finished, on every core).
            products = Products(app, self.site, self.pages.catalog, self.pages.vocab)
            self.cards = products.cards()
            if app.parallel <= 1:
                self.cards.start(background=True)
        return []

    def doctree_resolved(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        resolve(app, doctree, lambda node: self.pages.listing(app, docname, node))
        if self.site.html:
            if twins.write(self.pages, app, self.site, docname, doctree):
                self.twins.add(docname)
            header = article.header(self.pages, app, docname, self.site.url(docname))
            if header is not None:
                article.place_header(doctree, header)
            view = self.pages.views.of(docname)
            popovers.attach(
                doctree,
                list(view.terms),
                list(view.previews),
                lambda template, **context: self.pages.render_block(
                    app, docname, template, **context
                ),
            )

    def navigation(
        self, app: Sphinx, pagename: str, _t: str, context: Context, doctree: Any
    ) -> None:
        """Before the theme's handlers, which drop sidebar templates that render empty."""
        if self.site.html:
            page.navigation(app, self.pages, pagename, context, doctree)

    def page_context(self, app: Sphinx, pagename: str, _t: str, context: Context, _d: Any) -> None:
        if self.site.html:
            page.metadata(app, self.site, self.pages, pagename, context)
            if self.pages.views.of(pagename).queries:
                # Old query addresses (/?p=42) land on the home page.
                app.add_js_file("kb-anciennes-adresses.js", loading_method="defer")

    def assets_and_policy(
        self, app: Sphinx, pagename: str, _t: str, context: Context, doctree: Any
    ) -> None:
        """Last of the page-context handlers: every inline script the page prints is known."""
        if self.site.html:
            page.assets_and_policy(pagename, context, doctree, self.pagefind)

    def collect_pages(self, app: Sphinx) -> Any:
        if not self.site.html:
            return []
        stale = self.generated.stale(app, self.pages, _compat.layout_key(app.builder))
        twins.write_generated(self.pages, app, self.site, stale)
        if self.pagefind:  # Sphinx no longer writes it (builder_inited)
            context = {
                "kb_filters": self.pages.filter_choices(),
                "kb_search_pending": self.settings.search_background,
            }
            stale.append(("search", context, "search.html"))
        return stale

    def write_measured(self, app: Sphinx) -> None:
        """The eco-design statement and the personal-data page, from the site as written."""
        newest = next(iter(self.pages.catalog.articles), None)
        for spec in measured_specs(
            self.pages, app, newest.docname if newest else app.config.root_doc
        ):
            page = self.pages.render_page(app, spec)
            twins.write_generated(self.pages, app, self.site, [page])
            app.builder.handle_page(*page)

    def finished(self, app: Sphinx, exception: Exception | None) -> None:
        """After every other handler of ``build-finished``: the build is complete."""
        if exception is None:
            journal.end(Path(app.doctreedir))

    def build_finished(self, app: Sphinx, exception: Exception | None) -> None:
        cards, self.cards = self.cards, None
        if exception is not None:  # a failed build: no page of a deleted document stays
            remove_pages(Path(app.outdir), self.reading.removed)
        if exception is not None or not self.site.html or cards is None:
            if cards is not None:
                cards.cancel()
            return
        listings = None
        if self.generated.unchanged:
            cards.finish()  # a card file someone removed or damaged
        else:
            products = Products(app, self.site, self.pages.catalog, self.pages.vocab)
            names = self.generated.names
            listings = products.write(
                Path(app.outdir), names, cards, twins.files(self.pages, app, names)
            )
        self.generated.save(Path(app.outdir), Path(app.doctreedir), listings)
        if self.twins or listings is not None or not (Path(app.outdir) / llms.FILE).is_file():
            twins.write_llms(self.pages, app, self.site, glossaries(app))
        remove_unused_static(
            Path(app.outdir), app.config.html_theme in BOOK_THEMES, Path(app.doctreedir)
        )
        self.write_measured(app)  # measured on what is published
        twins.write_written(self.pages, app, self.site)
        editing.publish(app, self.pages, self.site, glossaries(app))
        offline_edition(app, self.settings, self.pages)
        if self.pagefind:
            settings = self.settings
            search.index_site(app, settings.search_shard_pages, settings.search_background)


def glossaries(app: Sphinx) -> set[str]:
    """The documents that define glossary terms."""
    return {term.docname for term in domain(app.env).terms.values()}


def offline_edition(app: Sphinx, settings: Settings, pages: Pages) -> None:
    """The books when ``kb_offline`` asks for them; else none of an older build stays."""
    if settings.offline:
        from .offline.build import publish  # Typst and EbookLib: only when asked

        kb = domain(app.env)
        linking = [*kb.listings, *(f"parcours/{path.key}" for path in pages.paths.paths)]
        publish(app, settings, pages.catalog, pages.vocab, pages.paths, linking)
    elif (Path(app.outdir) / OFFLINE_FOLDER).is_dir():
        shutil.rmtree(Path(app.outdir) / OFFLINE_FOLDER)


def setup(app: Sphinx) -> ExtensionMetadata:
    for option in options.OPTIONS:
        app.add_config_value(
            option.name,
            option.default,
            option.rebuild,  # type: ignore[arg-type]
            types=option.accepts.types,
            description=option.description,
        )
    for old, new in options.RENAMED.items():
        app.add_config_value(old, options.UNSET, "env", description=f"Renamed {new}.")
    app.add_domain(KnowledgeBaseDomain)
    formulas.setup(app)
    app.add_transform(FrenchSpacing)
    app.add_post_transform(RenamedReferences)
    setup_listings(app)
    kb = KnowledgeBase()
    # Directives that read a file check it first, on every page (over Sphinx's own).
    for name, directive in guarded(lambda: kb.reading.boundary).items():
        app.add_directive(name, directive, override=True)
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
    app.connect("build-finished", kb.finished, priority=1000)
    return {
        # 10: page records; 9: glossary terms; 8: reading paths; 7: citations; 6: dates and
        # contributors from git; 5: French spacing; 4: layers
        "env_version": 10,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
