"""What the eco-design statement says of the built site, measured on it once everything else
is written: the weight of its pages, what an article page loads (requests, bytes, compressed
bytes), its fonts, images and share cards. The same outputs give the same figures."""

from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Folders of the output that are not pages readers open (assets, search index, books, cards).
NOT_PAGES = ("_static", "_images", "_downloads", "cards", "telechargements", "pagefind")
_REFERENCES = re.compile(
    rb'<(?:script[^>]*\ssrc|link[^>]*\shref|img[^>]*\ssrc)="([^"#?]+)(?:[?#][^"]*)?"'
)
_CSS_URL = re.compile(rb"url\(\s*['\"]?([^'\")?#]+)")


@dataclass(frozen=True)
class Measures:
    pages: int
    median_kb: float  # HTML of a page, uncompressed
    largest_kb: float
    article: str  # the page measured as a reader's first visit
    requests: int  # the page and every file it loads (fonts included)
    first_visit_kb: float  # uncompressed
    first_visit_gzip_kb: float  # compressed as servers send it
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


def loads(outdir: Path, page: Path) -> list[Path]:
    """The site's files ``page`` loads: scripts, stylesheets, images, and the fonts and images
    its stylesheets name (in the order met, each once)."""
    found: list[Path] = []

    def add(base: Path, reference: bytes) -> Path | None:
        text = unquote(reference.decode("utf-8", "replace"))
        if urlsplit(text).scheme or text.startswith(("//", "data:")):
            return None
        target = (base.parent / text).resolve()
        if target.is_file() and outdir.resolve() in target.parents and target not in found:
            found.append(target)
            return target
        return None

    for reference in _REFERENCES.findall(page.read_bytes()):
        target = add(page, reference)
        if target is not None and target.suffix == ".css":
            for inner in _CSS_URL.findall(target.read_bytes()):
                add(target, inner)
    return found


def measure(outdir: Path, article: str, third_parties: int, itself: str) -> Measures:
    """The site at ``outdir``; ``article``: the page a first visit is measured on;
    ``itself``: the statement's own file, left out (the same count before and after it)."""
    pages = page_files(outdir, itself)
    sizes = [path.stat().st_size for path in pages] or [0]
    page = outdir / article
    files = loads(outdir, page) if page.is_file() else []
    visit = [page, *files] if page.is_file() else []
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
        fonts=len(fonts),
        fonts_kb=kilobytes(sum(path.stat().st_size for path in fonts)),
        images=len(images),
        images_kb=kilobytes(sum(path.stat().st_size for path in images)),
        cards=len(cards),
        third_parties=third_parties,
    )
