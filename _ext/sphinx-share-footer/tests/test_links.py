"""Links, labels and escaping on a page with a hostile title (test root basic)."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import footer, links
from tests.urls import endpoint, params

TITLE = "Titre \"citations\" & <script>alert('x')</script> #1 100% +1 🚀 élan"
DESCRIPTION = (
    'Une description avec "guillemets", & esperluette, <b>balise</b>, #dièse, 100 % et +plus+ 🚀.'
)
URL = "https://example.org/docs/page.html"


@pytest.mark.sphinx("html", testroot="basic", srcdir="share-links-fr")
def test_every_network_shares_the_title_and_canonical_url(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    aside = footer(app.outdir, "page.html")
    hrefs = links(aside)
    assert list(hrefs) == [
        "x",
        "linkedin",
        "bluesky",
        "facebook",
        "whatsapp",
        "telegram",
        "reddit",
        "email",
    ]
    assert params(hrefs["x"]) == {
        "text": TITLE,
        "url": URL,
        "via": "kb_strategie",
        "hashtags": "RéseauxSociaux,ERéputation,stratégie",
    }
    assert params(hrefs["linkedin"]) == {"url": URL}
    assert params(hrefs["facebook"]) == {"u": URL}
    assert params(hrefs["bluesky"]) == {"text": f"{TITLE}\n{URL}"}
    assert params(hrefs["whatsapp"]) == {"text": f"{TITLE}\n{URL}"}
    assert params(hrefs["telegram"]) == {"url": URL, "text": TITLE}
    assert params(hrefs["reddit"]) == {"url": URL, "title": TITLE}
    assert endpoint(hrefs["email"]) == "mailto:"
    assert params(hrefs["email"]) == {"subject": TITLE, "body": f"{DESCRIPTION}\r\n\r\n{URL}"}
    mastodon = aside.select_one(".share-footer__instances a")
    assert endpoint(mastodon["href"]) == "https://mastodon.social/share"
    assert params(mastodon["href"]) == {"text": f"{TITLE}\n{URL}"}
    assert aside["data-url"] == URL
    assert aside["data-title"] == TITLE
    assert aside["data-text"] == DESCRIPTION


@pytest.mark.sphinx("html", testroot="basic", srcdir="share-escaping")
def test_hostile_text_is_escaped_in_html(app: SphinxTestApp) -> None:
    app.build()
    raw = (app.outdir / "page.html").read_text(encoding="utf-8")
    start = raw.index('<aside class="share-footer"')
    section = raw[start : raw.index("</aside>", start)]
    assert "<script>" not in section and "<b>" not in section
    assert "&lt;script&gt;" in section
    assert 'data-title="Titre &#34;citations&#34; &amp; ' in section


@pytest.mark.sphinx("html", testroot="basic", srcdir="share-new-tab")
def test_links_opening_a_tab_have_rel_and_accessible_names(app: SphinxTestApp) -> None:
    app.build()
    aside = footer(app.outdir, "page.html")
    for anchor in aside.find_all("a"):
        if anchor.get("target") == "_blank":
            assert set(anchor["rel"]) == {"noopener", "noreferrer"}
    for control in aside.select(".share-footer__control"):
        visible = control.get_text(strip=True)
        assert visible.lower() in control["aria-label"].lower()
    assert aside.select_one("a.share-footer__control--email").get("target") is None


@pytest.mark.parametrize(
    ("language", "heading", "linkedin", "copy"),
    [
        ("fr", "Partager cette page", "Partager sur LinkedIn (nouvel onglet)", "Copier le lien"),
        ("en", "Share this page", "Share on LinkedIn (new tab)", "Copy link"),
    ],
)
def test_labels_follow_the_site_language(
    make_app, rootdir, sphinx_test_tempdir, language, heading, linkedin, copy
) -> None:
    srcdir = sphinx_test_tempdir / f"share-labels-{language}"
    if not srcdir.exists():
        import shutil

        shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": language})
    app.build()
    aside = footer(app.outdir, "page.html")
    assert aside.h2.get_text() == heading
    assert aside.select_one(".share-footer__control--linkedin")["aria-label"] == linkedin
    assert aside.select_one("[data-share-copy]").get_text(strip=True) == copy


@pytest.mark.sphinx("html", testroot="basic", srcdir="share-assets")
def test_assets_only_on_pages_with_a_footer(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "page.html").read_text(encoding="utf-8")
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "_static/share-footer.css" in page and "_static/share-footer.js" in page
    assert "share-footer" not in index
    assert (app.outdir / "_static" / "share-footer.css").exists()
