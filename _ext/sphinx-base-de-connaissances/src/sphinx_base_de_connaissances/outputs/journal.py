"""A build that never finished is never trusted: the next one starts from nothing.

Sphinx saves its environment after reading and before writing: a build killed while it writes
(a cancelled CI job, a full disk, Ctrl-C twice) leaves pages of the old text beside an
environment of the new, and the next build, finding nothing changed, would publish them as
they are. So a marker is written beside the doctrees before the environment is saved and
removed when the build has finished everything (pages, feeds, cards, books, search); a build
that finds the marker throws away the saved environment and the caches that let outputs be
skipped (their digests), so that every output is made again, as by a clean build. The list of
pages written (``kb-pages.json``) and the git history cache are kept: they describe the
output and the repository, not what remains to be done.
"""

from __future__ import annotations

from pathlib import Path

MARKER = "kb-unfinished"
ENVIRONMENT = "environment.pickle"  # Sphinx's saved environment (sphinx.application)
# The state files whose digests let a build skip an output.
CACHES = (
    "kb-generated.json",
    "kb-site.json",
    "kb-cards.json",
    "kb-search.json",
    "kb-search-plan.json",
    "kb-offline.json",
)


def recover(doctreedir: Path) -> bool:
    """Before the environment is loaded: when the last build did not finish, forget what it
    saved; True if so."""
    if not (doctreedir / MARKER).exists():
        return False
    for name in (ENVIRONMENT, *CACHES):
        (doctreedir / name).unlink(missing_ok=True)
    return True


def begin(doctreedir: Path) -> None:
    """Before the environment is saved (``env-updated``)."""
    doctreedir.mkdir(parents=True, exist_ok=True)
    (doctreedir / MARKER).touch()


def end(doctreedir: Path) -> None:
    """After the last output is written (``build-finished`` without an exception)."""
    (doctreedir / MARKER).unlink(missing_ok=True)
