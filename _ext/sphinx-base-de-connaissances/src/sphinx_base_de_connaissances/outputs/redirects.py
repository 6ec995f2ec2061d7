"""The pages at an article's old addresses (its ``redirect_from`` ids and addresses): a meta
refresh to the article, ``rel="canonical"`` to its address, ``noindex``, a visible link, no
script. Written whole at ``build-finished`` for every builder's file layout (html, dirhtml);
never in the sitemap, the search index or the feeds, which list documents only."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from ..content import addresses
from ..content.schema import Article

PAGE = Markup("""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={relative}">
<link rel="canonical" href="{canonical}">
<title>Page déplacée — {title}</title>
</head>
<body>
<p>Cet article a changé d’adresse&#8239;: <a href="{relative}">{title}</a>.</p>
</body>
</html>
""")


def pages(
    articles: Iterable[Article],
    folder: str,
    link: Callable[[str, str], str],
    url: Callable[[str], str],
) -> dict[str, bytes]:
    """Old docname → the page to write there (its old ids). ``link(from, to)``: a relative
    URL between two pages; ``url(page)``: a page's absolute address."""
    found = {}
    for article in articles:
        for old in article.old_ids:
            source = f"{folder}/{old}"
            found[source] = _page(link(source, article.docname), url(article.docname), article)
    return found


def address_pages(articles: Iterable[Article], url: Callable[[str], str]) -> dict[str, bytes]:
    """File under the output folder → the page to write there (its old addresses); the
    link is absolute: an old address may sit at any depth, under any host's rules."""
    found = {}
    for article in articles:
        for old in article.old_addresses:
            address, _ = addresses.parse(old)
            if address is not None and address.file:
                found[address.file] = _page(url(article.docname), url(article.docname), article)
    return found


def queries(articles: Iterable[Article], url: Callable[[str], str]) -> dict[str, str]:
    """Old query (``p=42``) → the article's address, for the home page's script."""
    found = {}
    for article in articles:
        for old in article.old_addresses:
            address, _ = addresses.parse(old)
            if address is not None and address.query:
                found[address.query] = url(article.docname)
    return dict(sorted(found.items()))


def _page(relative: str, canonical: str, article: Article) -> bytes:
    html = PAGE.format(relative=relative, canonical=canonical, title=escape(article.title))
    return html.encode("utf-8")
