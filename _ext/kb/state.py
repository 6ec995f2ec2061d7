"""Writing generated files whole: a temporary file beside the target, then a rename, so that
a reader (or a failed build) never sees half a file. Permissions follow the umask, like every
other file of the build."""

from __future__ import annotations

from pathlib import Path


def write_whole(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
