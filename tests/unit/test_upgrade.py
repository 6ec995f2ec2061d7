"""`base-de-connaissances upgrade`: a base made with version N brought to N+1 (here, the
starter of N+1 is a copy of N's with changes): the engine's pins and files replaced, the files
both share merged with the base's edits (a conflict kept aside as `.nouveau`), the base's own
files, articles and data never touched; without a record, nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands import template, upgrade
from sphinx_base_de_connaissances.commands.new import main as new

from tests.helpers import REPO

STARTER = REPO / "_ext/sphinx-base-de-connaissances/src/sphinx_base_de_connaissances/starter"


def snapshot(base: Path, folders: tuple[str, ...]) -> dict[str, bytes]:
    return {
        p.relative_to(base).as_posix(): p.read_bytes()
        for folder in folders
        for p in sorted((base / folder).rglob("*"))
        if p.is_file()
    }


def test_a_base_moves_to_the_next_version_keeping_its_own_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    base = tmp_path / "base"
    assert new([str(base), "--titre", "Ma base"]) == 0
    # The base's own edits: a session of its own at the top of the noxfile (merged cleanly),
    # the line of .ci/run the engine changes too (a conflict), an article, its conf.py.
    nox_file = base / "noxfile.py"
    text = nox_file.read_text("utf-8")
    nox_file.write_text(
        text.replace("import nox\n", "import nox\n\nMINE = 'la session de la base'\n"), "utf-8"
    )
    run = base / ".ci/run"
    run.write_text(run.read_text("utf-8").replace("check build tests", "check build"), "utf-8")
    (base / "articles/mon-article.md").write_text("---\ntitle: À moi\n---\n", "utf-8")
    conf = (base / "conf.py").read_text("utf-8") + "\n# ma configuration\n"
    (base / "conf.py").write_text(conf, "utf-8")
    own = snapshot(base, ("articles", "data")) | {
        name: (base / name).read_bytes() for name in ("conf.py", "index.md", "README.md")
    }
    capsys.readouterr()

    starter = tmp_path / "starter-suivant"
    shutil.copytree(STARTER, starter, ignore=shutil.ignore_patterns("__pycache__"))
    (starter / "noxfile.py").write_text(
        (starter / "noxfile.py").read_text("utf-8") + "\n\n# N+1\n", "utf-8"
    )
    ci = starter / "dot-ci/run"
    ci.write_text(ci.read_text("utf-8").replace("check build tests", "check build tests offline"))
    (starter / "dot-github/workflows/verifier.yml").write_text("name: N+1\n", "utf-8")
    pins = starter / "requirements/site.txt"
    pins.write_text("# N+1\n" + pins.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(template, "packaged", lambda: starter)
    monkeypatch.setattr(upgrade, "__version__", "9.9.9")

    assert upgrade.main([str(base)]) == 0
    out = capsys.readouterr().out
    merged = nox_file.read_text("utf-8")
    assert "MINE = 'la session de la base'" in merged and merged.endswith("# N+1\n")
    assert run.read_text("utf-8").count("check build\n") == 1  # the base's line stays
    assert "check build tests offline" in (base / ".ci/run.nouveau").read_text("utf-8")
    assert "à fusionner .ci/run" in out
    assert (base / ".github/workflows/verifier.yml").read_text("utf-8") == "name: N+1\n"
    assert (base / "requirements/site.txt").read_text("utf-8").startswith("# N+1\n")
    assert (
        snapshot(base, ("articles", "data"))
        | {name: (base / name).read_bytes() for name in ("conf.py", "index.md", "README.md")}
        == own
    )
    record = template.Record.load(base)
    assert record.values.version == "9.9.9" and record.values.titre == "Ma base"
    assert record.shared["noxfile.py"].endswith("# N+1\n")  # the next merge's ancestor
    # Again: nothing left to do, nothing written.
    before = snapshot(base, (".",))
    assert upgrade.main([str(base)]) == 0
    assert snapshot(base, (".",)) == before


def test_a_file_neither_side_edited_is_replaced_and_one_only_the_base_edited_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "base"
    assert new([str(base)]) == 0
    gitignore = base / ".gitignore"
    gitignore.write_text(gitignore.read_text("utf-8") + "mes-notes/\n", "utf-8")
    starter = tmp_path / "starter-suivant"
    shutil.copytree(STARTER, starter, ignore=shutil.ignore_patterns("__pycache__"))
    ci = starter / "dot-ci/run"
    ci.write_text(ci.read_text("utf-8") + "# N+1\n", "utf-8")
    monkeypatch.setattr(template, "packaged", lambda: starter)
    assert upgrade.main([str(base)]) == 0
    assert (base / ".ci/run").read_text("utf-8").endswith("# N+1\n")
    assert (base / ".ci/run").stat().st_mode & 0o111
    assert gitignore.read_text("utf-8").endswith("mes-notes/\n")


def test_a_folder_without_a_record_is_left_as_it_was(tmp_path: Path, capsys) -> None:
    (tmp_path / "noxfile.py").write_text("# à moi\n", "utf-8")
    assert upgrade.main([str(tmp_path)]) == 1
    assert "introuvable ou illisible" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["noxfile.py"]
