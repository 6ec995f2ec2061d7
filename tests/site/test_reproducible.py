"""Two builds of the same sources give the same bytes, with SOURCE_DATE_EPOCH honoured."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, output_files
from tools.sitebuild import build

# 2026-12-06T00:00:00Z: after the seed articles' date and the accessibility statement's.
EPOCH = "1796515200"


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    outputs = []
    for name in ("first", "second"):
        assert build(REPO, tmp_path / name, "html") == 0
        html = tmp_path / name / "html"
        outputs.append(output_files(html))
    first, second = outputs
    assert first.keys() == second.keys()
    different = sorted(path for path in first if first[path] != second[path])
    assert different == [], f"files that differ between two builds: {different}"
    assert "cards/articles/aime-l-approche-digitale-systemique.png" in first  # cards compared


def test_source_date_epoch_decides_what_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: seeds are in the future
    # The sources as they could have been then: the accessibility statement already made (a
    # statement dated after the build's day is refused, as any date still to come).
    src = tmp_path / "src"
    ignored = shutil.ignore_patterns(".git", ".nox", "_build", "node_modules", "__pycache__")
    shutil.copytree(REPO, src, ignore=ignored)
    statement = src / "data/accessibilite.yml"
    text = statement.read_text("utf-8")
    statement.write_text(re.sub(r"etablie_le: \S+", "etablie_le: 2025-12-01", text), "utf-8")
    assert build(src, tmp_path / "past", "html") == 0
    html = tmp_path / "past" / "html"
    assert not (html / "articles/aime-l-approche-digitale-systemique.html").exists()
    assert "Aucun article pour l’instant." in (html / "index.html").read_text("utf-8")
