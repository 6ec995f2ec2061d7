"""The source tree as files: the articles Sphinx would find, their text read safely, the data
files, and the publication rule kept per file between builds. The I/O beneath the build and
the standalone check; what the files mean is ``content``'s. No Sphinx here: the standalone
check (``base-de-connaissances check``) imports this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..clock import today
from ..content import frontmatter, hierarchy, obligations, paths, vocab
from ..content.collection import (
    Publication,
    duplicate_slugs,
    file_problems,
    head_problems,
    is_public,
    publication,
    size_problems,
)
from ..content.frontmatter import Problem
from ..content.permalinks import redirect_problems, renamed_within
from ..content.schema import Article, parse_article
from ..content.text import character_problems
from ..state import StateFile, mapping_of


def article_files(srcdir: Path, folder: str) -> Iterator[Path]:
    """Every ``.md`` file Sphinx would find under ``folder``: like Sphinx, through symbolic
    links to folders (so that they can be refused), each real folder visited once."""
    found = []
    seen: set[str] = set()
    for root, dirs, files in os.walk(srcdir / folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        found += [Path(root) / name for name in files if name.endswith(".md")]
    yield from sorted(found)


def docname_of(srcdir: Path, path: Path) -> str:
    return path.relative_to(srcdir).with_suffix("").as_posix()


def outside_problems(srcdir: Path, path: Path) -> list[Problem]:
    """A symbolic link (the file or a folder on its way) would publish text from elsewhere."""
    shown = path.relative_to(srcdir).as_posix()
    for part in [path, *path.parents]:
        if part == srcdir or (srcdir not in part.parents and part != srcdir):
            break
        if part.is_symlink():
            what = "ce fichier" if part == path else f"le dossier {part.relative_to(srcdir)}"
            message = (
                f"{what} est un lien symbolique : refusé, car il publierait un contenu pris "
                "hors du dépôt ; copiez le fichier à sa place."
            )
            return [Problem(shown, 1, "", message)]
    return []


def read_source(srcdir: Path, path: Path) -> tuple[str | None, list[Problem]]:
    """The text of an article as Sphinx reads it (UTF-8, byte-order mark dropped), or the
    problems that keep it from being read safely (not UTF-8, symbolic link)."""
    shown = path.relative_to(srcdir).as_posix()
    problems = outside_problems(srcdir, path)
    if problems:
        return None, problems
    try:
        return path.read_text(encoding="utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [frontmatter.undecodable(shown, error)]


def load_vocabulary(
    data_dir: Path, shown_dir: str = "data"
) -> tuple[vocab.Vocabulary, list[Problem]]:
    """``data_dir``'s categories and authors; problems name the file and line."""
    files = {}
    for name in vocab.FILES:
        path = data_dir / name
        files[name] = path.read_bytes() if path.is_file() else None
    return vocab.vocabulary(files, shown_dir)


def load_obligations(
    data_dir: Path, shown_dir: str, on: dt.date
) -> tuple[obligations.Obligations, list[Problem]]:
    """``data_dir``'s accessibility statement and publisher files (the second is required)."""
    raws = {}
    for name in (obligations.ACCESSIBILITY, obligations.PUBLISHER):
        path = data_dir / name
        raws[name] = path.read_bytes() if path.is_file() else None
    access, problems = obligations.accessibility(
        raws[obligations.ACCESSIBILITY], f"{shown_dir}/{obligations.ACCESSIBILITY}", on
    )
    publisher, host, more = obligations.publisher(
        raws[obligations.PUBLISHER], f"{shown_dir}/{obligations.PUBLISHER}"
    )
    shown = f"{shown_dir}/{obligations.ACCESSIBILITY}"
    more += obligations.plans(access, publisher, shown)
    more += obligations.private_channel(access, publisher, shown)
    digest = hashlib.sha256(b"\0".join(raw or b"" for raw in raws.values())).hexdigest()
    return obligations.Obligations(access, publisher, host, digest), problems + more


