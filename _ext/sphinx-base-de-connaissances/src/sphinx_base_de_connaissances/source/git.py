"""The repository's history of the articles, read from git: one ``git log`` for the whole site
(and, for the few commits that move an article, its two texts), kept per commit beside the
doctrees. What it means is ``content/history.py``'s.

Without git, or in a shallow clone (whose history stops somewhere), there is no history: the
build says why and uses the front matter's dates only, never a wrong date. A source folder
outside any repository (an archive) or in one without a commit yet has none either, and
nothing to warn about.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .. import gitrun
from ..content.history import (
    LOG_FORMAT,
    FileHistory,
    History,
    ignored_revisions,
    moved_only,
    parse,
    records,
)
from ..content.history import to_compare as moves_to_compare
from ..state import StateFile


def _git(srcdir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return gitrun.run(srcdir, *args, stdin=stdin)


def _shape(data: object) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("head"), str)
        and isinstance(data.get("files"), dict)
    )


# Beside the doctrees: the history as of a commit; git log runs again only when HEAD moved.
CACHE = StateFile("kb-history.json", 3, _shape)


def collect(srcdir: Path, folder: str, state: Path | None = None) -> History:
    """The history of ``folder``'s files; with ``state`` (a folder), kept there per commit."""
    if not gitrun.available():
        return History(
            problem="git est introuvable : dates de mise à jour et contributeurs "
            "viennent du front matter seulement."
        )
    inside = _git(srcdir, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return History()
    if _git(srcdir, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return History(
            problem="clone git superficiel (historique incomplet) : dates de mise à "
            "jour et contributeurs viennent du front matter seulement ; clonez "
            "tout l’historique (fetch-depth: 0)."
        )
    head = _git(srcdir, "rev-parse", "--verify", "--quiet", "HEAD").stdout.strip()
    if not head:
        return History()  # a repository with no commit yet (git init, then a first build)
    ignored = sorted(_ignored(srcdir))
    cached = CACHE.load(state) if state is not None else None
    if (
        cached
        and cached["head"] == head
        and cached.get("folder") == folder
        and cached.get("ignored", []) == ignored
    ):
        return History(
            {
                path: FileHistory(dt.date.fromisoformat(day) if day else None, tuple(names))
                for path, (day, names) in cached["files"].items()
            }
        )
    log = _git(srcdir, "log", "--relative", "-M", LOG_FORMAT, "--name-status", "--", folder)
    if log.returncode != 0:
        return History(problem=f"git log a échoué ({log.stderr.strip()[:200]}).")
    files = parse(log.stdout, moves(srcdir, folder, log.stdout), ignored)
    if state is not None and head:
        saved = {
            path: [f.changed.isoformat() if f.changed else "", list(f.authors)]
            for path, f in files.items()
        }
        CACHE.save(state, {"head": head, "folder": folder, "ignored": ignored, "files": saved})
    return History(files)


def _ignored(srcdir: Path) -> frozenset[str]:
    """The commits the repository's ``.git-blame-ignore-revs`` names (at its top)."""
    top = _git(srcdir, "rev-parse", "--show-toplevel").stdout.strip()
    path = Path(top or srcdir) / ".git-blame-ignore-revs"
    try:
        return ignored_revisions(path.read_text("utf-8")) if path.is_file() else frozenset()
    except (OSError, UnicodeDecodeError):
        return frozenset()


def moves(srcdir: Path, folder: str, log: str) -> set[tuple[str, str]]:
    """The (commit, path) changes that only move an article: its text before and after, read
    in one batch, differ by ``redirect_from`` alone."""
    touched = _git(
        srcdir, "log", "--format=%H", "-G", "^redirect_from", "--relative", "--", folder
    ).stdout.split()
    changes = moves_to_compare(records(log), set(touched))
    if not changes:
        return set()
    prefix = _git(srcdir, "rev-parse", "--show-prefix").stdout.strip()
    names = []
    for change in changes:
        names += [
            f"{change.commit}^:{prefix}{change.old}",
            f"{change.commit}:{prefix}{change.path}",
        ]
    texts = _blobs(srcdir, names)
    return {
        (change.commit, change.path)
        for change, before, after in zip(changes, texts[::2], texts[1::2], strict=True)
        if before is not None and after is not None and moved_only(before, after)
    }


def _blobs(srcdir: Path, names: list[str]) -> list[str | None]:
    """The texts of ``commit:path`` objects (None for one that is missing), in one git call."""
    result = gitrun.run(
        srcdir, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in names), text=False
    )
    data, cursor, found = result.stdout, 0, []
    for _ in names:
        end = data.index(b"\n", cursor)
        header = data[cursor:end].split()
        cursor = end + 1
        if len(header) < 3 or header[-1] == b"missing":
            found.append(None)
            continue
        size = int(header[2])
        found.append(data[cursor : cursor + size].decode("utf-8", errors="replace"))
        cursor += size + 1
    return found
