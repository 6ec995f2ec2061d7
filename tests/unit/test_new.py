"""`python -m kb new`: what it writes, what it refuses, and its options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kb.commands.new import main

from tests.helpers import REPO

STARTER = REPO / "_ext" / "sphinx-base-de-connaissances" / "src" / "kb" / "starter"


def test_a_new_base_has_every_file_with_the_values_put_in(tmp_path: Path, capsys) -> None:
    base = tmp_path / "nouvelle"
    options = ["--titre", "Base « test »", "--url", "https://exemple.org/kb", "--region", "fr_CA"]
    assert main([str(base), *options, "--depot", "https://forge.example/nous/kb/"]) == 0
    written = sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())
    packaged = sorted(
        re.sub(r"(^|/)dot-", r"\1.", p.relative_to(STARTER).as_posix())
        for p in STARTER.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert written == packaged
    conf = (base / "conf.py").read_text("utf-8")
    assert 'project = "Base « test »"' in conf and 'kb_locale = "fr_CA"' in conf
    assert '"https://exemple.org/kb/"' in conf
    assert 'kb_repository_url = "https://forge.example/nous/kb"' in conf
    for path in base.rglob("*"):
        if path.is_file():
            assert "@@" not in path.read_text("utf-8"), path
    assert (base / ".ci/run").stat().st_mode & 0o111
    assert "nox -s build" in capsys.readouterr().out


def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(tmp_path: Path, capsys):
    (tmp_path / ".git").mkdir()
    assert main([str(tmp_path)]) == 1
    assert "n’est pas vide" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [".git"]


def test_an_empty_folder_is_accepted(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / "articles" / "bienvenue.md").is_file()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--url", "exemple.org", "n’est pas une adresse"),
        ("--region", "en_US", "une région du français"),
        ("--titre", 'Un "titre"', "un titre d’une ligne"),
    ],
)
def test_bad_options_are_refused_in_french(tmp_path: Path, capsys, option, value, expected):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "b"), option, value])
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


def pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", path.read_text("utf-8"), flags=re.M)
    return {name.lower(): version for name, version in found}


def test_a_new_base_pins_the_versions_this_repository_builds_with() -> None:
    """`nox -s lock` compiles the starter's requirements against ours: a new base installs
    exactly what this site is tested with."""
    ours = pins(REPO / "requirements/site.txt") | pins(REPO / "requirements/tests.txt")
    for name in ("site.txt", "tests.txt"):
        theirs = pins(STARTER / "requirements" / name)
        assert {"sphinx", "myst-parser", "sphinx-book-theme"} <= theirs.keys()
        assert {k: v for k, v in theirs.items() if ours.get(k) != v} == {}, name
    assert (STARTER / "requirements/ci.txt").read_bytes() == (
        REPO / "requirements/ci.txt"
    ).read_bytes()


def test_a_target_that_cannot_be_written_is_a_french_error_and_leaves_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    base = tmp_path / "nouvelle"
    real, calls = Path.write_bytes, []

    def refusing(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 5:  # a few files in: a disk that fills, a folder made read-only
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refusing)
    assert main([str(base)]) == 1
    error = capsys.readouterr().err
    assert "impossible d’écrire" in error and "permission refusée" in error
    assert "Traceback" not in error and "Permission denied" not in error
    assert not base.exists()
