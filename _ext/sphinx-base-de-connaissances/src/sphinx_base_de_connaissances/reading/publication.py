"""At ``config-inited``: the data files (vocabularies, reading paths) are read, and the
articles that are not published (drafts, future-dated, unsafe paths) are excluded before
Sphinx looks for documents."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..clock import today
from ..content.history import History
from ..content.paths import Paths
from ..content.vocab import Vocabulary
from ..diagnostics import Subtype, report, warn
from .files import hidden_docnames, load_paths, load_vocabulary
from .history import collect


def history(app: Sphinx, config: Config) -> History:
    """The repository's history of the articles, once per build (a warning when it is missing
    for a reason someone can fix: no git, a shallow clone)."""
    found = collect(Path(app.srcdir), config.kb_articles_dir, Path(app.doctreedir))
    if found.problem:
        warn(found.problem, subtype=Subtype.HISTORY)
    return found


def configure(app: Sphinx, config: Config) -> tuple[Vocabulary, Paths]:
    """The data files (each problem reported with its file and line), and the exclusions."""
    srcdir = Path(app.srcdir)
    vocab, problems = load_vocabulary(srcdir / config.kb_data_dir, config.kb_data_dir)
    rule = hidden_docnames(srcdir, config.kb_articles_dir, today(), Path(app.doctreedir))
    paths, more = load_paths(
        srcdir / config.kb_data_dir,
        srcdir,
        config.kb_articles_dir,
        config.kb_data_dir,
        rule.renamed,
    )
    for problem in problems + more:
        report(problem)
    for problem in rule.unreported(config.kb_preview):
        report(problem)
    left_out = rule.unsafe + ([] if config.kb_preview else rule.hidden)
    config.exclude_patterns = [*config.exclude_patterns, *(f"{d}.md" for d in left_out)]
    return vocab, paths
