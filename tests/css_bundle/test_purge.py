"""The cut itself (css_bundle.purge) and the icon characters it leaves (css_bundle.icons)."""

from __future__ import annotations

import time
from pathlib import Path

from fontTools.ttLib import TTFont
from sphinx_base_de_connaissances.css_bundle import icons, purge

KNOWN = {"a", "b", "menu"}


def cut(css: str) -> str:
    text, problems = purge.cut(css, KNOWN.__contains__, "test.css")
    assert problems == []
    return text


def test_a_rule_is_kept_when_every_class_and_id_is_known() -> None:
    assert cut(".a .b > p { color : red }") == ".a .b > p{color : red}"
    assert cut(".a.zzz { color: red }") == ""
    assert cut("#menu a, #other { margin: 0 }") == "#menu a{margin: 0}"


def test_what_functions_and_attributes_hold_is_not_checked() -> None:
    assert cut(".a:not(.zzz) { x: 1 }") == ".a:not(.zzz){x: 1}"
    assert cut(":is(.zzz, .yyy) { x: 1 }") == ":is(.zzz, .yyy){x: 1}"
    assert cut('html[data-theme="dark"] .a { x: 1 }') == 'html[data-theme="dark"] .a{x: 1}'


def test_nested_rules_are_cut_inside_and_empty_blocks_dropped() -> None:
    css = "@media (min-width: 1px) { .zzz { x: 1 } } @media print { .a { x: 1 } .zzz { y: 2 } }"
    assert cut(css) == "@media print{.a{x: 1}}"
    kept = "@font-face { font-family: X; src: url(x.woff2) } @keyframes spin { to { x: 1 } }"
    assert cut(kept) == "@font-face{font-family: X; src: url(x.woff2)}@keyframes spin{to {x: 1}}"


def test_comments_go_and_imports_are_reported() -> None:
    text, problems = purge.cut(
        '/* note */ @import "other.css"; .a { x: 1 }', KNOWN.__contains__, "theme.css"
    )
    assert text == ".a{x: 1}"
    assert problems == ['theme.css: @import "other.css" not bundled']


def test_urls_are_rewritten_whatever_their_quotes() -> None:
    css = "a{b:url(x.woff2)} c{d:url( \"y.png\" )} e{f:url('data:z')}"
    assert purge.rewrite_urls(css, str.upper) == (
        'a{b:url("X.WOFF2")} c{d:url("Y.PNG")} e{f:url("DATA:Z")}'
    )


def test_icon_characters_written_either_way() -> None:
    assert icons.codepoints('.x{--fa:"\\f002"}.y:before{content:"\uf0c9"}.z{content:"\\201c"}') == {
        0xF002,
        0xF0C9,
    }


def test_a_subset_comes_from_the_original_and_is_the_same_each_time(tmp_path: Path) -> None:
    import pydata_sphinx_theme

    original = next(Path(pydata_sphinx_theme.__file__).parent.rglob("fa-solid-900.woff2"))
    small = icons.cached_subset(original, {0xF002}, tmp_path / "a")
    assert set(TTFont(__import__("io").BytesIO(small)).getBestCmap()) == {0xF002}
    time.sleep(1.1)  # a new timestamp in the font would change its bytes
    assert icons.cached_subset(original, {0xF002}, tmp_path / "b") == small  # same bytes
    assert len(small) < 2_000 < original.stat().st_size
