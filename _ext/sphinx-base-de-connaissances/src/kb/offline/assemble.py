"""One book's chapters, taken from the built HTML pages: each article's own text (as readers
see it on the site: French spacing, code, figures), with a header of its authors, dates and
permanent address; then the glossary in the base's book.

Links between chapters of the book stay inside it; links to any other page go to the site;
the ids of each chapter are prefixed with its anchor, so that two articles' « Partie 1 » stay
apart. Images point to the built site's files.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ..content.schema import Article
from ..content.vocab import Vocabulary
from .plan import Book

GLOSSARY = "glossaire"
# What the built page adds around an article's text: not in a book.
DROPPED = "h1, a.headerlink, .kb-article-meta, .kb-popovers, [data-pagefind-ignore], script"


@dataclass(frozen=True)
class Chapter:
    anchor: str  # unique in the book: a-<slug>, or glossaire
    title: str
    body: str  # HTML, links already resolved
    article: Article | None = None
    part: str = ""  # the category heading it opens, when it is the first of its part


# (chapter anchor, id inside it or "") → the href that reaches it in this kind of file.
Inside = Callable[[str, str], str]


def anchor_of(article: Article) -> str:
    return f"a-{article.slug}"


def chapters(
    book: Book, html: Path, base: str, inside: Inside, glossary_title: str = "Glossaire"
) -> list[Chapter]:
    """The chapters of ``book`` from the site built in ``html`` (``base``: its address)."""
    anchors = {a.docname: anchor_of(a) for a in book.articles}
    if book.glossary:
        anchors[GLOSSARY] = GLOSSARY
    found = []
    for part in book.parts:
        for index, article in enumerate(part.articles):
            body = _body(html, article.docname, anchors, base, inside)
            title = part.title if index == 0 else ""
            found.append(Chapter(anchors[article.docname], article.title, body, article, title))
    if book.glossary and (html / f"{GLOSSARY}.html").is_file():
        found.append(
            Chapter(GLOSSARY, glossary_title, _body(html, GLOSSARY, anchors, base, inside))
        )
    return found


def _body(html: Path, docname: str, anchors: dict[str, str], base: str, inside: Inside) -> str:
    page = BeautifulSoup((html / f"{docname}.html").read_text("utf-8"), "html.parser")
    text = page.select_one("[data-pagefind-body] > section") or page.select_one("article")
    if text is None:
        return ""
    for element in text.select(DROPPED):
        element.decompose()
    own = anchors[docname]
    for element in text.find_all(id=True):
        element["id"] = f"{own}--{element['id']}"
    for link in text.find_all("a", href=True):
        link["href"] = _target(str(link["href"]), docname, anchors, base, inside)
    for image in text.find_all("img", src=True):
        src = str(image["src"])
        if "://" not in src and not src.startswith("data:"):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(docname), src))
            image["src"] = (html / path).resolve().as_uri()
    _unwrap(text)
    return "".join(str(child) for child in text.children)


def _target(href: str, docname: str, anchors: dict[str, str], base: str, inside: Inside) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    fragment = parts.fragment
    if not parts.path:  # the same page
        return inside(anchors[docname], fragment)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path))
    target = path.removesuffix(".html")
    if target in anchors:
        return inside(anchors[target], fragment)
    return base + path + (f"#{fragment}" if fragment else "")


def _unwrap(section: Tag) -> None:
    """Nested sections become plain blocks: the book numbers its own levels."""
    for inner in section.find_all("section"):
        inner.name = "div"


def author_names(article: Article, vocab: Vocabulary) -> list[str]:
    return [vocab.authors[key].name for key in article.authors if key in vocab.authors]
