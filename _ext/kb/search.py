"""Full-text search with Pagefind: the built HTML is indexed at ``build-finished``.

Pagefind (PyPI ``pagefind[bin]``, a static binary run offline) stems French and folds accents,
indexes only ``data-pagefind-body`` (the article text, not navigation or footers), and the
browser loads only the index chunks a query needs. The index is rebuilt only when an HTML file
changed, into a temporary folder that replaces ``pagefind/`` in one step. When Pagefind cannot
run (decided at start-up), the build says so, Sphinx builds its own index, and the search page
falls back to it; otherwise Sphinx's index (a quarter of the writing time) is not built.

While a writer previews (``nox -s serve``, ``kb_search_background``), the index is rebuilt by a
detached process (``python -m kb.search``) after the build has returned, so a save shows its
page without waiting for it: the old index stays in place with a ``kb-pending`` marker, which
the search page announces, until the new one replaces it. A newer save stops an older
indexer, and an indexer whose pages are no longer the latest throws its result away.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

BUNDLE = "pagefind"
STAMP = "kb-search.sha256"
WANTED = "kb-search.wanted"  # the fingerprint the newest build asked for
PID = "kb-search.pid"
PENDING = "kb-pending"  # in the bundle: this index is older than the pages


def available() -> bool:
    """Whether Pagefind can run here (its Python package and its binary are installed); decided
    when the build starts, so that Sphinx's own index is built only when it is the fallback."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def html_fingerprint(pages: Sequence[str | Path]) -> str:
    """A digest of the pages that can hold indexed text (the documents' pages), by path, size
    and modification time: Sphinx rewrites a document's page only when it changed."""
    digest = hashlib.sha256()
    for path in sorted(map(str, pages)):
        try:
            stat = os.stat(path)  # noqa: PTH116 (10,000 Path objects cost a second)
            size, mtime = stat.st_size, stat.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        digest.update(f"{path}:{size}:{mtime}\n".encode())
    return digest.hexdigest()


def glob_for(pages: Sequence[str | Path], outdir: Path) -> str:
    """A Pagefind glob covering the documents' pages only: the generated listings (tags,
    categories, archives…) hold no indexed text, and reading them costs a third of the run."""
    tops = set()
    for page in pages:
        parts = PurePosixPath(os.path.relpath(page, outdir)).parts
        tops.add(f"{parts[0]}/**/*.html" if len(parts) > 1 else parts[0])
    return "{" + ",".join(sorted(tops)) + "}"


def current(outdir: Path, doctreedir: Path, fingerprint: str) -> bool:
    stamp = doctreedir / STAMP
    bundle_ok = (outdir / BUNDLE / "pagefind.js").is_file()
    return bundle_ok and stamp.is_file() and stamp.read_text("utf-8") == fingerprint


def index(outdir: Path, doctreedir: Path, pages: Sequence[str | Path]) -> str | None:
    """Index ``outdir`` unless ``pages`` (the documents' output files) are unchanged since the
    last run; return None on success or nothing to do, else the reason it failed."""
    fingerprint = html_fingerprint(pages)
    if current(outdir, doctreedir, fingerprint):
        return None
    return run(outdir, doctreedir, fingerprint, glob_for(pages, outdir))


def run(
    outdir: Path, doctreedir: Path, fingerprint: str, glob: str = "**/*.html",
    wanted: Path | None = None,
) -> str | None:  # fmt: skip
    """Run Pagefind on the pages ``glob`` matches, into a temporary folder that replaces the
    bundle in one step; with ``wanted``, only if that file still names ``fingerprint`` (no
    newer build asked since)."""
    stamp = doctreedir / STAMP
    with tempfile.TemporaryDirectory(dir=outdir.parent) as work:
        bundle = Path(work) / BUNDLE
        command = [sys.executable, "-m", "pagefind", "--site", str(outdir),
                   "--output-path", str(bundle), "--silent",
                   "--exclude-selectors", ".headerlink", "--glob", glob]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            return str(error)
        if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
            return (result.stderr or result.stdout or f"exit code {result.returncode}").strip()
        if wanted is not None and wanted.read_text("utf-8") != fingerprint:
            return None  # a newer build's indexer follows
        shutil.rmtree(outdir / BUNDLE, ignore_errors=True)
        bundle.replace(outdir / BUNDLE)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint, "utf-8")
    return None


def index_in_background(outdir: Path, doctreedir: Path, pages: Sequence[str | Path]) -> None:
    """Start a detached indexer for ``pages`` (stopping an older one) and return at once."""
    fingerprint = html_fingerprint(pages)
    if current(outdir, doctreedir, fingerprint):
        return
    doctreedir.mkdir(parents=True, exist_ok=True)
    wanted, pid_file = doctreedir / WANTED, doctreedir / PID
    wanted.write_text(fingerprint, "utf-8")
    _stop(pid_file)
    if (outdir / BUNDLE).is_dir():
        (outdir / BUNDLE / PENDING).write_text("", "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
    command = [sys.executable, "-m", "kb.search", str(outdir), str(doctreedir), fingerprint,
               glob_for(pages, outdir)]  # fmt: skip
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    pid_file.write_text(str(process.pid), "utf-8")


def _stop(pid_file: Path) -> None:
    with contextlib.suppress(OSError, ValueError):  # none running, or already finished
        os.killpg(int(pid_file.read_text("utf-8")), signal.SIGTERM)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Background Pagefind indexer (kb preview).")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("doctreedir", type=Path)
    parser.add_argument("fingerprint")
    parser.add_argument("glob")
    args = parser.parse_args(argv)
    wanted = args.doctreedir / WANTED
    failure = run(args.outdir, args.doctreedir, args.fingerprint, args.glob, wanted)
    pid_file = args.doctreedir / PID
    with contextlib.suppress(OSError):
        if pid_file.read_text("utf-8") == str(os.getpid()):
            pid_file.unlink()
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
