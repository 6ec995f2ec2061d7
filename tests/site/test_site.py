"""The real site as `nox -s build` makes it: pages, language, head, links, nothing stray."""

from __future__ import annotations

import pytest

from tests.helpers import REPO, BuiltSite

ARTICLES = {
    "articles/aime-l-approche-digitale-systemique.html": {
        "title": "aime l’approche digitale systémique",
        "sentences": [
            "C’est un changement de paradigme interne comme externe.",
            "Il faut recruter, convaincre, formez vos bataillons… faire des choix tactiques,",
            "Steve Jobs disait «\u00a0dream bigger\u00a0»",
            "Si vous préparez votre digitalisation : pensez présence holistique !",
        ],
    },
    "articles/aime-quand-ca-bouge-dans-le-community-management.html": {
        "title": "aime quand ça bouge dans le community management",
        "sentences": [
            "Et si le community management idéal se situait à la croisée des chemins ?",
            "en opérant au cœur de l’entreprise dont il sera le porte-parole",
            "Une agence en conseil et un community manager dans l’entreprise : telle est "
            "peut-être la solution de l’équation !",
        ],
    },
}


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_article_text_is_carried_over_verbatim(site: BuiltSite, path: str) -> None:
    page = site.page(path)
    expected = ARTICLES[path]
    assert page.find("h1").get_text(strip=True).rstrip("#") == expected["title"]
    paragraphs = page.select("article section > p")
    assert len(paragraphs) >= 2, "the body must be HTML paragraphs"
    text = " ".join(" ".join(p.get_text() for p in paragraphs).split())
    for sentence in expected["sentences"]:
        assert " ".join(sentence.split()) in text
    assert "Share on Twitter" not in text


@pytest.mark.parametrize("path", [*sorted(ARTICLES), "index.html"])
def test_pages_are_french_with_title_and_description(site: BuiltSite, path: str) -> None:
    page = site.page(path)
    assert page.html["lang"] == "fr"
    assert page.title.get_text().strip()
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None and len(description["content"]) > 40
    if path in ARTICLES:
        assert page.title.get_text().startswith(ARTICLES[path]["title"])


def test_home_page_links_to_every_article(site: BuiltSite) -> None:
    home = site.page("index.html")
    links = {a["href"].split("#")[0] for a in home.select("article a[href]")}
    assert set(ARTICLES) <= links


def test_only_content_is_built(site: BuiltSite) -> None:
    pages = {p.relative_to(site.html).as_posix() for p in site.html.rglob("*.html")}
    sources = {"index.html"} | {
        p.relative_to(REPO).with_suffix(".html").as_posix()
        for folder in ("articles", "guide")
        for p in REPO.glob(f"{folder}/**/*.md")
    }
    generated = {"genindex.html", "search.html"}
    stray = pages - sources - generated - {p for p in pages if p.startswith("_")}
    assert not stray, f"pages built from files that are not content: {sorted(stray)}"
    assert not (site.html / "README.html").exists()
    assert not (site.html / "tests").exists()


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_articles_carry_the_share_footer(site: BuiltSite, path: str) -> None:
    aside = site.page(path).find("aside", class_="share-footer")
    assert aside is not None
    assert aside.h2.get_text() == "Partager cette page"
    url = "http://127.0.0.1:8000/" + path
    assert aside["data-url"] == url
    labels = [a["aria-label"] for a in aside.select("a.share-footer__control")]
    assert "Partager sur LinkedIn (nouvel onglet)" in labels
    assert "Partager par e-mail" in labels
    assert site.page("index.html").find("aside", class_="share-footer") is None
