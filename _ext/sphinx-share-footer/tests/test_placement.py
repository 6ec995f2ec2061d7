"""Which pages get a footer, and where (test roots placement and basic)."""

from __future__ import annotations

import json

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import footer, links
from tests.urls import params


@pytest.mark.sphinx("html", testroot="placement", srcdir="share-patterns")
def test_include_exclude_and_opt_out(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert footer(app.outdir, "articles/premier.html") is not None
    page = (app.outdir / "articles/premier.html").read_text(encoding="utf-8")
    assert "<p>Texte.</p>" in page, "the page body must stay HTML, not escaped text"
    assert footer(app.outdir, "articles/sans-partage.html") is None  # share: false
    assert footer(app.outdir, "articles/brouillon-exclu.html") is None  # excluded pattern
    assert footer(app.outdir, "autre.html") is None  # not included
    assert footer(app.outdir, "index.html") is None  # root document
    assert footer(app.outdir, "genindex.html") is None  # not a source document


@pytest.mark.sphinx("html", testroot="placement", srcdir="share-myst-tags")
def test_front_matter_tags_become_hashtags(app: SphinxTestApp) -> None:
    app.build()
    hrefs = links(footer(app.outdir, "articles/premier.html"))
    assert params(hrefs["x"])["hashtags"] == "stratégie,RéseauxSociaux"
    assert params(hrefs["email"])["body"].startswith("Le premier article.\r\n")


@pytest.mark.sphinx(
    "html",
    testroot="placement",
    srcdir="share-manual",
    confoverrides={"share_footer_placement": "manual"},
)
def test_manual_placement_renders_only_where_the_theme_includes_it(app: SphinxTestApp) -> None:
    app.build()
    from bs4 import BeautifulSoup

    html = BeautifulSoup(
        (app.outdir / "articles/premier.html").read_text(encoding="utf-8"), "html.parser"
    )
    asides = html.find_all("aside", class_="share-footer")
    assert len(asides) == 1
    assert asides[0].find_parent(id="manual-slot") is not None
    other = BeautifulSoup((app.outdir / "autre.html").read_text(encoding="utf-8"), "html.parser")
    assert other.select_one("#manual-slot").get_text(strip=True) == ""


@pytest.mark.sphinx("dirhtml", testroot="basic", srcdir="share-dirhtml")
def test_dirhtml_shares_the_directory_url(app: SphinxTestApp) -> None:
    app.build()
    aside = footer(app.outdir, "page/index.html")
    assert aside["data-url"] == "https://example.org/docs/page/"
    assert params(links(aside)["linkedin"]) == {"url": "https://example.org/docs/page/"}


@pytest.mark.sphinx("html", testroot="basic", srcdir="share-search")
def test_footer_text_stays_out_of_the_search_index(app: SphinxTestApp) -> None:
    app.build()
    raw = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw.removeprefix("Search.setIndex(").removesuffix(")"))
    terms = {term.lower() for term in [*index["terms"], *index["titleterms"]]}
    assert "page" in terms  # the page body is indexed...
    for word in ("partag", "share", "linkedin", "mastodon", "bluesky", "twitter", "mailto"):
        assert not any(word in term for term in terms)  # ...the footer is not


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_other_builders_are_unaffected(make_app, rootdir, sphinx_test_tempdir, builder) -> None:
    import shutil

    srcdir = sphinx_test_tempdir / f"share-builder-{builder}"
    shutil.copytree(rootdir / "test-basic", srcdir, dirs_exist_ok=True)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.is_file() and path.suffix in {".txt", ".tex", ".xhtml", ".html"}
    )
    assert "Le corps de la page" in written
    assert "share-footer" not in written and "linkedin" not in written.lower()


@pytest.mark.parametrize(
    ("builder", "path", "url"),
    [
        ("html", "articles/café noir.html", "articles/caf%C3%A9%20noir.html"),
        ("html", "articles/100%.html", "articles/100%25.html"),
        ("dirhtml", "articles/café noir/index.html", "articles/caf%C3%A9%20noir/"),
        ("dirhtml", "articles/100%/index.html", "articles/100%25/"),
    ],
)
def test_file_names_with_accents_spaces_and_percent_are_encoded_once(
    make_app, rootdir, sphinx_test_tempdir, builder, path, url
) -> None:
    import shutil

    srcdir = sphinx_test_tempdir / f"share-names-{builder}"
    shutil.copytree(rootdir / "test-names", srcdir, dirs_exist_ok=True)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    aside = footer(app.outdir, path)
    expected = "https://example.org/docs/" + url
    assert aside["data-url"] == expected
    assert params(links(aside)["linkedin"]) == {"url": expected}
    assert aside.select_one("[data-share-copy]") is not None
