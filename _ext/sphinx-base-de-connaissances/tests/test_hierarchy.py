"""Articles under other articles: ``parent`` in the front matter places an article under
another of its category. The sidebar nests them, the header names the articles above, the
category page lists each parent before its children; a wrong parent fails the strict build at
its line, and ``check`` says the same; an incremental build writes what a clean one does."""

from __future__ import annotations

import pytest

from .helpers import article, page, warnings_of, write

GUIDE = {
    "guide": ("Le guide", "2026-01-01", "order: 1\n"),
    "etape-2": ("Deuxième étape", "2026-03-01", "parent: guide\norder: 2\n"),
    "etape-1": ("Première étape", "2026-02-01", "parent: guide\norder: 1\n"),
    "detail": ("Un détail", "2026-04-01", "parent: etape-1\n"),
}


def pages(tree: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    return {
        f"articles/{name}.md": article(title=title, date=date, extra=extra)
        for name, (title, date, extra) in tree.items()
    }


def nav_tree(shown) -> list[object]:
    """The sidebar's articles as nested [title, [children…]] lists."""

    def items(ul) -> list[object]:
        return [
            [li.a.get_text(), items(li.find("ul", recursive=False)) if li.ul else []]
            for li in ul.find_all("li", recursive=False)
        ]

    return items(shown.select_one(".kb-nav__item--current > .kb-nav__list--articles"))


@pytest.mark.sphinx("html", testroot="base", srcdir="hierarchy-shown")
def test_the_sidebar_nests_and_the_header_names_the_articles_above(app, warning) -> None:
    write(app.srcdir, pages(GUIDE))
    app.build()
    assert warnings_of(warning.getvalue()) == []
    shown = page(app.outdir, "articles/detail.html")
    assert nav_tree(shown)[0] == [
        "Le guide",
        [["Première étape", [["Un détail", []]]], ["Deuxième étape", []]],
    ]
    trail = shown.select(".kb-article-meta__trail a")
    assert [a.get_text() for a in trail] == ["Le guide", "Première étape"]
    assert trail[0]["href"] == "guide.html"
    listed = page(app.outdir, "categories/strategie.html").select(".kb-card__title a")
    titles = [a.get_text() for a in listed]
    assert titles == ["Le guide", "Première étape", "Un détail", "Deuxième étape"]
    assert not page(app.outdir, "articles/guide.html").select(".kb-article-meta__trail")


def test_retitling_or_moving_a_parent_rewrites_what_names_it(incremental) -> None:
    src = incremental.src
    same_as_clean = incremental.same_as_clean
    write(src, pages(GUIDE))
    incremental.build()
    write(src, pages({"guide": ("Le guide, revu", "2026-01-01", "order: 1\n")}))
    outdir = same_as_clean("retitled")
    trail = page(outdir, "articles/detail.html").select_one(".kb-article-meta__trail")
    assert "Le guide, revu" in trail.get_text()
    write(src, pages({"detail": ("Un détail", "2026-04-01", "parent: etape-2\n")}))
    outdir = same_as_clean("moved")
    trail = page(outdir, "articles/detail.html").select(".kb-article-meta__trail a")
    assert [a.get_text() for a in trail] == ["Le guide, revu", "Deuxième étape"]


WRONG = {
    "orphelin": ("Orphelin", "2026-01-01", "parent: absent\n"),
    "mauvaise": ("Mauvaise catégorie", "2026-01-02", "parent: ailleurs\n"),
    "boucle-a": ("Boucle A", "2026-01-03", "parent: boucle-b\n"),
    "boucle-b": ("Boucle B", "2026-01-04", "parent: boucle-a\n"),
    "mal-ecrit": ("Mal écrit", "2026-01-05", "parent: Le Guide\n"),
}
SAID = [
    ("articles/orphelin.md:7:", "« absent » : aucun article de ce nom"),
    ("articles/mauvaise.md:7:", "« ailleurs » est dans la catégorie « reseaux »"),
    ("articles/boucle-a.md:7:", "ce parent fait une boucle"),
    ("articles/boucle-b.md:7:", "ce parent fait une boucle"),
    ("articles/mal-ecrit.md:7:", "« Le Guide » ; attendu : le nom de l’article parent"),
]


@pytest.mark.sphinx("html", testroot="base", srcdir="hierarchy-wrong")
def test_a_wrong_parent_fails_at_its_line_and_check_says_the_same(app, warning, capsys) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    write(app.srcdir, pages(WRONG))
    app.build()
    found = warnings_of(warning.getvalue())
    for where, what in SAID:
        assert any(where in w and "champ « parent »" in w and what in w for w in found), found
    assert check([str(app.srcdir)]) == 1
    said = capsys.readouterr().err
    for where, what in SAID:
        assert where in said and what in said, (where, said)
