"""The commands of ``base-de-connaissances``, for writers and maintainers: none loads Sphinx."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..content.frontmatter import Problem
from ..content.text import count
from ..settings import Settings, SettingsError

# What the system says when a file cannot be written, in French.
_OS_ERRORS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOENT: "dossier introuvable",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOSPC: "plus de place sur le disque",
    errno.ENOTDIR: "un fichier se trouve là où il faudrait un dossier",
    errno.EISDIR: "un dossier se trouve là où il faudrait un fichier",
}


def os_error_text(error: OSError) -> str:
    """Why a file could not be written, in French (the system's own words otherwise)."""
    return _OS_ERRORS.get(error.errno or 0, error.strerror or error.__class__.__name__)


def annotation(problem: Problem) -> str:
    """A problem as a GitHub (or Forgejo) Actions error: shown at its line in the pull
    request's files, where a writer who proposed an article from the browser reads it."""

    def escaped(text: str, extra: str = "") -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if extra else text

    title = f"champ « {problem.field} »" if problem.field else "à corriger"
    where = f"file={escaped(problem.path, 'p')},line={problem.line},title={escaped(title, 'p')}"
    return f"::error {where}::{escaped(problem.message)}"


def report(problems: Sequence[object], consequence: str) -> bool:
    """Print each problem (``fichier:ligne``…) on stderr, then their count and ``consequence``
    (« à corriger. »…); whether there was any. In GitHub or Forgejo Actions, each problem of
    a file is also an annotation of its line."""
    actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr)
        if actions and isinstance(problem, Problem):
            print(annotation(problem))
    if problems:
        print(f"\n{count(len(problems), 'problème')} {consequence}", file=sys.stderr)
    return bool(problems)


def settings_of(srcdir: Path, program: str) -> Settings | None:
    """The base's settings from its conf.py, or None after printing why they cannot be read."""
    try:
        return Settings.from_conf_py(srcdir)
    except SettingsError as error:
        report(error.problems, f": {program} s’arrête.")
        return None
