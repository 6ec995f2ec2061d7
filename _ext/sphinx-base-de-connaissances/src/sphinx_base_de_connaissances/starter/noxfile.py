"""Les commandes de la base : `nox -l` les liste.

Chaque session installe les versions figées de requirements/ (avec leurs empreintes), puis le
moteur et son pied de page de partage tels que requirements/moteur.txt les nomme.
"""

import hashlib
import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
# Les environnements sont gardés d’une fois à l’autre ; install() les refait quand les versions
# figées ou le moteur changent.
nox.options.reuse_venv = "yes"
nox.options.sessions = ["check", "build", "tests"]
ENGINE = "sphinx_base_de_connaissances"
WHEELS = "requirements/paquets/*.whl"  # un moteur installé depuis des fichiers .whl
# uv ne lit pas la configuration de pip : les index de paquets qu’elle donne lui sont transmis.
for _pip, _uv in (("PIP_INDEX_URL", "UV_DEFAULT_INDEX"), ("PIP_EXTRA_INDEX_URL", "UV_INDEX")):
    if os.environ.get(_pip) and not os.environ.get(_uv):
        os.environ[_uv] = os.environ[_pip]


def install(session: nox.Session, requirements: str) -> None:
    """Les versions figées, puis le moteur ; rien quand l’environnement a déjà exactement
    ces fichiers-là (une session relancée démarre en une seconde, sans revérifier un dépôt git)."""
    wanted = hashlib.sha256()
    for name in (requirements, "requirements/moteur.txt", *sorted(Path().glob(WHEELS))):
        wanted.update(Path(name).read_bytes())
    stamp = Path(session.virtualenv.location or ".") / ".base-installee"
    if stamp.is_file() and stamp.read_text("utf-8") == wanted.hexdigest():
        return
    session.install("-r", requirements)
    session.install("--no-deps", "-r", "requirements/moteur.txt")
    if session.virtualenv.location:
        stamp.write_text(wanted.hexdigest(), "utf-8")


def sphinx(session: nox.Session, out: str, *extra: str) -> None:
    """Construction stricte : le moindre avertissement la fait échouer. Les fichiers de travail
    de Sphinx (doctrees : brouillons compris) restent hors du dossier publié."""
    doctrees = str(Path(out).parent / "doctrees")
    strict = ["-W", "--keep-going", "-b", "html", "-d", doctrees]
    session.run("python", "-m", "sphinx", *strict, ".", out, *extra)


@nox.session
def build(session: nox.Session) -> None:
    """Construit le site dans _build/html ; le moindre avertissement le fait échouer."""
    install(session, "requirements/site.txt")
    sphinx(session, "_build/html", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Vérifie le front matter des articles et les fichiers de données, sans construire."""
    install(session, "requirements/site.txt")
    session.run("python", "-m", ENGINE, "check", ".")


@nox.session
def lint(session: nox.Session) -> None:
    """Les vérifications rapides du code de la base (conf.py, noxfile.py, tests) : ruff. Les
    articles et les données : nox -s check."""
    session.install("-r", "requirements/lint.txt")
    files = ["conf.py", "noxfile.py", "tests"]
    session.run("ruff", "check", "--select", "E,F,W,I", "--line-length", "100", *files)
    session.run("ruff", "format", "--check", "--line-length", "100", *files)


@nox.session(name="import")
def import_(session: nox.Session) -> None:
    """Importe un contenu existant : nox -s import -- gitbook|markdown|wordpress SOURCE."""
    install(session, "requirements/site.txt")
    session.run("python", "-m", ENGINE, "import", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Les tests de la base (pytest) ; les arguments après -- vont à pytest."""
    install(session, "requirements/tests.txt")
    session.run("python", "-m", "pytest", "tests", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Aperçu en direct sur http://127.0.0.1:8000/, reconstruit à chaque modification
    (brouillons et articles à paraître compris)."""
    install(session, "requirements/site.txt")
    session.env["KB_PREVIEW"] = "1"
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        "--watch",
        "data",
        "--ignore",
        "*/.nox/*",
        "-d",
        "_build/serve/doctrees",
        ".",
        "_build/serve/html",
        *session.posargs,
    )


@nox.session
def offline(session: nox.Session) -> None:
    """L’édition hors ligne dans _build/offline/ : la base et chaque parcours en PDF et EPUB."""
    install(session, "requirements/site.txt")
    sphinx(session, "_build/html")
    session.run(
        "python", "-m", ENGINE, "offline", ".", "--html", "_build/html", "--out", "_build/offline"
    )


@nox.session
def lock(session: nox.Session) -> None:
    """Fige à nouveau les versions de requirements/*.txt d’après les *.in (réseau nécessaire)."""
    session.install("uv")
    for name in ("site", "tests", "ci", "lint"):
        session.run(
            "uv",
            "pip",
            "compile",
            "--quiet",
            "--generate-hashes",
            "--python-version",
            "3.11",
            "--custom-compile-command",
            "nox -s lock",
            f"requirements/{name}.in",
            "-o",
            f"requirements/{name}.txt",
        )


def latest() -> list[str]:
    """Where the newest engine is: the git repository requirements/moteur.txt names (its
    default branch, not the recorded commit), else the package index."""
    found = []
    for line in Path("requirements/moteur.txt").read_text("utf-8").splitlines():
        name, at, source = line.partition(" @ ")
        if at and source.startswith("git+"):
            address, _, subdirectory = source.partition("#")
            found.append(f"{name.strip()} @ {address.rpartition('@')[0]}#{subdirectory}")
    return found or ["sphinx-base-de-connaissances", "sphinx-share-footer"]


@nox.session
def upgrade(session: nox.Session) -> None:
    """Passe à la dernière version du moteur, depuis là où il a été installé (son dépôt git
    ou l’index des paquets), ou à celle donnée après --, par exemple
    `nox -s upgrade -- "sphinx-base-de-connaissances==0.2.0"` : ses versions figées et les
    fichiers qu’il fournit, en gardant vos modifications ; articles et données ne changent pas.
    Un moteur plus ancien que celui de la base est refusé."""
    session.install("--upgrade", *(session.posargs or latest()))
    session.run("python", "-m", ENGINE, "upgrade", ".")
