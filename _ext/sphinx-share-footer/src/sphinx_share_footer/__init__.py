"""sphinx-share-footer: plain share links under each page, with no third-party request.

Enable with ``extensions = ["sphinx_share_footer"]`` and set ``html_baseurl``; the options are
in ``options.py`` and the README. The footer is rendered when a page is written
(``html-page-context``), so its text never enters the search index and its URLs never reach
linkcheck, and it stores nothing in the build environment: parallel and incremental builds are
unaffected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.matching import Matcher

from . import options
from .i18n import CATALOG, LOCALES, _
from .networks import SharedPage
from .pagedata import canonical_url, opted_out, parse_list
from .render import Renderer, items

__version__ = "0.2.0"
# The oldest Sphinx whose API the extension uses (typed config values with descriptions, 7.4).
MINIMUM_SPHINX = "7.4"

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
# Builders that draw the footer; every other builder gets neither footer nor static files.
BUILDERS = frozenset({"html", "dirhtml"})
CSS = "share-footer.css"
JS = "share-footer.js"


class ShareFooter:
    """Event handlers bound to one application; the only state is derived from its config."""

    def __init__(self) -> None:
        self.renderer = Renderer()
        self.include = Matcher([])
        self.exclude = Matcher([])
        self.enabled = False

    def config_inited(self, app: Sphinx, config: Config) -> None:
        options.check(app, config)
        # A new list: when a project sets no templates_path, the value is Sphinx's shared
        # default, which append() would change for every later project in the process.
        config.templates_path = [*config.templates_path, str(HERE / "templates")]

    def builder_inited(self, app: Sphinx) -> None:
        config = app.config
        self.include = Matcher(config.share_footer_include)
        self.exclude = Matcher([*config.share_footer_exclude, config.root_doc])
        draws = app.builder.name in BUILDERS
        self.enabled = draws and bool(config.html_baseurl)
        if draws:
            # Only builders that draw the footer copy its CSS and JS (not EPUB, not singlehtml).
            config.html_static_path = [*config.html_static_path, str(HERE / "static")]
        if draws and not config.html_baseurl:
            logger.warning(
                _(
                    "share_footer: html_baseurl is not set, so pages have no absolute URL to "
                    "share; the share footer is left out."
                ),
                type="share_footer",
                subtype="baseurl",
            )

    def wanted(self, app: Sphinx, pagename: str) -> bool:
        metadata = app.env.metadata.get(pagename, {})
        return (
            self.include(pagename)
            and not self.exclude(pagename)
            and not opted_out(metadata, app.config.share_footer_metadata_field)
        )

    def page_context(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        context["share_footer"] = ""
        if not self.enabled or doctree is None or not self.wanted(app, pagename):
            return
        config = app.config
        metadata = app.env.metadata.get(pagename, {})
        title = app.env.titles.get(pagename)
        page = SharedPage(
            url=canonical_url(config.html_baseurl, app.builder.get_target_uri(pagename)),
            title=title.astext() if title is not None else config.project,
            description=str(metadata.get("description", "")).strip(),
            tags=parse_list(metadata.get("tags")) if config.share_footer_hashtags else (),
            via=config.share_footer_via,
        )
        entries = items(config.share_footer_networks, page, config.share_footer_mastodon_instances)
        html = self.renderer.render(page, entries)
        context["share_footer"] = html
        if config.share_footer_placement == "body":
            # str(): adding Markup to the plain-str body would escape the whole body.
            context["body"] = context.get("body", "") + str(html)
        # On the builder, not the app: assets for this page only, without growing the registry.
        app.builder.add_css_file(CSS)  # type: ignore[attr-defined]
        if any(entry.kind != "link" for entry in entries):
            app.builder.add_js_file(JS, defer="defer")  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, Any]:
    # First, so that an older Sphinx stops with a clear message instead of a TypeError.
    app.require_sphinx(MINIMUM_SPHINX)
    options.declare(app)
    app.add_message_catalog(CATALOG, str(LOCALES))
    footer = ShareFooter()
    app.connect("config-inited", footer.config_inited)
    app.connect("builder-inited", footer.builder_inited)
    app.connect("html-page-context", footer.page_context)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        "env_version": 1,
    }
