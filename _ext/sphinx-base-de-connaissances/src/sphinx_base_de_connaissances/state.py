"""Files the build keeps between runs, beside the doctrees, and files it writes whole.

``write_whole`` writes through a temporary file beside the target, then a rename, so that a
reader (or a failed build) never sees half a file. Permissions follow the umask, like every
other file of the build.

``stamp`` says what output files are now (names, sizes, modification times): recorded when
they are written, compared before they are skipped, so that an output damaged, replaced or
removed since is made again even when nothing it shows changed.

``StateFile`` is one JSON state file: its content is wrapped with its name and a version, and a
file that is missing, unreadable, corrupt, another's, of another version or of an unexpected
shape is a cache miss: the caller rebuilds that part (one info line says so), never a
traceback. Pure Python: the info line goes to the ``sphinx.kb`` logger, which Sphinx prints.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger("sphinx.kb.state")


def write_whole(target: Path, data: bytes, mode: int = 0o644) -> None:
    """``data`` into ``target`` whole or not at all: a new file (created, never opened through
    a link left in its place) renamed over ``target``, which replaces a link there rather than
    following it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def stamp(paths: Iterable[Path | str]) -> str:
    """What the files ``paths`` are now: a digest of their names, sizes and modification
    times (a missing file counts too)."""
    hasher = hashlib.sha256()
    for path in sorted(map(str, paths)):
        try:
            found = os.stat(path)  # noqa: PTH116 (thousands of files: no Path objects)
            hasher.update(f"{path}\0{found.st_size}\0{found.st_mtime_ns}\n".encode())
        except OSError:
            hasher.update(f"{path}\0-\n".encode())
    return hasher.hexdigest()[:32]


def mapping_of(kind: type | tuple[type, ...]) -> Callable[[Any], bool]:
    """A shape test: a JSON object whose values are all of ``kind``."""
    return lambda data: isinstance(data, dict) and all(isinstance(v, kind) for v in data.values())


@dataclass(frozen=True)
class StateFile:
    name: str  # the file's name in its folder
    version: int  # raised when the content's meaning or shape changes
    shape: Callable[[Any], bool]  # accepts the content

    def load(self, folder: Path) -> Any | None:
        """The saved content, or None when there is none to trust."""
        path = folder / self.name
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            return self._miss(path, f"illisible ({error.__class__.__name__})")
        try:
            saved = json.loads(text)
        except ValueError:
            return self._miss(path, "corrompu")
        if not isinstance(saved, dict) or saved.get("state") != self.name:
            return self._miss(path, "d’un autre format")
        if saved.get("version") != self.version:
            return self._miss(path, f"version {saved.get('version')!r} au lieu de {self.version}")
        if "data" not in saved or not self.shape(saved["data"]):
            return self._miss(path, "contenu inattendu")
        return saved["data"]

    def save(self, folder: Path, data: Any, *, indent: int | None = None) -> None:
        wrapped = {"state": self.name, "version": self.version, "data": data}
        text = json.dumps(wrapped, indent=indent, sort_keys=True, ensure_ascii=False) + "\n"
        write_whole(folder / self.name, text.encode("utf-8"))

    @staticmethod
    def _miss(path: Path, why: str) -> None:
        logger.info("état %s %s : reconstruit.", path.name, why)
