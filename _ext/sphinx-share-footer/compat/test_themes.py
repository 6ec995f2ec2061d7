"""A fresh project, the installed wheel, five themes, two builders: strict builds and checks.

Run by `nox -s compat` once with the oldest supported Sphinx and once with the newest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import sphinx
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent / "project"
THEMES = ("alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme")
BUILDERS = ("html", "dirhtml")
BASE = "https://example.org/docs/"
TITLE = "Le café « noir » & les 100 % de l’équipe"
# Where each builder writes a page, and the URL that page has once published.
PAGES = {
    "html": ("articles/café noir.html", BASE + "articles/caf%C3%A9%20noir.html"),
    "dirhtml": ("articles/café noir/index.html", BASE + "articles/caf%C3%A9%20noir/"),
}
NO_FOOTER = {
    "html": ("index.html", "articles/exclu.html", "articles/sans-partage.html"),
    "dirhtml": ("index.html", "articles/exclu/index.html", "articles/sans-partage/index.html"),
}


def query(href: str) -> dict[str, str]:
    """A link's query, percent-decoded strictly (a `+` stays a plus)."""
    raw = href.split("?", 1)[1].replace("+", "%2B")
    return dict(parse_qsl(raw, keep_blank_values=True, errors="strict"))


def strict_build(src: Path, out: Path, theme: str, builder: str) -> None:
    """`sphinx-build -W -n --keep-going` of ``src`` with ``theme``; fails on any warning."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            builder,
            "-W",
            "-n",
            "--keep-going",
            "-q",
            str(src),
            str(out),
        ],
        env={**os.environ, "COMPAT_THEME": theme},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"strict build failed (Sphinx {sphinx.__version__}):\n" + (
        result.stderr
    )


@pytest.fixture(params=[(t, b) for t in THEMES for b in BUILDERS], ids="-".join)
def built(request: pytest.FixtureRequest, build) -> tuple[Path, str]:
    """(output folder, builder) of one strict build."""
    theme, builder = request.param
    return build(theme, builder), builder


def test_footer_shares_the_canonical_url_and_title(built: tuple[Path, str]) -> None:
    out, builder = built
    path, url = PAGES[builder]
    page = BeautifulSoup((out / path).read_text(encoding="utf-8"), "html.parser")
    (aside,) = page.select("aside.share-footer")
    canonical = page.select_one('link[rel="canonical"]')
    # Sphinx 7 prints a wrong canonical URL for dirhtml (`café noir.html`); Sphinx 8+ is right.
    sphinx_canonical_ok = builder == "html" or sphinx.version_info >= (8,)
    assert canonical is not None, "every theme of the matrix prints a canonical link"
    if sphinx_canonical_ok:
        assert unquote(canonical["href"]) == unquote(url)
    assert aside["data-url"] == url
    assert aside["data-title"] == TITLE
    links = {
        a["class"][1].removeprefix("share-footer__control--"): a["href"]
        for a in aside.select("a.share-footer__control")
    }
    assert set(links) == {"email", "linkedin", "bluesky", "x"}
    assert query(links["linkedin"]) == {"url": url}
    assert query(links["bluesky"]) == {"text": f"{TITLE}\n{url}"}
    assert query(links["x"])["text"] == TITLE and query(links["x"])["url"] == url
    assert query(links["email"])["subject"] == TITLE
    assert query(links["email"])["body"].endswith(url)
    mastodon = aside.select_one(".share-footer__instances a")["href"]
    assert urlsplit(mastodon).netloc == "mastodon.social"
    assert query(mastodon) == {"text": f"{TITLE}\n{url}"}
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert any("share-footer.css" in href for href in stylesheets)
    assert (out / "_static" / "share-footer.css").is_file()


def test_no_footer_on_excluded_opted_out_and_root_pages(built: tuple[Path, str]) -> None:
    out, builder = built
    for path in NO_FOOTER[builder]:
        page = (out / path).read_text(encoding="utf-8")
        assert 'class="share-footer"' not in page, path
        assert "share-footer.css" not in page, path
