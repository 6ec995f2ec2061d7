"""kb: a knowledge base on top of Sphinx and MyST.

Validated front matter (one typed ``Article`` per file), categories, tags, authors and archive
pages, listings, related articles, previous/next in publication order, feeds, social metadata,
share cards, sitemap and robots.txt, search with Pagefind. The code is in layers:

- ``content/``: pure Python, what a valid article is (also the standalone check);
- ``reading/``: Sphinx's read phase (the domain, page records compared, safety, listings);
- ``writing/``: what pages show (page context, navigation, generated pages);
- ``outputs/``: what ``build-finished`` makes (feeds, sitemap, cards, pruning, state files);
- ``search/``: the Pagefind index in shards;
- ``extension``: the options table (``options``) and the event router.

See the README of this folder and ``docs/decisions/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

from ._version import __version__


def setup(app: Sphinx) -> ExtensionMetadata:
    # Imported here: ``base-de-connaissances check`` loads no Sphinx.
    from .extension import setup as setup_extension

    return {"version": __version__, **setup_extension(app)}
