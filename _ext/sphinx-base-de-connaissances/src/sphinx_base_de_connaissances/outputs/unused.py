"""Files the build copies into ``_static`` that no page ever asks for, removed before the site
is published: every source map (``*.map``: only a developer's tools fetch them) and, with the
engine's own layout, every file that no written page loads — directly (``href``, ``src``) or
through what it loads (a stylesheet's ``url()``, a script or stylesheet naming a file): the
theme's unbundled stylesheets, Bootstrap's script, the fonts the subsets replace.

What each page loads is read from its written file once, and kept beside the doctrees with the
file's size and modification time, so that an incremental build reads again only the pages it
wrote. A page counts as long as its file is in the output."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from ..state import StateFile

# In a page: the site's own files it asks for (an address relative to the page).
_PAGE_REF = re.compile(r"""(?:href|src)=["']([^"'#?]*?_static/[^"'#?]+)""")
# In a stylesheet: what it loads, relative to itself.
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')?#]+)""")


def _shape(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(v, list) and len(v) == 2 and isinstance(v[1], list) for v in data.values()
    )


LOADS = StateFile("kb-static.json", 1, _shape)


def remove_unused_static(outdir: Path, engine_layout: bool, doctreedir: Path | None = None) -> None:
    """Remove what no page loads from ``outdir/_static``; ``doctreedir`` keeps what each
    page loads between builds."""
    static = outdir / "_static"
    if not static.is_dir():
        return
    found = set(static.rglob("*.map"))
    if engine_layout and doctreedir is not None:
        kept = loaded(outdir, page_loads(outdir, doctreedir))
        found |= {p for p in static.rglob("*") if p.is_file() and p.relative_to(outdir) not in kept}
    for path in sorted(found):
        if path.is_file() and not path.is_symlink():
            path.unlink()


def page_loads(outdir: Path, doctreedir: Path) -> set[Path]:
    """Every ``_static`` file the written pages ask for (relative to ``outdir``)."""
    saved = LOADS.load(doctreedir) or {}
    current: dict[str, list[Any]] = {}
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.relative_to(outdir).parts:
            continue
        name = page.relative_to(outdir).as_posix()
        status = page.stat()
        stamp = f"{status.st_size}:{status.st_mtime_ns}"
        previous = saved.get(name)
        if previous is not None and previous[0] == stamp:
            current[name] = previous
            continue
        text = page.read_text("utf-8", errors="replace")
        folder = posixpath.dirname(name)
        refs = {posixpath.normpath(posixpath.join(folder, ref)) for ref in _PAGE_REF.findall(text)}
        current[name] = [stamp, sorted(r for r in refs if r.startswith("_static/"))]
    LOADS.save(doctreedir, current)
    return {Path(ref) for _, refs in current.values() for ref in refs}


def loaded(outdir: Path, pages: set[Path]) -> set[Path]:
    """``pages``' files and what they load in turn: a stylesheet's ``url()``s, and any file of
    ``_static`` whose name a loaded stylesheet or script writes (a script builds addresses)."""
    static = outdir / "_static"
    names: dict[str, list[Path]] = {}
    for path in static.rglob("*"):
        if path.is_file():
            names.setdefault(path.name, []).append(path.relative_to(outdir))
    kept: set[Path] = set()
    todo = [p for p in pages if (outdir / p).is_file()]
    while todo:
        path = todo.pop()
        if path in kept:
            continue
        kept.add(path)
        if path.suffix not in {".css", ".js"}:
            continue
        text = (outdir / path).read_text("utf-8", errors="replace")
        more = set()
        if path.suffix == ".css":
            for ref in _CSS_URL.findall(text):
                if "://" not in ref and not ref.startswith("data:"):
                    more.add(Path(posixpath.normpath(posixpath.join(path.parent.as_posix(), ref))))
        more |= {p for name, found in names.items() if name in text for p in found}
        todo += [p for p in more if p not in kept and (outdir / p).is_file()]
    return kept
