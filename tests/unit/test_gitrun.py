"""git runs on a repository (a base, a source being imported) with none of its own
configuration: a `.git/config` that names programs (`gpg.program` with `log.showSignature` on a
signed commit, `core.fsmonitor`, an external diff, a pager) runs none of them, while the
history is still read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sphinx_base_de_connaissances import gitrun
from sphinx_base_de_connaissances.importer import history as import_history
from sphinx_base_de_connaissances.source import git as base_history
from sphinx_base_de_connaissances.source import lost

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Alice",
    "GIT_AUTHOR_EMAIL": "alice@example.org",
    "GIT_COMMITTER_NAME": "Alice",
    "GIT_COMMITTER_EMAIL": "alice@example.org",
}


def git(repo: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, env=ENV, input=stdin, text=True, capture_output=True, check=True
    ).stdout


def sign_head(repo: Path) -> None:
    """A signed commit on top of HEAD, touching nothing (its signature is never checked: the
    program a hostile config names is what would run to check it)."""
    tree = git(repo, "rev-parse", "HEAD^{tree}").strip()
    parent = git(repo, "rev-parse", "HEAD").strip()
    branch = git(repo, "symbolic-ref", "HEAD").strip()
    body = (
        f"tree {tree}\nparent {parent}\nauthor Alice <a@example.org> 1767225600 +0000\n"
        "committer Alice <a@example.org> 1767225600 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n"
        " AAAA\n -----END PGP SIGNATURE-----\n\nsigné\n"
    )
    signed = git(repo, "hash-object", "-t", "commit", "-w", "--stdin", stdin=body).strip()
    git(repo, "update-ref", branch, signed)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, marker): a repository whose last commit is signed and whose config runs
    a program that writes the marker, by four routes."""
    repo = tmp_path / "source"
    (repo / "articles").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "articles/a.md").write_text("# A\n", "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "premier")
    sign_head(repo)
    marker = tmp_path / "EXECUTE"
    program = tmp_path / "programme.sh"
    program.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n", "utf-8")
    program.chmod(0o755)
    for key, value in (
        ("log.showSignature", "true"),
        ("gpg.program", str(program)),
        ("core.fsmonitor", str(program)),
        ("core.pager", str(program)),
        ("diff.external", str(program)),
    ):
        git(repo, "config", key, value)
    return repo, marker


def test_the_config_is_hostile_for_plain_git(hostile: tuple[Path, Path]) -> None:
    """The control: git on its own runs the program (so the tests below can fail)."""
    repo, marker = hostile
    subprocess.run(["git", "log", "-1"], cwd=repo, capture_output=True, check=False)
    assert marker.exists()


def test_no_program_of_the_repository_runs_and_history_is_read(
    hostile: tuple[Path, Path],
) -> None:
    repo, marker = hostile
    assert gitrun.run(repo, "log", "-1", "-p").returncode == 0
    assert gitrun.run(repo, "status", "--porcelain").stdout == ""
    found = import_history.read(repo)
    assert found[(repo / "articles/a.md").resolve()].authors == ["Alice"]
    assert base_history.collect(repo, "articles").files["articles/a.md"].authors == ("Alice",)
    assert lost.published_at(repo, "HEAD", "articles") == {}  # read, no front matter
    assert not marker.exists()


def test_a_linked_work_tree_and_a_subfolder_are_read_too(
    hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    repo, marker = hostile
    linked = tmp_path / "autre"
    subprocess.run(
        ["git", "-c", "core.fsmonitor=false", "worktree", "add", "-q", str(linked)],
        cwd=repo,
        env=ENV,
        capture_output=True,
        check=True,
    )
    marker.unlink(missing_ok=True)
    assert gitrun.run(linked / "articles", "rev-parse", "--show-prefix").stdout.strip() == (
        "articles/"
    )
    assert base_history.collect(linked, "articles").files["articles/a.md"].authors == ("Alice",)
    assert not marker.exists()


def test_outside_any_repository_git_finds_none(tmp_path: Path) -> None:
    result = gitrun.run(tmp_path, "rev-parse", "--is-inside-work-tree")
    assert result.returncode != 0


def test_a_format_value_cannot_write_more_configuration(hostile: tuple[Path, Path]) -> None:
    repo, marker = hostile
    config = repo / ".git/config"
    config.write_text(
        config.read_text("utf-8").replace(
            "repositoryformatversion = 0",
            f'repositoryformatversion = "0\\n[core]\\n\\tfsmonitor = {marker.parent}/programme.sh"',
        ),
        "utf-8",
    )
    gitrun.run(repo, "status", "--porcelain")
    assert not marker.exists()
