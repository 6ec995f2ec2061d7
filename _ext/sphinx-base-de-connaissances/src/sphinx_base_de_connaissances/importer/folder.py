"""A folder of Markdown pages: MkDocs (``mkdocs.yml``: ``docs_dir``, ``nav``,
``use_directory_urls``), VuePress or VitePress (``.vuepress/``, ``.vitepress/``: ``.html``
addresses, a folder's ``README.md``), or any other (Obsidian's ``[[links]]`` included):
pages in the ``nav`` order, else folder by folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from . import formulas
from .model import Fetch, Guide, Note, Source
from .tree import INDEX_NAMES, Entry, folder_addresses, humanize, inside, load_yaml, read_pages


def read(
    source: Path, fetch: Fetch | None = None, math: str | None = None, public: Path | None = None
) -> Source:
    """The pages at ``source``; ``math``: the TeX syntax they use (default: as configured);
    ``public``: the site's public folder when it is not inside ``source``."""
    source = source.resolve()
    config = source / "mkdocs.yml"
    notes: list[Note] = []
    settings: dict[str, Any] = {}
    if config.is_file():
        settings = load_yaml(config.read_text("utf-8")) or {}
        settings = settings if isinstance(settings, dict) else {}
        root = inside(source, settings.get("docs_dir") or "docs", "docs_dir")
        kind, directory_urls = "MkDocs", settings.get("use_directory_urls", True) is not False
        name = str(settings.get("site_name") or humanize(source.name))
        entries, guides = (
            _nav(root, settings.get("nav"), notes, "") if settings.get("nav") else ([], [])
        )
    else:
        root = source
        for folder in ("docs", "."):
            if any((source / folder / f".{tool}").is_dir() for tool in ("vuepress", "vitepress")):
                root = (source / folder).resolve()
                break
        kind = next(
            (name for name in ("VuePress", "VitePress") if (root / f".{name.lower()}").is_dir()),
            "Markdown",
        )
        directory_urls, name, entries, guides = False, humanize(source.name), [], []
        if kind != "Markdown":
            notes.append(
                Note(
                    f".{kind.lower()}",
                    1,
                    f"barre latérale {kind} non lue : l’ordre est celui des dossiers.",
                )
            )

    def category_of(entry: Entry) -> str:
        if entry.group:
            return entry.group
        parts = entry.path.relative_to(root).parts
        return humanize(parts[0]) if len(parts) > 1 else name

    redirected = _redirect_maps(root, settings, directory_urls)

    def addresses_of(path: Path) -> list[str]:
        found = folder_addresses(root, path, directory_urls=directory_urls)
        return found + redirected.get(path.resolve(), [])

    result = read_pages(
        kind,
        root,
        entries,
        category_of=category_of,
        addresses_of=addresses_of,
        shown_root=source,
        fetch=fetch,
        public=public.resolve() if public is not None else None,
        math=(
            math
            if math is not None
            else formulas.mkdocs_syntax(settings)
            if kind == "MkDocs"
            else formulas.vite_syntax(root, kind)
        ),
    )
    result.notes[:0] = notes
    keys = {e.path: e.path.relative_to(root).as_posix() for e in entries}
    result.guides = [Guide(title, [keys[p] for p in paths if p in keys]) for title, paths in guides]
    return result


def _redirect_maps(
    root: Path, settings: dict[str, Any], directory_urls: bool
) -> dict[Path, list[str]]:
    """The mkdocs-redirects plugin's ``redirect_maps`` (an old page → the page answering it):
    each page's old addresses, as MkDocs served the old one."""
    found: dict[Path, list[str]] = {}
    for plugin in settings.get("plugins") or []:
        maps = (
            plugin.get("redirects", {}).get("redirect_maps") if isinstance(plugin, dict) else None
        )
        for old, new in (maps or {}).items() if isinstance(maps, dict) else ():
            target = (root / str(new).split("#")[0]).resolve()
            if not (target.is_file() and target.is_relative_to(root)):
                continue
            page = Path(str(old)).with_suffix("")
            address = f"/{page.as_posix()}/" if directory_urls else f"/{page.as_posix()}.html"
            if page.name in {"index", "README"}:
                address = f"/{page.parent.as_posix()}/".replace("/./", "/")
            found.setdefault(target, []).append(address)
    return found


def _under_first_index(entries: list[Entry]) -> list[Entry]:
    """A nested section's pages under its index page (``index.md`` or ``README.md`` first in
    the section, as Material's section indexes), those not already under another page."""
    if not entries or entries[0].path.name not in INDEX_NAMES:
        return entries
    index = entries[0].path
    return [entries[0]] + [
        e if e.parent is not None else replace(e, parent=index) for e in entries[1:]
    ]


def _folder_pages(folder: Path) -> list[Path]:
    """The Markdown pages of a folder the ``nav`` names, its index (or README) first, then
    by name, its subfolders' after."""
    pages = sorted(folder.rglob("*.md"), key=lambda p: (len(p.relative_to(folder).parts), p))
    return sorted(pages, key=lambda p: p.parent != folder or p.name not in INDEX_NAMES)


def _nav(
    root: Path, nav: object, notes: list[Note], group: str
) -> tuple[list[Entry], list[tuple[str, list[Path]]]]:
    """MkDocs's ``nav``: pages in order; a top-level section is a group and a guide."""
    entries: list[Entry] = []
    guides: list[tuple[str, list[Path]]] = []
    items = nav if isinstance(nav, list) else []
    for item in items:
        title, value = (
            ("", item) if not isinstance(item, dict) else next(iter(item.items()), ("", ""))
        )
        if isinstance(value, list):
            inner, more = _nav(root, value, notes, group or str(title))
            if group:  # a section within a section: its pages under its index, if it has one
                inner = _under_first_index(inner)
            entries += inner
            guides += more
            if not group:
                guides.append((str(title), [e.path for e in inner]))
        elif isinstance(value, str) and not value.startswith(("http://", "https://")):
            path = (root / value).resolve()
            if path.is_dir() and path.is_relative_to(root):  # a folder: its pages, index first
                inner = [Entry(p, "", group or str(title)) for p in _folder_pages(path)]
                entries += inner
                if not group:
                    guides.append((str(title), [e.path for e in inner]))
            elif path.is_file() and path.is_relative_to(root):
                entries.append(Entry(path, str(title), group))
            else:
                notes.append(Note("mkdocs.yml", 1, f"« {value} » (nav) introuvable : ignoré."))
    return entries, [g for g in guides if len(g[1]) >= 2]
