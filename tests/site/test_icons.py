"""The theme's icon fonts, cut to the glyphs the site shows (_ext/icon_subset)."""

from __future__ import annotations

import re
from pathlib import Path

from fontTools.ttLib import TTFont
from icon_subset import css_codepoints, icon_map

from tests.helpers import BuiltSite

WEBFONTS = "_static/vendor/fontawesome/webfonts"


def test_icon_rules_and_css_characters_are_read() -> None:
    css = '.fa-a,.fa-b{--fa:"\\f002"}.fa-c:before{content:"\\f00d"}.x{--pst-icon-y:"\uf05a"}'
    assert icon_map(css) == {"fa-a": 0xF002, "fa-b": 0xF002, "fa-c": 0xF00D}
    assert css_codepoints(css) == {0xF05A}


def test_fonts_hold_every_icon_the_pages_use_and_little_else(site: BuiltSite) -> None:
    css = "".join(p.read_text("utf-8") for p in (site.html / "_static").rglob("*.css"))
    mapping = icon_map(css)
    used = {
        mapping[name]
        for page in site.html.rglob("*.html")
        if "_static" not in page.parts
        for name in re.findall(r"\bfa-[a-z0-9-]+", page.read_text("utf-8"))
        if name in mapping
    }
    assert {0xF002, 0xF0C9, 0xF185, 0xF186, 0xF09B} <= used  # search, menu, sun, moon, GitHub
    fonts = sorted((site.html / WEBFONTS).glob("*.woff2"))
    assert [f.name for f in fonts] == ["fa-brands-400.woff2", "fa-regular-400.woff2",
                                       "fa-solid-900.woff2"]  # fmt: skip
    glyphs: set[int] = set()
    for font in fonts:
        assert font.stat().st_size < 8_000, font.name  # was 110 KB (solid, brands)
        glyphs |= set(TTFont(font).getBestCmap())
    assert used <= glyphs
    assert css_codepoints(css) <= glyphs | {0xF296}  # GitLab's icon is only in brands' CSS
    assert len(glyphs) < 60


def test_the_subset_follows_the_theme_font_not_a_previous_subset(tmp_path: Path) -> None:
    import pydata_sphinx_theme
    from icon_subset import _write_subset

    theme = Path(pydata_sphinx_theme.__file__).parent
    original = next(theme.rglob("fa-solid-900.woff2"))
    target = tmp_path / "fa-solid-900.woff2"
    target.write_bytes(original.read_bytes())
    _write_subset(target, original, {0xF002}, tmp_path / "cache")
    small = target.read_bytes()
    _write_subset(target, original, {0xF002, 0xF0C9}, tmp_path / "cache")  # more icons later
    assert set(TTFont(target).getBestCmap()) == {0xF002, 0xF0C9}
    _write_subset(target, original, {0xF002}, tmp_path / "cache")
    assert target.read_bytes() == small  # same input, same bytes
