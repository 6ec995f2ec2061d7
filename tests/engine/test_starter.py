"""A new base from the engine, as an outsider gets it: the wheel built here, installed in a
clean virtual environment (its dependencies from the package index), ``kb new``, then the new
base's own ``nox -s build`` and ``nox -s tests``. The engine is not published yet: its wheel
is offered to the new base's installs by ``PIP_FIND_LINKS``/``UV_FIND_LINKS``, where a
published version would come from the index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

ENGINE = REPO / "_ext" / "sphinx-base-de-connaissances"


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def install(python: Path, *arguments: str | Path) -> None:
    """pip's job, by uv when it is there (the same resolution, faster)."""
    uv = shutil.which("uv")
    if uv:
        run(uv, "pip", "install", "--quiet", "--python", python, *arguments)
    else:
        run(python, "-m", "pip", "install", "--quiet", *arguments)


@pytest.fixture(scope="module")
def outsider(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the clean environment's python, the folder holding the engine's wheel)."""
    work = tmp_path_factory.mktemp("outsider")
    wheels = work / "wheels"
    run(sys.executable, "-m", "flit_core.wheel", "--outdir", wheels, cwd=ENGINE)
    (wheel,) = wheels.glob("sphinx_base_de_connaissances-*.whl")
    run(sys.executable, "-m", "venv", work / "venv")
    python = work / "venv" / "bin" / "python"
    install(python, wheel)
    return python, wheels


def test_kb_new_writes_a_base_that_builds_and_passes_its_tests(outsider, tmp_path: Path) -> None:
    python, wheels = outsider
    base = tmp_path / "ma-base"
    created = run(python, "-m", "kb", "new", base, "--titre", "Ma base d’essai")
    assert "nox -s build" in created.stdout
    for name in (
        "conf.py",
        "index.md",
        "glossaire.md",
        "articles/bienvenue.md",
        "noxfile.py",
        "data/parcours.yml",
        ".ci/run",
        ".github/workflows/site.yml",
        "README.md",
        ".readthedocs.yaml",
        "tests/test_site.py",
    ):
        assert (base / name).is_file(), name
    assert 'project = "Ma base d’essai"' in (base / "conf.py").read_text("utf-8")
    run("git", "init", "-q", cwd=base)  # a new repository, no commit yet
    install(python, "--require-hashes", "-r", base / "requirements" / "ci.txt")
    links = {"PIP_FIND_LINKS": str(wheels), "UV_FIND_LINKS": str(wheels)}
    run(python, "-m", "nox", "-s", "build", cwd=base, env=links)
    home = (base / "_build" / "html" / "index.html").read_text("utf-8")
    assert "Ma base d’essai" in home and 'lang="fr"' in home
    assert (base / "_build" / "html" / "articles" / "bienvenue.html").is_file()
    tests = run(python, "-m", "nox", "-s", "tests", cwd=base, env=links)
    assert "3 passed" in tests.stdout + tests.stderr


def test_the_console_script_refuses_a_folder_that_is_not_empty(outsider, tmp_path: Path) -> None:
    python, _ = outsider
    (tmp_path / "notes.txt").write_text("à garder", "utf-8")
    result = subprocess.run(
        [str(python.parent / "kb"), "new", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "n’est pas vide" in result.stderr and "rien écraser" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text("utf-8") == "à garder"


def test_a_base_made_with_one_version_builds_unchanged_with_the_next(
    outsider, tmp_path: Path
) -> None:
    """The upgrade a base's maintainers make: the next version's number in
    requirements/moteur.txt, nothing else; the base builds strictly as it is."""
    python, wheels = outsider
    base = tmp_path / "ma-base"
    run(python, "-m", "kb", "new", base)
    import kb

    current = kb.__version__
    major, minor, patch = (int(part) for part in current.split("."))
    following = f"{major}.{minor}.{patch + 1}"
    engine = tmp_path / "engine"
    shutil.copytree(ENGINE, engine, ignore=shutil.ignore_patterns("dist", "__pycache__"))
    version = engine / "src" / "kb" / "_version.py"
    version.write_text(version.read_text("utf-8").replace(current, following), "utf-8")
    run(sys.executable, "-m", "flit_core.wheel", "--outdir", wheels, cwd=engine)
    pins = base / "requirements" / "moteur.txt"
    pins.write_text(pins.read_text("utf-8").replace(f"=={current}", f"=={following}"), "utf-8")
    install(python, "--require-hashes", "-r", base / "requirements" / "ci.txt")
    links = {"PIP_FIND_LINKS": str(wheels), "UV_FIND_LINKS": str(wheels)}
    run(python, "-m", "nox", "-s", "build", cwd=base, env=links)
    assert (base / "_build" / "html" / "articles" / "bienvenue.html").is_file()
    used = run(base / ".nox" / "build" / "bin" / "python", "-c", "import kb; print(kb.__version__)")
    assert used.stdout.strip() == following
