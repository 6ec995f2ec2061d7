"""The live preview's command (``nox -s serve``), shared with the benchmark's serve row."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def autobuild_args(
    source: Path, out: Path, port: int = 8000, extra: Sequence[str] = ()
) -> list[str]:
    """Arguments of ``sphinx-autobuild``: rebuild ``source`` into ``out/html`` on every change
    (also of the extensions and data files), serve it on 127.0.0.1:``port``."""
    return [
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--watch",
        str(source / "_ext"),
        "--watch",
        str(source / "data"),
        "--ignore",
        "*/.nox/*",
        "-d",
        str(out / "doctrees"),
        str(source),
        str(out / "html"),
        *extra,
    ]


# Preview: drafts and future-dated articles are built, the search index follows in the background.
PREVIEW_ENV = {"KB_PREVIEW": "1"}
