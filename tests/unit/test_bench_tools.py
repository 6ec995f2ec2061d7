"""The benchmark's corpus generator and the benchmark itself, at a tiny size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.source.files import check_tree

from tools import bench
from tools.corpus import generate


def test_generated_corpus_passes_the_site_validation(tmp_path: Path) -> None:
    corpus = generate(40, tmp_path / "corpus")
    assert check_tree(corpus) == []
    assert len(list((corpus / "articles").glob("*.md"))) == 40
    words = len((corpus / "articles/article-00001.md").read_text("utf-8").split())
    assert 950 <= words <= 1300
    again = generate(40, tmp_path / "again")
    assert (again / "articles/article-00007.md").read_bytes() == (
        corpus / "articles/article-00007.md"
    ).read_bytes()


@pytest.mark.slow
def test_bench_runs_and_writes_results(tmp_path: Path, capsys) -> None:
    assert bench.main(["--sizes", "3", "--baseline-max", "3", "--work", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "results.json").read_text("utf-8"))["results"]
    (result,) = results
    assert result["articles"] == 3
    for key in ("full", "full_parallel", "no_change", "body_edit", "tags_edit", "baseline_full"):
        assert result[key]["seconds"] > 0 and result[key]["peak_mib"] > 0
    assert result["article_page_bytes"] > 0 and result["pagefind_bytes"] > 0
    assert result["search_index_bytes"] == 0  # Pagefind runs: Sphinx's index is not built
    assert result["cards"] >= 3 + 1 and result["card_ms"] > 0  # articles, site, categories
    assert result["cards_redrawn_no_change"] == 0
    assert result["cards_redrawn_body_edit"] == 0
    assert result["offline_seconds"] > 0  # the offline edition of the 3 articles
    out = capsys.readouterr().out
    assert "baseline / ours" in out and "offline edition (PDF + EPUB)" in out


def test_bench_measures_an_import_of_each_fetched_site(tmp_path: Path, capsys) -> None:
    sites = tmp_path / "sites"
    (sites / "notes").mkdir(parents=True)
    (sites / "notes/page.md").write_text(
        "# Page\n\nUne page importée : [elle-même](page.md) et ![une image](absente.png), "
        "la formule $x^2$.\n",
        "utf-8",
    )
    # Options a site needs, beside it: its formulas (its configuration is not in the folder).
    (sites / "notes.options").write_text("--formules dollars\n", "utf-8")
    work = tmp_path / "work"
    assert bench.main(["--imports", str(sites), "--work", str(work)]) == 0
    (row,) = capsys.readouterr().out.strip().splitlines()
    assert row.startswith("notes: markdown --formules dollars, import ")
    assert "construction stricte passe" in row
    # The absent image is broken in the source itself: counted apart, not as lost.
    assert "images montrées –" in row and "liens internes qui mènent à leur page 100,0 %" in row
    assert "pages montrant une syntaxe brute 0,0 %" in row  # $x^2$ typeset, not shown
