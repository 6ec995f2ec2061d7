"""The test-kb root built once for the read-only checks of this folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BuiltSite, build_root


@pytest.fixture(scope="module")
def kb_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    outdir, warnings = build_root("kb", tmp_path_factory.mktemp("kb") / "src")
    assert warnings == ""
    return BuiltSite(outdir)


@pytest.fixture(scope="module")
def kb_preview(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    outdir, warnings = build_root(
        "kb", tmp_path_factory.mktemp("kb-preview") / "src", confoverrides={"kb_preview": True}
    )
    assert warnings == ""
    return BuiltSite(outdir)


def hrefs(tag) -> list[str]:
    return [a["href"] for a in tag.find_all("a", href=True)]


__all__ = ["Path", "hrefs"]
