"""All the articles of a source tree: validation as a whole, and which ones are published.

Pure Python, shared by the build and the standalone check.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .frontmatter import Problem
from .schema import Article, parse_article
from .slugs import is_slug
from .vocab import Vocabulary, load


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


def check_tree(srcdir: Path, folder: str = "articles", data: str = "data") -> list[Problem]:
    """Every problem of every article and data file under ``srcdir``, in file order."""
    vocab, problems = load(srcdir / data, data)
    valid: list[tuple[str, Article]] = []
    for path in article_files(srcdir, folder):
        shown = path.relative_to(srcdir).as_posix()
        docname = docname_of(srcdir, path)
        article, found = parse_article(shown, docname, path.read_text(encoding="utf-8"), vocab)
        problems += file_problems(shown, docname) + found
        if article is not None:
            valid.append((shown, article))
    return problems + duplicate_slugs(valid)


def hidden_docnames(srcdir: Path, folder: str, vocab: Vocabulary, on: dt.date) -> list[str]:
    """Drafts and future-dated articles: not built outside preview."""
    hidden = []
    for path in article_files(srcdir, folder):
        docname = docname_of(srcdir, path)
        article, _ = parse_article("", docname, path.read_text(encoding="utf-8"), vocab)
        if article is not None and not is_published(article, on):
            hidden.append(docname)
    return hidden
