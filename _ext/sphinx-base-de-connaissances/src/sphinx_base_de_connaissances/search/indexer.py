"""Full-text search with Pagefind: the built HTML is indexed at ``build-finished``.

Pagefind (PyPI ``pagefind[bin]``, a static binary run offline) stems French and folds accents,
indexes only ``data-pagefind-body`` (the article text, not navigation or footers), and the
browser loads only the index chunks a query needs. When Pagefind cannot run (decided at
start-up), the build says so, Sphinx builds its own index, and the search page falls back to it;
otherwise Sphinx's index (a quarter of the writing time) is not built.

Pagefind has no incremental mode: it indexes every page it is given. So the pages are split
into shards (``shards``), and only the shards whose pages changed are indexed again, each into
a temporary folder that replaces its bundle in one step. ``pagefind/`` holds
Pagefind's scripts and ``kb-shards.json``, the list of the other bundles, which
``kb-search.js`` merges in (Pagefind's ``mergeIndex``: one WebAssembly module, results ranked
together).

While a writer previews (``nox -s serve``, ``kb_search_background``), the shards are indexed by a
detached process (``python -m sphinx_base_de_connaissances.search``) after the build has
returned, so a save shows its page without waiting for it: the old index stays in place with a
``kb-pending`` marker, which the search page announces, until the new one replaces it. A newer
save stops an older indexer, and an indexer whose plan is no longer the latest throws its result
away.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..state import StateFile, mapping_of, write_whole
from .shards import BUNDLE, PENDING, SHARDS, Shard, listed, listing, plan, record, stale

# Beside the doctrees: the fingerprint each bundle was made from; the shards the newest build
# asked for (read by the background indexer).
STAMPS = StateFile("kb-search.json", 2, mapping_of(str))


def _plan_shape(data: object) -> bool:
    return isinstance(data, list) and all(
        isinstance(item, dict)
        and isinstance(item.get("bundle"), str)
        and isinstance(item.get("pages"), list)
        and isinstance(item.get("fingerprint"), str)
        for item in data
    )


PLAN = StateFile("kb-search-plan.json", 1, _plan_shape)
PID = "kb-search.pid"


def available() -> bool:
    """Whether Pagefind can run here (its Python package and its binary are installed); decided
    when the build starts, so that Sphinx's own index is built only when it is the fallback."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def pagefind_command() -> list[str]:
    """Pagefind's binary from ``pagefind_bin`` when it is there: ``python -m pagefind`` finds
    and starts the same binary, 0.3 s later (measured: 0.31 s against 0.004 s for
    ``--version``), once per indexed shard."""
    spec = importlib.util.find_spec("pagefind_bin")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("pagefind", "pagefind.exe"):
            binary = Path(folder) / name
            if binary.is_file() and os.access(binary, os.X_OK):
                return [str(binary)]
    return [sys.executable, "-m", "pagefind"]


def index(
    outdir: Path, doctreedir: Path, pages: Sequence[str | Path], per_shard: int
) -> str | None:
    """Bring the search index of ``pages`` up to date; None on success, else why it failed."""
    return update(outdir, doctreedir, plan(pages, outdir, per_shard, doctreedir))


