"""``base-de-connaissances upgrade [BASE]``: bring a base made with an older engine to this one.

Run by the base's ``nox -s upgrade`` with the new engine installed. Each file of the starter is
handled by who owns it (``template.owner``):

- the base's own files (identity, home page, glossary, articles, data) are never touched;
- the engine's (pinned requirements, and ``requirements/moteur.txt``, which names this engine
  the way it was installed) are written anew;
- the files both share (noxfile, CI, workflows, hosting, tests, requirements/*.in) get the
  engine's changes merged into the base's edits: a file the base did not edit is replaced; a
  file the engine did not change is kept; otherwise a three-way merge (``git merge-file``)
  against the text the engine gave last time (the record, ``.base-de-connaissances.json``); on
  a conflict the base's file stays as it is and the engine's version is written beside it as
  ``<file>.nouveau``, to merge by hand.

Everything is worked out first; nothing is written when the record is missing or unreadable.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .._version import __version__
from . import origin
from .cli import Parser
from .template import RECORD, Owner, Record, owner, rendered

NEW_SUFFIX = ".nouveau"


@dataclasses.dataclass
class Plan:
    writes: dict[str, bytes] = dataclasses.field(default_factory=dict)
    removes: list[str] = dataclasses.field(default_factory=list)
    conflicts: list[str] = dataclasses.field(default_factory=list)
    kept: list[str] = dataclasses.field(default_factory=list)  # edited, nothing to bring


def merge(current: str, ancestor: str, theirs: str) -> str | None:
    """The three-way merge of the base's ``current`` text and the engine's ``theirs`` from
    their common ``ancestor``; None on a conflict or without git."""
    git = shutil.which("git")
    if git is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in (("base", current), ("ancetre", ancestor), ("moteur", theirs)):
            path = Path(folder) / name
            path.write_text(text, "utf-8")
            paths.append(str(path))
        result = subprocess.run(
            [git, "merge-file", "-p", *paths], capture_output=True, text=True, check=False
        )
    return result.stdout if result.returncode == 0 else None


def plan(base: Path, record: Record) -> tuple[Plan, Record]:
    """What upgrading ``base`` writes, and the record it leaves."""
    found = origin.installed()
    values = dataclasses.replace(
        record.values,
        version=__version__,
        moteur=f"# Installé {found.note()}.\n" + "\n".join(found.requirements()),
    )
    files = rendered(values)
    todo = Plan()
    shared: dict[str, str] = {}
    for path, data in files.items():
        target = base / path
        kind = owner(path)
        if kind is Owner.BASE:
            continue
        if kind is Owner.ENGINE:
            if not target.is_file() or target.read_bytes() != data:
                todo.writes[path] = data
            continue
        new = data.decode("utf-8")
        shared[path] = new
        old = record.shared.get(path)
        if not target.is_file():
            if old is None:  # a file the engine now provides
                todo.writes[path] = data
            continue  # the base removed it: its choice
        current = target.read_text("utf-8")
        if current == new:
            continue
        if old is None or current == old:
            todo.writes[path] = data
        elif new == old:
            todo.kept.append(path)
        elif (merged := merge(current, old, new)) is not None:
            todo.writes[path] = merged.encode("utf-8")
        else:
            todo.conflicts.append(path)
            todo.writes[path + NEW_SUFFIX] = data
    for path, old in record.shared.items():
        if path not in files and (base / path).is_file():
            if (base / path).read_text("utf-8") == old:
                todo.removes.append(path)
            else:
                todo.kept.append(path)
    return todo, Record(values, shared)


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("upgrade", "Met une base à jour avec cette version du moteur.")
    parser.add_argument("base", nargs="?", type=Path, default=Path(), help="la base (.)")
    options = parser.parse_args(argv)
    base: Path = options.base
    try:
        record = Record.load(base)
    except (OSError, ValueError, KeyError, TypeError):
        print(
            f"{parser.prog} : {base / RECORD} introuvable ou illisible : cette base n’a pas été "
            "faite par `base-de-connaissances new`, ou son fichier a été modifié ; rien n’est "
            "changé.",
            file=sys.stderr,
        )
        return 1
    before = record.values.version
    todo, after = plan(base, record)
    for path in todo.removes:
        (base / path).unlink()
    for path, data in todo.writes.items():
        (base / path).parent.mkdir(parents=True, exist_ok=True)
        (base / path).write_bytes(data)
        if path.startswith(".ci/"):
            (base / path).chmod(0o755)
    after.save(base)
    print(f"Moteur {before} → {__version__} : {len(todo.writes)} fichier(s) écrit(s).")
    for path in sorted(todo.writes):
        print(f"  écrit      {path}")
    for path in todo.removes:
        print(f"  supprimé   {path}")
    for path in todo.kept:
        print(f"  gardé      {path} (vos modifications ; rien à y apporter)")
    for path in todo.conflicts:
        print(
            f"  à fusionner {path} : vos modifications et celles du moteur se recouvrent ; "
            f"la version du moteur est dans {path}{NEW_SUFFIX}"
        )
    print("Ensuite : nox -s build et nox -s tests, puis lisez le journal des modifications.")
    return 0
