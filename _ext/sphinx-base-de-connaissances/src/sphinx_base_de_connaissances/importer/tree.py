"""A folder of Markdown pages read in a given order (GitBook's ``SUMMARY.md``, MkDocs's
``nav``, or the folders'): each page's front matter, title, dates and authors (from git when the
source is a repository), converted body (``blocks``) and old addresses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from . import blocks, history
from .fidelity import markdown_text
from .model import Fetch, Note, Page, Source

TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")  # an element's tag, open or close
FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
SKIPPED = {"node_modules", "site", "_book", "dist"}
INDEX_NAMES = ("README.md", "readme.md", "index.md")


@dataclass(frozen=True)
class Entry:
    """One page of the source's order: its file, the title the order gives it, its group."""

    path: Path
    title: str = ""
    group: str = ""
    parent: Path | None = None  # the page it sits under in the source's order


class _Lenient(yaml.SafeLoader):
    """YAML as MkDocs writes it: ``!!python/name:…`` and ``!ENV`` tags read as plain values."""


_Lenient.add_multi_constructor("", lambda loader, _suffix, node: _plain(loader, node))


def _plain(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


def load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_Lenient)  # noqa: S506 (a SafeLoader subclass)


def inside(source: Path, value: object, field: str) -> Path:
    """The folder ``value`` names in the source's configuration (``docs_dir``, GitBook's
    ``root``), which must be the source folder or one of its subfolders."""
    folder = (source / str(value)).resolve()
    if not folder.is_relative_to(source.resolve()):
        raise ValueError(
            f"« {field}: {str(value)[:80]} » désigne un dossier hors de la source ; attendu : "
            "un sous-dossier de la source (rien n’est lu ailleurs)."
        )
    if not folder.is_dir():
        raise ValueError(f"« {field}: {str(value)[:80]} » : dossier introuvable dans la source.")
    return folder


def markdown_files(root: Path) -> list[Path]:
    """Every Markdown page under ``root``, outside hidden and build folders, folder by
    folder: a folder's README or index first, then the others by name."""
    found = []
    for path in sorted(root.rglob("*.md")):
        parts = path.relative_to(root).parts
        if not path.resolve().is_relative_to(root.resolve()):
            continue  # a symbolic link out of the source
        if not path.is_file():
            continue  # a named pipe or a device called *.md: never opened
        if any(p.startswith((".", "_")) or p in SKIPPED for p in parts[:-1]):
            continue
        if parts[-1] in {"SUMMARY.md", "CHANGELOG.md", "LICENSE.md"} and len(parts) == 1:
            continue
        found.append(path)
    return sorted(
        found, key=lambda p: (p.parent.relative_to(root).parts, p.name not in INDEX_NAMES, p.name)
    )


