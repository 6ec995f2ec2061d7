"""A GitBook space synchronised with git: ``.gitbook.yaml`` (its root, its summary file),
``SUMMARY.md`` (parts and nested pages: the order, the categories, the reading paths) and the
pages with GitBook's blocks (``blocks``)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from . import formulas
from .model import Fetch, Guide, Note, Source
from .tree import INDEX_NAMES, Entry, folder_addresses, humanize, inside, load_yaml, read_pages

ITEM = re.compile(r"^(?P<indent>[ \t]*)[*+-][ \t]+\[(?P<title>[^\]]*)\]\((?P<path>[^)]+)\)")
PART = re.compile(r"^#{2,3}[ \t]+(?P<title>.+?)[ \t#]*$")


def read(source: Path, fetch: Fetch | None = None, math: str | None = None) -> Source:
    """The space at ``source``; ``math``: the TeX syntax its pages use, if not GitBook's."""
    root, summary = source, "SUMMARY.md"
    config = source / ".gitbook.yaml"
    redirects: object = {}
    if config.is_file():
        settings = load_yaml(config.read_text("utf-8")) or {}
        if isinstance(settings, dict):
            root = inside(source, settings["root"], "root") if settings.get("root") else source
            structure = settings.get("structure") or {}
            if isinstance(structure, dict):
                summary = str(structure.get("summary") or summary)
            redirects = settings.get("redirects") or {}
    root = root.resolve()
    declared = _redirects(root, redirects)
    entries, guides, notes = _summary(root, root / summary, source)
    space = humanize(source.resolve().name)

    def category_of(entry: Entry) -> str:
        if entry.group:
            return entry.group
        parts = entry.path.relative_to(root).parts
        return parts[0] if len(parts) > 1 else space

    def addresses_of(path: Path) -> list[str]:
        found = folder_addresses(root, path, directory_urls=False)
        if path.name not in INDEX_NAMES:
            found.insert(0, found[0].removesuffix(".html"))  # GitBook's own, no suffix
        return found + declared.get(path.resolve(), [])

    result = read_pages(
        "GitBook",
        root,
        entries,
        category_of=category_of,
        addresses_of=addresses_of,
        shown_root=source.resolve(),
        fetch=fetch,
        unlisted_unpublished=True,
        math=formulas.GITBOOK if math is None else math,
    )
    result.notes[:0] = notes
    keys = {e.path: e.path.relative_to(root).as_posix() for e in entries}
    result.guides = [Guide(title, [keys[p] for p in paths if p in keys]) for title, paths in guides]
    return result


def _redirects(root: Path, redirects: object) -> dict[Path, list[str]]:
    """``.gitbook.yaml``'s ``redirects:`` (an old path → the file now answering it): each
    page's old addresses, from the space's root."""
    found: dict[Path, list[str]] = {}
    if not isinstance(redirects, dict):
        return found
    for old, target in redirects.items():
        path = (root / unquote(str(target)).split("#")[0]).resolve()
        if path.is_file() and path.is_relative_to(root) and str(old).strip("/"):
            found.setdefault(path, []).append("/" + str(old).strip().strip("/"))
    return found


def _summary(
    root: Path, summary: Path, shown_root: Path
) -> tuple[list[Entry], list[tuple[str, list[Path]]], list[Note]]:
    """The pages of ``SUMMARY.md`` in order, the guides (a part, or a page with sub-pages),
    and the problems met."""
    notes: list[Note] = []
    if not summary.is_file():
        notes.append(Note(summary.name, 1, "pas de SUMMARY.md : l’ordre est celui des dossiers."))
        return [], [], notes
    entries: list[Entry] = []
    guides: dict[str, list[Path]] = {}
    part = ""
    top = ""  # the title of the open top-level page, outside parts: its guide
    above: list[tuple[int, Path]] = []  # the open items, by indentation: a page's parents
    shown = summary.relative_to(shown_root.resolve()).as_posix()
    for number, line in enumerate(summary.read_text("utf-8").splitlines(), start=1):
        heading = PART.match(line)
        if heading:
            part, top, above = heading.group("title").strip(), "", []
            continue
        item = ITEM.match(line)
        if not item:
            continue
        target = unquote(item.group("path").strip().strip("<>").split("#")[0])
        path = (summary.parent / target).resolve()
        if not path.is_relative_to(root):
            notes.append(Note(shown, number, f"« {target} » est hors de l’espace : ignoré."))
            continue
        if not path.is_file():
            notes.append(Note(shown, number, f"« {target} » introuvable : page ignorée."))
            continue
        indent = len(item.group("indent").expandtabs(4))
        title = item.group("title").strip()
        while above and above[-1][0] >= indent:
            above.pop()
        entries.append(Entry(path, title, part, above[-1][1] if above else None))
        above.append((indent, path))
        if part:
            guides.setdefault(part, []).append(path)
        elif indent == 0:
            top = title
            guides.setdefault(title, []).append(path)
        elif top:
            guides[top].append(path)
    return _grouped_by_top(entries), [(t, p) for t, p in guides.items() if len(p) >= 2], notes


def _grouped_by_top(entries: list[Entry]) -> list[Entry]:
    """Outside the summary's parts, a top-level page with pages under it names their category
    (« Architecture Overview », not its folder's name); a lone page keeps its folder's."""
    by_path = {entry.path: entry for entry in entries}
    above = {entry.parent for entry in entries if entry.parent is not None}

    def top(entry: Entry) -> Entry:
        seen = {entry.path}
        while entry.parent in by_path and entry.parent not in seen:
            entry = by_path[entry.parent]
            seen.add(entry.path)
        return entry

    grouped = []
    for entry in entries:
        head = top(entry)
        if not entry.group and (entry.parent is not None or entry.path in above) and head.title:
            entry = replace(entry, group=head.title)
        grouped.append(entry)
    return grouped
