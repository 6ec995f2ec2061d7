"""Errors, parallel builds and incremental builds of the knowledge base."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import REPO, build_root, output_files

ROOT = REPO / "tests" / "roots" / "test-kb"
# Files whose bytes legitimately depend on the build folder or on Sphinx's own bookkeeping.
VOLATILE = {"searchindex.js", ".buildinfo"}


def test_front_matter_errors_are_all_reported_with_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    (src / "articles/casse.md").write_text(
        "---\ntitle: Cassé\ndescription: Court.\ndate: 2026-13-01\nauthors: [zoe]\n"
        "category: strategie\n---\n\nTexte.\n",
        encoding="utf-8",
    )
    (src / "articles/yaml.md").write_text("---\ntitle: a: b\n---\n", encoding="utf-8")
    (src / "articles/dossier/premier.md").write_text(
        (ROOT / "articles/premier.md").read_text("utf-8"), encoding="utf-8"
    )
    _, warnings = build_root("kb", src, copy=False)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in warnings.splitlines()]
    lines = [line.split(str(src) + "/", 1)[-1] for line in lines]
    expected = [
        "articles/casse.md:3: WARNING: champ « description » : 6 caractères ; attendu : une "
        "phrase de 30 à 200 caractères.",
        "articles/casse.md:4: WARNING: champ « date » : « 2026-13-01 » n’existe pas",
        "articles/casse.md:5: WARNING: champ « authors » : auteur inconnu « zoe »",
        "articles/yaml.md:2: WARNING: YAML invalide (deux-points inattendu)",
        "articles/premier.md:1: WARNING: l’identifiant « premier » est déjà celui de "
        "articles/dossier/premier.md",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    serial, w1 = build_root("kb", tmp_path / "serial")
    parallel, w2 = build_root("kb", tmp_path / "parallel", parallel=2)
    assert w1 == w2 == ""
    a, b = output_files(serial), output_files(parallel)
    assert a.keys() == b.keys()
    assert {k for k in a if a[k] != b[k]} <= VOLATILE


def _incremental_matches_clean(tmp_path: Path, change) -> None:
    """Build, apply ``change`` to the sources, rebuild incrementally; the output must equal a
    clean build of the changed sources (no stale page anywhere)."""
    src = tmp_path / "inc"
    build_root("kb", src)
    change(src)
    incremental, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean, _ = build_root("kb", clean_src, copy=False)
    a, b = output_files(incremental), output_files(clean)
    assert a.keys() == b.keys(), a.keys() ^ b.keys()
    stale = sorted(k for k in a if a[k] != b[k] and k not in VOLATILE)
    assert not stale, f"stale after the change: {stale}"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


NEW_ARTICLE = """---
title: Un nouvel article
description: "Un article ajouté entre deux constructions du site."
date: 2026-02-01
authors: [bob]
category: reseaux
tags: [stratégie, nouveauté]
---