def humanize(name: str) -> str:
    text = re.sub(r"^\d+[-_. ]+", "", name)
    text = re.sub(r"[-_]+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else name


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _list(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return ()


def read_pages(
    kind: str,
    root: Path,
    order: list[Entry],
    *,
    category_of: Callable[[Entry], str],
    addresses_of: Callable[[Path], list[str]],
    shown_root: Path,
    fetch: Fetch | None = None,
    unlisted_unpublished: bool = False,
    math: str = "",
    public: Path | None = None,
) -> Source:
    """The pages of ``order`` (then every other page of ``root``, reported) as a ``Source``;
    with ``unlisted_unpublished`` (GitBook: its summary is what it publishes), the pages out
    of ``order`` come in as drafts; else (MkDocs builds every page) they are published.
    ``math``: the TeX syntax the source renders (``formulas``); ``public``: the folder the
    site served rooted paths from, when it is outside ``root`` (given by the team)."""
    source = Source(kind, fetch=fetch, math=math, public=public)
    listed = {entry.path for entry in order}
    extra = [Entry(p) for p in markdown_files(root) if p not in listed]
    for entry in extra if order else ():  # without a summary, every page is "extra"
        shown = entry.path.relative_to(shown_root).as_posix()
        said = (
            "page absente du sommaire : importée en brouillon (la source ne la publiait pas)."
            if unlisted_unpublished
            else "page absente du sommaire (nav) : publiée, comme la source la construisait ; "
            "à la fin de sa catégorie."
        )
        source.notes.append(Note(shown, 1, said))
    listed_once = {e.path: e for e in reversed(order) if e.path.is_file()}  # first place kept
    entries = [e for e in order if listed_once.get(e.path) is e] + _under_indexes(root, extra)
    for entry in order:
        if entry.path in listed_once and listed_once[entry.path] is not entry:
            shown = entry.path.relative_to(shown_root).as_posix()
            source.notes.append(
                Note(shown, 1, "page listée deux fois au sommaire : gardée à sa première place.")
            )
    keys = {entry.path: entry.path.relative_to(root).as_posix() for entry in entries}
    stems = {entry.path.stem.lower(): keys[entry.path] for entry in entries}
    git = history.read(root)
    unlisted = {entry.path for entry in extra} if order and unlisted_unpublished else set()
    for entry in entries:
        page = _page(source, root, entry, keys, stems, git, category_of, addresses_of, shown_root)
        page.draft = page.draft or entry.path in unlisted  # the source did not publish it
        source.pages.append(page)
    return source


def _page(
    source: Source,
    root: Path,
    entry: Entry,
    keys: dict[Path, str],
    stems: dict[str, str],
    git: dict[Path, history.PageHistory],
    category_of: Callable[[Entry], str],
    addresses_of: Callable[[Path], list[str]],
    shown_root: Path,
) -> Page:
    shown = entry.path.relative_to(shown_root).as_posix()
    raw = entry.path.read_text("utf-8", errors="replace").replace("\r\n", "\n")
    front: dict[str, object] = {}
    match = FRONT.match(raw)
    if match:
        try:
            loaded = load_yaml(match.group(1))
            front = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            source.notes.append(Note(shown, 1, "front matter illisible : ignoré."))
        # Keep the line count: the body's notes name the file's own lines.
        raw = "\n" * match.group(0).count("\n") + raw[match.end() :]
    lines = raw.split("\n")
    title = str(front.get("title") or "").strip()
    for index, line in enumerate(lines):  # a first "# Title" is the page's title
        if line.strip():
            heading = re.match(r"#[ \t]+(.+?)[ \t#]*$", line)
            if heading:
                title = title or heading.group(1).strip()
                lines[index] = ""
            break
    body = "\n".join(lines)
    title = _without_tags(title)
    title = (
        title
        or entry.title
        or humanize(
            entry.path.stem if entry.path.name not in INDEX_NAMES else entry.path.parent.name
        )
    )
    context = blocks.Context(
        source,
        shown,
        entry.path.parent.resolve(),
        root.resolve(),
        lambda path: keys.get(path.resolve(), keys.get(path)),
        titles=stems,
        key=keys[entry.path],
    )
    converted = blocks.convert(body, context)
    context.seen.text = markdown_text(body)
    known = git.get(entry.path.resolve())
    authors = _list(front.get("authors") or front.get("author"))
    if not authors and known:
        authors = tuple(known.authors)
    date = _date(front.get("date")) or (known.created if known else None)
    updated = _date(front.get("updated") or front.get("last_updated")) or (
        known.updated if known else None
    )
    name = entry.path.stem if entry.path.name not in INDEX_NAMES else entry.path.parent.name
    if entry.path.parent == root and entry.path.name in INDEX_NAMES:
        name = title
    return Page(
        key=keys[entry.path],
        source=shown,
        title=title,
        body=converted,
        category=category_of(entry),
        date=date,
        updated=updated,
        authors=authors,
        tags=_list(front.get("tags")),
        description=str(front.get("description") or ""),
        draft=front.get("draft") is True,
        old=tuple(addresses_of(entry.path)) + _permalink(front.get("permalink")),
        name=name,
        seen=context.seen,
        parent=keys.get(entry.parent, "") if entry.parent else "",
    )


def _under_indexes(root: Path, entries: list[Entry]) -> list[Entry]:
    """Pages in the folders' order: each under its folder's README or index when that folder
    is below a category's (``a/b/page.md`` under ``a/b/README.md``; ``a/page.md`` is at its
    category's top)."""
    present = {entry.path for entry in entries}
    placed = []
    for entry in entries:
        folder = entry.path.parent
        if entry.path.name in INDEX_NAMES:
            folder = folder.parent  # an index sits under its parent folder's index
        deep = folder.is_relative_to(root) and len(folder.relative_to(root).parts) >= 2
        index = next((folder / n for n in INDEX_NAMES if folder / n in present), None)
        if entry.parent is None and deep and index is not None and index != entry.path:
            entry = replace(entry, parent=index)
        placed.append(entry)
    return placed


def _without_tags(title: str) -> str:
    """A title with no HTML element or component (VitePress's « <Badge text="…" /> »): a
    front matter title is shown as typed. Code (between backticks) keeps what it shows."""
    parts = re.split(r"(`+[^`]*`+)", title)
    return re.sub(
        r"[ \t]{2,}",
        " ",
        "".join(p if p.startswith("`") else TAG.sub("", p) for p in parts),
    ).strip()


def _permalink(value: object) -> tuple[str, ...]:
    """A page's own address in its front matter (VuePress, Jekyll, Hugo: ``permalink:``)."""
    if not isinstance(value, str) or not value.strip().startswith("/"):
        return ()
    return (value.strip(),)


def folder_addresses(
    root: Path, path: Path, *, directory_urls: bool, prefix: str = "/"
) -> list[str]:
    """The addresses a static generator gave ``path``: ``/a/b/`` (directory URLs) or
    ``/a/b.html``; a folder's README or index is the folder's address. The site's root
    (``/``) stays the base's home page."""
    relative = path.relative_to(root).with_suffix("").as_posix()
    folder = path.name in INDEX_NAMES
    if folder:
        relative = path.parent.relative_to(root).as_posix()
        relative = "" if relative == "." else relative
    if not relative:
        return []
    if folder or directory_urls:
        return [f"{prefix}{relative}/"]
    return [f"{prefix}{relative}.html"]
