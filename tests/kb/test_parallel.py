"""With -j, a large reading phase is serial and the writing phase keeps its processes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sphinx_base_de_connaissances.reading.parallel import ReadingMode

from tests.helpers import build_root, output_files


def _app(parallel: int) -> Any:
    return SimpleNamespace(parallel=parallel)


def _mode(limit: int) -> ReadingMode:
    mode = ReadingMode()
    mode.limit = limit  # kb_parallel_read_max, as the extension sets it at config-inited
    return mode


def test_many_documents_are_read_serially_then_writing_is_parallel_again() -> None:
    mode, app = _mode(3), _app(2)
    mode.before_read(app, None, ["a", "b", "c", "d"])
    assert app.parallel == 1
    assert mode.after_read(app, None) == []
    assert app.parallel == 2


def test_few_documents_or_a_serial_build_are_left_alone() -> None:
    mode = _mode(3)
    for app, docnames in ((_app(2), ["a", "b", "c"]), (_app(1), ["a", "b"])):
        before = app.parallel
        mode.before_read(app, None, docnames)
        assert app.parallel == before
        mode.after_read(app, None)
        assert app.parallel == before


def test_a_parallel_build_with_serial_reading_gives_the_serial_output(tmp_path: Path) -> None:
    serial, warnings = build_root("kb", tmp_path / "serial")
    assert warnings == ""
    parallel, warnings = build_root(
        "kb", tmp_path / "parallel", parallel=2, confoverrides={"kb_parallel_read_max": 1}
    )
    assert warnings == ""
    expected = output_files(serial, (".html", ".xml"))
    assert output_files(parallel, (".html", ".xml")) == expected
