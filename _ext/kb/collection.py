"""All the articles of a source tree: validation as a whole, and which ones are published.

Pure Python, shared by the build and the standalone check.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from . import frontmatter
from .frontmatter import Problem
from .schema import ISO_DATE, Article, parse_article
from .slugs import is_slug
from .vocab import load


def today() -> dt.date:
    """The build's "today": from ``SOURCE_DATE_EPOCH`` when set, so that builds reproduce."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def article_files(srcdir: Path, folder: str) -> Iterator[Path]:
    yield from sorted((srcdir / folder).rglob("*.md"))


def docname_of(srcdir: Path, path: Path) -> str:
    return path.relative_to(srcdir).with_suffix("").as_posix()


def file_problems(path: str, docname: str) -> list[Problem]:
    slug = docname.rsplit("/", 1)[-1]
    if is_slug(slug):
        return []
    message = (f"nom de fichier « {slug}.md » invalide ; attendu : lettres minuscules sans "
               "accent, chiffres et tirets, par exemple strategie-de-contenu.md.")  # fmt: skip
    return [Problem(path, 1, "", message)]


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
    matter, file names, duplicate slugs and (with ``style``) Markdown style."""
    from .style import check_style  # MyST's parser: only for the standalone check

    vocab, problems = load(srcdir / data, data)
    valid: list[tuple[str, Article]] = []
    for path in article_files(srcdir, folder):
        shown = path.relative_to(srcdir).as_posix()
        docname = docname_of(srcdir, path)
        text = path.read_text(encoding="utf-8")
        article, found = parse_article(shown, docname, text, vocab)
        problems += file_problems(shown, docname) + found
        if style:
            problems += check_style(shown, text)
        if article is not None:
            valid.append((shown, article))
    return problems + duplicate_slugs(valid)


def publication(text: str) -> tuple[bool, str]:
    """(draft, ISO date) from a front matter, without the full validation; (False, "") when it
    cannot be read (the article is then built, and its problems reported)."""
    front, _ = frontmatter.parse("", text)
    if front is None or front.node is None:
        return False, ""
    values = {str(key.value): value for key, value in front.node.value}
    draft = values.get("draft")
    is_draft = isinstance(draft, yaml.ScalarNode) and str(draft.value).lower() in {"true", "yes"}
    day = values.get("date")
    return is_draft, str(day.value) if isinstance(day, yaml.ScalarNode) else ""


def _valid_date(text: str) -> bool:
    """Only a real date can hide an article: an invalid one must be built and reported."""
    try:
        return bool(ISO_DATE.match(text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def hidden_docnames(srcdir: Path, folder: str, on: dt.date, cache: Path | None = None) -> list[str]:
    """Drafts and future-dated articles, which are not built outside preview.

    ``cache`` (a JSON file) keeps each file's (draft, date) by size and modification time, so a
    rebuild reads only the front matter of files that changed.
    """
    known = json.loads(cache.read_text("utf-8")) if cache and cache.is_file() else {}
    fresh = {}
    hidden = []
    for path in article_files(srcdir, folder):
        stat = path.stat()
        key = path.relative_to(srcdir).as_posix()
        stamp = [stat.st_mtime_ns, stat.st_size]
        entry = known.get(key)
        if entry is None or entry[:2] != stamp:
            entry = [*stamp, *publication(path.read_text(encoding="utf-8"))]
        fresh[key] = entry
        draft, day = entry[2], entry[3]
        future = _valid_date(day) and day > on.isoformat()
        if draft or future:
            hidden.append(docname_of(srcdir, path))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(fresh, sort_keys=True), "utf-8")
    return hidden
