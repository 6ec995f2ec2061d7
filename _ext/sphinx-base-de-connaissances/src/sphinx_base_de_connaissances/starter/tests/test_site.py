"""Ce que la base publie, quels que soient ses articles : le site se construit sans
avertissement, chaque article publié a sa page en français, listée, dans les flux et
partageable, chaque lien interne mène à une page qui existe, aucune page ne charge de ressource
d’un tiers, et un front matter faux fait échouer la construction en nommant le fichier et la
ligne."""

from __future__ import annotations

import datetime as dt
import posixpath
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

BASE = Path(__file__).resolve().parents[1]
# What the site is made of (« medias » : les images et fichiers qu’un import a repris).
PARTS = ("conf.py", "index.md", "glossaire.md", "articles", "data", "medias")
FEED_SIZE = 50  # les flux donnent les 50 articles les plus récents


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


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    if not text.startswith("---"):
        return {}
    found = yaml.safe_load(text.split("---", 2)[1]) or {}
    return found if isinstance(found, dict) else {}


def published() -> list[str]:
    """Les articles publiés (ni brouillon ni daté dans le futur), chemins sans « .md »."""
    found = []
    for path in sorted((BASE / "articles").rglob("*.md")):
        meta = front_matter(path)
        day = meta.get("date")
        if meta.get("draft") is True or (isinstance(day, dt.date) and day > dt.date.today()):
            continue
        found.append(path.relative_to(BASE).with_suffix("").as_posix())
    return found


def test_each_published_article_has_its_french_page_listed_and_in_the_feeds(site: Path) -> None:
    articles = published()
    if not articles:
        pytest.skip("aucun article publié dans articles/ : rien à vérifier")
    feed = (site / "feeds" / "atom.xml").read_text("utf-8")
    # L’accueil montre les plus récents, les archives chaque année : un article est sur l’un.
    pages = [site / "index.html", site / "archives.html", *(site / "archives").glob("*.html")]
    listed = {link for page in pages for link in Page(page).links}
    # Les plus récents (au-delà de FEED_SIZE, ceux plus récents que le dernier du flux).
    days = {name: front_matter(BASE / f"{name}.md").get("date") for name in articles}
    ranked = sorted(articles, key=lambda name: str(days[name]), reverse=True)
    oldest = str(days[ranked[FEED_SIZE - 1]]) if len(ranked) > FEED_SIZE else ""
    latest = {name for name in articles if str(days[name]) > oldest}
    for name in articles:
        page = site / f"{name}.html"
        assert page.is_file(), f"{name}.md est publié mais sa page {name}.html manque"
        found = Page(page)
        assert found.lang == "fr", f"{name}.html n’est pas en français"
        assert found.h1.strip(), f"{name}.html n’a pas de titre"
        if name in latest:
            assert f"{name}.html" in feed, f"{name}.html manque dans le flux Atom"
        assert any(link.endswith(f"{name}.html") for link in listed), (
            f"{name}.html n’est listé ni sur l’accueil ni dans les archives"
        )
    paths = yaml.safe_load((BASE / "data" / "parcours.yml").read_text("utf-8")) or {}
    for key in paths:
        assert (site / "parcours" / f"{key}.html").is_file(), f"parcours « {key} » sans page"
    assert (site / "glossaire.html").is_file()


def test_each_article_ends_with_plain_share_links(site: Path) -> None:
    for name in published():
        page = Page(site / f"{name}.html")
        shared = [
            url for url in page.links if "://" in url and f"{name.rsplit('/', 1)[-1]}.html" in url
        ]
        assert any(url.startswith("https://bsky.app/intent/compose") for url in shared), (
            f"{name}.html : pas de lien de partage"
        )
        assert any(url.startswith("mailto:") for url in page.links), (
            f"{name}.html : pas de courriel"
        )
        assert "share-footer" in (site / f"{name}.html").read_text("utf-8")


def test_every_internal_link_leads_to_a_page_that_exists(site: Path) -> None:
    broken = []
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        folder = path.parent.relative_to(site).as_posix()
        for link in Page(path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:")) or not parts.path:
                continue
            target = site / posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} → {link}")
    assert not broken, "liens internes cassés :\n" + "\n".join(broken[:20])


def test_every_page_shows_the_accessibility_mention_and_the_legal_pages(site: Path) -> None:
    """Ce que la loi demande d’un éditeur français : la mention d’accessibilité (sans audit :
    « non conforme ») et les liens vers les pages obligatoires, en pied de chaque page."""
    # Readers' pages: not the editing space (admin/), Decap CMS's page for writers.
    pages = [p for p in site.rglob("*.html") if not {"_static", "admin"} & set(p.parts)]
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
    site_map = (site / "plan-du-site.html").read_text("utf-8")
    for name in published():
        assert f"{name}.html" in site_map, f"{name}.html manque dans le plan du site"


def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for path in site.rglob("*.html"):
        if "_static" in path.parts:
            continue
        loads = [url for url in Page(path).loads if not url.startswith("data:")]  # in the page
        outside = [url for url in loads if "://" in url or url.startswith("//")]
        assert outside == [], path
        # And the browser is told so: a Content Security Policy on every page.
        assert 'http-equiv="Content-Security-Policy"' in path.read_text("utf-8"), path


def test_a_wrong_front_matter_fails_with_its_file_and_line(tmp_path: Path) -> None:
    articles = published()
    if not articles:
        pytest.skip("aucun article publié dans articles/ : rien à vérifier")
    base = copy_base(tmp_path / "base")
    article = base / f"{articles[0]}.md"
    text = article.read_text("utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date:"))
    article.write_text(text.replace(date, "date: 2026-13-45"), "utf-8")
    result = build(base, tmp_path / "out")
    assert result.returncode != 0, "un front matter faux aurait dû faire échouer la construction"
    line = text.splitlines().index(date) + 1
    assert f"{Path(articles[0]).name}.md:{line}" in result.stderr
    assert "date" in result.stderr
