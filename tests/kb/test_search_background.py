"""The live preview's search index: rebuilt after the build returns, by a detached process
(kb.search), announced on the search page while it is behind."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.search import indexer as search
from sphinx_base_de_connaissances.search import shards

from tests.helpers import build_root, search_pages, soup

pytestmark = pytest.mark.skipif(not search.available(), reason="Pagefind absent")


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the background indexer did not finish"
        time.sleep(0.2)


def _planned(doctrees: Path) -> dict[str, str]:
    plan = search.PLAN.load(doctrees)
    return {item["bundle"]: item["fingerprint"] for item in plan}


def _stamps(doctrees: Path) -> dict[str, str]:
    """The fingerprint each bundle was made from (its record: "fingerprint stamp")."""
    return {k: v.split()[0] for k, v in (search.STAMPS.load(doctrees) or {}).items()}


def test_the_index_catches_up_after_the_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    overrides = {"kb_search_background": True}
    outdir, warnings = build_root("kb", src, confoverrides=overrides)
    assert warnings == ""
    doctrees = outdir.parent / "doctrees"
    box = soup(outdir / "search.html").select_one("[data-kb-search=page]")
    assert box["data-kb-pending"] == "pagefind/kb-pending"
    _wait_for(lambda: (outdir / "pagefind/pagefind.js").is_file())
    _wait_for(lambda: not (doctrees / search.PID).exists())
    first = _planned(doctrees)
    assert _stamps(doctrees) == first
    # An edit: the old index is marked as behind, then replaced.
    article = src / "articles/premier.md"
    article.write_text(article.read_text("utf-8") + "\nUn mot neuf : zygomatique.\n", "utf-8")
    build_root("kb", src, copy=False, confoverrides=overrides)
    wanted = _planned(doctrees)
    assert wanted != first
    _wait_for(lambda: _stamps(doctrees) == wanted)
    _wait_for(lambda: not (outdir / "pagefind" / search.PENDING).exists())


def test_an_indexer_overtaken_by_a_newer_build_keeps_its_result_to_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    pages = search_pages(outdir, 3)
    doctrees.mkdir()
    plan_file = doctrees / search.PLAN.name
    plan_file.write_text("older", "utf-8")
    real = search._pagefind

    def overtaken(*args: object) -> str | None:
        failure = real(*args)  # type: ignore[arg-type]
        plan_file.write_text("newer", "utf-8")  # a newer save, while this one was indexing
        return failure

    monkeypatch.setattr(search, "_pagefind", overtaken)
    assert search.update(outdir, doctrees, shards.plan(pages, outdir, 100), plan_file) is None
    assert not (outdir / shards.BUNDLE).exists()
    assert _stamps(doctrees) == {}
    monkeypatch.setattr(search, "_pagefind", real)
    plan_file.write_text("newer", "utf-8")
    assert search.update(outdir, doctrees, shards.plan(pages, outdir, 100), plan_file) is None
    assert (outdir / shards.BUNDLE / "pagefind.js").is_file()
