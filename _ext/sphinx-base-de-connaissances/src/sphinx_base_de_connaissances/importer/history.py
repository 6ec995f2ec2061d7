"""When a source folder is a git repository: each file's first and last commit dates and its
authors (``.mailmap`` honoured), read in one ``git log``, through renames (a page moved keeps
its first date and its writers). Without git, nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import gitrun


@dataclass
class FileHistory:
    created: dt.date
    updated: dt.date
    authors: list[str] = field(default_factory=list)  # oldest first


def read(root: Path) -> dict[Path, FileHistory]:
    """Absolute file path → its history, for every file git knows under ``root``."""
    # The source's own git configuration is never used: gitrun runs git without it.
    try:
        found = gitrun.run(root, "rev-parse", "--show-toplevel")
        log = gitrun.run(
            root,
            "-c",
            "core.quotepath=off",
            "log",
            "--format=%x01%aI%x00%aN",
            "--name-status",
            "-M",
            "--",
            ".",
        )
    except OSError:
        return {}
    if found.returncode != 0 or log.returncode != 0:
        return {}
    top, log = found.stdout.strip(), log.stdout
    found: dict[Path, FileHistory] = {}
    now: dict[str, str] = {}  # a name a file had in older commits → its name today
    for commit in log.split("\x01")[1:]:
        head, _, changes = commit.partition("\n")
        when, _, author = head.partition("\x00")
        day = dt.datetime.fromisoformat(when).date()
        for change in filter(None, changes.split("\n")):
            status, *names = change.split("\t")
            name = now.get(names[-1], names[-1])
            if status.startswith("R") and len(names) == 2:  # older commits use the old name
                now[names[0]] = name
                if status == "R100":  # moved, not changed: neither a date nor a writer
                    continue
            path = Path(top, name).resolve()
            history = found.get(path)
            if history is None:  # newest commit first: this one is the last change
                found[path] = FileHistory(day, day, [author])
            else:
                history.created = day
                if author not in history.authors:
                    history.authors.insert(0, author)
    return found
