"""What every writing step asks of the build: does the builder write HTML pages, what is the
absolute URL of a page, and the base's settings. Decided once per build, at
``builder-inited``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx

from .settings import Settings

HTML_BUILDERS = frozenset({"html", "dirhtml"})
# Where the build publishes the offline edition (kb_offline), beside the pages.
OFFLINE_FOLDER = "telechargements"


@dataclass(frozen=True)
class Site:
    builder: Any = None
    base: str = "/"  # html_baseurl, with exactly one trailing slash
    html: bool = False  # the builder writes HTML pages (html, dirhtml)
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def of(cls, app: Sphinx, settings: Settings) -> Site:
        return cls(app.builder, settings.base_url, app.builder.name in HTML_BUILDERS, settings)

    def url(self, pagename: str) -> str:
        """The absolute URL of ``pagename``."""
        return self.base + self.builder.get_target_uri(pagename)
