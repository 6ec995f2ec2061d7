"""Files the build copies into ``_static`` that no page ever asks for, removed before the site
is published: every source map (``*.map``: only a developer's tools fetch them), and the theme
files the engine's own layout stops loading (sphinx-book-theme's ``fontawesome.js``, 1.5 MB:
its stylesheet draws the same icons with the web fonts)."""

from __future__ import annotations

from pathlib import Path

# Relative to _static: loaded by no page once the engine's theme layout is in place.
NOT_LOADED_WITH_THE_ENGINE_S_LAYOUT = ("scripts/fontawesome.js",)


def remove_unused_static(outdir: Path, engine_layout: bool) -> None:
    """Remove what no page loads from ``outdir/_static``."""
    static = outdir / "_static"
    found = list(static.rglob("*.map")) if static.is_dir() else []
    if engine_layout:
        found += [static / name for name in NOT_LOADED_WITH_THE_ENGINE_S_LAYOUT]
    for path in found:
        if path.is_file() and not path.is_symlink():
            path.unlink()
