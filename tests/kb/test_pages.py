"""Generated pages, listings and article decorations of the test-kb root."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, BuiltSite, build_root, soup
from tests.kb.conftest import hrefs

PUBLISHED = ["articles/deuxieme.html", "articles/premier.html", "articles/dossier/troisieme.html"]


def titles(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select(".kb-card__title")]


def test_drafts_and_future_articles_are_neither_built_nor_listed(kb_site: BuiltSite) -> None:
    assert not (kb_site.html / "articles/brouillon.html").exists()
    assert not (kb_site.html / "articles/futur.html").exists()
    everything = "".join(p.read_text("utf-8") for p in kb_site.html.rglob("*.html"))
    everything += "".join(p.read_text("utf-8") for p in kb_site.html.rglob("*.xml"))
    assert "Un brouillon" not in everything and "Un article du futur" not in everything


def test_preview_builds_and_marks_drafts(kb_preview: BuiltSite) -> None:
    draft = kb_preview.page("articles/brouillon.html")
    assert "Brouillon" in draft.select_one(".kb-article-meta").get_text()
    assert (kb_preview.html / "articles/futur.html").exists()


def test_home_lists_latest_articles_and_categories(kb_site: BuiltSite) -> None:
    home = kb_site.page("index.html")
    assert titles(home) == [
        "Deuxième article",
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
    ]
    categories = [c.get_text(strip=True) for c in home.select(".kb-category__name")]
    assert categories == ["Stratégie", "Réseaux sociaux", "Catégorie vide"]
    counts = [c.get_text(strip=True) for c in home.select(".kb-category .kb-count")]
    assert counts == ["2 articles", "1 article", "0 article"]


def test_category_page_lists_its_articles_newest_first(kb_site: BuiltSite) -> None:
    page = kb_site.page("categories/strategie.html")
    assert page.h1.get_text(strip=True) == "Stratégie"
    assert "La stratégie numérique & ses <enjeux>." in page.select_one(".kb-page__intro").text
    assert titles(page) == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
        "Troisième article, rangé dans un dossier",
    ]
    assert "../articles/premier.html" in hrefs(page)
    assert "Aucun article" in kb_site.page("categories/vide.html").get_text()


def test_tags_have_ascii_urls_accented_names_and_counts(kb_site: BuiltSite) -> None:
    index = kb_site.page("tags/index.html")
    entries = {
        a.get_text(strip=True): (a["href"], a.find_next_sibling("span").get_text())
        for a in index.select(".kb-tag-index a")
    }
    assert entries == {
        "archives": ("archives.html", "1"),
        "🚀 fusée": ("fusee.html", "1"),
        "réseaux sociaux": ("reseaux-sociaux.html", "2"),
        "stratégie": ("strategie.html", "2"),
    }
    tag = kb_site.page("tags/strategie.html")
    assert tag.h1.get_text(strip=True) == "Mot-clé «\u202fstratégie\u202f»"
    assert titles(tag) == [
        "Deuxième article",
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
    ]


def test_author_and_archive_pages(kb_site: BuiltSite) -> None:
    alice = kb_site.page("authors/alice.html")
    assert alice.h1.get_text(strip=True) == "Alice Écrivaine"
    assert titles(alice) == [
        "Deuxième article",
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
    ]
    archives = kb_site.page("archives.html")
    years = [(a.get_text(strip=True), a["href"]) for a in archives.select(".kb-years a")]
    assert years == [("2026", "archives/2026.html"), ("2025", "archives/2025.html")]
    assert titles(kb_site.page("archives/2025.html")) == [
        "Troisième article, rangé dans un dossier"
    ]


def test_article_header_and_footer(kb_site: BuiltSite) -> None:
    page = kb_site.page("articles/deuxieme.html")
    meta = page.select_one(".kb-article-meta")
    text = " ".join(meta.get_text().split())
    assert "Publié le 2 mars 2026" in text
    assert "mis à jour le 1er avril 2026" in text
    assert "1 min de lecture" in text
    assert "Par Bob, Alice Écrivaine" in text
    assert meta.select_one(".kb-article-meta__category")["href"] == "../categories/reseaux.html"
    tags = {a.get_text(): a["href"] for a in meta.select(".kb-tag")}
    assert tags == {
        "stratégie": "../tags/strategie.html",
        "réseaux sociaux": "../tags/reseaux-sociaux.html",
    }
    related = [a.get_text(strip=True) for a in page.select(".kb-related .kb-card__title a")]
    assert related == ["Premier article\u00a0: «\u202fstratégie\u202f» & <tests>"]
    # The header sits right under the title, in the engine's own element (books leave it out).
    assert page.h1.find_next_sibling() is meta.parent
    assert meta.parent.attrs == {"data-kb-part": "article-header"}


def test_previous_and_next_follow_publication_order(kb_site: BuiltSite) -> None:
    page = kb_site.page("articles/premier.html")
    rel = {link["rel"][0]: link["href"] for link in page.find_all("link", rel=["prev", "next"])}
    assert rel == {"prev": "deuxieme.html", "next": "dossier/troisieme.html"}


def test_titles_are_escaped(kb_site: BuiltSite) -> None:
    raw = (kb_site.html / "categories/strategie.html").read_text("utf-8")
    assert "&lt;tests&gt;" in raw and "<tests>" not in raw


def test_social_metadata(kb_site: BuiltSite) -> None:
    page = kb_site.page("articles/premier.html")
    props: dict[str, list[str]] = {}
    for meta in page.find_all("meta", property=True):
        props.setdefault(meta["property"], []).append(meta["content"])
    assert props["og:title"] == ["Premier article\u00a0: «\u202fstratégie\u202f» & <tests>"]
    assert props["og:url"] == ["https://example.org/kb/articles/premier.html"]
    assert props["og:type"] == ["article"]
    assert props["og:locale"] == ["fr_FR"]
    assert props["og:description"] == [
        "Le premier article de la base, qui parle de stratégie numérique."
    ]
    assert props["article:published_time"] == ["2026-01-15"]
    assert props["article:tag"] == ["stratégie", "réseaux sociaux", "🚀 fusée"]
    # No image field: the article's share card, described fully.
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert props["og:image"] == ["https://example.org/kb/cards/articles/premier.png"]
    assert props["og:image:width"] == ["1200"] and props["og:image:height"] == ["630"]
    assert props["og:image:type"] == ["image/png"]
    assert props["og:image:alt"] == ["Premier article\u00a0: «\u202fstratégie\u202f» & <tests>"]
    # An article's own image still wins, and gets no card.
    with_image = kb_site.page("articles/deuxieme.html")
    image = with_image.find("meta", property="og:image")["content"]
    assert image == "https://example.org/kb/_static/images/deuxieme.png"
    assert with_image.find("meta", property="og:image:alt")["content"] == "Deuxième article"
    card = with_image.find("meta", attrs={"name": "twitter:card"})["content"]
    assert card == "summary_large_image"
    assert not (kb_site.html / "cards/articles/deuxieme.png").exists()
    feeds = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert feeds == {
        "application/atom+xml": "../feeds/atom.xml",
        "application/rss+xml": "../feeds/rss.xml",
        "application/feed+json": "../feeds/feed.json",
        "text/markdown": "premier.md",  # its Markdown twin
    }


def test_sitemap_and_robots(kb_site: BuiltSite) -> None:
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(kb_site.html / "sitemap.xml").getroot()
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in root.findall("s:url", ns)
    }
    assert urls["https://example.org/kb/articles/deuxieme.html"] == "2026-04-01"
    assert "https://example.org/kb/tags/fusee.html" in urls
    assert "https://example.org/kb/categories/strategie.html" in urls
    assert not any("brouillon" in url or "search" in url for url in urls)
    robots = (kb_site.html / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://example.org/kb/sitemap.xml" in robots


def test_sphinx_search_index_only_when_pagefind_cannot_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sphinx_base_de_connaissances.search import indexer as search

    from tests.helpers import build_root, soup

    outdir, warnings = build_root("kb", tmp_path / "with")
    assert warnings == ""
    assert not (outdir / "searchindex.js").exists()  # decided at start-up: not built at all
    assert (outdir / "pagefind/pagefind.js").is_file()
    assert soup(outdir / "search.html").select_one("[data-kb-search=page]") is not None
    monkeypatch.setattr(search, "available", lambda: False)
    outdir, warnings = build_root("kb", tmp_path / "without")
    assert "Pagefind n’est pas installé" in warnings
    assert (outdir / "searchindex.js").is_file() and not (outdir / "pagefind").exists()
    scripts = [s["src"] for s in soup(outdir / "search.html").find_all("script", src=True)]
    assert any("doctools.js" in src for src in scripts)  # Sphinx's search needs it there


def test_articles_end_with_french_correction_links(tmp_path: Path) -> None:
    from tests.helpers import build_root, soup

    overrides = {"kb_repository_url": "https://forge.example/kb", "kb_repository_branch": "prod"}
    outdir, warnings = build_root("kb", tmp_path / "src", confoverrides=overrides)
    assert warnings == ""
    block = soup(outdir / "articles/premier.html").select_one("aside.kb-corrections")
    edit, report, history = block.find_all("a")
    assert edit.get_text() == "Proposer une modification"
    assert edit["href"] == "https://forge.example/kb/edit/prod/articles/premier.md"
    assert report.get_text() == "Signaler une erreur"
    assert report["href"].startswith("https://forge.example/kb/issues/new?title=Erreur%20dans")
    assert history.get_text() == "Historique des modifications"
    assert history["href"] == "https://forge.example/kb/commits/prod/articles/premier.md"
    assert all("target" not in link.attrs for link in (edit, report, history))
    assert soup(outdir / "index.html").select_one("aside.kb-corrections") is None


def test_a_site_template_replaces_the_engine_s_block(tmp_path: Path) -> None:
    """A base overrides the article header as it overrides a theme's template: a file of the
    same name in its templates_path."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "conf.py").write_text(
        (src / "conf.py").read_text("utf-8") + '\ntemplates_path = ["_templates"]\n', "utf-8"
    )
    (src / "_templates/kb").mkdir(parents=True)
    (src / "_templates/kb/article-header.html").write_text(
        '<p class="mon-en-tete">Par {{ article.authors|join(", ") }}, '
        "le {{ article.date|french_date }}</p>\n",
        "utf-8",
    )
    outdir, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    header = soup(outdir / "articles/premier.html").select_one(".mon-en-tete")
    assert header is not None and header.get_text() == "Par alice, le 15 janvier 2026"
