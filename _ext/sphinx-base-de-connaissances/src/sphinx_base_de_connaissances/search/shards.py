"""The search index in shards: which pages each Pagefind bundle holds, and when a bundle is
out of date.

The documents' pages are split into shards of at most ``kb_search_shard_pages`` pages (by a
hash of their path, so that a page stays in its shard while the number of shards does not
change), each a Pagefind bundle of its own (``pagefind/``, ``pagefind-2/``…). A shard's
fingerprint covers its pages' paths and *indexed text* (between ``BODY_START`` and ``BODY_END``):
a page whose navigation changed leaves its shard as it was.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content.indexed import indexed_text
from ..state import StateFile, mapping_of, stamp

BUNDLE = "pagefind"  # the first shard, with Pagefind's scripts
SHARDS = "kb-shards.json"  # in BUNDLE: the other shards' folders
PENDING = "kb-pending"  # in BUNDLE: the index is older than the pages (the live preview)
# Beside the doctrees: each page's indexed text digest, by size and modification time.
PAGES = StateFile("kb-search-pages.json", 1, mapping_of(list))


@dataclass(frozen=True)
class Shard:
    bundle: str  # its folder in the output
    pages: tuple[str, ...]  # the output files it indexes
    fingerprint: str


def indexed_digests(pages: Sequence[str], state: Path | None = None) -> dict[str, str]:
    """Each page's digest of its indexed text; a state file in the folder ``state`` keeps them
    by size and modification time, so only the pages written since the last build are read."""
    known: dict[str, list[object]] = (PAGES.load(state) if state is not None else None) or {}
    fresh: dict[str, list[object]] = {}
    for page in pages:
        try:
            stat = os.stat(page)  # noqa: PTH116 (10,000 Path objects cost a second)
        except OSError:
            fresh[page] = [-1, -1, ""]
            continue
        entry = known.get(page)
        if entry is None or entry[:2] != [stat.st_size, stat.st_mtime_ns]:
            with open(page, "rb") as handle:  # noqa: PTH123
                digest = hashlib.sha256(indexed_text(handle.read())).hexdigest()
            entry = [stat.st_size, stat.st_mtime_ns, digest]
        fresh[page] = entry
    if state is not None and fresh != known:
        PAGES.save(state, fresh)
    return {page: str(entry[2]) for page, entry in fresh.items()}


def bundle_name(number: int) -> str:
    return BUNDLE if number == 1 else f"{BUNDLE}-{number}"


def plan(
    pages: Sequence[str | Path], outdir: Path, per_shard: int, doctreedir: Path | None = None
) -> list[Shard]:
    """The shards of ``pages`` (the documents' output files): as few as hold at most
    ``per_shard`` pages each, a page's shard chosen by a hash of its path. A shard's
    fingerprint covers its pages' paths and indexed text (cached beside ``doctreedir``)."""
    count = max(1, math.ceil(len(pages) / max(1, per_shard)))
    groups: list[list[str]] = [[] for _ in range(count)]
    prefix = len(str(outdir).rstrip(os.sep)) + 1
    names = sorted(map(str, pages))
    for page in names:
        groups[zlib.crc32(page[prefix:].encode()) % count].append(page)
    digests = indexed_digests(names, doctreedir)
    shards = []
    # Pagefind refuses a site without pages: empty groups (tiny sites) get no bundle.
    for number, group in enumerate((group for group in groups if group), start=1):
        fingerprint = hashlib.sha256()
        for page in group:
            fingerprint.update(f"{page[prefix:]}\0{digests[page]}\n".encode())
        shards.append(Shard(bundle_name(number), tuple(group), fingerprint.hexdigest()))
    return shards


def listing(shards: Sequence[Shard]) -> bytes:
    """``kb-shards.json``: the bundles kb-search.js merges into the first one."""
    others = [shard.bundle for shard in shards if shard.bundle != BUNDLE]
    return (json.dumps({"bundles": others}) + "\n").encode()


def listed(outdir: Path, shard_list: bytes) -> bool:
    """Whether the first bundle already lists the shards as ``shard_list`` does."""
    first = outdir / BUNDLE / SHARDS
    return first.is_file() and first.read_bytes() == shard_list


def record(outdir: Path, shard: Shard) -> str:
    """What the state file keeps of a shard's bundle: the fingerprint it was made from and its
    files as they are now (kb's own files in it aside)."""
    folder = outdir / shard.bundle
    files = [p for p in folder.rglob("*") if p.name not in {SHARDS, PENDING} and p.is_file()]
    return f"{shard.fingerprint} {stamp(files)}"


def stale(outdir: Path, stamps: dict[str, str], shards: Sequence[Shard]) -> list[Shard]:
    """The shards to index again (their fingerprint is not the one ``stamps`` recorded, or
    their bundle is not what was written: missing, damaged), the first one last: replacing it
    clears the preview's ``kb-pending`` marker."""
    todo = [
        shard
        for shard in shards
        if stamps.get(shard.bundle) != record(outdir, shard)
        or not (outdir / shard.bundle / "pagefind-entry.json").is_file()
    ]
    return sorted(todo, key=lambda shard: shard.bundle == BUNDLE)
