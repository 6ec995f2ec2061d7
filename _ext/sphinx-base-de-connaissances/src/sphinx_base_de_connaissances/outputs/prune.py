"""Remove the output of pages that no longer exist (deleted or hidden articles, tags that lost
their last article…): Sphinx never deletes outputs, and a stale page must not be published.

The list of pages written by the previous build is kept beside the doctrees, not in the output.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..content.addresses import page_files
from ..state import StateFile


def _paths(data: Any) -> bool:
    return isinstance(data, list) and all(isinstance(path, str) for path in data)


MANIFEST = StateFile("kb-pages.json", 1, _paths)


def prune(outdir: Path, doctreedir: Path, pages: Iterable[str]) -> list[str]:
    """Delete the files listed last time but not in ``pages`` (paths relative to ``outdir``);
    record ``pages`` for next time; return what was deleted."""
    current = sorted(set(pages))
    previous = MANIFEST.load(doctreedir) or []
    keep = set(current)
    removed = [path for path in previous if path not in keep]
    for path in removed:
        target = outdir / path
        target.unlink(missing_ok=True)
        for parent in target.parents:
            if parent == outdir or any(parent.iterdir()):
                break
            parent.rmdir()
    MANIFEST.save(doctreedir, current, indent=0)
    return removed


def remove_pages(outdir: Path, docnames: Iterable[str]) -> None:
    """The pages of documents deleted since the last build and their twins, in either
    builder's layout: removed even when this build fails, so that none is left to publish."""
    for docname in docnames:
        for name in page_files(docname):
            (outdir / name).unlink(missing_ok=True)
            # Its Markdown twin, in either form (``x.md``; ``x/index.html.md``).
            for twin in (name.removesuffix(".html") + ".md", name + ".md"):
                (outdir / twin).unlink(missing_ok=True)
