"""Ce que la base publie : le site se construit sans avertissement, ses pages sont en français,
l’article d’exemple est listé, lié, partageable et dans les flux, aucune page ne charge de
ressource d’un tiers, et un front matter faux fait échouer la construction en nommant le
fichier et la ligne."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

BASE = Path(__file__).resolve().parents[1]
# What the site is made of (« medias » : les images et fichiers qu’un import a repris).
PARTS = ("conf.py", "index.md", "glossaire.md", "articles", "data", "medias")


def build(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    return subprocess.run(
        [*command, str(source), str(out)], capture_output=True, text=True, check=False
    )


def copy_base(dest: Path) -> Path:
    for part in PARTS:
        if not (BASE / part).exists():
            continue
        if (BASE / part).is_dir():
            shutil.copytree(BASE / part, dest / part)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(BASE / part, dest / part)
    return dest


class Page(HTMLParser):
    """The language, the title and every address a page loads or links to."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.lang, self.h1, self.loads, self.links = "", "", [], []
        self._in_h1 = False
        self.feed(path.read_text("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "h1":
            self._in_h1 = True
        if tag in {"script", "img", "iframe"} and values.get("src"):
            self.loads.append(values["src"])
        if tag == "link" and values.get("rel") in {"stylesheet", "preload", "icon"}:
            self.loads.append(values.get("href") or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(copy_base(tmp_path_factory.mktemp("base")), out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_pages_are_french_and_the_article_is_published(site: Path) -> None:
    article = Page(site / "articles" / "bienvenue.html")
    assert article.lang == "fr"
    assert article.h1.strip().startswith("Bienvenue dans la base")
    home = Page(site / "index.html")
    assert "articles/bienvenue.html" in home.links
    assert "bienvenue.html" in (site / "feeds" / "atom.xml").read_text("utf-8")
    assert (site / "parcours" / "premiers-pas.html").is_file()
    assert (site / "glossaire.html").is_file()


def test_each_article_ends_with_plain_share_links(site: Path) -> None:
    page = Page(site / "articles" / "bienvenue.html")
    shared = [url for url in page.links if "bienvenue.html" in url and "://" in url]
    assert any(url.startswith("https://bsky.app/intent/compose") for url in shared)
    assert any(url.startswith("mailto:") for url in page.links)
    assert "share-footer" in (site / "articles" / "bienvenue.html").read_text("utf-8")


def test_every_page_shows_the_accessibility_mention_and_the_legal_pages(site: Path) -> None:
    """Ce que la loi demande d’un éditeur français : la mention d’accessibilité (sans audit :
    « non conforme ») et les liens vers les pages obligatoires, en pied de chaque page."""
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 10
    for path in pages:
        html = path.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # une ancienne adresse, qui renvoie à sa nouvelle page
        assert "Accessibilité\u00a0: non conforme" in html, path
        for page in ("accessibilite", "mentions-legales", "donnees-personnelles", "plan-du-site"):
            assert f"{page}.html" in html, (path, page)
    for page in ("accessibilite", "mentions-legales", "donnees-personnelles", "plan-du-site"):
        assert (site / f"{page}.html").is_file(), page
    assert "Défenseur des droits" in (site / "accessibilite.html").read_text("utf-8")
    assert "aucun cookie" in (site / "donnees-personnelles.html").read_text("utf-8")
    assert "articles/bienvenue.html" in (site / "plan-du-site.html").read_text("utf-8")


def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        outside = [url for url in Page(path).loads if "://" in url or url.startswith("//")]
        assert outside == [], path
        # And the browser is told so: a Content Security Policy on every page.
        assert 'http-equiv="Content-Security-Policy"' in path.read_text("utf-8"), path


def test_a_wrong_front_matter_fails_with_its_file_and_line(tmp_path: Path) -> None:
    base = copy_base(tmp_path / "base")
    article = base / "articles" / "bienvenue.md"
    text = article.read_text("utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date:"))
    article.write_text(text.replace(date, "date: 2026-13-45"), "utf-8")
    result = build(base, tmp_path / "out")
    assert result.returncode != 0
    line = text.splitlines().index(date) + 1
    assert f"bienvenue.md:{line}" in result.stderr
    assert "date" in result.stderr
