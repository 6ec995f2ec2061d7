"""The search index in shards: a page stays in its shard, and only the shards whose pages
changed are indexed again."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.content import indexed
from sphinx_base_de_connaissances.search import indexer as search
from sphinx_base_de_connaissances.search import shards as sharding

from tests.helpers import build_root, search_pages

pytestmark = pytest.mark.skipif(not search.available(), reason="Pagefind absent")


def _entries(outdir: Path) -> dict[str, int]:
    """Each bundle's entry file, by the inode it has: a bundle indexed again is a new folder."""
    return {
        path.parent.name: path.stat().st_ino
        for path in outdir.glob(f"{sharding.BUNDLE}*/pagefind-entry.json")
    }


def test_plan_puts_each_page_in_one_shard_and_keeps_it_there(tmp_path: Path) -> None:
    outdir = tmp_path / "html"
    pages = [f"{outdir}/articles/page-{number:02d}.html" for number in range(40)]
    shards = sharding.plan(pages, outdir, 10)
    assert [shard.bundle for shard in shards] == [
        "pagefind",
        "pagefind-2",
        "pagefind-3",
        "pagefind-4",
    ]
    assert sorted(page for shard in shards for page in shard.pages) == sorted(pages)
    assert all(len(shard.pages) < 20 for shard in shards)
    # One more page, the same number of shards: every other page stays where it was.
    grown = sharding.plan([*pages, f"{outdir}/articles/page-40.html"], outdir, 11)
    before = {page: shard.bundle for shard in shards for page in shard.pages}
    after = {page: shard.bundle for shard in grown for page in shard.pages}
    assert all(after[page] == bundle for page, bundle in before.items())


def test_only_the_shard_of_an_edited_page_is_indexed_again(tmp_path: Path) -> None:
    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    pages = search_pages(outdir, 40)
    assert search.index(outdir, doctrees, pages, 10) is None
    first = _entries(outdir)
    assert sorted(first) == ["pagefind", "pagefind-2", "pagefind-3", "pagefind-4"]
    listing = json.loads((outdir / sharding.BUNDLE / sharding.SHARDS).read_text("utf-8"))
    assert listing == {"bundles": ["pagefind-2", "pagefind-3", "pagefind-4"]}
    fragments = sum(len(list(outdir.glob(f"{name}/fragment/*"))) for name in first)
    assert fragments == 40, "every page indexed once"

    assert search.index(outdir, doctrees, pages, 10) is None
    assert _entries(outdir) == first, "nothing changed, nothing indexed"

    edited = pages[7]
    Path(edited).write_text(Path(edited).read_text("utf-8").replace("texte", "récit"), "utf-8")
    home = next(s.bundle for s in sharding.plan(pages, outdir, 10) if edited in s.pages)
    assert search.index(outdir, doctrees, pages, 10) is None
    second = _entries(outdir)
    assert {name for name in first if first[name] != second[name]} == {home}

    # Fewer, larger shards: the bundles no longer used go, and so does their listing.
    assert search.index(outdir, doctrees, pages, 100) is None
    assert sorted(_entries(outdir)) == ["pagefind"]
    listing = json.loads((outdir / sharding.BUNDLE / sharding.SHARDS).read_text("utf-8"))
    assert listing == {"bundles": []}
    assert len(list(outdir.glob("pagefind/fragment/*"))) == 40


def test_a_site_in_shards_indexes_every_document_once(tmp_path: Path) -> None:
    outdir, warnings = build_root(
        "kb", tmp_path / "src", confoverrides={"kb_search_shard_pages": 2}
    )
    assert warnings == ""
    bundles = sorted(path.parent.name for path in outdir.glob("pagefind*/pagefind-entry.json"))
    assert len(bundles) >= 2
    listing = json.loads((outdir / sharding.BUNDLE / sharding.SHARDS).read_text("utf-8"))
    assert listing["bundles"] == [name for name in bundles if name != sharding.BUNDLE]
    indexed = sum(len(list(outdir.glob(f"{name}/fragment/*"))) for name in bundles)
    documents = [p for p in outdir.rglob("*.html") if "data-pagefind-body" in p.read_text("utf-8")]
    assert indexed == len(documents)


def test_what_surrounds_the_indexed_text_does_not_dirty_a_shard(tmp_path: Path) -> None:
    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    start, end = indexed.BODY_START.decode(), indexed.BODY_END.decode()
    pages = []
    for number in range(20):
        page = outdir / f"articles/page-{number:02d}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"<html lang='fr'><body><nav>Voisins : aucun</nav>{start}<h1>Page "
            f"{number}</h1><p>Texte.</p></div>{end}<aside>À lire aussi : rien"
            "</aside></body></html>",
            "utf-8",
        )
        pages.append(str(page))
    assert search.index(outdir, doctrees, pages, 5) is None
    first = _entries(outdir)
    # Other articles changed: the navigation and the related block of every page differ.
    for page in map(Path, pages):
        text = page.read_text("utf-8")
        page.write_text(text.replace("aucun", "page 3").replace("rien", "page 4"), "utf-8")
    assert search.index(outdir, doctrees, pages, 5) is None
    assert _entries(outdir) == first
    # The text itself changed in one page: its shard only.
    edited = Path(pages[11])
    edited.write_text(edited.read_text("utf-8").replace("Texte.", "Texte revu."), "utf-8")
    assert search.index(outdir, doctrees, pages, 5) is None
    changed = {name for name, inode in _entries(outdir).items() if first[name] != inode}
    assert len(changed) == 1


def test_pagefind_runs_as_its_binary_without_the_python_wrapper() -> None:
    from sphinx_base_de_connaissances.search.indexer import pagefind_command

    (binary,) = pagefind_command()  # one element: not [python, -m, pagefind]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("pagefind ")
