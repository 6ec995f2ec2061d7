"""`upgrade` on a base whose files a pull request could have shaped: symbolic links where the
engine's files are, a record (`.base-de-connaissances.json`) listing paths outside the base or
the base's own files, a conflict not yet merged. Nothing outside the base is written, made
executable or removed; nothing existing is overwritten; a conflict stays until resolved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands import template, upgrade
from sphinx_base_de_connaissances.commands.new import main as new

from tests.unit.test_upgrade import STARTER


@pytest.fixture
def next_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A base made by the engine N (``tmp_path / "base"``), then the engine N+1: its noxfile,
    CI script and a workflow changed."""
    assert new([str(tmp_path / "base"), "--titre", "Ma base"]) == 0
    starter = tmp_path / "starter-suivant"
    shutil.copytree(STARTER, starter, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("noxfile.py", "dot-ci/run", "dot-github/workflows/site.yml"):
        path = starter / name
        path.write_text(path.read_text("utf-8") + "\n# N+1\n", "utf-8")
    monkeypatch.setattr(template, "packaged", lambda: starter)
    return starter


def made(tmp_path: Path) -> Path:
    return tmp_path / "base"


def test_no_file_is_written_or_made_executable_through_a_link(
    tmp_path: Path, next_starter: Path, capsys
) -> None:
    base = made(tmp_path)
    outside = tmp_path / "dehors"
    outside.mkdir()
    victim = outside / "victime.py"
    victim.write_text("# à quelqu’un d’autre\n", "utf-8")
    victim.chmod(0o644)
    (base / "noxfile.py").unlink()
    (base / "noxfile.py").symlink_to(victim)
    # .ci is a link to an outside folder holding a "run" of its own.
    (outside / "ci").mkdir()
    (outside / "ci/run").write_text("# pas à la base\n", "utf-8")
    (outside / "ci/run").chmod(0o644)
    shutil.rmtree(base / ".ci")
    (base / ".ci").symlink_to(outside / "ci")
    # A dangling link where the engine writes a file.
    workflow = base / ".github/workflows/site.yml"
    workflow.unlink()
    workflow.symlink_to(outside / "cree-par-upgrade.yml")
    capsys.readouterr()

    assert upgrade.main([str(base)]) == 0
    out = capsys.readouterr().out
    assert victim.read_text("utf-8") == "# à quelqu’un d’autre\n"
    assert (outside / "ci/run").read_text("utf-8") == "# pas à la base\n"
    assert not (outside / "ci/run").stat().st_mode & 0o111
    assert not (outside / "cree-par-upgrade.yml").exists()
    assert sorted(p.name for p in outside.iterdir()) == ["ci", "victime.py"]
    for name in ("noxfile.py", ".ci/run", ".github/workflows/site.yml"):
        assert f"non touché {name} : lien symbolique" in out, out


def test_the_record_cannot_name_a_file_outside_the_engine_s_own(
    tmp_path: Path, next_starter: Path, capsys
) -> None:
    base = made(tmp_path)
    outside = tmp_path / "dehors.txt"
    outside.write_text("x\n", "utf-8")
    article = base / "articles/mon-article.md"
    article.write_text("x\n", "utf-8")
    record = json.loads((base / template.RECORD).read_text("utf-8"))
    relative = "../" * len(base.parts) + outside.as_posix().lstrip("/")
    for path in ("../dehors.txt", relative, str(outside), "articles/mon-article.md", "conf.py"):
        record["fichiers"][path] = "x\n"
    (base / "conf.py").write_text("x\n", "utf-8")
    (base / template.RECORD).write_text(json.dumps(record), "utf-8")
    capsys.readouterr()

    assert upgrade.main([str(base)]) == 0
    out = capsys.readouterr().out
    assert outside.read_text("utf-8") == "x\n"
    assert article.read_text("utf-8") == "x\n"
    assert (base / "conf.py").read_text("utf-8") == "x\n"
    assert "supprimé" not in out
    assert out.count("chemin refusé") == 4, out  # conf.py is the base’s: never read from the record


def test_a_conflict_stays_until_merged_and_its_file_is_never_overwritten(
    tmp_path: Path, next_starter: Path, capsys
) -> None:
    base = made(tmp_path)
    run = base / ".ci/run"
    run.write_text(run.read_text("utf-8") + "# la base\n", "utf-8")
    assert upgrade.main([str(base)]) == 0
    pending = base / ".ci/run.nouveau"
    assert pending.read_text("utf-8").endswith("# N+1\n")
    pending.write_text("# ma fusion en cours\n", "utf-8")
    capsys.readouterr()

    # A second upgrade (the engine changed again): the conflict is still there, untouched.
    ci = next_starter / "dot-ci/run"
    ci.write_text(ci.read_text("utf-8") + "# N+2\n", "utf-8")
    assert upgrade.main([str(base)]) == 0
    out = capsys.readouterr().out
    assert pending.read_text("utf-8") == "# ma fusion en cours\n"
    assert run.read_text("utf-8").endswith("# la base\n")
    assert "non touché .ci/run : conflit non résolu" in out

    # Resolved (the .nouveau removed): the next upgrade merges again from the old ancestor,
    # so the conflict shows again rather than being forgotten.
    pending.unlink()
    assert upgrade.main([str(base)]) == 0
    assert "à fusionner .ci/run" in capsys.readouterr().out
    assert pending.read_text("utf-8").endswith("# N+2\n")
