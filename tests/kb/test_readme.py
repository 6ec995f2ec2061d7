"""What the engine's README tells an outsider works as written: the « existing Sphinx project »
recipe (its conf.py lines, data files and article, taken from the README itself) builds
strictly in a project of its own; the install command names a folder of this repository that
is the engine; a missing data file says what to create."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

README = REPO / "_ext" / "sphinx-base-de-connaissances" / "README.md"
BLOCK = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.M | re.S)


def recipe() -> dict[str, str]:
    return {m["path"]: m["text"] for m in BLOCK.finditer(README.read_text("utf-8"))}


def existing_project(folder: Path) -> Path:
    """A Sphinx project that had nothing of ours, with the README's recipe added."""
    folder.mkdir()
    (folder / "conf.py").write_text('project = "Documentation existante"\nextensions = []\n')
    title = "Documentation existante"
    (folder / "index.rst").write_text(f"{title}\n{'=' * len(title)}\n\nTexte.\n")
    for path, text in recipe().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = "a" if path == "conf.py" else "w"
        with target.open(mode, encoding="utf-8") as handle:
            handle.write(text)
    return folder


def sphinx(folder: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    return subprocess.run(
        [*command, str(folder), str(folder / "_build")], capture_output=True, text=True
    )


def test_the_existing_project_recipe_builds_strictly_as_written(tmp_path: Path) -> None:
    assert set(recipe()) == {
        "conf.py",
        "data/categories.yml",
        "data/authors.yml",
        "data/editeur.yml",
        "articles/premier-article.md",
        "_templates/kb/article-header.html",
    }
    project = existing_project(tmp_path / "projet")
    result = sphinx(project)
    assert result.returncode == 0, result.stderr
    page = (project / "_build/articles/premier-article.html").read_text("utf-8")
    assert "Premier article" in page and 'lang="fr"' in page
    # The header's one block the README extends, after what the engine's showed.
    assert "Relu par l’équipe éditoriale." in page and "Par" in page
    assert page.index("L’équipe</a>") < page.index("Relu par l’équipe éditoriale.")


def test_without_its_data_files_the_build_says_what_to_create(tmp_path: Path) -> None:
    project = existing_project(tmp_path / "projet")
    (project / "data/categories.yml").unlink()
    result = sphinx(project)
    assert result.returncode != 0
    assert "data/categories.yml:1: WARNING: fichier introuvable : créez-le" in result.stderr


def test_the_install_command_names_this_repository_s_engine() -> None:
    text = README.read_text("utf-8")
    (command,) = re.findall(r'python -m pip install "(git\+https://[^"]+)"', text)
    url, _, folder = command.partition("#subdirectory=")
    assert url.startswith("git+https://github.com/strategie-numerique/base-de-connaissances@")
    pyproject = (REPO / folder / "pyproject.toml").read_text("utf-8")
    assert 'name = "sphinx-base-de-connaissances"' in pyproject
    assert "strategie-numerique/base-de-connaissances" in pyproject  # its own project URLs
