"""A source's git history as the import reads it: a page moved keeps its first date and its
writers; the move itself (a rename without change) is neither an update nor a contribution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sphinx_base_de_connaissances.importer import history

from tests.importer.test_import import git


def test_a_moved_page_keeps_its_first_date_and_writers(tmp_path: Path) -> None:
    (tmp_path / "ancien").mkdir()
    page = tmp_path / "ancien/page.md"
    page.write_text("# Page\n\nPremière version.\n", "utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "a", author="Léa Roux|lea@example.org", date="2021-03-01T10:00")
    (tmp_path / "guide").mkdir()
    git(tmp_path, "mv", "ancien/page.md", "guide/page.md")
    git(tmp_path, "commit", "-qm", "b", author="Rangement|r@example.org", date="2023-01-10T10:00")
    moved = tmp_path / "guide/page.md"
    moved.write_text(moved.read_text("utf-8") + "\nDeuxième version.\n", "utf-8")
    git(tmp_path, "commit", "-qam", "c", author="Marc Blanc|m@example.org", date="2024-06-02T10:00")
    found = history.read(tmp_path)[moved.resolve()]
    assert (found.created, found.updated) == (dt.date(2021, 3, 1), dt.date(2024, 6, 2))
    assert found.authors == ["Léa Roux", "Marc Blanc"]
