"""The compatibility matrix runs alone (`nox -s compat`), outside the unit test suite."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from test_themes import PROJECT, strict_build


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """build(theme, builder) → output folder of a strict build of the project, built once."""
    done: dict[tuple[str, str], Path] = {}

    def run(theme: str, builder: str) -> Path:
        if (theme, builder) not in done:
            src = tmp_path_factory.mktemp(f"{theme}-{builder}")
            shutil.copytree(PROJECT, src, dirs_exist_ok=True)
            strict_build(src, src / "_build", theme, builder)
            done[theme, builder] = src / "_build"
        return done[theme, builder]

    return run
