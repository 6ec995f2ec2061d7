"""Strict Sphinx builds whose verdict never depends on what an earlier build left behind.

Sphinx's ``-W`` only repeats the warnings of the documents it re-reads: after a failed build, an
unchanged incremental rebuild would print "build succeeded". When a build fails, this module
throws the saved environment away, so the next run re-reads everything and fails again.

Used by ``nox -s build`` and ``nox -s linkcheck``, and by the tests, so that they all run exactly
the same command::

    python -m tools.sitebuild [--builder html] [--source .] [--out _build]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sphinx.cmd.build import build_main

STRICT_FLAGS = ("-W", "--keep-going", "-n")
REPO = Path(__file__).resolve().parent.parent
# What a build of the site reads (conf.py's include_patterns, extensions, look, and the files
# that pages include); copies of the site for tests and benchmarks take exactly these.
SITE_PARTS = (
    "conf.py",
    "index.md",
    "glossaire.md",
    "CONTRIBUTING.md",
    "articles",
    "guide",
    "data",
    "_ext",
    "_static",
    "_templates",
)
# What a copy leaves out: caches and the share footer's own environments and packages
# (its .nox alone is half a gigabyte), none of which a build reads.
COPY_IGNORE = shutil.ignore_patterns(
    "__pycache__", ".nox", "_build", "dist", "*.egg-info", ".ruff_cache", ".pytest_cache"
)


def copy_site_parts(dest: Path, skip: Sequence[str] = ()) -> None:
    """Copy what a build of the site reads (``SITE_PARTS`` but ``skip``) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = REPO / part
        if part in skip or not src.exists():
            continue
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=COPY_IGNORE)
        else:
            shutil.copy2(src, dest / part)
    if "articles" in skip:
        without_seed_articles(dest)


def without_seed_articles(dest: Path) -> None:
    """A copy without the seed articles drops their reading path, which would name missing
    articles (an error)."""
    (dest / "data" / "parcours.yml").unlink(missing_ok=True)


def build(
    source: Path,
    out: Path,
    builder: str = "html",
    extra_args: Sequence[str] = (),
) -> int:
    """Build ``source`` with ``builder`` into ``out/<builder>``; return Sphinx's exit code.

    The doctrees (Sphinx's saved environment) live in ``out/doctrees/<builder>`` and are removed
    when the build fails.
    """
    doctrees = out / "doctrees" / builder
    args = [
        "-b",
        builder,
        "-d",
        str(doctrees),
        *STRICT_FLAGS,
        *extra_args,
        str(source),
        str(out / builder),
    ]
    status = build_main(args)
    if status != 0:
        shutil.rmtree(doctrees, ignore_errors=True)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builder", default="html")
    parser.add_argument("--source", type=Path, default=Path())
    parser.add_argument("--out", type=Path, default=Path("_build"))
    parser.add_argument("extra", nargs="*", help="more sphinx-build options, after --")
    options = parser.parse_args(argv)
    return build(options.source, options.out, options.builder, options.extra)


def run_and_exit(
    argv: Sequence[str] | None = None, report: Callable[[int], None] | None = None
) -> None:
    """The command line: build, then leave at once. At 10,000 articles, Python's collector
    runs hundreds of times while Sphinx loads its environment, and freeing that environment
    at exit takes longer than a no-change build itself (3.5 s of 7.4 s measured): the collector
    runs less often, and the process ends without tearing down what the OS reclaims anyway."""
    gc.set_threshold(100_000, 50, 100)
    status = main(argv)
    if report is not None:
        report(status)
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(status)


if __name__ == "__main__":
    run_and_exit()
