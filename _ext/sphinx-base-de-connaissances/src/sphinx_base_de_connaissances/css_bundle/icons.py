"""Icon fonts cut to the glyphs a stylesheet can draw (fontTools' subsetter, WOFF2).

After the cut, the only icon rules left in the bundle are those of icons that can appear, plus
the icon characters the theme's own rules use (admonitions, external links…): the private-use
characters of the bundle are exactly the glyphs to keep.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from .cache import write_whole

_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\([0-9a-fA-F]{4,6})")


def codepoints(css: str) -> set[int]:
    """Private-use characters of ``css``, written as themselves or as CSS escapes."""
    found = set()
    for match in _PRIVATE_USE.finditer(css):
        point = int(match.group(1), 16) if match.group(1) else ord(match.group(0))
        if 0xE000 <= point <= 0xF8FF:
            found.add(point)
    return found


def subset_font(data: bytes, points: set[int]) -> bytes:
    """``data`` (a font) as WOFF2 with only the glyphs of ``points``; same bytes each time."""
    # Imported here: the subsetter costs 0.15 s to import, and a cached subset needs none.
    from fontTools import subset

    # The original's timestamp is kept: a fresh one would change the bytes on every build.
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    output = io.BytesIO()
    font.flavor = "woff2"
    font.save(output)
    return output.getvalue()


def cached_subset(original: Path, points: set[int], cache: Path) -> bytes:
    """The subset of ``original``, computed once per (font, glyphs) and kept in ``cache``."""
    data = original.read_bytes()
    key = hashlib.sha256(data + repr(sorted(points)).encode()).hexdigest()[:32]
    cached = cache / f"{original.stem}-{key}.woff2"
    with contextlib.suppress(OSError):
        kept = cached.read_bytes()
        if _readable(kept):
            return kept
    font = subset_font(data, points)
    write_whole(cached, font)
    return font


def _readable(font: bytes) -> bool:
    """A cached subset is used only if it is a whole font (an interrupted or restored cache
    could hold half of one, which would be published)."""
    try:
        TTFont(io.BytesIO(font), lazy=False)
    except Exception:
        return False
    return True
