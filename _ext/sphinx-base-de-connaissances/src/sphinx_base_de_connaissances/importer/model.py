"""What every source reader gives the writer: pages in the source's order, and notes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

# In converted bodies, what the writer resolves once every page has its new place.
LINK = "kb-import:"  # kb-import:<page key>[#anchor] → the relative path of its article
FILE = "kb-import-file:"  # kb-import-file:<index in Source.files> → the copied file
TITLE = "kb-import-title"  # [kb-import-title](kb-import:<key>): the page's title as text
ANCHOR = "kb-import-anchor:"  # (kb-import-anchor:<id>)= where an element's id stood


Fetch = Callable[[str], tuple[Path | None, str]]


def link_to(key: str, anchor: str = "") -> str:
    """The token that names page ``key`` (and an anchor in it) in a body."""
    return f"{LINK}{quote(key, safe='')}" + (f"#{quote(anchor, safe='')}" if anchor else "")


def code_span(code: str) -> str:
    """Inline code as MyST shows it: on one line (a line break inside could open a fence),
    between more backticks than it holds."""
    code = " ".join(code.split("\n")).replace("\r", " ").replace("\t", " ")
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    ticks = "`" * (longest + 1)
    padded = f" {code} " if code.startswith("`") or code.endswith("`") else code
    return f"{ticks}{padded}{ticks}" if code.strip() else ""


@dataclass(frozen=True)
class Note:
    """Something the import could not do, or did by a choice the writers should review."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} : {self.message}"


@dataclass
class Seen:
    """What a source page shows its readers, counted by the source's reader: what the
    import's measure compares the written page with (see ``fidelity``)."""

    text: str = ""  # its text, markup removed
    images: int = 0
    links: int = 0  # links to the source's own pages (or to an anchor in the page)
    missing: int = 0  # links to the source's own site naming no page it has (broken there)
    missing_images: int = 0  # images naming no file of the source (broken there)


@dataclass
class Page:
    key: str  # how links name it: its source path, or "wp:<id>"
    source: str  # its file (or entry) as the report names it
    title: str
    body: str  # MyST Markdown, with LINK and FILE tokens
    category: str  # what the source calls it (a folder, a part, a WordPress category)
    date: dt.date | None = None
    updated: dt.date | None = None
    authors: tuple[str, ...] = ()  # display names
    tags: tuple[str, ...] = ()
    description: str = ""  # the source's own, when it has one
    draft: bool = False
    old: tuple[str, ...] = ()  # old addresses from the site's root
    name: str = ""  # the file name the new article should take (slugified by the writer)
    seen: Seen = field(default_factory=Seen)
    part_of: str = ""  # a part of a page too long for one article: the first part's key
    parent: str = ""  # the key of the page it sits under in the source's hierarchy


@dataclass
class Guide:
    """A reading path: a run of pages the source orders under one title."""

    title: str
    keys: list[str]


@dataclass
class Source:
    kind: str  # "GitBook", "MkDocs", "Markdown", "WordPress"
    pages: list[Page] = field(default_factory=list)  # in the source's order
    guides: list[Guide] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # images and downloads, FILE indices
    notes: list[Note] = field(default_factory=list)
    # Brings a remote image in (``import --telecharger-medias``): its local copy, or None and
    # why not; None when remote images stay links.
    fetch: Fetch | None = None
    math: str = ""  # the TeX syntax the source renders (``formulas``), "" for none
    public: Path | None = None  # where the site served « /file.png » from, given outside it

    def file(self, path: Path) -> str:
        """The token that names ``path`` in a body (one per file)."""
        if path not in self.files:
            self.files.append(path)
        return f"{FILE}{self.files.index(path)}"
