"""The sidebar navigation: categories, current page marked, bounded size at any scale."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import REPO, BuiltSite, build_root, soup


def test_article_navigation_marks_the_current_page(kb_site: BuiltSite) -> None:
    nav = kb_site.page("articles/premier.html").select_one("nav.kb-nav")
    categories = [
        a.get_text() for a in nav.select("ul[aria-labelledby=kb-nav-categories] > li > a")
    ]
    assert categories == ["Stratégie", "Réseaux sociaux", "Catégorie vide"]
    current = nav.select('a[aria-current="page"]')
    assert [a.get_text() for a in current] == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>"
    ]
    # The current category is unfolded with its articles, newest first.
    listed = [a.get_text() for a in nav.select(".kb-nav__list--articles a")]
    assert listed == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
        "Troisième article, rangé dans un dossier",
    ]
    assert nav.select_one('a[href="../index.html"]').get_text() == "Accueil"


def test_category_page_is_marked_in_the_navigation(kb_site: BuiltSite) -> None:
    nav = kb_site.page("categories/reseaux.html").select_one("nav.kb-nav")
    assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == ["Réseaux sociaux"]


ARTICLE = """---
title: "Article généré numéro {n}"
description: "Un article généré pour mesurer la taille de la navigation."
date: 2024-01-{day:02d}
authors: [alice]
category: strategie
tags: [volume]
---

Texte {n}.
"""


def _nav_of(tmp_path: Path, count: int) -> tuple[int, int]:
    src = tmp_path / f"n{count}"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    for n in range(count):
        text = ARTICLE.format(n=f"{n:04d}", day=n % 28 + 1)
        (src / f"articles/genere-{n:04d}.md").write_text(text, "utf-8")
    outdir, warnings = build_root("kb", src, copy=False, confoverrides={"kb_nav_limit": 5})
    assert warnings == ""
    nav = soup(outdir / "articles/genere-0000.html").select_one("nav.kb-nav")
    return len(nav.select("a")), len(str(nav))


def test_navigation_size_does_not_grow_with_the_article_count(tmp_path: Path) -> None:
    small_links, small_bytes = _nav_of(tmp_path, 8)
    large_links, large_bytes = _nav_of(tmp_path, 80)
    # home + 3 categories + 5 articles + "all articles" + 2 links; the current one included.
    assert small_links == large_links <= 1 + 3 + 5 + 1 + 2
    assert large_bytes <= small_bytes * 1.05


def test_an_article_shows_the_articles_published_around_it() -> None:
    from sphinx_base_de_connaissances.content.catalog import nearby

    articles = list(range(10))  # newest first
    assert nearby(articles, None, 5) == [0, 1, 2, 3, 4]  # category and other pages
    assert nearby(articles, 0, 5) == [0, 1, 2, 3, 4]
    assert nearby(articles, 5, 5) == [3, 4, 5, 6, 7]  # centred
    assert nearby(articles, 9, 5) == [5, 6, 7, 8, 9]  # the oldest: the window stays full
    assert nearby(articles[:3], 1, 5) == [0, 1, 2]
