"""What a page offers to share, read from generic Sphinx data only.

Title, description and tags come from the page's title and metadata (front matter in MyST,
field lists in reStructuredText), so the footer works on any Sphinx site.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote, unquote, urljoin

_FALSE = frozenset({"false", "no", "off", "0", "non", "faux"})


def parse_list(value: object) -> tuple[str, ...]:
    """Tags as a tuple of strings, whether given as a list, a JSON list or a comma list.

    MyST stores a YAML list of the front matter as a JSON string.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                value = text.strip("[]").split(",")
        else:
            value = text.split(",")
    if isinstance(value, (list, tuple)):
        return tuple(str(item).strip() for item in value if str(item).strip())
    return ()


def opted_out(metadata: Mapping[str, object], field: str = "share") -> bool:
    """True when the page's metadata says ``share: false`` (or no, off, 0)."""
    value = metadata.get(field)
    if value is None:
        return False
    if isinstance(value, bool):
        return not value
    return str(value).strip().lower() in _FALSE


def canonical_url(baseurl: str, target_uri: str) -> str:
    """The absolute URL of a page from ``html_baseurl`` and the builder's target URI.

    ``target_uri`` is what ``builder.get_target_uri(docname)`` gives: ``a/b.html`` for the
    ``html`` builder, ``a/b/`` (or ``""`` for the root) for ``dirhtml``. The ``html`` builder
    returns it already percent-encoded (``caf%C3%A9%20noir.html``) and ``dirhtml`` does not
    (``café noir/``): decoding first, then encoding once, gives the same URL from both.
    """
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    return urljoin(base, quote(unquote(target_uri), safe="/"))
