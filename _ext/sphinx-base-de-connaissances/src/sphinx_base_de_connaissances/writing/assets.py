"""Which of Sphinx's and the theme's files a page loads: only those it uses.

- Never: ``doctools.js`` and ``sphinx_highlight.js`` (they serve Sphinx's own search and its
  ``?highlight=`` links; this site searches with Pagefind; ``doctools.js`` stays on the search
  page when Pagefind is missing and Sphinx's search is the fallback) and ``translations.js``
  (it only translates that search page, and hands its plural rule to ``new Function``, which
  the Content Security Policy refuses).
- Only on pages with a code block: ``copybutton.js``, ``clipboard.min.js``, ``copybutton.css``
  (the copy buttons) and ``pygments.css`` (highlighting).
- Only on pages with an image: ``kb-zoom.js`` (an image opens full size).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from docutils import nodes

NEVER = frozenset({"doctools.js", "sphinx_highlight.js", "translations.js"})
CODE_ONLY = frozenset({"copybutton.js", "clipboard.min.js", "copybutton.css", "pygments.css"})
IMAGE_ONLY = frozenset({"kb-zoom.js"})


def has_code(doctree: nodes.document | None) -> bool:
    return (
        doctree is not None and next(iter(doctree.findall(nodes.literal_block)), None) is not None
    )


def has_image(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(iter(doctree.findall(nodes.image)), None) is not None


def _name(asset: object) -> str:
    filename = getattr(asset, "filename", asset)
    return PurePosixPath(str(filename or "")).name


def needed(
    assets: Iterable[object], code: bool, sphinx_search: bool = False, image: bool = False
) -> list[object]:
    """``assets`` (a page's ``script_files`` or ``css_files``) without those it does not use;
    ``sphinx_search``: the search page falls back to Sphinx's search, which needs doctools.js."""
    dropped = (NEVER - {"doctools.js"} if sphinx_search else NEVER) | (
        frozenset() if code else CODE_ONLY
    )
    dropped |= frozenset() if image else IMAGE_ONLY
    return [asset for asset in assets if _name(asset) not in dropped]
