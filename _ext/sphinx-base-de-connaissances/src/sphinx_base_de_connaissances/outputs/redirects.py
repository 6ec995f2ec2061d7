"""The pages at an article's old addresses (its ``redirect_from`` ids): a meta refresh to the
article, ``rel="canonical"`` to its address, ``noindex``, a visible link, no script. Written
whole at ``build-finished`` for every builder's file layout (html, dirhtml); never in the
sitemap, the search index or the feeds, which list documents only."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

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
    """Old docname → the page to write there. ``link(from, to)``: a relative URL between two
    pages; ``url(page)``: a page's absolute address."""
    found = {}
    for article in articles:
        for old in article.redirect_from:
            source = f"{folder}/{old}"
            html = PAGE.format(
                relative=link(source, article.docname),
                canonical=url(article.docname),
                title=escape(article.title),
            )
            found[source] = html.encode("utf-8")
    return found
