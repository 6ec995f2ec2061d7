"""At ``config-inited``: the data files (vocabularies, reading paths) are read, and the
articles that are not published (drafts, future-dated, unsafe paths) are excluded before
Sphinx looks for documents."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..clock import today
from ..content.history import History
from ..content.obligations import Obligations
from ..content.paths import Paths
from ..content.vocab import Vocabulary
from ..diagnostics import Subtype, report, warn
from ..settings import Settings
from ..source.files import hidden_docnames, load_obligations, load_paths, load_vocabulary
from ..source.git import collect


def history(app: Sphinx, settings: Settings) -> History:
    """The repository's history of the articles, once per build (a warning when it is missing
    for a reason someone can fix: no git, a shallow clone)."""
    found = collect(Path(app.srcdir), settings.articles_dir, Path(app.doctreedir))
    if found.problem:
        warn(found.problem, subtype=Subtype.HISTORY)
    return found


def configure(app: Sphinx, settings: Settings) -> tuple[Vocabulary, Paths, Obligations]:
    """The data files (each problem reported with its file and line), and the exclusions."""
    srcdir, folder, data = Path(app.srcdir), settings.articles_dir, settings.data_dir
    vocab, problems = load_vocabulary(srcdir / data, data)
    duties, duty_problems = load_obligations(srcdir / data, data, today())
    problems += duty_problems
    rule = hidden_docnames(srcdir, folder, today(), Path(app.doctreedir))
    paths, more = load_paths(srcdir / data, srcdir, folder, data, rule.renamed)
    for problem in problems + more:
        report(problem)
    for problem in rule.unreported(settings.preview):
        report(problem)
    left_out = rule.unsafe + ([] if settings.preview else rule.hidden)
    config = app.config
    config.exclude_patterns = [*config.exclude_patterns, *(f"{d}.md" for d in left_out)]
    return vocab, paths, duties
