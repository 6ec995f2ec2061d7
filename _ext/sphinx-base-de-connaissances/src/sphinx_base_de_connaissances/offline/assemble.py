"""One book's chapters, taken from the built HTML pages: each article's own text (as readers
see it on the site: French spacing, code, figures); then the glossary in the base's book.

Each page is read once per edition (``Pages``), whatever the number of books and formats that
hold it: only the part Pagefind indexes is parsed, what the page adds around the text goes, and
the ids of each chapter are prefixed with its anchor, so that two articles' « Partie 1 » stay
apart. Links are left as the page has them; each format resolves them with ``target``: links
between chapters of the book stay inside it, links to any other page go to the site.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from ..content.dates import french_date
from ..content.indexed import PART, indexed_text
from ..content.schema import Article
from ..content.vocab import Vocabulary
from .plan import Book

GLOSSARY = "glossaire"
# Before each chapter's permanent address (French spacing: a no-break space before the colon).
ADDRESS = "Adresse permanente\u00a0: "
# What the built page adds around an article's text: not in a book.
DROPPED = f"h1, a.headerlink, [{PART}], .kb-popovers, [data-pagefind-ignore], [hidden], script"
# An image's source in a chapter: its path under the built site's root.
IMAGE = "data-kb-image"
_IMG_SRC = re.compile(rb'<img\b[^>]*?\ssrc="([^"]*)"')
# The images a book may hold (EPUB core media types, all read by Typst), by suffix.
MEDIA = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


@dataclass(frozen=True)
class Chapter:
    anchor: str  # unique in the book: a-<slug>, or glossaire
    title: str
    docname: str
    body: Tag | None  # the page's text; its links as the page has them
    article: Article | None = None
    part: str = ""  # the category heading it opens, when it is the first of its part


# (chapter anchor, id inside it or "") → the href that reaches it in this kind of file.
Inside = Callable[[str, str], str]


def anchor_of(article: Article) -> str:
    return f"a-{article.slug}"


class BuiltPages:
    """The built site's pages, each read and cleaned once for every book of an edition."""

    def __init__(self, html: Path) -> None:
        self.html = html
        self._texts: dict[str, bytes] = {}
        self._bodies: dict[str, Tag | None] = {}

    def body(self, docname: str, anchor: str) -> Tag | None:
        if docname not in self._bodies:
            self._bodies[docname] = self._read(docname, anchor)
        return self._bodies[docname]

    def text(self, docname: str) -> bytes:
        """What the page shows of its own, or b"" when it is gone."""
        if docname not in self._texts:
            page = self.html / f"{docname}.html"
            self._texts[docname] = indexed_text(page.read_bytes()) if page.is_file() else b""
        return self._texts[docname]

    def images(self, docname: str) -> list[Path]:
        """The site's files of the images the page shows (their content is not in its text)."""
        sources = (m.decode("utf-8", "replace") for m in _IMG_SRC.findall(self.text(docname)))
        paths = (site_path(docname, html.unescape(src)) for src in sources)
        return [self.html / path for path in paths if path]

    def _read(self, docname: str, anchor: str) -> Tag | None:
        page = BeautifulSoup(self.text(docname), "html.parser")
        # The article's sections, then its footnotes.
        text = page.select_one("[data-pagefind-body]") or page.select_one("article")
        if text is None:
            return None
        for element in text.select(DROPPED):
            element.decompose()
        for element in text.find_all(id=True):
            element["id"] = f"{anchor}--{element['id']}"
        for image in text.find_all("img", src=True):
            path = site_path(docname, str(image["src"]))
            if path:
                image[IMAGE] = path
        for inner in text.find_all("section"):  # the book numbers its own levels
            inner.name = "div"
        return text


def site_path(docname: str, src: str) -> str:
    """The path under the site's root of a file the page ``docname`` names by ``src`` ("" for
    a file from elsewhere or written in the page)."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith(("/", "\\")):
        return ""
    # An address: its path percent-encoded (schéma.png, prix$.png are files of other names).
    path = posixpath.normpath(posixpath.join(posixpath.dirname(docname), unquote(parts.path)))
    return "" if path == ".." or path.startswith("../") else path


def chapters(book: Book, pages: BuiltPages, glossary_title: str = "Glossaire") -> list[Chapter]:
    """The chapters of ``book``, from the built ``pages``."""
    found = []
    for part in book.parts:
        for index, article in enumerate(part.articles):
            anchor = anchor_of(article)
            body = pages.body(article.docname, anchor)
            heading = part.title if index == 0 else ""
            found.append(Chapter(anchor, article.title, article.docname, body, article, heading))
    if book.glossary and (pages.html / f"{GLOSSARY}.html").is_file():
        body = pages.body(GLOSSARY, GLOSSARY)
        found.append(Chapter(GLOSSARY, glossary_title, GLOSSARY, body))
    return found


def target(href: str, docname: str, anchors: dict[str, str], base: str, inside: Inside) -> str:
    """Where a link of the page ``docname`` leads in a book whose chapters are ``anchors``
    (docname → anchor): inside the book when it can, else to the site at ``base``."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    fragment = parts.fragment
    if not parts.path:  # the same page
        return inside(anchors[docname], fragment)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path))
    found = path.removesuffix(".html")
    if found in anchors:
        return inside(anchors[found], fragment)
    return base + path + (f"#{fragment}" if fragment else "")


def image_file(site: Path, image: Tag) -> Path | None:
    """The built site's file of a chapter's image, when it is there in a format a book can
    hold (None: an image from elsewhere, missing, or of another format)."""
    path = image.get(IMAGE)
    found = site / str(path) if path else None
    if found is None or found.suffix.lower() not in MEDIA or not found.is_file():
        return None
    # Never a file of the machine through a link left in the built site.
    return found if found.resolve().is_relative_to(site.resolve()) else None


def byline(article: Article, vocab: Vocabulary) -> str:
    """« Par A, B · publié le …, mis à jour le … », under each chapter's title."""
    names = [vocab.authors[key].name for key in article.authors if key in vocab.authors]
    line = f"Par {', '.join(names)} · " if names else ""
    line += f"publié le {french_date(article.date)}"
    if article.updated:
        line += f", mis à jour le {french_date(article.updated)}"
    return line
