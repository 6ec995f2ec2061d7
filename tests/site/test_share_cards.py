"""Every page's link preview, read the way a network's crawler reads it: only the HTML head,
absolute URLs, and the image fetched from the served site with its size and type."""

from __future__ import annotations

import struct
import urllib.request
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup

from tests.helpers import BuiltSite
from tools.querybytes import serve

CRAWLER = "Mozilla/5.0 (compatible; kb-test-preview/1.0)"
PAGES = {  # page → what its card shows
    "index.html": "cards/index.png",
    **{
        f"articles/{slug}.html": f"cards/articles/{slug}.png"
        for slug in (
            "aime-l-approche-digitale-systemique",
            "aime-quand-ca-bouge-dans-le-community-management",
        )
    },
    "categories/communication.html": "cards/categories/communication.png",
    "categories/transformation-digitale.html": "cards/categories/transformation-digitale.png",
    "tags/index.html": "cards/index.png",
}


@pytest.fixture(scope="module")
def served(site: BuiltSite) -> Iterator[str]:
    server, url = serve(site.html)
    yield url
    server.shutdown()


def head_only(url: str) -> BeautifulSoup:
    """What a link-preview crawler reads: the response up to the end of <head>, no script."""
    request = urllib.request.Request(url, headers={"User-Agent": CRAWLER})
    data = b""
    with urllib.request.urlopen(request, timeout=10) as response:
        while b"</head>" not in data:
            chunk = response.read(4096)
            if not chunk:
                break
            data += chunk
    return BeautifulSoup(data.split(b"</head>")[0].decode("utf-8"), "html.parser")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_page_type_has_a_large_card(site: BuiltSite, served: str) -> None:
    base = _baseurl(site)
    for page, card in PAGES.items():
        head = head_only(served + page)
        og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
        named = {m["name"]: m["content"] for m in head.find_all("meta", attrs={"name": True})}
        assert og["og:image"] == base + card, page
        assert og["og:image:width"] == "1200" and og["og:image:height"] == "630", page
        assert og["og:image:type"] == "image/png", page
        assert og["og:image:alt"] == og["og:title"], page
        assert named["twitter:card"] == "summary_large_image", page
        # X falls back on og:image, og:title and og:description: they are not said twice.
        assert not {"twitter:image", "twitter:title", "twitter:description"} & named.keys(), page
        assert named["twitter:image:alt"] == og["og:image:alt"], page
        assert og["og:url"].startswith(base), page
        with urllib.request.urlopen(served + card, timeout=10) as response:
            assert response.headers["Content-Type"] == "image/png"
            assert png_size(response.read()) == (1200, 630)


def test_every_page_points_to_a_card_that_exists(site: BuiltSite) -> None:
    base = _baseurl(site)
    for path in site.reader_pages():
        relative = path.relative_to(site.html)
        image = site.page(relative.as_posix()).find("meta", property="og:image")
        assert image is not None, relative
        assert image["content"].startswith(base), relative
        assert (site.html / image["content"].removeprefix(base)).is_file(), relative


def _baseurl(site: BuiltSite) -> str:
    """The site's public address (html_baseurl), as the home page's canonical link gives it."""
    canonical = site.page("index.html").find("link", rel="canonical")["href"]
    return canonical.removesuffix("index.html")


def test_the_contributor_guide_shows_the_seed_cards(site: BuiltSite) -> None:
    guide = site.page("guide/contribuer.html")
    images = guide.select("figure.kb-card-preview img")
    assert len(images) == 2
    for image in images:
        target = (site.html / "guide" / image["src"]).resolve()
        assert target.is_file() and target.parent.name == "articles", image["src"]
        assert image["alt"].startswith("Carte de partage de l’article")
