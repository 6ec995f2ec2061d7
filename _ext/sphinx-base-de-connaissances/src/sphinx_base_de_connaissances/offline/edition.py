"""Writing the books of an edition, each only when what it shows changed: its plan (titles,
articles, their metadata), the text of each of its chapters' built pages and the engine's
version and typesetting code. Shared by ``base-de-connaissances offline`` and the build
(``kb_offline``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .._version import __version__
from ..content.vocab import Vocabulary
from ..source.boundary import image_refusal
from ..state import StateFile, mapping_of, stamp
from . import assemble, epub, pdf, render
from .plan import Book
from .render import FONTS

HERE = Path(__file__).parent
STATE = StateFile("kb-offline.json", 3, mapping_of(str))  # book stem → "digest stamp"


def engine() -> str:
    """The typesetting code, layout and fonts as installed, and Typst's and EbookLib's
    versions: an edited engine whose version did not change, another font or another Typst
    makes the books again."""
    files = sorted(HERE.rglob("*.py")) + sorted(HERE.rglob("*.typ")) + sorted(FONTS.glob("*"))
    hasher = hashlib.sha256(b"".join(path.read_bytes() for path in files))
    for name in ("typst", "ebooklib"):
        try:
            hasher.update(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            hasher.update(f"{name} -".encode())
    return hasher.hexdigest()


def digest(book: Book, pages: assemble.BuiltPages, base: str, typesetter: str) -> str:
    """What the book shows: its plan, the engine that typesets it, the text of each of its
    chapters' pages (not what surrounds it: a page rewritten for its navigation alone does not
    make the book again) and their images' files (by size and time)."""
    parts = [__version__, typesetter, base, repr(book)]
    names = [a.docname for a in book.articles] + ([assemble.GLOSSARY] if book.glossary else [])
    for name in names:
        parts.append(f"{name}:{hashlib.sha256(pages.text(name)).hexdigest()}")
        for image in pages.images(name):
            stat = image.stat() if image.is_file() else None
            parts.append(f"{image.name}:{stat.st_size}:{stat.st_mtime_ns}" if stat else "-")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


# docname → (its source file as shown to writers, its text): where a problem is told.
Sources = Callable[[str], tuple[str, str]]


def default_sources(docname: str) -> tuple[str, str]:
    return f"{docname}.md", ""


def image_problems(chapters: list[assemble.Chapter], html: Path, sources: Sources) -> list[str]:
    """Each image of the chapters that Typst or an EPUB reader could not show (damaged, not
    what its name says, too large), at the line of its article that names it."""
    problems = []
    for chapter in chapters:
        found = chapter.body.find_all("img", attrs={assemble.IMAGE: True}) if chapter.body else []
        for image in found:
            path = assemble.image_file(html, image)
            if path is None:
                continue  # not in the site: its text is shown
            refused = image_refusal(path.name, path.read_bytes())
            if refused is not None:
                shown, source = sources(chapter.docname)
                line = next(
                    (n for n, text in enumerate(source.splitlines(), 1) if path.name in text), 1
                )
                problems.append(f"{shown}:{line}: {refused}")
    return problems


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
    sources: Sources = default_sources,
) -> list[Path]:
    """Every book's PDF and EPUB in ``out`` (a book whose digest is unchanged since the last
    run recorded in the folder ``state`` is kept); files of books no longer made go. A book
    whose images cannot be shown raises ``TypesettingError`` with every problem, each at its
    article's file and line (``sources``), before anything of it is written."""
    known = (STATE.load(state) if state is not None else None) or {}
    fresh: dict[str, str] = {}
    written: list[Path] = []
    pages = assemble.BuiltPages(html)
    typesetter = engine()
    for book in books:
        files = [out / f"{book.stem}.pdf", out / f"{book.stem}.epub"]
        current = digest(book, pages, base, typesetter)
        written += files
        if known.get(book.stem) == f"{current} {stamp(files)}":
            fresh[book.stem] = known[book.stem]
            continue
        chapters = assemble.chapters(book, pages)
        problems = image_problems(chapters, html, sources)
        if problems:
            raise pdf.TypesettingError(problems, book.stem)
        common = {
            "project": project,
            "base": base,
            "urls": {a.anchor: f"{base}{a.docname}.html" for a in chapters if a.article},
            "vocab": vocab,
            "edition": book.edition,
            "images": html,
        }
        source = render.book_source(book, chapters, **common)
        pdf.write_pdf(source, files[0], root=html, edition=book.edition)
        epub.write_epub(book, chapters, files[1], **common)
        fresh[book.stem] = f"{current} {stamp(files)}"
        log(f"livre {book.stem} : PDF et EPUB écrits")
    # The books an earlier run made and this one no longer makes; never another file.
    for stem in known.keys() - fresh.keys():
        for suffix in (".pdf", ".epub"):
            (out / f"{stem}{suffix}").unlink(missing_ok=True)
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
