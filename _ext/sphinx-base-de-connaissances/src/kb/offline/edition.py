"""Writing the books of an edition, each only when what it shows changed: its plan (titles,
articles, their metadata), the built page of each of its chapters (by size and time) and the
engine's version. Shared by ``python -m kb offline`` and the build (``kb_offline``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from .._version import __version__
from ..content.vocab import Vocabulary
from ..state import StateFile, mapping_of
from . import assemble, epub, pdf, render
from .plan import Book

STATE = StateFile("kb-offline.json", 1, mapping_of(str))  # book stem → digest


def pdf_inside(anchor: str, fragment: str) -> str:
    return f"#{anchor}--{fragment}" if fragment else f"#{anchor}"


def digest(book: Book, html: Path, base: str) -> str:
    parts = [__version__, base, repr(book)]
    names = [a.docname for a in book.articles] + (["glossaire"] if book.glossary else [])
    for name in names:
        page = html / f"{name}.html"
        stat = page.stat() if page.is_file() else None
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{name}:-")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def write_books(
    books: list[Book],
    html: Path,
    out: Path,
    *,
    project: str,
    base: str,
    vocab: Vocabulary,
    state: Path | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> list[Path]:
    """Every book's PDF and EPUB in ``out`` (a book whose digest is unchanged since the last
    run recorded in the folder ``state`` is kept); files of books no longer made go."""
    known = (STATE.load(state) if state is not None else None) or {}
    fresh: dict[str, str] = {}
    written: list[Path] = []
    for book in books:
        files = [out / f"{book.stem}.pdf", out / f"{book.stem}.epub"]
        fresh[book.stem] = current = digest(book, html, base)
        written += files
        if known.get(book.stem) == current and all(f.is_file() for f in files):
            continue
        urls = {assemble.anchor_of(a): f"{base}{a.docname}.html" for a in book.articles}
        common = {
            "project": project,
            "base": base,
            "url": urls,
            "vocab": vocab,
            "edition": book.edition,
        }
        chapters = assemble.chapters(book, html, base, pdf_inside)
        pdf.write_pdf(render.book_html(book, chapters, **common), files[0], base + book.stem)
        epub.write_epub(book, assemble.chapters(book, html, base, epub.href_of), files[1], **common)
        log(f"livre {book.stem} : PDF et EPUB écrits")
    for old in [*out.glob("*.pdf"), *out.glob("*.epub")]:
        if old not in written:
            old.unlink()
    if state is not None:
        STATE.save(state, fresh)
    return written


def sizes(files: list[Path]) -> dict[str, str]:
    """Each file's size as readers read it: « 69 Ko », « 9,6 Mo »."""
    found = {}
    for path in files:
        size = path.stat().st_size
        text = f"{size / 1024:.0f} Ko" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} Mo"
        found[path.name] = text.replace(".", ",").replace(" ", "\u00a0")
    return found