def load_paths(
    data_dir: Path,
    srcdir: Path,
    folder: str,
    shown_dir: str = "data",
    renamed: Mapping[str, str] | None = None,
) -> tuple[paths.Paths, list[Problem]]:
    """``data_dir/parcours.yml`` if there is one; article ids are checked against the files
    under ``srcdir/folder``, and ``renamed`` (old id → id) names where a moved one went."""
    path = data_dir / paths.PATHS
    if not path.is_file():
        return paths.Paths(), []
    articles = srcdir / folder

    def exists(article_id: str) -> bool:
        return (articles / f"{article_id}.md").is_file()

    shown = f"{shown_dir}/{paths.PATHS}"
    return paths.from_bytes(path.read_bytes(), shown, folder, exists, renamed)


def check_tree(
    srcdir: Path, folder: str = "articles", data: str = "data", *, style: bool = True
) -> list[Problem]:
    """Every problem of every article and data file under ``srcdir``, in file order: front
    matter, file names, duplicate slugs, redirects and (with ``style``) Markdown style."""
    return read_tree(srcdir, folder, data, style=style)[0]


def read_tree(
    srcdir: Path, folder: str = "articles", data: str = "data", *, style: bool = True
) -> tuple[list[Problem], list[tuple[str, Article]]]:
    """(every problem, the valid articles as (path, Article)) of the tree under ``srcdir``."""
    vocab, data_problems = load_vocabulary(srcdir / data, data)
    problems: list[Problem] = []
    valid: list[tuple[str, Article]] = []
    for path in article_files(srcdir, folder):
        shown = path.relative_to(srcdir).as_posix()
        docname = docname_of(srcdir, path)
        text, unreadable = read_source(srcdir, path)
        if text is None:
            problems += unreadable
            continue
        article, found = parse_article(shown, docname, text, vocab, on=today())
        problems += (
            file_problems(shown, docname)
            + size_problems(shown, text)
            + head_problems(shown, text)
            + character_problems(shown, text)
            + found
        )
        if style:
            from ..content.style import check_style  # MyST's parser loads docutils: only when asked

            problems += check_style(shown, text)
        if article is not None:
            valid.append((shown, article))
    docnames = [docname_of(srcdir, path) for path in article_files(srcdir, folder)]
    problems += duplicate_slugs(valid) + redirect_problems(valid, docnames, folder)
    problems += hierarchy.problems(valid)
    renamed = renamed_within((a for _, a in valid), folder)
    data_problems += load_paths(srcdir / data, srcdir, folder, data, renamed)[1]
    data_problems += load_obligations(srcdir / data, data, today())[1]
    return data_problems + problems, valid


# [mtime, size, draft, date, unsafe, problems, redirects]: an entry of another shape is read
# again.
CACHE_ENTRY = 7
PUBLICATION = StateFile("kb-publication.json", 2, mapping_of(list))


def hidden_docnames(
    srcdir: Path, folder: str, on: dt.date, state: Path | None = None
) -> Publication:
    """The publication rule over every article file, with the problems found on the way.

    A state file in the folder ``state`` keeps each file's verdict by size and modification
    time, so a rebuild reads only the front matter of files that changed.
    """
    known = (PUBLICATION.load(state) if state is not None else None) or {}
    fresh = {}
    result = Publication([], [], {})
    for path in article_files(srcdir, folder):
        stat = path.lstat()
        key = path.relative_to(srcdir).as_posix()  # "<folder>/<name>.md"
        stamp = [stat.st_mtime_ns, stat.st_size]
        entry = known.get(key)
        if entry is None or len(entry) != CACHE_ENTRY or entry[:2] != stamp:
            text, found = read_source(srcdir, path)
            draft, day, moved = True, "", ()
            if text is not None:
                draft, day, found, moved = publication(key, text)
            problems = [list(vars(p).values()) for p in found]
            entry = [*stamp, draft, day, text is None, problems, list(moved)]
        fresh[key] = entry
        draft, day, unsafe, found, moved = entry[2:]
        docname = key.removesuffix(".md")
        for old in moved:
            result.renamed.setdefault(old, docname.removeprefix(f"{folder.rstrip('/')}/"))
        if found:
            result.problems[docname] = [Problem(*values) for values in found]
        if unsafe:
            result.unsafe.append(docname)
        elif (day and not is_public(draft, dt.date.fromisoformat(day), on)) or draft:
            result.hidden.append(docname)  # undated: read, so that the build says why
    if state is not None:
        PUBLICATION.save(state, fresh)
    return result
