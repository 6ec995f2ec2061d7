"""At ``config-inited``: the data files (vocabularies, reading paths) are read, and the
articles that are not published (drafts, future-dated, unsafe paths) are excluded before
Sphinx looks for documents."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .._compat import fail_build
from ..clock import today
from ..content.history import History
from ..content.obligations import Obligations
from ..content.paths import Paths
from ..content.placeholders import placeholders
from ..content.text import count
from ..content.vocab import Vocabulary
from ..diagnostics import Subtype, error, info, report, warn
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
    if rule.hidden and not settings.preview:
        info(
            f"{count(len(rule.hidden), 'article')} non publié{'s' if len(rule.hidden) > 1 else ''}"
            " (brouillon ou daté dans le futur) : KB_PREVIEW=1 ou nox -s serve les montre."
        )
    config = app.config
    config.exclude_patterns = [*config.exclude_patterns, *(f"{d}.md" for d in left_out)]
    return vocab, paths, duties


def refuse_placeholders(app: Sphinx, settings: Settings, duties: Obligations) -> None:
    """What a new base holds until its team fills it in: refused in a build that will be
    published (``kb_publication``), said once otherwise."""
    found = placeholders(settings.base_url, settings.repository_url, duties)
    if not found:
        return
    if settings.publication:
        for message in found:
            error(f"publication refusée : {message}", subtype=Subtype.PUBLICATION)
        fail_build(app)
    else:
        info(
            "À remplir avant de publier (la publication le refusera) :\n  - " + "\n  - ".join(found)
        )
