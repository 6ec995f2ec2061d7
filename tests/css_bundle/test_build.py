"""css_bundle in a real build (tests/roots/test-css-bundle, pydata-sphinx-theme)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

from tests.helpers import build_root

BUNDLE = re.compile(r"_static/bundle\.[0-9a-f]{12}\.css")


def stylesheets(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir, warnings = build_root("css-bundle", tmp_path_factory.mktemp("css") / "src")
    assert warnings == ""
    return outdir


def test_each_page_links_one_stylesheet_besides_pygments(built: Path) -> None:
    for name in ("index.html", "other.html"):
        bundle, pygments = stylesheets(built / name)  # pygments.css: excluded by default
        assert BUNDLE.match(bundle), bundle
        assert pygments.startswith("_static/pygments.css?v=")


def test_the_bundle_keeps_what_can_match_and_drops_the_rest(built: Path) -> None:
    (bundle,) = (built / "_static").glob("bundle.*.css")
    css = bundle.read_text("utf-8")
    assert ".used-by-a-document{color: green;}" in css  # a document's class
    assert ".added-by-script{color: blue;}" in css  # a script adds it
    assert "@media (min-width: 20px){.added-by-script{margin: 0;}}" in css
    assert ".kept-12{" in css  # safelist
    assert ".used-by-a-document > p{color: red;}" in css  # the other selector of its list went
    assert "never-used-anywhere" not in css and "(min-width: 10px)" not in css
    assert "/*" not in css and "@import" not in css
    assert ".bd-header" in css and "div.body" in css  # the theme's, and basic.css
    assert len(css) < 200_000  # the theme's alone is 377 KB


def test_icon_fonts_are_cut_and_named_by_their_content(built: Path) -> None:
    (bundle,) = (built / "_static").glob("bundle.*.css")
    urls = re.findall(r'url\("([^"]+\.woff2)"\)', bundle.read_text("utf-8"))
    assert urls and all(re.search(r"\.[0-9a-f]{12}\.woff2$", url) for url in urls)
    for url in urls:
        font = built / "_static" / url
        assert font.stat().st_size < 8_000, url
    solid = next(u for u in urls if "fa-solid" in u)
    glyphs = set(TTFont(built / "_static" / solid).getBestCmap())
    assert 0xF002 in glyphs and len(glyphs) < 80  # the search icon, not the 1,400 others


def test_a_change_of_stylesheet_rewrites_every_page_and_drops_the_old_bundle(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    outdir, _ = build_root("css-bundle", src)
    (first,) = (outdir / "_static").glob("bundle.*.css")
    pages = {name: (outdir / name).stat().st_mtime_ns for name in ("index.html", "other.html")}
    build_root("css-bundle", src, copy=False)  # nothing changed: nothing written
    assert {n: (outdir / n).stat().st_mtime_ns for n in pages} == pages
    assert first.is_file()
    with (src / "_static" / "mine.css").open("a", encoding="utf-8") as handle:
        handle.write(".added-by-script { padding: 1px; }\n")
    _, warnings = build_root("css-bundle", src, copy=False)
    assert warnings == ""
    (second,) = (outdir / "_static").glob("bundle.*.css")
    assert second != first and not first.exists()
    for name in pages:
        assert stylesheets(outdir / name)[0].startswith(f"_static/{second.name}?v=")


def test_the_bundle_does_not_depend_on_which_pages_a_build_writes(tmp_path: Path) -> None:
    """A stylesheet one page adds while rendered (css_bundle_extra) is bundled whatever pages
    are written: a build writing only another page, or none, keeps the bundle all pages link."""
    src = tmp_path / "src"
    outdir, _ = build_root("css-bundle", src)
    (bundle,) = (outdir / "_static").glob("bundle.*.css")
    assert ".used-by-a-document{padding: 2px;}" in bundle.read_text("utf-8")
    _edit = (src / "index.rst").read_text("utf-8").replace("Un paragraphe.", "Un autre.")
    (src / "index.rst").write_text(_edit, "utf-8")
    build_root("css-bundle", src, copy=False)  # writes index.html only
    build_root("css-bundle", src, copy=False)  # writes nothing
    assert list((outdir / "_static").glob("bundle.*.css")) == [bundle]
    for name in ("index.html", "other.html"):
        assert stylesheets(outdir / name)[0].startswith(f"_static/{bundle.name}?v="), name
