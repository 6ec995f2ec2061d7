"""icon_subset: the theme's icon fonts cut down to the glyphs the built site can show.

pydata-sphinx-theme ships Font Awesome's whole solid, regular and brands fonts (225 KB) for
the dozen icons a page shows. After an HTML build, this extension finds the icons that can
appear: the ``fa-*`` classes of the pages written (and of the theme's scripts, which add some
on the fly), mapped to code points through the theme's CSS, plus every icon character the
CSS itself uses (admonitions, links…). It then rewrites each font in place with fontTools'
subsetter, keeping exactly those glyphs, so the rendering is unchanged.

Incremental: each page's classes are kept beside the doctrees, only pages written by this build
are read again, and a subset is recomputed only when the set of code points or the original
font changed (the result is cached, since Sphinx copies the theme's fonts again).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx
from sphinx.util import logging

__version__ = "0.1.0"
logger = logging.getLogger(__name__)

STORE = "icon-subset.json"
CACHE = "icon-subset"
HTML_BUILDERS = frozenset({"html", "dirhtml"})
_CLASS = re.compile(r"\bfa-[a-z0-9][a-z0-9-]*")
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_FONT_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.woff2)")
# `.fa-github,.fa-octocat{--fa:"\f09b"}` (Font Awesome 6/7) or `.fa-x:before{content:"\f00d"}`
_ICON_RULE = re.compile(r"((?:\.fa-[a-z0-9-]+(?::+before)?\s*,?\s*)+)\{\s*(?:--fa|content)\s*:"
                        r"\s*\"(\\[0-9a-fA-F]+|[\ue000-\uf8ff])\"")  # fmt: skip
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\(?:f[0-9a-fA-F]{3}|e[0-9a-fA-F]{3})\b")


def _codepoint(text: str) -> int:
    return int(text[1:], 16) if text.startswith("\\") else ord(text)


def icon_map(css: str) -> dict[str, int]:
    """``fa-name`` → code point, from the icon rules of a stylesheet."""
    result = {}
    for match in _ICON_RULE.finditer(css):
        point = _codepoint(match.group(2))
        for name in re.findall(r"fa-[a-z0-9-]+", match.group(1)):
            result[name] = point
    return result


def css_codepoints(css: str) -> set[int]:
    """Icon characters a stylesheet uses by itself (outside the per-icon class rules)."""
    rest = _ICON_RULE.sub("{", css)
    return {_codepoint(match) for match in _PRIVATE_USE.findall(rest)}


def subset_font(data: bytes, codepoints: set[int]) -> bytes:
    """``data`` (a WOFF2 font) with only the glyphs of ``codepoints``; same bytes each time."""
    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    output = io.BytesIO()
    font.flavor = "woff2"
    font.save(output)
    return output.getvalue()


class IconSubset:
    def __init__(self) -> None:
        self.written: set[str] = set()

    def page_context(self, app: Sphinx, pagename: str, *_args: Any) -> None:
        self.written.add(pagename)

    def build_finished(self, app: Sphinx, exception: Exception | None) -> None:
        if exception is not None or app.builder.name not in HTML_BUILDERS:
            return
        outdir, doctrees = Path(app.outdir), Path(app.doctreedir)
        store = doctrees / STORE
        classes: dict[str, list[str]] = (
            json.loads(store.read_text("utf-8")) if store.is_file() else {}
        )
        pages = {name: Path(app.builder.get_outfilename(name)) for name in self.written}
        if not store.is_file():  # first run on this output: every page there is
            for path in outdir.rglob("*.html"):
                relative = path.relative_to(outdir)
                if not {"_static", "pagefind"} & set(relative.parts):
                    pages[relative.with_suffix("").as_posix()] = path
        for pagename, page in pages.items():
            if page.is_file():
                classes[pagename] = sorted(set(_CLASS.findall(page.read_text("utf-8"))))
        classes = {name: found for name, found in classes.items()
                   if Path(app.builder.get_outfilename(name)).is_file()}  # fmt: skip
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps(classes, indent=0, sort_keys=True) + "\n", "utf-8")
        static = outdir / "_static"
        stylesheets = {path: path.read_text("utf-8", errors="replace")
                       for path in sorted(static.rglob("*.css"))}  # fmt: skip
        names = {name for found in classes.values() for name in found}
        for script in sorted(static.rglob("*.js")):
            if not script.name.startswith("fontawesome"):  # the library lists every icon
                names |= set(_CLASS.findall(script.read_text("utf-8", errors="replace")))
        mapping: dict[str, int] = {}
        points: set[int] = set()
        for css in stylesheets.values():
            mapping |= icon_map(css)
            points |= css_codepoints(css)
        points |= {mapping[name] for name in names if name in mapping}
        fonts = sorted({(path.parent / url).resolve()
                        for path, css in stylesheets.items()
                        for face in _FONT_FACE.findall(css)
                        for url in _FONT_URL.findall(face)
                        if "fa-" in url})  # fmt: skip
        cache = doctrees / CACHE
        theme_dirs = [Path(d) for d in app.builder.theme.get_theme_dirs()]  # type: ignore[attr-defined]
        for font in fonts:
            original = _original(font.relative_to(static), theme_dirs)
            if font.is_file() and original is not None:
                _write_subset(font, original, points, cache)


def _original(relative: Path, theme_dirs: list[Path]) -> Path | None:
    """The theme's own copy of a font (never the subset a previous build left in _static)."""
    for theme_dir in theme_dirs:
        candidate = theme_dir / "static" / relative
        if candidate.is_file():
            return candidate
    return None


def _write_subset(font: Path, original: Path, points: set[int], cache: Path) -> None:
    data = original.read_bytes()
    key = hashlib.sha256(data + repr(sorted(points)).encode()).hexdigest()[:32]
    cached = cache / f"{font.stem}-{key}.woff2"
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(subset_font(data, points))
    result = cached.read_bytes()
    if font.read_bytes() != result:
        font.write_bytes(result)


def setup(app: Sphinx) -> dict[str, Any]:
    handler = IconSubset()
    app.connect("html-page-context", handler.page_context)
    app.connect("build-finished", handler.build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
