"""What the eco-design page says of the built site, measured on it once everything else is
written: the weight of its pages, what a browser fetches as it opens an article (requests,
bytes, compressed bytes; apart, the fonts its stylesheet names, fetched only when the page
shows one of their glyphs), its fonts, images and share cards. The same outputs give the same
figures."""

from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Folders of the output that are not pages readers open (assets, search index, books, cards,
# the writers' editing space).
NOT_PAGES = ("_static", "_images", "_downloads", "cards", "telechargements", "pagefind", "admin")
# What a browser fetches as it opens a page: scripts, images, and the links it follows
# (stylesheets, icons, preloads); not feeds, previous/next pages, the Markdown twin or llms.txt.
_ELEMENTS = re.compile(rb"<(script|img|link)\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(rb'\s(src|href|rel)="([^"]*)"', re.I)
_FETCHED_LINKS = frozenset({b"stylesheet", b"icon", b"preload", b"modulepreload"})
_CSS_URL = re.compile(rb"url\(\s*['\"]?([^'\")?#]+)")


@dataclass(frozen=True)
class Measures:
    pages: int
    median_kb: float  # HTML of a page, uncompressed
    largest_kb: float
    article: str  # the page measured as a reader's first visit
    requests: int  # the page and every file it makes the browser fetch
    first_visit_kb: float  # uncompressed
    first_visit_gzip_kb: float  # compressed as servers send it
    on_use: int  # files its stylesheets name (icon fonts): fetched only when the page uses them
    on_use_kb: float
    fonts: int
    fonts_kb: float
    images: int
    images_kb: float
    cards: int
    third_parties: int


def kilobytes(size: float) -> float:
    return round(size / 1024, 1)


def page_files(outdir: Path, itself: str) -> list[Path]:
    """The pages readers open, but the statement ``itself`` (written after it measures)."""
    return sorted(
        path
        for path in outdir.rglob("*.html")
        if path.relative_to(outdir).parts[0] not in NOT_PAGES
        and path.relative_to(outdir).as_posix() != itself
    )


def references(html: bytes) -> list[bytes]:
    """The addresses a browser fetches as it opens the page ``html``, in order."""
    found = []
    for element in _ELEMENTS.finditer(html):
        attributes = {k.lower(): v for k, v in _ATTRIBUTE.findall(element[0])}
        kind = element[1].lower()
        if kind == b"link":
            if _FETCHED_LINKS & set(attributes.get(b"rel", b"").lower().split()):
                found.append(attributes.get(b"href", b""))
        else:
            found.append(attributes.get(b"src", b""))
    return [ref.split(b"#")[0].split(b"?")[0] for ref in found if ref]


class Loads:
    """The site's files a page makes a browser fetch (``direct``: scripts, stylesheets,
    images, icons) and those its stylesheets name (``on_use``: fonts and images, fetched only
    when something on the page uses them), each once, in the order met."""

    def __init__(self, outdir: Path, page: Path) -> None:
        self.outdir = outdir.resolve()
        self.direct: list[Path] = []
        self.on_use: list[Path] = []
        for reference in references(page.read_bytes()):
            target = self.add(page, reference, self.direct)
            if target is not None and target.suffix == ".css":
                for inner in _CSS_URL.findall(target.read_bytes()):
                    self.add(target, inner, self.on_use)

    def add(self, base: Path, reference: bytes, into: list[Path]) -> Path | None:
        text = unquote(reference.decode("utf-8", "replace"))
        if urlsplit(text).scheme or text.startswith(("//", "data:")):
            return None
        target = (base.parent / text).resolve()
        seen = target in self.direct or target in self.on_use
        if target.is_file() and self.outdir in target.parents and not seen:
            into.append(target)
            return target
        return None


def loads(outdir: Path, page: Path) -> list[Path]:
    """Every file of the site ``page`` may make a browser fetch."""
    found = Loads(outdir, page)
    return [*found.direct, *found.on_use]


def measure(outdir: Path, article: str, third_parties: int, itself: str) -> Measures:
    """The site at ``outdir``; ``article``: the page a first visit is measured on;
    ``itself``: the statement's own file, left out (the same count before and after it)."""
    pages = page_files(outdir, itself)
    sizes = [path.stat().st_size for path in pages] or [0]
    page = outdir / article
    found = Loads(outdir, page) if page.is_file() else None
    visit = [page, *found.direct] if found else []
    on_use = found.on_use if found else []
    raw = sum(path.stat().st_size for path in visit)
    packed = sum(len(gzip.compress(path.read_bytes(), mtime=0)) for path in visit)
    static = outdir / "_static"
    fonts = sorted(static.rglob("*.woff2")) if static.is_dir() else []
    images = sorted((outdir / "_images").glob("*")) if (outdir / "_images").is_dir() else []
    cards = list((outdir / "cards").rglob("*.png")) if (outdir / "cards").is_dir() else []
    return Measures(
        pages=len(pages),
        median_kb=kilobytes(statistics.median(sizes)),
        largest_kb=kilobytes(max(sizes)),
        article=article,
        requests=len(visit),
        first_visit_kb=kilobytes(raw),
        first_visit_gzip_kb=kilobytes(packed),
        on_use=len(on_use),
        on_use_kb=kilobytes(sum(path.stat().st_size for path in on_use)),
        fonts=len(fonts),
        fonts_kb=kilobytes(sum(path.stat().st_size for path in fonts)),
        images=len(images),
        images_kb=kilobytes(sum(path.stat().st_size for path in images)),
        cards=len(cards),
        third_parties=third_parties,
    )
