"""What the repository's history says of each article: the date of the last commit that changed
its file and the names of the people who wrote those commits (``.mailmap`` honoured, bots left
out, never an e-mail address). One ``git log`` for the whole site.

Without git, or in a shallow clone (whose history stops somewhere), there is no history: the
build says why and uses the front matter's dates only, never a wrong date. A source folder
outside any repository (an archive) has none either, and nothing to warn about.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..state import StateFile
from .schema import Article

RECORD, UNIT = "\x1e", "\x1f"
BOT = re.compile(r"\[bot\]|^(dependabot|renovate|github-actions)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FileHistory:
    changed: dt.date  # the day of the last commit that changed the file (its committer date)
    authors: tuple[str, ...]  # by their first commit to the file, oldest first


@dataclass(frozen=True)
class History:
    files: dict[str, FileHistory] = field(default_factory=dict)  # path from the source folder
    problem: str = ""  # why there is no history, in French, when the build should say it


def _git(srcdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(srcdir), *args], capture_output=True, text=True, check=False
    )


def _shape(data: object) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("head"), str)
        and isinstance(data.get("files"), dict)
    )


# Beside the doctrees: the history as of a commit; git log runs again only when HEAD moved.
CACHE = StateFile("kb-history.json", 1, _shape)


def collect(srcdir: Path, folder: str, state: Path | None = None) -> History:
    """The history of ``folder``'s files; with ``state`` (a folder), kept there per commit."""
    if shutil.which("git") is None:
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
    head = _git(srcdir, "rev-parse", "HEAD").stdout.strip()
    cached = CACHE.load(state) if state is not None else None
    if cached and cached["head"] == head and cached.get("folder") == folder:
        return History(
            {
                path: FileHistory(dt.date.fromisoformat(day), tuple(names))
                for path, (day, names) in cached["files"].items()
            }
        )
    log = _git(
        srcdir,
        "log",
        "--relative",
        f"--format={RECORD}%cI{UNIT}%aN{UNIT}%aE",
        "--name-only",
        "--",
        folder,
    )
    if log.returncode != 0:
        return History(problem=f"git log a échoué ({log.stderr.strip()[:200]}).")
    files = parse(log.stdout)
    if state is not None and head:
        saved = {path: [f.changed.isoformat(), list(f.authors)] for path, f in files.items()}
        CACHE.save(state, {"head": head, "folder": folder, "files": saved})
    return History(files)


def parse(output: str) -> dict[str, FileHistory]:
    """``git log`` newest first: the first record naming a file gives its last change."""
    changed: dict[str, dt.date] = {}
    authors: dict[str, list[str]] = {}
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        when, name, email = header.split(UNIT)
        human = not (BOT.search(name) or BOT.search(email))
        for path in filter(None, (line.strip() for line in names.splitlines())):
            changed.setdefault(path, dt.date.fromisoformat(when[:10]))
            seen = authors.setdefault(path, [])
            if human:
                seen.append(name)
    return {
        path: FileHistory(day, tuple(dict.fromkeys(reversed(authors[path]))))
        for path, day in changed.items()
    }


def apply(article: Article, file: FileHistory | None) -> Article:
    """The article with its history: its last change is the front matter's ``updated`` if
    given, else its file's last commit when later than its ``date``; its contributors."""
    if file is None:
        return article
    updated = article.updated
    if updated is None and file.changed > article.date:
        updated = file.changed
    return dataclasses.replace(article, updated=updated, contributors=file.authors)
