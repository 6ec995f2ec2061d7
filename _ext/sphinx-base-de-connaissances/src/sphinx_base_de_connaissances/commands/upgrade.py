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
The record is the base's file, which a pull request can edit: a path it lists is used only when
it is one the engine shares with bases, relative, inside the base. Nothing is written or
removed through a symbolic link or over anything but a regular file, a ``.nouveau`` already
there is never overwritten, and a conflict stays one (its ancestor kept in the record) until
the base resolves it by removing the ``.nouveau``.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from packaging.version import InvalidVersion, Version

from .. import gitrun
from .._version import __version__
from ..state import write_whole
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
    # (path, why): what is not touched, the base's safety first (links, paths, .nouveau).
    refused: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def unsafe(base: Path, path: str) -> str:
    """Why ``path`` (from the starter or the record) may not be written or removed in
    ``base``, or "": a relative path of the files the engine shares or owns, with no link
    on the way and nothing but a regular file (or nothing) at its end."""
    parts = path.split("/")
    if (
        not path
        or "\\" in path
        or path.startswith("/")
        or any(part in {"", ".", ".."} for part in parts)
        or (owner(path) is Owner.BASE and not path.endswith(NEW_SUFFIX))
    ):
        return "chemin refusé (hors des fichiers que le moteur partage avec la base)"
    here = base
    for part in parts:
        here = here / part
        if here.is_symlink():
            shown = here.relative_to(base).as_posix()
            return f"lien symbolique ({shown}) : rien n’est écrit à travers"
        if here.exists() and here != base / path and not here.is_dir():
            return "un fichier se trouve là où un dossier est attendu"
    target = base / path
    if target.exists() and not target.is_file():
        return "ce n’est pas un fichier ordinaire"
    return ""


def merge(current: str, ancestor: str, theirs: str) -> str | None:
    """The three-way merge of the base's ``current`` text and the engine's ``theirs`` from
    their common ``ancestor``; None on a conflict or without git."""
    if not gitrun.available():
        return None
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in (("base", current), ("ancetre", ancestor), ("moteur", theirs)):
            path = Path(folder) / name
            path.write_text(text, "utf-8")
            paths.append(str(path))
        result = gitrun.run(Path(folder), "merge-file", "-p", *paths)
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
        why = unsafe(base, path)
        if why:
            todo.refused.append((path, why))
            if path in record.shared:
                shared[path] = record.shared[path]
            continue
        if kind is Owner.ENGINE:
            if not target.is_file() or target.read_bytes() != data:
                todo.writes[path] = data
            continue
        new = data.decode("utf-8")
        shared[path] = new
        old = record.shared.get(path)
        pending = base / (path + NEW_SUFFIX)
        if pending.exists() or pending.is_symlink():
            # An earlier conflict not resolved yet: it stays, with the ancestor it had.
            why = f"conflit non résolu : fusionnez {path}{NEW_SUFFIX}, puis supprimez-le"
            todo.refused.append((path, why))
            if old is not None:
                shared[path] = old
            continue
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
            if old is not None:
                shared[path] = old  # the conflict stays one until it is resolved
    for path, old in record.shared.items():
        if path in files:
            continue
        why = unsafe(base, path)
        if why:
            todo.refused.append((path, why + " ; ignoré"))
        elif (base / path).is_file():
            if (base / path).read_text("utf-8") == old:
                todo.removes.append(path)
            else:
                todo.kept.append(path)
    return todo, Record(values, shared)


def is_older(engine: str, base: str) -> bool:
    """Whether the running ``engine`` version comes before the ``base``'s (PEP 440)."""
    try:
        return Version(engine) < Version(base)
    except InvalidVersion:
        return False


def changelog() -> str:
    """Where the engine's changes are described: its package's « Changelog » address."""
    try:
        urls = metadata.metadata(origin.ENGINE).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "changelog":
            return url.strip()
    return "CHANGELOG.md, dans le paquet sphinx-base-de-connaissances"


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("upgrade", "Met une base à jour avec cette version du moteur.")
    parser.add_argument("base", nargs="?", type=Path, default=Path(), help="la base (.)")
    parser.add_argument(
        "--retour",
        action="store_true",
        help="accepter de revenir à un moteur plus ancien que celui de la base",
    )
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
    if is_older(__version__, before) and not options.retour:
        print(
            f"{parser.prog} : ce moteur ({__version__}) est plus ancien que celui de la base "
            f"({before}) : rien n’est changé. Installez la version {before} ou une plus récente "
            "(nox -s upgrade le fait), ou ajoutez --retour pour revenir en arrière exprès.",
            file=sys.stderr,
        )
        return 1
    todo, after = plan(base, record)
    for path in todo.removes:
        (base / path).unlink()
    for path, data in todo.writes.items():
        write_whole(base / path, data, 0o755 if path.startswith(".ci/") else 0o644)
    for path in origin.copy_wheels(base):  # an engine installed from wheel files
        print(f"  écrit      {path}")
    if (base / RECORD).is_symlink():
        (base / RECORD).unlink()
    after.save(base)
    print(f"Moteur {before} → {__version__} : {len(todo.writes)} fichier(s) écrit(s).")
    for path in sorted(todo.writes):
        print(f"  écrit      {path}")
    for path in todo.removes:
        print(f"  supprimé   {path}")
    for path in todo.kept:
        print(f"  gardé      {path} (vos modifications ; rien à y apporter)")
    for path, why in todo.refused:
        print(f"  non touché {path} : {why}")
    for path in todo.conflicts:
        print(
            f"  à fusionner {path} : vos modifications et celles du moteur se recouvrent ; "
            f"la version du moteur est dans {path}{NEW_SUFFIX}"
        )
    print(f"Ce qui change d’une version à l’autre : {changelog()}")
    print("Ensuite : nox -s build et nox -s tests.")
    return 0
