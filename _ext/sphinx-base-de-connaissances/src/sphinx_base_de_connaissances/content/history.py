"""What the repository's history says of each article: the date of the last commit that changed
its text and the names of the people who wrote those commits (``.mailmap`` honoured, bots left
out, never an e-mail address). Pure: it reads ``git log``'s output, given as text; running git
is the reading layer's (``source/git.py``).

The commit that adds a file is its writing, not an update: an article committed after its
``date`` and never edited since is not « mis à jour ».

A file is known by its name at the newest commit, with the history of its older names. Moving
an article changes no text: a pure rename (``R100``, a ``git mv``), or one whose only other
change is the ``redirect_from`` that keeps its old address, neither dates it nor makes the
commit's author a contributor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from .schema import Article

RECORD, UNIT = "\x1e", "\x1f"
# The format of the log that ``records`` reads (``git log --name-status -M``): the day a
# commit reached the branch (the build dates updates by it), or the day it was written (an
# import dates a source's pages by their writers' own days).
LOG_FORMAT = f"--format={RECORD}%H{UNIT}%cI{UNIT}%aN{UNIT}%aE"
AUTHOR_LOG_FORMAT = f"--format={RECORD}%H{UNIT}%aI{UNIT}%aN{UNIT}%aE"
BOT = re.compile(r"\[bot\]|^(dependabot|renovate|github-actions)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FileHistory:
    # The day of the last commit that changed the file's text after the one that added it
    # (committer date); None while its text is the one it was added with.
    changed: dt.date | None
    authors: tuple[str, ...]  # by their first commit to the file, oldest first


@dataclass(frozen=True)
class History:
    files: dict[str, FileHistory] = field(default_factory=dict)  # path from the source folder
    problem: str = ""  # why there is no history, in French, when the build should say it


@dataclass(frozen=True)
class Change:
    """One file in one commit, as ``git log --name-status`` lists it."""

    commit: str
    day: dt.date
    author: str
    human: bool
    status: str  # "A", "M", "D", "R087"…
    old: str  # the name before a rename or a copy, else the path
    path: str

    @property
    def renamed(self) -> bool:
        return self.status.startswith("R") and self.old != self.path


def records(output: str) -> list[Change]:
    """The changes of a log in ``LOG_FORMAT`` (or ``AUTHOR_LOG_FORMAT``), newest first: the
    one reader of git's log in the engine, for the build and the import."""
    found = []
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        commit, when, name, email = header.split(UNIT)
        human = not (BOT.search(name) or BOT.search(email))
        day = dt.date.fromisoformat(when[:10])
        for line in filter(None, (line.strip() for line in names.splitlines())):
            status, *paths = line.split("\t")
            found.append(Change(commit, day, name, human, status, paths[0], paths[-1]))
    return found


def to_compare(changes: list[Change], touched: Collection[str]) -> list[Change]:
    """The changes that may be moves only, to be compared without ``redirect_from``: renames
    with edits, and edits in the ``touched`` commits (those whose diff names the field)."""
    return [
        c
        for c in changes
        if c.status != "R100" and (c.renamed or (c.status == "M" and c.commit in touched))
    ]


_REDIRECT = re.compile(r"^redirect_from:.*\n(?:[ \t]+.*\n|-.*\n)*", re.MULTILINE)


def moved_only(before: str, after: str) -> bool:
    """Whether two texts of an article differ only by their ``redirect_from`` field."""
    return before != after and _REDIRECT.sub("", before) == _REDIRECT.sub("", after)


def ignored_revisions(text: str) -> frozenset[str]:
    """The commits of a ``.git-blame-ignore-revs`` file (git's and GitHub's convention for
    commits that change files without writing them: an import, a mass reformatting)."""
    return frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in text.splitlines()
        if re.fullmatch(r"[0-9a-fA-F]{7,64}", line.split("#", 1)[0].strip())
    )


def written(changes: Iterable[Change]) -> Iterator[tuple[str, Change]]:
    """Each change that writes a file (not a pure rename, ``R100``), newest first, with the
    file's name at the newest commit: older commits name it by its older names."""
    current: dict[str, str] = {}  # an older name → the file's name at the newest commit
    for change in changes:
        path = current.get(change.path, change.path)
        if change.renamed:
            current[change.old] = path
        if change.status != "R100":
            yield path, change


def parse(
    output: str,
    moves: Collection[tuple[str, str]] = (),
    ignored: Collection[str] = frozenset(),
) -> dict[str, FileHistory]:
    """The history of each file from a log in ``LOG_FORMAT``; ``moves`` names the (commit,
    path) changes found to be moves only (see ``to_compare`` and ``moved_only``); the
    ``ignored`` commits (full hashes, or their prefixes) neither update nor sign a file."""
    prefixes = tuple(ignored)
    changed: dict[str, dt.date] = {}  # a file's last change after the commit that added it
    authors: dict[str, list[str]] = {}
    for path, change in written(records(output)):
        if (change.commit, change.path) in moves:
            continue
        if prefixes and change.commit.lower().startswith(prefixes):
            authors.setdefault(path, [])
            continue
        if change.status != "A":  # adding the file is writing it, not updating it
            changed.setdefault(path, change.day)
        seen = authors.setdefault(path, [])
        if change.human:
            seen.append(change.author)
    return {
        path: FileHistory(changed.get(path), tuple(dict.fromkeys(reversed(names))))
        for path, names in authors.items()
    }


def apply(article: Article, file: FileHistory | None) -> Article:
    """The article with its history: its last change is the front matter's ``updated`` if
    given, else its file's last commit when later than its ``date``; its contributors."""
    if file is None:
        return article
    updated = article.updated
    if updated is None and file.changed is not None and file.changed > article.date:
        updated = file.changed
    return dataclasses.replace(article, updated=updated, contributors=file.authors)
