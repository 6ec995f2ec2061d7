"""Files css_bundle keeps between builds, beside the doctrees: written whole (a temporary file,
then a rename), and read back only when intact. A missing, corrupt or other-version file is a
cache miss: that part is made again (an info line says so), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.util import logging

logger = logging.getLogger(__name__)
VERSION = 1


def write_whole(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)


def save(path: Path, data: dict[str, Any]) -> None:
    write_whole(path, (json.dumps({"version": VERSION, **data}) + "\n").encode("utf-8"))


def load(path: Path, keys: dict[str, type]) -> dict[str, Any] | None:
    """The saved object if it has ``keys`` with values of their types, else None."""
    try:
        saved = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        saved = None
    valid = (
        isinstance(saved, dict)
        and saved.get("version") == VERSION
        and all(isinstance(saved.get(key), kind) for key, kind in keys.items())
    )
    if not valid:
        logger.info("css_bundle : %s illisible ou d’une autre version ; refait.", path.name)
        return None
    return saved
