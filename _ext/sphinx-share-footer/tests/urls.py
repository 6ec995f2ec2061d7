"""Decoding share URLs the strict way: `%XX` only, a `+` stays a plus (RFC 6068, RFC 3986)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit


def params(href: str) -> dict[str, str]:
    """Query parameters of ``href``, percent-decoded without turning ``+`` into a space."""
    query = urlsplit(href).query if not href.startswith("mailto:") else href.split("?", 1)[1]
    result = {}
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        result[unquote(key)] = unquote(value, errors="strict")
    return result


def endpoint(href: str) -> str:
    """Scheme, host and path of ``href``, without the query."""
    parts = urlsplit(href)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else href.split("?")[0]
