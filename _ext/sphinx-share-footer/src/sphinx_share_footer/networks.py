"""Share URLs for each network: pure functions, no Sphinx.

Every parameter value is percent-encoded with ``quote(..., safe="")``: spaces become ``%20``
(never ``+``, which RFC 6068 reads as a literal plus in ``mailto:``), and ``&``, ``=``, ``?``,
``#``, ``%`` and non-ASCII (as UTF-8) are escaped, so that a decoded parameter equals the
original text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

__all__ = [
    "LINK_NETWORKS",
    "NETWORKS",
    "SharedPage",
    "hashtag",
    "mastodon_share_url",
    "query",
    "share_url",
]


@dataclass(frozen=True)
class SharedPage:
    """What a share link carries: plain text, never HTML."""

    url: str
    title: str
    description: str = ""
    tags: Sequence[str] = field(default_factory=tuple)
    via: str = ""


def query(params: Iterable[tuple[str, str]]) -> str:
    """``key=value&...`` with every value percent-encoded (``%20`` for spaces)."""
    return "&".join(f"{key}={quote(value, safe='')}" for key, value in params if value)


def _text_and_url(page: SharedPage) -> str:
    return f"{page.title}\n{page.url}"


_WORD = re.compile(r"[^\W_]+")


def hashtag(tag: str) -> str:
    """A hashtag (without ``#``) from a free tag: words kept, joined in CamelCase when several.

    >>> hashtag("réseaux sociaux"), hashtag("stratégie"), hashtag("e-réputation")
    ('RéseauxSociaux', 'stratégie', 'ERéputation')
    """
    words = _WORD.findall(tag)
    if len(words) == 1:
        return words[0]
    return "".join(word[:1].upper() + word[1:] for word in words)


def _x(page: SharedPage) -> str:
    tags = ",".join(dict.fromkeys(filter(None, map(hashtag, page.tags))))
    params = [("text", page.title), ("url", page.url), ("hashtags", tags)]
    params.append(("via", page.via.lstrip("@")))
    return "https://twitter.com/intent/tweet?" + query(params)


def _linkedin(page: SharedPage) -> str:
    return "https://www.linkedin.com/sharing/share-offsite/?" + query([("url", page.url)])


def _facebook(page: SharedPage) -> str:
    return "https://www.facebook.com/sharer/sharer.php?" + query([("u", page.url)])


def _bluesky(page: SharedPage) -> str:
    return "https://bsky.app/intent/compose?" + query([("text", _text_and_url(page))])


def _whatsapp(page: SharedPage) -> str:
    return "https://wa.me/?" + query([("text", _text_and_url(page))])


def _telegram(page: SharedPage) -> str:
    return "https://t.me/share/url?" + query([("url", page.url), ("text", page.title)])


def _reddit(page: SharedPage) -> str:
    return "https://www.reddit.com/submit?" + query([("url", page.url), ("title", page.title)])


def _email(page: SharedPage) -> str:
    body = f"{page.description}\r\n\r\n{page.url}" if page.description else page.url
    return "mailto:?" + query([("subject", page.title), ("body", body)])


def mastodon_share_url(instance: str, page: SharedPage) -> str:
    """The share URL on one Mastodon instance (a bare host name such as ``mastodon.social``)."""
    return f"https://{instance}/share?" + query([("text", _text_and_url(page))])


# Networks that are plain links, in the order the defaults list them.
LINK_NETWORKS: dict[str, Callable[[SharedPage], str]] = {
    "x": _x,
    "linkedin": _linkedin,
    "bluesky": _bluesky,
    "facebook": _facebook,
    "whatsapp": _whatsapp,
    "telegram": _telegram,
    "reddit": _reddit,
    "email": _email,
}
# Every name `share_footer_networks` accepts: links, plus the items that need a little script.
NETWORKS: frozenset[str] = frozenset({*LINK_NETWORKS, "mastodon", "copy", "native"})


def share_url(network: str, page: SharedPage) -> str:
    """The share URL of ``page`` on a link network (a key of ``LINK_NETWORKS``)."""
    return LINK_NETWORKS[network](page)
