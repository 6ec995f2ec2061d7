"""Articles under other articles (issue « Real sites come in whole »: the source's hierarchy
kept, nesting shown in the sidebar and breadcrumbs): ``parent`` in the front matter places an
article under another of its category. The sidebar nests them, the header names the articles
above, the category page lists each parent before its children; a wrong parent fails the
strict build at its line, and `check` says the same; incremental builds stay exact."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import REPO, build_root, rebuild_as_clean, soup
from tests.kb.test_hostile import warnings_of

PAGE = """---
title: "{title}"
description: "Une page de la hiérarchie, pour voir où la navigation la range."
date: 2026-0{month}-01
authors: [alice]
category: strategie
{extra}---

Texte.
"""


def tree(src: Path, pages: dict[str, tuple[str, int, str]]) -> None:
    shutil.copytree(REPO / "tests/roots/test-kb", src, dirs_exist_ok=True)
    for name, (title, month, extra) in pages.items():
        (src / f"articles/{name}.md").write_text(
            PAGE.format(title=title, month=month, extra=extra), "utf-8"
        )


GUIDE = {
    "guide": ("Le guide", 1, "order: 1\n"),
    "etape-2": ("Deuxième étape", 3, "parent: guide\norder: 2\n"),
    "etape-1": ("Première étape", 2, "parent: guide\norder: 1\n"),
    "detail": ("Un détail", 4, "parent: etape-1\n"),
}


def nav_tree(page) -> list[object]:
    """The sidebar's articles as nested [title, [children…]] lists."""

    def items(ul) -> list[object]:
        found = []
        for li in ul.find_all("li", recursive=False):
            inner = li.find("ul", recursive=False)
            found.append([li.a.get_text(), items(inner) if inner else []])
        return found

    return items(page.select_one(".kb-nav__item--current > .kb-nav__list--articles"))


def test_the_sidebar_nests_and_the_header_names_the_articles_above(tmp_path: Path) -> None:
    src = tmp_path / "src"
    tree(src, GUIDE)
    outdir, warnings = build_root("kb", src, copy=False)
    assert warnings_of(warnings) == []
    page = soup(outdir / "articles/detail.html")
    assert nav_tree(page)[0] == [
        "Le guide",
        [["Première étape", [["Un détail", []]]], ["Deuxième étape", []]],
    ]
    trail = [a.get_text() for a in page.select(".kb-article-meta__trail a")]
    assert trail == ["Le guide", "Première étape"]
    assert page.select_one(".kb-article-meta__trail a")["href"] == "guide.html"
    listed = soup(outdir / "categories/strategie.html").select(".kb-card__title a")
    titles = [a.get_text() for a in listed]
    assert titles[:4] == ["Le guide", "Première étape", "Un détail", "Deuxième étape"]
    assert not soup(outdir / "articles/guide.html").select(".kb-article-meta__trail")


def test_retitling_or_moving_a_parent_rewrites_what_names_it(tmp_path: Path) -> None:
    src = tmp_path / "src"
    tree(src, GUIDE)
    build_root("kb", src, copy=False)
    tree(src, GUIDE | {"guide": ("Le guide, revu", 1, "order: 1\n")})
    outdir = rebuild_as_clean("kb", src, "parent retitled")
    assert (
        "Le guide, revu"
        in soup(outdir / "articles/detail.html").select_one(".kb-article-meta__trail").get_text()
    )
    tree(src, GUIDE | {"detail": ("Un détail", 4, "parent: etape-2\n")})
    outdir = rebuild_as_clean("kb", src, "child moved")
    trail = soup(outdir / "articles/detail.html").select(".kb-article-meta__trail a")
    assert [a.get_text() for a in trail] == ["Le guide", "Deuxième étape"]


def test_a_wrong_parent_fails_at_its_line_and_check_says_the_same(tmp_path: Path, capsys) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    src = tmp_path / "src"
    tree(
        src,
        {
            "orphelin": ("Orphelin", 1, "parent: absent\n"),
            "ailleurs": ("Ailleurs", 2, "parent: deuxieme\n"),  # of the other category
            "boucle-a": ("Boucle A", 3, "parent: boucle-b\n"),
            "boucle-b": ("Boucle B", 4, "parent: boucle-a\n"),
            "mal-ecrit": ("Mal écrit", 5, "parent: Le Guide\n"),
        },
    )
    _, warnings = build_root("kb", src, copy=False)
    found = warnings_of(warnings)
    expected = [
        ("articles/orphelin.md:7:", "« absent » : aucun article de ce nom"),
        ("articles/ailleurs.md:7:", "« deuxieme » est dans la catégorie « reseaux »"),
        ("articles/boucle-a.md:7:", "ce parent fait une boucle"),
        ("articles/boucle-b.md:7:", "ce parent fait une boucle"),
        ("articles/mal-ecrit.md:7:", "« Le Guide » ; attendu : le nom de l’article parent"),
    ]
    for where, what in expected:
        assert any(where in w and "champ « parent »" in w and what in w for w in found), (
            where,
            found,
        )
    assert check([str(src)]) == 1
    said = capsys.readouterr().err
    for where, what in expected:
        assert where in said and what in said, (where, said)
