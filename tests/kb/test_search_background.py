"""The live preview's search index: rebuilt after the build returns, by a detached process
(kb.search), announced on the search page while it is behind."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from kb import search

from tests.helpers import build_root, soup

pytestmark = pytest.mark.skipif(not search.available(), reason="Pagefind absent")


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the background indexer did not finish"
        time.sleep(0.2)


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
    first = (doctrees / search.STAMP).read_text("utf-8")
    assert first == (doctrees / search.WANTED).read_text("utf-8")
    # An edit: the old index is marked as behind, then replaced.
    article = src / "articles/premier.md"
    article.write_text(article.read_text("utf-8") + "\nUn mot neuf : zygomatique.\n", "utf-8")
    build_root("kb", src, copy=False, confoverrides=overrides)
    wanted = (doctrees / search.WANTED).read_text("utf-8")
    assert wanted != first
    _wait_for(lambda: (doctrees / search.STAMP).read_text("utf-8") == wanted)
    assert not (outdir / "pagefind" / search.PENDING).exists()


def test_an_indexer_overtaken_by_a_newer_build_keeps_its_result_to_itself(tmp_path: Path) -> None:
    outdir, doctrees = tmp_path / "html", tmp_path / "doctrees"
    outdir.mkdir()
    doctrees.mkdir()
    (outdir / "index.html").write_text("<html><body><p>Bonjour</p></body></html>", "utf-8")
    (doctrees / search.WANTED).write_text("newer", "utf-8")
    assert search.run(outdir, doctrees, "older", wanted=doctrees / search.WANTED) is None
    assert not (outdir / search.BUNDLE).exists()
    assert search.run(outdir, doctrees, "newer", wanted=doctrees / search.WANTED) is None
    assert (outdir / search.BUNDLE / "pagefind.js").is_file()
