"""Which share cards the site has, which card each page shows, and drawing only what changed.

A card is drawn again only when its digest (text, fonts, design) differs from the one recorded
beside the doctrees by the previous build, or its file is not the one written then (missing,
damaged, replaced: ``state.stamp``); each file is written whole (a temporary file renamed), so
a failed build never leaves half a PNG.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..state import StateFile, mapping_of, stamp, write_whole
from .cards import HEIGHT, WIDTH, CardText, digest, draw

STORE = StateFile("kb-cards.json", 2, mapping_of(str))  # card path → "digest stamp"
FOLDER = "cards"
SITE_CARD = f"{FOLDER}/index.png"
SIZE = (WIDTH, HEIGHT)
MEDIA_TYPE = "image/png"


@dataclass(frozen=True)
class CardSpec:
    path: str  # relative to the output folder
    text: CardText


def article_card(docname: str) -> str:
    return f"{FOLDER}/{docname}.png"


def category_card(key: str) -> str:
    return f"{FOLDER}/categories/{key}.png"


def card_for(pagename: str, articles: Mapping[str, object], categories: Iterable[str]) -> str:
    """The card a page shows: its article's, its category's (every page of a category
    listing), else the site's."""
    if pagename in articles:
        return article_card(pagename)
    parts = pagename.split("/")
    if len(parts) >= 2 and parts[0] == "categories" and parts[1] in set(categories):
        return category_card(parts[1])
    return SITE_CARD


class Drawing:
    """The cards whose digest changed, drawn while the pages are written.

    ``start`` (once the catalog is known) hands many stale cards to worker processes, one
    fewer than the cores, since the build goes on writing pages in its own; ``finish`` (at
    ``build-finished``) writes them, with those drawn in the build's process when few. The
    bytes do not depend on where a card was drawn.
    """

    def __init__(self, outdir: Path, doctreedir: Path, specs: Iterable[CardSpec]) -> None:
        self.outdir, self.doctreedir = outdir, doctreedir
        self.old: dict[str, str] = STORE.load(doctreedir) or {}
        self.digests: dict[str, str] = {}
        self.stale: list[CardSpec] = []
        for spec in specs:
            self.digests[spec.path] = current = digest(spec.text)
            if self.old.get(spec.path) != self._record(spec.path, current):
                self.stale.append(spec)
        self._pool: ProcessPoolExecutor | None = None
        self._drawn: Iterator[bytes] | None = None
        self.started = False

    def start(self, *, background: bool) -> Drawing:
        """Begin drawing in worker processes when there are many cards (``background``: the
        build writes pages meanwhile, so one core is left to it)."""
        self.started = True
        cores = (os.cpu_count() or 1) - (1 if background else 0)
        workers = min(cores, len(self.stale) // (PARALLEL_FROM // 2))
        if workers >= 1 and len(self.stale) >= PARALLEL_FROM and (background or workers >= 2):
            # fork where there is one: the workers inherit the loaded fonts.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            context = multiprocessing.get_context(method)
            self._pool = ProcessPoolExecutor(workers, mp_context=context)
            self._drawn = self._pool.map(draw, [spec.text for spec in self.stale], chunksize=16)
        return self

    def finish(self) -> tuple[list[str], int]:
        """Write the stale cards (drawn now on every core if ``start`` was not called);
        return (every card path, number drawn)."""
        if not self.started:
            self.start(background=False)
        try:
            texts = (spec.text for spec in self.stale)
            drawn = self._drawn if self._drawn is not None else map(draw, texts)
            for spec, data in zip(self.stale, drawn, strict=True):
                write_whole(self.outdir / spec.path, data)
        finally:
            self.cancel()
        drawn_now = {spec.path for spec in self.stale}
        records = {
            path: self._record(path, value) if path in drawn_now else self.old[path]
            for path, value in self.digests.items()
        }
        if records != self.old:
            STORE.save(self.doctreedir, records, indent=0)
        return sorted(self.digests), len(self.stale)

    def _record(self, path: str, card_digest: str) -> str:
        """What the state file keeps of a card: its digest and its file as it is now."""
        return f"{card_digest} {stamp([self.outdir / path])}"

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# Below this many cards, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
