"""The generated pages (categories, tags, authors, archives, search), yielded at
``html-collect-pages`` only when what they show changed.

``site_inputs`` is everything that site-wide outputs show: when it equals the last build's,
generated pages, feeds, sitemap, cards and pruning are all skipped (a body edit, no change).
Otherwise each page is rendered only when its own digest changed (``outputs.freshness``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .. import options
from ..diagnostics import Subtype, warn
from ..outputs.freshness import Digests, SiteState
from ..state import stamp
from . import obligations
from .pages import Pages
from .specs import specs
from .twins import twin_path


class GeneratedPages:
    """What this build generates, and whether site-wide outputs are the same as last time."""

    def __init__(self) -> None:
        self.names: list[str] = []  # the generated pages, in order
        self.inputs = ""  # what this build's site-wide outputs are made from
        self.unchanged = False  # the same as the last build's: they are not made again

    def site_inputs(self, app: Sphinx, pages: Pages, layout: str) -> str:
        """The articles' listing fields, the pages, the data files, the settings, the layout."""
        config = app.config
        settings = repr((config.project, config.html_baseurl))
        return Digests.digest(
            layout,
            settings + options.site_wide(lambda name: getattr(config, name)),
            pages.vocab.fingerprint,
            pages.paths.fingerprint,
            pages.obligations.fingerprint,
            repr([(a.docname, a.listing_key()) for a in pages.catalog.articles]),
            repr(sorted(app.env.found_docs)),
        )

    def stale(self, app: Sphinx, pages: Pages, layout: str) -> list[Any]:
        """The generated pages to write: (pagename, context, template) each."""
        builder = app.builder
        self.inputs = self.site_inputs(app, pages, layout)
        doctreedir = Path(app.doctreedir)
        state = SiteState.load(doctreedir)
        self.unchanged = (
            state.inputs == self.inputs
            and all(self.written(builder, name) for name in state.generated)
            and state.intact(Path(app.outdir))
        )
        if self.unchanged:
            self.names = state.generated
            return []
        digests = Digests(doctreedir)
        links = repr(pages.settings.nav_links)
        # What every page shows of the data files: the vocabulary, the paths, the footer.
        fingerprint = pages.vocab.fingerprint + pages.paths.fingerprint
        fingerprint += pages.obligations.fingerprint
        self.names = []
        stale = []
        taken = set(app.env.found_docs)
        for spec in specs(pages, app):
            if spec.pagename in taken:  # reserved names keep this from happening; never silent
                warn(
                    "la page générée « %s » a le nom d’une autre page ; elle n’est pas écrite.",
                    spec.pagename,
                    subtype=Subtype.COLLISION,
                )
                continue
            taken.add(spec.pagename)
            self.names.append(spec.pagename)
            # What the navigation shows, not its HTML: rendering it costs more than the digest.
            nav = repr(pages.views.of(spec.pagename, listing=True).navigation.shown()) + links
            context = repr(spec.context)
            digest = Digests.digest(layout, spec.title, spec.template, context, nav, fingerprint)
            written = self.written(builder, spec.pagename)
            if digests.stale(spec.pagename, digest) or not written:
                stale.append(pages.render_page(app, spec))
        # Written at build-finished, from the built site (KnowledgeBase.write_measured).
        self.names += [obligations.ECODESIGN, obligations.PRIVACY]
        digests.save()
        return stale

    @staticmethod
    def written(builder: Any, pagename: str) -> bool:
        """Whether the page and its Markdown twin are in the output folder."""
        page = Path(builder.get_outfilename(pagename))
        return page.is_file() and twin_path(builder, pagename).is_file()

    def save(self, outdir: Path, doctreedir: Path, files: list[str] | None) -> None:
        """Record this build's site-wide state; ``files``: what it wrote besides pages (None:
        nothing, the last build's stand)."""
        if files is None:
            return
        written = SiteState(self.inputs, self.names, sorted(files))
        written.stamp = stamp(outdir / name for name in written.files)
        written.save(doctreedir)