def update(
    outdir: Path, doctreedir: Path, shards: Sequence[Shard], plan_file: Path | None = None
) -> str | None:
    """Index the stale shards, then list the shards and remove the bundles no longer used; with
    ``plan_file``, stop as soon as that file no longer holds these shards (a newer build's
    indexer follows)."""
    expected = _contents(plan_file) if plan_file is not None else b""

    def superseded() -> bool:
        return plan_file is not None and _contents(plan_file) != expected

    shard_list = listing(shards)
    stamps = _stamps(doctreedir)
    for shard in stale(outdir, stamps, shards):
        with tempfile.TemporaryDirectory(dir=outdir.parent) as work:
            bundle = Path(work) / "bundle"
            failure = _pagefind(outdir, shard.pages, Path(work) / "site", bundle)
            if failure:
                return failure
            if shard.bundle == BUNDLE:
                (bundle / SHARDS).write_bytes(shard_list)
            if superseded():
                return None
            shutil.rmtree(outdir / shard.bundle, ignore_errors=True)
            bundle.replace(outdir / shard.bundle)
        stamps[shard.bundle] = record(outdir, shard)
        _save_stamps(doctreedir, stamps)
    if superseded():
        return None
    if not listed(outdir, shard_list):
        write_whole(outdir / BUNDLE / SHARDS, shard_list)
    used = {shard.bundle for shard in shards}
    for folder in outdir.glob(f"{BUNDLE}-*"):
        extra = folder.name.removeprefix(f"{BUNDLE}-").isdigit()
        if extra and folder.name not in used and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
    _save_stamps(doctreedir, {name: value for name, value in stamps.items() if name in used})
    (outdir / BUNDLE / PENDING).unlink(missing_ok=True)
    return None


def _pagefind(outdir: Path, pages: Sequence[str], site: Path, bundle: Path) -> str | None:
    """Run Pagefind on ``pages`` alone: linked (hard links, else copies) into ``site`` at the
    same paths, so that the URLs it records are the output's."""
    prefix = len(str(outdir).rstrip(os.sep)) + 1
    site.mkdir()
    for page in pages:
        target = site / page[prefix:]
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, target)
        except OSError:
            shutil.copyfile(page, target)
    command = [
        *pagefind_command(),
        "--site",
        str(site),
        "--output-path",
        str(bundle),
        "--silent",
        "--exclude-selectors",
        ".headerlink",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        return str(error)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        return (result.stderr or result.stdout or f"exit code {result.returncode}").strip()
    return None


def _stamps(doctreedir: Path) -> dict[str, str]:
    return STAMPS.load(doctreedir) or {}


def _save_stamps(doctreedir: Path, stamps: dict[str, str]) -> None:
    STAMPS.save(doctreedir, stamps, indent=0)


def index_in_background(
    outdir: Path, doctreedir: Path, pages: Sequence[str | Path], per_shard: int
) -> None:
    """Start a detached indexer for the stale shards of ``pages`` (stopping an older one) and
    return at once."""
    shards = plan(pages, outdir, per_shard, doctreedir)
    if listed(outdir, listing(shards)) and not stale(outdir, _stamps(doctreedir), shards):
        return
    doctreedir.mkdir(parents=True, exist_ok=True)
    pid_file = doctreedir / PID
    payload = [{"bundle": s.bundle, "pages": s.pages, "fingerprint": s.fingerprint} for s in shards]
    PLAN.save(doctreedir, payload)
    _stop(pid_file)
    if (outdir / BUNDLE).is_dir():
        (outdir / BUNDLE / PENDING).write_text("", "utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).parents[2]), os.environ.get("PYTHONPATH", "")]
        ),
    }
    command = [
        sys.executable,
        "-m",
        "sphinx_base_de_connaissances.search",
        str(outdir),
        str(doctreedir),
    ]
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pid_file.write_text(str(process.pid), "utf-8")


def _contents(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _stop(pid_file: Path) -> None:
    with contextlib.suppress(OSError, ValueError):  # none running, or already finished
        os.killpg(int(pid_file.read_text("utf-8")), signal.SIGTERM)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Background Pagefind indexer (kb preview).")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("doctreedir", type=Path)
    args = parser.parse_args(argv)
    saved = PLAN.load(args.doctreedir)
    if saved is None:
        return 1  # the next build writes a new plan and starts a new indexer
    shards = [Shard(item["bundle"], tuple(item["pages"]), item["fingerprint"]) for item in saved]
    failure = update(args.outdir, args.doctreedir, shards, args.doctreedir / PLAN.name)
    pid_file = args.doctreedir / PID
    with contextlib.suppress(OSError):
        if pid_file.read_text("utf-8") == str(os.getpid()):
            pid_file.unlink()
    return 1 if failure else 0
