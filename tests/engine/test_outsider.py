"""Another team adopts the engine, as an outsider would, with no find-links folder and nothing
on a path: (1) both packages are uploaded by ``twine`` to a real package index served on
127.0.0.1 (pypiserver); a clean virtual environment installs the engine from it, PyPI as the
extra index; ``base-de-connaissances new`` makes a base whose own ``nox -s build`` and
``nox -s tests`` pass with that index set as a user's pip configuration sets it
(``PIP_INDEX_URL``, ``PIP_EXTRA_INDEX_URL``); the next version is uploaded and the base's
``nox -s upgrade`` moves to it. (2) The engine installed from a local git repository URL with
``#subdirectory=`` makes a base whose ``nox -s build`` passes with nothing else set.

Slow (virtual environments, packages from PyPI): ``nox -s outsider`` runs them, as CI does."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO

ENGINE = REPO / "_ext" / "sphinx-base-de-connaissances"
FOOTER = REPO / "_ext" / "sphinx-share-footer"
PYPI = "https://pypi.org/simple/"
# What a user's shell has: none of our test tricks, no index of ours unless set here.
LEFT_OUT = ("PIP_", "UV_", "VIRTUAL_ENV", "NOX", "PYTHONPATH", "KB_")


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(LEFT_OUT)}
    if "UV_CACHE_DIR" in os.environ:  # the machine's download cache, not an index
        clean["UV_CACHE_DIR"] = os.environ["UV_CACHE_DIR"]
    # The editing space's CMS from the machine's cache only (tests/conftest.py): no registry.
    clean["KB_NPM_REGISTRY"] = os.environ["KB_NPM_REGISTRY"]
    return {**clean, **extra}


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env if env is not None else environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


def venv(folder: Path) -> Path:
    """A clean virtual environment with pip; its python."""
    run(sys.executable, "-m", "venv", folder)
    return folder / "bin" / "python"


def wheel(source: Path, out: Path) -> Path:
    """The package at ``source`` built as an outsider's index would serve it."""
    before = set(out.glob("*.whl"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, source)
    (made,) = set(out.glob("*.whl")) - before
    return made


def next_engine(folder: Path) -> tuple[Path, str]:
    """A copy of the engine one patch version up, whose starter's noxfile ends differently."""
    from sphinx_base_de_connaissances import _version

    major, minor, patch = (int(part) for part in _version.__version__.split("."))
    following = f"{major}.{minor}.{patch + 1}"
    shutil.copytree(ENGINE, folder, ignore=shutil.ignore_patterns("dist", "__pycache__"))
    package = folder / "src" / "sphinx_base_de_connaissances"
    version = package / "_version.py"
    version.write_text(
        version.read_text("utf-8").replace(f'"{_version.__version__}"', f'"{following}"'), "utf-8"
    )
    starter_nox = package / "starter" / "noxfile.py"
    starter_nox.write_text(starter_nox.read_text("utf-8") + "\n# Version suivante.\n", "utf-8")
    return folder, following


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the URL of a package index on 127.0.0.1 that accepts uploads, a work folder)."""
    work = tmp_path_factory.mktemp("index")
    (work / "packages").mkdir()
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)),
            *("-a", ".", "-P", ".", str(work / "packages")),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/simple/", timeout=2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "pypiserver did not start"
            time.sleep(0.3)
    try:
        yield url, work
    finally:
        server.terminate()
        server.wait(timeout=10)


def upload(index_url: str, *files: Path) -> None:
    run(
        sys.executable,
        "-m",
        "twine",
        "upload",
        "--non-interactive",
        "--repository-url",
        index_url + "/",
        "-u",
        "equipe",
        "-p",
        "sans-mot-de-passe",
        *files,
    )


def pip_install(python: Path, *arguments: str | Path) -> None:
    run(python, "-m", "pip", "install", "--quiet", *arguments)


def install_nox(python: Path, base: Path) -> None:
    """What a base's .ci/run installs first: nox and uv, at the base's pinned versions."""
    pip_install(python, "--require-hashes", "-r", base / "requirements/ci.txt")


def nox(python: Path, base: Path, *arguments: str, env: dict[str, str]):
    return run(python, "-m", "nox", *arguments, cwd=base, env=env)


def test_from_a_package_index_a_new_base_builds_tests_and_upgrades(index) -> None:
    url, work = index
    built = work / "wheels"
    built.mkdir()
    upload(url, wheel(ENGINE, built), wheel(FOOTER, built))
    python = venv(work / "venv")
    simple = f"{url}/simple/"
    pip_install(
        python, "--index-url", simple, "--extra-index-url", PYPI, "sphinx-base-de-connaissances"
    )
    base = work / "ma-base"
    created = run(python.parent / "base-de-connaissances", "new", base, "--titre", "Ma base")
    assert "nox -s build" in created.stdout
    moteur = (base / "requirements/moteur.txt").read_text("utf-8")
    assert "sphinx-base-de-connaissances==" in moteur and "sphinx-share-footer==" in moteur
    run("git", "init", "-q", cwd=base)
    install_nox(python, base)
    user = environment(PIP_INDEX_URL=simple, PIP_EXTRA_INDEX_URL=PYPI)
    nox(python, base, "-s", "build", env=user)
    html = base / "_build" / "html"
    assert "Ma base" in (html / "index.html").read_text("utf-8")
    assert "share-footer" in (html / "articles" / "bienvenue.html").read_text("utf-8")
    tests = nox(python, base, "-s", "tests", env=user)
    assert " passed" in tests.stdout + tests.stderr and " failed" not in tests.stdout
    # The next version is published; the base moves to it in one command.
    engine, following = next_engine(work / "engine-suivant")
    upload(url, wheel(engine, built))
    nox(python, base, "-s", "upgrade", env=user)
    assert f"sphinx-base-de-connaissances=={following}" in (
        base / "requirements/moteur.txt"
    ).read_text("utf-8")
    assert (base / "noxfile.py").read_text("utf-8").endswith("# Version suivante.\n")
    nox(python, base, "-s", "build", env=user)
    used = run(
        base / ".nox" / "build" / "bin" / "python",
        "-c",
        "import sphinx_base_de_connaissances as e; print(e.__version__)",
    )
    assert used.stdout.strip() == following


def test_from_a_git_url_a_new_base_builds_with_nothing_else_set(tmp_path: Path) -> None:
    repository = tmp_path / "depot"
    for package in (ENGINE, FOOTER):
        shutil.copytree(
            package,
            repository / "_ext" / package.name,
            ignore=shutil.ignore_patterns("dist", "__pycache__", ".nox", "*.egg-info"),
        )
    run("git", "init", "-q", "-b", "main", cwd=repository)
    run("git", "add", ".", cwd=repository)
    identity = ["-c", "user.name=Équipe", "-c", "user.email=equipe@example.org"]
    run("git", *identity, "commit", "-q", "-m", "Le moteur", cwd=repository)
    commit = run("git", "rev-parse", "HEAD", cwd=repository).stdout.strip()
    python = venv(tmp_path / "venv")
    # (The form the engine's README gives; pip 23 refuses "name @ git+file:///…", a URL
    # without a host, which a repository on GitHub always has.)
    source = f"git+{repository.as_uri()}@main#subdirectory=_ext/sphinx-base-de-connaissances"
    pip_install(python, source)
    base = tmp_path / "ma-base"
    run(python, "-m", "sphinx_base_de_connaissances", "new", base)
    moteur = (base / "requirements/moteur.txt").read_text("utf-8")
    assert (
        f"{repository.as_uri()}@{commit}#subdirectory=_ext/sphinx-base-de-connaissances" in moteur
    )
    assert f"@{commit}#subdirectory=_ext/sphinx-share-footer" in moteur
    install_nox(python, base)
    run("git", "init", "-q", cwd=base)
    nox(python, base, "-s", "build", env=environment())
    assert (base / "_build" / "html" / "articles" / "bienvenue.html").is_file()
    # Sphinx's working files (the drafts' doctrees among them) stay outside what is published.
    assert (base / "_build" / "doctrees").is_dir()
    assert not (base / "_build" / "html" / ".doctrees").exists()
    # Installed without its "offline" extra: the offline edition says what to install.
    offline = subprocess.run(
        [str(python), "-m", "sphinx_base_de_connaissances", "offline", str(base)],
        capture_output=True,
        text=True,
        env=environment(),
    )
    assert offline.returncode == 1 and "Traceback" not in offline.stderr
    assert 'pip install "sphinx-base-de-connaissances[offline]"' in offline.stderr

    # The deploy refuses what `new` put in for the options it was not given, naming each.
    deploy = subprocess.run(
        [str(python), "-m", "nox", "-s", "build"],
        cwd=base,
        env=environment(KB_PUBLICATION="1"),
        capture_output=True,
        text=True,
    )
    assert deploy.returncode != 0
    said = deploy.stdout + deploy.stderr
    refused = [line for line in said.splitlines() if "publication refusée" in line]
    assert any("http://127.0.0.1:8000/" in line for line in refused), said[-3000:]
    assert any("github.com/exemple/ma-base" in line and "dépôt" in line for line in refused)
    assert any("data/editeur.yml" in line for line in refused)
    assert any("data/accessibilite.yml" in line for line in refused)
    filled = (
        (base / "conf.py")
        .read_text("utf-8")
        .replace("http://127.0.0.1:8000/", "https://equipe.fr/base/")
        .replace("https://github.com/exemple/ma-base", "https://forge.equipe.fr/equipe/base")
    )
    (base / "conf.py").write_text(filled, "utf-8")
    for name in ("editeur.yml", "accessibilite.yml"):
        data = base / "data" / name
        data.write_text(
            data.read_text("utf-8").replace(
                "https://github.com/exemple/ma-base", "https://forge.equipe.fr/equipe/base"
            ),
            "utf-8",
        )
    nox(python, base, "-s", "build", env=environment(KB_PUBLICATION="1"))

    # The sample replaced by two articles of the team's own: the base's tests are still its.
    (base / "articles/bienvenue.md").unlink()
    paths = base / "data/parcours.yml"
    paths.write_text(paths.read_text("utf-8").replace("- bienvenue", "- premier"), "utf-8")
    for name in ("premier", "second"):
        (base / f"articles/{name}.md").write_text(
            f'---\ntitle: "Notre {name} article"\ndescription: "Un article de l’équipe, le '
            f'{name}, qui remplace l’exemple."\ndate: 2026-01-15\nauthors: [equipe]\n'
            f"category: guide\ntags: [essai]\n---\n\nLe texte, et [l’autre](second.md).\n",
            "utf-8",
        )
    tests = nox(python, base, "-s", "tests", env=environment())
    assert " passed" in tests.stdout + tests.stderr and " failed" not in tests.stdout

    # The engine moves on in its repository: `nox -s upgrade`, with no argument, follows it.
    version = repository / "_ext/sphinx-base-de-connaissances/src/sphinx_base_de_connaissances"
    from sphinx_base_de_connaissances import _version

    major, minor, patch = (int(part) for part in _version.__version__.split("."))
    following = f"{major}.{minor}.{patch + 1}"
    (version / "_version.py").write_text(
        (version / "_version.py")
        .read_text("utf-8")
        .replace(f'"{_version.__version__}"', f'"{following}"'),
        "utf-8",
    )
    run("git", *identity, "commit", "-q", "-am", "Version suivante", cwd=repository)
    newer = run("git", "rev-parse", "HEAD", cwd=repository).stdout.strip()
    upgraded = nox(python, base, "-s", "upgrade", env=environment())
    assert f"@{newer}#subdirectory=_ext/sphinx-base-de-connaissances" in (
        base / "requirements/moteur.txt"
    ).read_text("utf-8")
    assert f"{_version.__version__} → {following}" in upgraded.stdout + upgraded.stderr
    assert "CHANGELOG.md" in upgraded.stdout + upgraded.stderr
    # The older engine (still in the first environment) refuses to take the base back.
    back = subprocess.run(
        [str(python), "-m", "sphinx_base_de_connaissances", "upgrade", str(base)],
        capture_output=True,
        text=True,
        env=environment(),
    )
    assert back.returncode == 1 and "plus ancien que celui de la base" in back.stderr
    assert f"@{newer}#" in (base / "requirements/moteur.txt").read_text("utf-8")


def test_from_wheel_files_a_new_base_carries_them_and_builds(tmp_path: Path) -> None:
    """A release's assets downloaded and installed as files: the base keeps the wheels and
    installs them, with nothing else set (no index has this version)."""
    built = tmp_path / "roues"
    built.mkdir()
    files = [wheel(ENGINE, built), wheel(FOOTER, built)]
    python = venv(tmp_path / "venv")
    pip_install(python, *files)
    base = tmp_path / "ma-base"
    run(python, "-m", "sphinx_base_de_connaissances", "new", base)
    moteur = (base / "requirements/moteur.txt").read_text("utf-8")
    for made in files:
        assert f"./requirements/paquets/{made.name}" in moteur
        assert (base / "requirements/paquets" / made.name).read_bytes() == made.read_bytes()
    install_nox(python, base)
    nox(python, base, "-s", "build", env=environment())
    assert (base / "_build" / "html" / "articles" / "bienvenue.html").is_file()


def test_the_console_script_refuses_a_folder_that_is_not_empty(index, tmp_path: Path) -> None:
    _, work = index
    python = work / "venv" / "bin" / "python"
    if not python.exists():
        pytest.skip("needs the package index test's environment")
    (tmp_path / "notes.txt").write_text("à garder", "utf-8")
    result = subprocess.run(
        [str(python.parent / "base-de-connaissances"), "new", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment(),
    )
    assert result.returncode == 1
    assert "n’est pas vide" in result.stderr and "rien écraser" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