Nouveau.
"""

SCENARIOS = {
    "add": lambda src: (src / "articles/nouveau.md").write_text(NEW_ARTICLE, "utf-8"),
    "delete": lambda src: (src / "articles/premier.md").unlink(),
    "retag": lambda src: _edit(
        src / "articles/dossier/troisieme.md", "[archives]", "[réseaux sociaux]"
    ),
    "redate": lambda src: _edit(src / "articles/dossier/troisieme.md", "2025-06-01", "2026-02-10"),
    "retitle": lambda src: _edit(
        src / "articles/deuxieme.md", "title: Deuxième article", "title: Deuxième article, retitré"
    ),
    "author-name": lambda src: _edit(src / "data/authors.yml", "Alice Écrivaine", "Alice Autrice"),
    "category-description": lambda src: _edit(
        src / "data/categories.yml", "Prendre la parole en ligne.", "Parler en ligne."
    ),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_incremental_build_leaves_no_stale_page(tmp_path: Path, scenario: str) -> None:
    _incremental_matches_clean(tmp_path, SCENARIOS[scenario])


def test_no_change_rebuild_reads_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    build_root("kb", src)
    status = io.StringIO()
    app = SphinxTestApp("html", srcdir=src, status=status)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    assert read == []
    assert "0 added, 0 changed, 0 removed" in status.getvalue()


def test_long_listings_are_paginated(tmp_path: Path) -> None:
    from tests.helpers import soup

    outdir, warnings = build_root("kb", tmp_path / "src", confoverrides={"kb_page_size": 1})
    assert warnings == ""
    first, second = (
        soup(outdir / "categories/strategie.html"),
        soup(outdir / "categories/strategie/1.html"),
    )
    assert [a.get_text() for a in first.select(".kb-card__title a")] == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>"
    ]
    assert [a.get_text() for a in second.select(".kb-card__title a")] == [
        "Troisième article, rangé dans un dossier"
    ]
    pages = [
        (a.get_text(), a["href"], a.get("aria-current")) for a in second.select(".kb-pagination a")
    ]
    assert pages == [("1", "../strategie.html", None), ("2", "", "page")]
    assert "page 2 sur 2" in second.title.get_text()
    assert first.select_one(".kb-page__count") and not second.select_one(".kb-page__count")


def test_older_listing_pages_stay_the_same_when_an_article_is_added(tmp_path: Path) -> None:
    """Pages numbered from the oldest: an added article changes the first page only (until a
    new page is due), and listing pages' navigation lists no articles."""
    from tests.helpers import soup

    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)

    def add(name: str, day: str) -> None:
        (src / f"articles/{name}.md").write_text(
            f'---\ntitle: Article {name}\ndescription: "Un article ajouté pour voir les pages '
            f'de liste."\ndate: 2026-05-{day}\nauthors: [alice]\ncategory: strategie\n---\n'
            "\nTexte.\n",
            "utf-8",
        )

    add("a", "01")
    add("b", "02")  # four in the category: two pages of two
    overrides = {"kb_page_size": 2}
    outdir, _ = build_root("kb", src, copy=False, confoverrides=overrides)
    older = outdir / "categories/strategie/1.html"
    before = older.read_bytes()
    assert [a.get_text() for a in soup(older).select(".kb-card__title a")] == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
        "Troisième article, rangé dans un dossier",
    ]
    assert not soup(older).select(".kb-nav__list--articles")
    assert not soup(outdir / "tags/strategie.html").select("#kb-nav-latest")
    add("c", "03")
    outdir, warnings = build_root("kb", src, copy=False, confoverrides=overrides)
    assert warnings == ""
    assert older.read_bytes() == before
    first = soup(outdir / "categories/strategie.html")
    assert [a.get_text() for a in first.select(".kb-card__title a")] == [
        "Article c",
        "Article b",
        "Article a",
    ]
    assert first.select_one(".kb-page__count").get_text() == "5 articles"


def test_a_scheduled_build_on_the_articles_date_publishes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the daily run of the publication workflow does: the same sources, the cached
    environment, a new day; the article dated that day appears, everywhere it is listed."""
    from tests.helpers import build_root, soup

    src = tmp_path / "src"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "32472057600")  # 2998-12-31, the day before
    outdir, warnings = build_root("kb", src)
    assert warnings == ""
    assert not (outdir / "articles/futur.html").exists()
    assert "Un article du futur" not in (outdir / "feeds/atom.xml").read_text("utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "32472144000")  # 2999-01-01, its date
    outdir, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    assert (outdir / "articles/futur.html").is_file()
    assert "Un article du futur" in soup(outdir / "index.html").get_text()
    assert "Un article du futur" in (outdir / "feeds/atom.xml").read_text("utf-8")


def test_the_offline_edition_without_its_extra_is_a_french_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "typst" else real(name, *a)
    )
    outdir, warnings = build_root(
        "kb", tmp_path / "src", confoverrides={"kb_offline": True}, warningiserror=False
    )
    said = "kb_offline : l’édition hors ligne demande l’extra « offline » (typst manque)"
    assert said in warnings
    assert 'python -m pip install "sphinx-base-de-connaissances[offline]"' in warnings
    assert "Traceback" not in warnings and not (outdir / "telechargements").exists()


def test_writers_order_a_category_and_feeds_keep_dates(tmp_path: Path) -> None:
    """``order`` places an article in its category's page and navigation (an imported guide
    keeps its parts in order); the others follow, newest first; feeds stay by date."""
    from tests.helpers import soup

    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    for name, place in (("dossier/troisieme", 1), ("premier", 2)):
        path = src / f"articles/{name}.md"
        text = path.read_text("utf-8").replace("category:", f"order: {place}\ncategory:", 1)
        path.write_text(text, "utf-8")
    outdir, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    listed = soup(outdir / "categories/strategie.html").select(".kb-card__title a")
    assert [a.get_text()[:9] for a in listed] == ["Troisième", "Premier a"]
    nav = soup(outdir / "articles/premier.html").select(".kb-nav__list--articles a")
    assert [a.get_text()[:9] for a in nav] == ["Troisième", "Premier a"]
    feed = (outdir / "feeds/strategie/atom.xml").read_text("utf-8")
    assert feed.index("Premier article") < feed.index("Troisième article")
    path = src / "articles/premier.md"
    path.write_text(path.read_text("utf-8").replace("order: 2", "order: deux"), "utf-8")
    _, warnings = build_root("kb", src, copy=False, warningiserror=False)
    assert "premier.md:" in warnings and "champ « order »" in warnings
    assert "attendu : un nombre entier de 1 à" in warnings
