"""The book's Typst source for the PDF: the preamble (``templates/book.typ``: page, fonts,
headings, contents), the cover, the contents, then each part and chapter with its authors,
dates and permanent address. Every string comes in escaped (``markup``): titles and
descriptions are untrusted text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import Tag

from ..content.dates import french_date
from ..content.schema import Article
from ..content.vocab import Vocabulary
from . import assemble
from .assemble import ADDRESS, IMAGE, Chapter, byline, image_file
from .markup import Converter, ids, label, string, text
from .plan import Book

HERE = Path(__file__).parent
PREAMBLE = HERE / "templates" / "book.typ"
FONTS = HERE.parent / "fonts"


def pdf_inside(anchor: str, fragment: str) -> str:
    return f"#{anchor}--{fragment}" if fragment else f"#{anchor}"


def book_source(
    book: Book,
    chapters: list[Chapter],
    *,
    project: str,
    base: str,
    urls: dict[str, str],
    vocab: Vocabulary,
    edition: dt.date,
    images: Path,
) -> str:
    """The whole book in Typst; ``images``: the built site, where the chapters' images are
    (Typst's root when it compiles the source)."""
    known = {chapter.anchor for chapter in chapters}
    for chapter in chapters:
        known |= ids(chapter.body) if chapter.body is not None else set()
    anchors = {chapter.docname: chapter.anchor for chapter in chapters}
    converter = Converter(known, lambda source: _image(images, source))
    date = f"datetime(year: {edition.year}, month: {edition.month}, day: {edition.day})"
    out = [
        PREAMBLE.read_text("utf-8"),
        f"#show: kb-book.with(title: {string(book.title)}, author: {string(project)}, "
        f"description: {string(book.description)}, date: {date})",
        f"#kb-cover(project: {string(project)}, title: {string(book.title)}, "
        f"description: {string(book.description)}, "
        f"edition: {string('Édition du ' + french_date(edition))}, site: {string(base)})",
        "#kb-contents()",
    ]
    after_part = False
    for chapter in chapters:
        if chapter.part:
            out.append(f"#heading(level: 1)[{text(chapter.part)}]")
            after_part = True
        if not after_part:
            out.append("#pagebreak(weak: true)")
        after_part = False
        # An article is a chapter; the glossary, after the last one, a part of its own.
        level = 2 if chapter.article is not None else 1
        title = text(chapter.title)
        out.append(f"#heading(level: {level})[{title}] <{label(chapter.anchor)}>")
        if chapter.article is not None:
            out.append(_meta(chapter.article, vocab, urls[chapter.anchor]))
        if chapter.body is not None:

            def resolve(href: str, docname: str = chapter.docname) -> str:
                return assemble.target(href, docname, anchors, base, pdf_inside)

            out.append(converter.convert(chapter.body, resolve))
    return "\n\n".join(out) + "\n"


def _meta(article: Article, vocab: Vocabulary, url: str) -> str:
    address = f"#link({string(url)})[{text(url)}]"
    return f"#kb-meta[{text(byline(article, vocab))}#linebreak(){text(ADDRESS)}{address}]"


def _image(root: Path, image: Tag) -> str | None:
    """The image's path for Typst, whose root is the built site (None: its text is shown)."""
    return f"/{image[IMAGE]}" if image_file(root, image) else None
