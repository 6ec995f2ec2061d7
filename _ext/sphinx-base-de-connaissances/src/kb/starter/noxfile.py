"""Les commandes de la base : `nox -l` les liste.

Chaque session installe les versions figées de requirements/ (avec leurs empreintes), puis le
moteur à la version de requirements/moteur.txt.
"""

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["check", "build", "tests"]


def install(session: nox.Session, requirements: str) -> None:
    session.install("-r", requirements)
    session.install("--no-deps", "-r", "requirements/moteur.txt")


@nox.session
def build(session: nox.Session) -> None:
    """Construit le site dans _build/html ; le moindre avertissement le fait échouer."""
    install(session, "requirements/site.txt")
    session.run(
        "python",
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-b",
        "html",
        ".",
        "_build/html",
        *session.posargs,
    )


@nox.session
def check(session: nox.Session) -> None:
    """Vérifie le front matter des articles et les fichiers de données, sans construire."""
    install(session, "requirements/site.txt")
    session.run("python", "-m", "kb", "check", ".")


@nox.session
def tests(session: nox.Session) -> None:
    """Les tests de la base (pytest) ; les arguments après -- vont à pytest."""
    install(session, "requirements/tests.txt")
    session.run("python", "-m", "pytest", "tests", *session.posargs)
