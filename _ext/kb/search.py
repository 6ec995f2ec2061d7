"""Full-text search with Pagefind: the built HTML is indexed at ``build-finished``.

Pagefind (PyPI ``pagefind[bin]``, a static binary run offline) stems French and folds accents,
indexes only ``data-pagefind-body`` (the article text, not navigation or footers), and the
browser loads only the index chunks a query needs. The index is rebuilt only when an HTML file
changed, into a temporary folder that replaces ``pagefind/`` in one step. When Pagefind cannot
run (decided at start-up), the build says so, Sphinx builds its own index, and the search page
falls back to it; otherwise Sphinx's index (a quarter of the writing time) is not built.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BUNDLE = "pagefind"
STAMP = "kb-search.sha256"


def available() -> bool:
    """Whether Pagefind can run here (its Python package and its binary are installed); decided
    when the build starts, so that Sphinx's own index is built only when it is the fallback."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def html_fingerprint(pages: list[Path]) -> str:
    """A digest of the pages that can hold indexed text (the documents' pages), by path, size
    and modification time: Sphinx rewrites a document's page only when it changed."""
    digest = hashlib.sha256()
    for path in sorted(pages):
        stat = path.stat() if path.is_file() else None
        size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
        digest.update(f"{path}:{size}:{mtime}\n".encode())
    return digest.hexdigest()


def index(outdir: Path, doctreedir: Path, pages: list[Path]) -> str | None:
    """Index ``outdir`` unless ``pages`` (the documents' output files) are unchanged since the
    last run; return None on success or nothing to do, else the reason it failed."""
    stamp = doctreedir / STAMP
    fingerprint = html_fingerprint(pages)
    bundle_ok = (outdir / BUNDLE / "pagefind.js").is_file()
    if bundle_ok and stamp.is_file() and stamp.read_text("utf-8") == fingerprint:
        return None
    with tempfile.TemporaryDirectory(dir=outdir.parent) as work:
        bundle = Path(work) / BUNDLE
        command = [sys.executable, "-m", "pagefind", "--site", str(outdir),
                   "--output-path", str(bundle), "--silent",
                   "--exclude-selectors", ".headerlink"]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            return str(error)
        if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
            return (result.stderr or result.stdout or f"exit code {result.returncode}").strip()
        shutil.rmtree(outdir / BUNDLE, ignore_errors=True)
        bundle.replace(outdir / BUNDLE)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint, "utf-8")
    return None
