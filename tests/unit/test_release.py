"""The release pipeline: its workflow (triggers, least privilege, the publish action pinned to
its release commit, PyPI's trusted publishing in the "pypi" environment) and what it builds
(``tools.release``, on copies of both packages: the version must be the tag's, the changelog
must have the dated entry, the files pass twine's check)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO
from tools.release import PACKAGES, ReleaseError, parse_tag, release

WORKFLOW = REPO / ".github/workflows/release.yml"


def versions() -> dict[str, str]:
    from sphinx_base_de_connaissances import _version
    from sphinx_share_footer import __version__ as footer

    return {"sphinx-base-de-connaissances": _version.__version__, "sphinx-share-footer": footer}


def test_the_engine_names_the_share_footer_it_goes_with() -> None:
    from sphinx_base_de_connaissances._version import SHARE_FOOTER_VERSION

    assert versions()["sphinx-share-footer"] == SHARE_FOOTER_VERSION


def test_the_workflow_publishes_a_tag_with_least_privilege() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert flow[True]["push"]["tags"] == [f"{name}-v*" for name in PACKAGES]
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["pypi"]["permissions"] == {"id-token": "write"}
    assert jobs["pypi"]["environment"]["name"] == "pypi"
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    publish = jobs["pypi"]["steps"][-1]["uses"]
    assert re.fullmatch(r"pypa/gh-action-pypi-publish@[0-9a-f]{40}", publish)
    text = WORKFLOW.read_text("utf-8")
    assert "# v1.13.0" in text.split(publish, 1)[1].splitlines()[0]
    # No token anywhere: PyPI trusts the workflow itself.
    assert "password" not in text and "PYPI" not in text and "secrets." not in text
    run = "\n".join(s.get("run", "") for job in jobs.values() for s in job["steps"])
    assert "${{" not in run  # values reach scripts through the environment only


def with_changelog(root: Path, name: str, heading: str) -> Path:
    """A copy of the package ``name`` under ``root`` whose changelog starts with ``heading``."""
    folder = root / PACKAGES[name]
    shutil.copytree(
        REPO / PACKAGES[name],
        folder,
        ignore=shutil.ignore_patterns("dist", "__pycache__", ".nox", "*.egg-info"),
    )
    changelog = folder / "CHANGELOG.md"
    title, _, rest = changelog.read_text("utf-8").partition("\n")
    changelog.write_text(f"{title}\n\n{heading}\n\n- Une entrée.\n{rest}", "utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_a_tag_builds_its_package_checked_with_its_notes(tmp_path: Path, name: str) -> None:
    version = versions()[name]
    with_changelog(tmp_path / "repo", name, f"## {version} — 2026-12-05")
    out = tmp_path / "dist"
    wheel, sdist = release(f"{name}-v{version}", out, root=tmp_path / "repo")
    assert wheel.name.startswith(f"{name.replace('-', '_')}-{version}-")
    assert sdist.name == f"{name.replace('-', '_')}-{version}.tar.gz"
    assert "Une entrée." in (out / "notes.md").read_text("utf-8")
    metadata = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA"))
    assert f"Version: {version}" in zipfile.ZipFile(wheel).read(metadata).decode()


def test_a_tag_that_is_not_the_packages_version_is_refused(tmp_path: Path) -> None:
    name = "sphinx-base-de-connaissances"
    with_changelog(tmp_path / "repo", name, "## 9.9.9 — 2026-12-05")
    with pytest.raises(ReleaseError, match="carries version"):
        release(f"{name}-v9.9.9", tmp_path / "dist", root=tmp_path / "repo")


def test_an_undated_changelog_entry_is_no_release(tmp_path: Path) -> None:
    name = "sphinx-share-footer"
    version = versions()[name]
    with_changelog(tmp_path / "repo", name, f"## {version} — non publiée")
    with pytest.raises(ReleaseError, match="not dated"):
        release(f"{name}-v{version}", tmp_path / "dist", root=tmp_path / "repo")


def test_a_tag_naming_no_package_is_refused() -> None:
    with pytest.raises(ReleaseError, match="names no package"):
        parse_tag("v0.1.0")
    assert parse_tag("sphinx-share-footer-v1.2.3rc1") == ("sphinx-share-footer", "1.2.3rc1")
