"""One loader of a base, without Sphinx: its settings, vocabularies, reading paths, articles
(with their git history) and every problem found on the way. The commands and the offline
edition read a base through it; nothing else reads ``data/`` or the articles' folder for them.
(The build reads the same files through the same functions, page by page, as Sphinx reads.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..clock import today
from ..content import history
from ..content.collection import is_published
from ..content.frontmatter import Problem
from ..content.paths import Paths
from ..content.permalinks import renamed_within
from ..content.schema import Article
from ..content.vocab import Vocabulary
from ..settings import Settings
from . import git
from .files import load_paths, load_vocabulary, read_tree


@dataclass(frozen=True)
class Base:
    srcdir: Path
    settings: Settings
    vocab: Vocabulary
    paths: Paths
    valid: tuple[tuple[str, Article], ...]  # (path shown to writers, article), history applied
    problems: tuple[Problem, ...]
    history_problem: str = ""  # why dates and contributors come from the front matter only

    @property
    def articles(self) -> list[Article]:
        return [article for _, article in self.valid]

    def published(self, on: dt.date | None = None) -> list[Article]:
        day = on or today()
        return [article for article in self.articles if is_published(article, day)]


def load(
    srcdir: Path, settings: Settings, *, style: bool = False, with_history: bool = True
) -> Base:
    """The base at ``srcdir`` as ``settings`` describe it; ``style``: the Markdown style rules
    too (MyST's parser: slower); ``with_history``: dates and contributors from git."""
    folder, data = settings.articles_dir, settings.data_dir
    problems, valid = read_tree(srcdir, folder, data, style=style)
    vocab, _ = load_vocabulary(srcdir / data, data)
    renamed = renamed_within((article for _, article in valid), folder)
    paths, _ = load_paths(srcdir / data, srcdir, folder, data, renamed)
    found = git.collect(srcdir, folder) if with_history else None
    if found is not None:
        valid = [(path, history.apply(article, found.files.get(path))) for path, article in valid]
    return Base(
        srcdir,
        settings,
        vocab,
        paths,
        tuple(valid),
        tuple(problems),
        found.problem if found is not None else "",
    )
