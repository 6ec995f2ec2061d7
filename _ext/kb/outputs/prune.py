"""Remove the output of pages that no longer exist (deleted or hidden articles, tags that lost
their last article…): Sphinx never deletes outputs, and a stale page must not be published.

The list of pages written by the previous build is kept beside the doctrees, not in the output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

MANIFEST = "kb-pages.json"


def prune(outdir: Path, doctreedir: Path, pages: Iterable[str]) -> list[str]:
    """Delete the files listed last time but not in ``pages`` (paths relative to ``outdir``);
    record ``pages`` for next time; return what was deleted."""
    manifest = doctreedir / MANIFEST
    current = sorted(set(pages))
    previous = json.loads(manifest.read_text("utf-8")) if manifest.is_file() else []
    keep = set(current)
    removed = [path for path in previous if path not in keep]
    for path in removed:
        target = outdir / path
        target.unlink(missing_ok=True)
        for parent in target.parents:
            if parent == outdir or any(parent.iterdir()):
                break
            parent.rmdir()
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(current, indent=0) + "\n", "utf-8")
    return removed
