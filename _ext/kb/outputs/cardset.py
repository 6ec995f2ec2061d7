"""Which share cards the site has, which card each page shows, and drawing only what changed.

A card is drawn again only when its digest (text, fonts, design) differs from the one recorded
beside the doctrees by the previous build, or its file is missing; each file is written whole
(a temporary file renamed), so a failed build never leaves half a PNG.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..state import StateFile, mapping_of, write_whole
from .cards import HEIGHT, WIDTH, CardText, digest, draw

STORE = StateFile("kb-cards.json", 1, mapping_of(str))  # card path → digest
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


def write(outdir: Path, doctreedir: Path, specs: Iterable[CardSpec]) -> tuple[list[str], int]:
    """Draw the cards whose digest changed; return (every card path, number drawn)."""
    old: dict[str, str] = STORE.load(doctreedir) or {}
    new: dict[str, str] = {}
    stale: list[CardSpec] = []
    for spec in specs:
        new[spec.path] = current = digest(spec.text)
        if old.get(spec.path) != current or not (outdir / spec.path).is_file():
            stale.append(spec)
    for spec, data in zip(stale, _draw_all([spec.text for spec in stale]), strict=True):
        write_whole(outdir / spec.path, data)
    STORE.save(doctreedir, new, indent=0)
    return sorted(new), len(stale)


# Below this many cards, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


def _draw_all(texts: list[CardText]) -> Iterator[bytes]:
    """PNG bytes of each card, in order; on several cores when there are many (a first build
    draws one per article). The bytes do not depend on where a card was drawn."""
    workers = min(os.cpu_count() or 1, len(texts) // (PARALLEL_FROM // 2))
    if workers < 2:
        yield from map(draw, texts)
        return
    # fork where there is one: the workers inherit the loaded fonts instead of importing again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        yield from pool.map(draw, texts, chunksize=16)
