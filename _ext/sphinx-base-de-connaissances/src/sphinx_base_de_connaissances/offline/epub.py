"""The EPUB 3, made by EbookLib: one XHTML file per chapter, the navigation document and the
NCX listing them, the language ``fr``, the same bytes for the same inputs (fixed timestamps in
the archive, an identifier derived from the book's address)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath

from bs4 import NavigableString, Tag
from markupsafe import escape

from ..content.dates import french_date
from ..content.vocab import Vocabulary
from . import assemble
from .assemble import ADDRESS, IMAGE, MEDIA, Chapter, byline
from .pdf import TypesettingError
from .plan import Book

CSS = """body { font-family: serif; line-height: 1.5; hyphens: auto; }
h1, h2, h3 { font-family: sans-serif; line-height: 1.2; }
.meta { font-size: 0.85em; color: #444; }
pre { white-space: pre-wrap; }
"""
# An archive's entries all carry this date: the same inputs, the same bytes.
FIXED = (2000, 1, 1, 0, 0, 0)


def href_of(anchor: str, fragment: str) -> str:
    """The link to a chapter (or an id inside it) from another chapter of the EPUB."""
    return f"{anchor}.xhtml" + (f"#{anchor}--{fragment}" if fragment else "")


def write_epub(
    book: Book,
    chapters: list[Chapter],
    target: Path,
    *,
    project: str,
    base: str,
    urls: dict[str, str],
    vocab: Vocabulary,
    edition: dt.date,
    images: Path,
) -> None:
    from ebooklib import epub  # only when a book is made

    document = epub.EpubBook()
    document.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base + book.stem)}")
    document.set_title(book.title)
    document.set_language("fr")
    document.add_author(project)
    document.add_metadata("DC", "description", book.description or book.title)
    document.add_metadata("DC", "date", edition.isoformat())
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=CSS)
    document.add_item(style)
    cover = epub.EpubHtml(title="Couverture", file_name="couverture.xhtml", lang="fr")
    cover.content = (
        f"<h1>{escape(book.title)}</h1><p>{escape(book.description)}</p>"
        f"<p>{escape(project)} — édition du {escape(french_date(edition))}</p>"
        f'<p><a href="{escape(base)}">{escape(base)}</a></p>'
    )
    cover.add_item(style)
    document.add_item(cover)
    items = []
    anchors = {chapter.docname: chapter.anchor for chapter in chapters}
    held = images_of(chapters, images)
    for name, path in sorted(held.items()):
        media = MEDIA[path.suffix.lower()]
        document.add_item(
            epub.EpubItem(file_name=name, media_type=media, content=path.read_bytes())
        )
    for chapter in chapters:
        item = epub.EpubHtml(title=chapter.title, file_name=f"{chapter.anchor}.xhtml", lang="fr")
        header = f'<h1 id="{chapter.anchor}">{escape(chapter.title)}</h1>'
        if chapter.article is not None:
            link = urls[chapter.anchor]
            header += (
                f'<p class="meta">{escape(byline(chapter.article, vocab))}'
                f'<br/>{escape(ADDRESS)}<a href="{escape(link)}">{escape(link)}</a></p>'
            )
        body = ""
        if chapter.body is not None:
            body = _xhtml(chapter.body, chapter.docname, anchors, base, held)
        item.content = header + body
        if "<math" in body:  # EPUB 3 readers typeset MathML; the manifest must say so
            item.properties.append("mathml")
        item.add_item(style)
        document.add_item(item)
        items.append(item)
    document.toc = [epub.Link(f"{c.anchor}.xhtml", c.title, c.anchor) for c in chapters]
    document.add_item(epub.EpubNcx())
    document.add_item(epub.EpubNav())
    document.spine = ["nav", cover, *items]
    buffer = io.BytesIO()
    # dcterms:modified is the edition's day, not the time of writing.
    modified = dt.datetime.combine(edition, dt.time())
    try:
        epub.write_epub(buffer, document, {"mtime": modified})
    except Exception as error:  # EbookLib's own errors have no common class
        problem = (
            f"{target.name} : l’EPUB n’a pas pu être écrit ({error.__class__.__name__}) ; "
            "c’est un défaut du moteur : signalez-le avec ce message."
        )
        raise TypesettingError([problem], target.name) from error
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(_reproducible(buffer.getvalue()))
    temporary.replace(target)


def _xhtml(
    body: Tag, docname: str, anchors: dict[str, str], base: str, held: dict[str, Path]
) -> str:
    """The chapter's body with its links resolved for this book and its images taken into the
    book (``held``: their names in the archive → the built site's files). An image the site
    lacks, or one from elsewhere, shows its text: an EPUB reaches no network. The page, shared
    by every book, is left as it was."""
    undo: list[Callable[[], object]] = []
    for link in body.find_all("a", href=True):
        undo.append(partial(link.__setitem__, "href", link["href"]))
        link["href"] = assemble.target(str(link["href"]), docname, anchors, base, href_of)
    for image in body.find_all("img", src=True):
        name = archive_name(str(image[IMAGE])) if image.get(IMAGE) else ""
        if name in held:
            undo.append(partial(image.__setitem__, "src", image["src"]))
            image["src"] = name
        else:
            alt = NavigableString(str(image.get("alt", "")))
            image.replace_with(alt)
            undo.append(partial(alt.replace_with, image))
    try:
        return "".join(str(child) for child in body.children)
    finally:
        for step in reversed(undo):
            step()


def images_of(chapters: list[Chapter], site: Path) -> dict[str, Path]:
    """The images the chapters show that the built site has, by their name in the archive."""
    found = {}
    for chapter in chapters:
        for image in chapter.body.find_all("img", attrs={IMAGE: True}) if chapter.body else []:
            path = assemble.image_file(site, image)
            if path is not None:
                found[archive_name(str(image[IMAGE]))] = path
    return found


def archive_name(path: str) -> str:
    """An image's name in the archive: from its path on the site, in letters and digits only
    (a name with accents, spaces, « $ » or « ' » would need escaping in every reference)."""
    digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]
    return f"images/{digest}{PurePosixPath(path).suffix.lower()}"


def _reproducible(data: bytes) -> bytes:
    """The archive again with fixed timestamps; ``mimetype`` first and stored, as EPUB wants."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != "mimetype", 0)):
            entry = zipfile.ZipInfo(info.filename, FIXED)
            stored = info.filename == "mimetype"
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(entry, source.read(info.filename))
    return output.getvalue()
