"""When a source folder is a git repository: each file's first and last commit dates and its
writers (``.mailmap`` honoured, bots left out), read in one ``git log`` through renames (a
page moved keeps its first date and its writers; a pure move neither dates nor signs it).
The log is read by the engine's one reader (``content.history.records``), with the days the
commits were written. Without git, nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import gitrun
from ..content.history import AUTHOR_LOG_FORMAT, records, written


@dataclass
class PageHistory:
    created: dt.date
    updated: dt.date
    authors: list[str] = field(default_factory=list)  # oldest first


def read(root: Path) -> dict[Path, PageHistory]:
    """Absolute file path → its history, for every file git knows under ``root``."""
    # The source's own git configuration is never used: gitrun runs git without it.
    try:
        log = gitrun.run(
            root,
            "-c",
            "core.quotepath=off",
            "log",
            "--relative",
            "-M",
            AUTHOR_LOG_FORMAT,
            "--name-status",
            "--",
            ".",
        )
    except OSError:
        return {}
    if log.returncode != 0:
        return {}
    found: dict[Path, PageHistory] = {}
    for name, change in written(records(log.stdout)):  # a pure move: no date, no writer
        path = (root / name).resolve()
        history = found.get(path)
        if history is None:  # newest commit first: this one is the last change
            history = found[path] = PageHistory(change.day, change.day)
        history.created = change.day
        if change.human and change.author not in history.authors:
            history.authors.insert(0, change.author)
    return found
