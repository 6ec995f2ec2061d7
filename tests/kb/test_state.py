"""Every state file the build keeps beside the doctrees survives corruption: truncated (an
interrupted run), garbage, another version or another file's content is a cache miss, the
next build rebuilds that part without a warning or a traceback, and the output is the same."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx_base_de_connaissances.search import indexer
from sphinx_base_de_connaissances.state import StateFile, mapping_of

from tests.helpers import REPO, output_files

CORRUPTIONS = ("truncated", "garbage", "other-version", "foreign")


def build(src: Path) -> tuple[Path, str, str]:
    """Build ``src`` (incrementally after the first time): (outdir, status, warnings)."""
    status, warnings = io.StringIO(), io.StringIO()
    app = SphinxTestApp("html", srcdir=src, status=status, warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), status.getvalue(), warnings.getvalue()


def corrupt(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        path.write_bytes(b"\x00\xff{not json")
    elif how == "other-version" and path.suffix == ".json":
        saved = json.loads(data)
        saved["version"] = saved.get("version", 0) + 1
        path.write_text(json.dumps(saved), "utf-8")
    else:  # foreign: valid JSON of another shape
        path.write_text(json.dumps({"state": "autre", "version": 1, "data": [1, 2]}), "utf-8")


def state_files(doctrees: Path) -> list[str]:
    names = [p.name for p in doctrees.glob("kb-*.json")] + [
        p.relative_to(doctrees).as_posix() for p in doctrees.glob("css-bundle*/**/*") if p.is_file()
    ]
    if (doctrees / "css-bundle.json").is_file():
        names.append("css-bundle.json")
    return sorted(names)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], list[str]]:
    """The test-kb root with the share footer's neighbour css_bundle, built once."""
    src = tmp_path_factory.mktemp("state") / "src"
    shutil.copytree(REPO / "tests" / "roots" / "test-kb", src)
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text("utf-8").replace(
            '"sphinx_base_de_connaissances"]',
            '"sphinx_base_de_connaissances", "sphinx_base_de_connaissances.css_bundle"]',
        )
        + '\nhtml_theme = "pydata_sphinx_theme"\n'
        + 'css_bundle_head = ["basic.css", "styles/pydata-sphinx-theme.css"]\n',
        "utf-8",
    )
    outdir, _, warnings = build(src)
    assert warnings == ""
    return src, output_files(outdir), state_files(outdir.parent / "doctrees")


def test_the_build_keeps_the_state_files_this_test_corrupts(built) -> None:
    _, _, names = built
    for expected in (
        "kb-publication.json",
        "kb-generated.json",
        "kb-site.json",
        "kb-cards.json",
        "kb-pages.json",
        "kb-search.json",
        "kb-search-pages.json",
        "css-bundle.json",
    ):
        assert expected in names
    assert any(name.startswith("css-bundle/") and name.endswith(".json") for name in names)
    assert any(name.endswith(".woff2") for name in names)


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_each_state_file_corrupted_in_turn_is_rebuilt(built, how: str) -> None:
    src, expected, names = built
    doctrees = src / "_build" / "doctrees"
    for name in names:
        corrupt(doctrees / name, how)
        # Without the site-wide state, a build remakes every site-wide output (cards, feeds,
        # pruning…), so each of their state files is read.
        if name != "kb-site.json":
            (doctrees / "kb-site.json").unlink()
        outdir, status, warnings = build(src)
        assert warnings == "", (name, how)
        assert output_files(outdir) == expected, (name, how)
        if name.endswith(".json"):  # each cache miss says so in one line
            assert f"{Path(name).name} " in status and (
                " : reconstruit." in status or " ; refait." in status
            ), (name, how)


def test_a_corrupt_plan_stops_the_background_indexer_quietly(tmp_path: Path) -> None:
    (tmp_path / indexer.PLAN.name).write_text('{"state": "kb-search-plan.json"', "utf-8")
    assert indexer.main([str(tmp_path / "html"), str(tmp_path)]) == 1


def test_a_state_file_reads_back_only_what_it_wrote(tmp_path: Path) -> None:
    state = StateFile("kb-essai.json", 2, mapping_of(str))
    assert state.load(tmp_path) is None  # missing
    state.save(tmp_path, {"a": "b"})
    assert state.load(tmp_path) == {"a": "b"}
    assert StateFile("kb-essai.json", 3, mapping_of(str)).load(tmp_path) is None
    assert StateFile("kb-essai.json", 2, mapping_of(int)).load(tmp_path) is None
    assert StateFile("kb-autre.json", 2, mapping_of(str)).load(tmp_path) is None
    (tmp_path / "kb-autre.json").write_bytes((tmp_path / "kb-essai.json").read_bytes())
    assert StateFile("kb-autre.json", 2, mapping_of(str)).load(tmp_path) is None  # foreign
    assert not list(tmp_path.glob(".*.tmp"))  # written whole, nothing left behind
