"""All the articles of a source tree: validation as a whole, and which ones are published.

Pure Python, shared by the build and the standalone check.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..state import StateFile, mapping_of
from . import frontmatter, paths, schema
from .frontmatter import Problem
from .permalinks import redirect_problems
from .schema import Article, parse_article
from .slugs import is_slug
from .vocab import load


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


def file_problems(path: str, docname: str) -> list[Problem]:
    """Every part of the path is a slug (folders too: their names reach URLs and pages)."""
    *folders, slug = docname.split("/")
    problems = []
    for folder in folders[1:]:  # the first part is the articles folder itself
        if not is_slug(folder):
            message = (
                f"nom de dossier « {folder[:80]} » invalide ; attendu : lettres minuscules "
                "sans accent, chiffres et tirets, par exemple reseaux-sociaux/."
            )
            problems.append(Problem(path, 1, "", message))
    if not is_slug(slug):
        message = (
            f"nom de fichier « {slug[:80]}.md » invalide ; attendu : lettres minuscules sans "
            "accent, chiffres et tirets, par exemple strategie-de-contenu.md."
        )
        problems.append(Problem(path, 1, "", message))
    return problems


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


def duplicate_slugs(articles: Iterable[tuple[str, Article]]) -> list[Problem]:
    """Two articles may not share a slug (their file name), even in different folders."""
    first: dict[str, str] = {}
    problems = []
    for path, article in sorted(articles, key=lambda pair: pair[0]):
        if article.slug in first:
            message = (
                f"l’identifiant « {article.slug} » est déjà celui de "
                f"{first[article.slug]} ; renommez l’un des deux fichiers."
            )
            problems.append(Problem(path, 1, "", message))
        else:
            first[article.slug] = path
    return problems


def is_published(article: Article, on: dt.date) -> bool:
    return not article.draft and article.date <= on


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
    vocab, problems = load(srcdir / data, data)
    problems += paths.load(srcdir / data, srcdir, folder, data)[1]
    valid: list[tuple[str, Article]] = []
    for path in article_files(srcdir, folder):
        shown = path.relative_to(srcdir).as_posix()
        docname = docname_of(srcdir, path)
        text, unreadable = read_source(srcdir, path)
        if text is None:
            problems += unreadable
            continue
        article, found = parse_article(shown, docname, text, vocab)
        problems += file_problems(shown, docname) + found
        if style:
            from .style import check_style  # MyST's parser loads docutils: only when asked

            problems += check_style(shown, text)
        if article is not None:
            valid.append((shown, article))
    docnames = [docname_of(srcdir, path) for path in article_files(srcdir, folder)]
    problems += duplicate_slugs(valid) + redirect_problems(valid, docnames, folder)
    return problems, valid


def publication(shown: str, text: str) -> tuple[bool, str, list[Problem]]:
    """(hidden by its draft field, ISO date or "", problems) from a front matter, with the
    schema's own reading of ``draft`` and ``date``. Without a readable front matter the
    article is built, and the full validation reports why."""
    front, _ = frontmatter.parse(shown, text)
    if front is None or front.node is None:
        return False, "", []
    draft, day, problems = schema.publication(shown, front)
    return draft, day.isoformat() if day else "", problems


# [mtime, size, draft, date, unsafe, problems]: an entry of another shape is read again.
CACHE_ENTRY = 6
PUBLICATION = StateFile("kb-publication.json", 1, mapping_of(list))


@dataclass(frozen=True)
class Publication:
    """What the build leaves out, and why it could not do otherwise."""

    hidden: list[str]  # drafts and future-dated articles: built only in preview
    unsafe: list[str]  # unreadable files and symbolic links: never built
    problems: dict[str, list[Problem]]  # docname → what the rule could not read

    def unreported(self, preview: bool) -> list[Problem]:
        """Problems of the files the build will not read (it reports the others itself)."""
        left_out = set(self.unsafe) | (set() if preview else set(self.hidden))
        return [p for name in sorted(left_out) for p in self.problems.get(name, [])]


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
            draft, day = True, ""
            if text is not None:
                draft, day, found = publication(key, text)
            entry = [*stamp, draft, day, text is None, [list(vars(p).values()) for p in found]]
        fresh[key] = entry
        draft, day, unsafe, found = entry[2], entry[3], entry[4], entry[5]
        docname = key.removesuffix(".md")
        if found:
            result.problems[docname] = [Problem(*values) for values in found]
        if unsafe:
            result.unsafe.append(docname)
        elif draft or (day and day > on.isoformat()):
            result.hidden.append(docname)
    if state is not None:
        PUBLICATION.save(state, fresh)
    return result
