"""sphinx-share-footer's own sessions: `nox -l` in this folder lists them.

- tests: the test suite against the installed package (not the source folder);
- translations: extract, update and compile the gettext catalogs (`-- check` only verifies);
- package: build the sdist and wheel into dist/, check them with twine and by their contents;
- compat: build a small project with the wheel under five themes x html/dirhtml, strictly, for
  the oldest supported Sphinx on the oldest Python and the newest Sphinx on the newest Python.

Dependencies are pinned with hashes in requirements/ (compiled by `nox -s lock` at the root of
the repository this folder lives in).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import nox

HERE = Path(__file__).resolve().parent  # nox runs every session from this folder
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests"]

PACKAGE = "sphinx_share_footer"
CATALOG = "sphinx_share_footer"
LOCALES = f"src/{PACKAGE}/locales"
# Python → pinned requirements of the compatibility matrix: the oldest supported Python with
# the oldest supported Sphinx (7.4), and the newest Python with the newest Sphinx.
COMPAT = {
    "3.9": "requirements/compat-lowest.txt",
    "3.13": "requirements/compat-newest.txt",
}
# Files the wheel must carry besides the Python modules.
PACKAGE_DATA = (
    "templates/share-footer.html",
    "templates/share-footer/footer.html",
    "static/share-footer.css",
    "static/share-footer.js",
    "locales/fr/LC_MESSAGES/sphinx_share_footer.mo",
    "locales/en/LC_MESSAGES/sphinx_share_footer.mo",
)


def install_self(session: nox.Session) -> None:
    """Install this folder as an outside user would (a built wheel, not an editable copy)."""
    session.install("--no-deps", "--no-build-isolation", ".")


@nox.session(python="3.11")
def tests(session: nox.Session) -> None:
    """The test suite; extra arguments go to pytest."""
    session.install("-r", "requirements/tests.txt")
    install_self(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python="3.11")
def translations(session: nox.Session) -> None:
    """Extract the .pot, update each .po, compile each .mo (`-- check`: verify only)."""
    session.install("-r", "requirements/tests.txt")
    check = "check" in session.posargs
    pot = f"{session.create_tmp()}/{CATALOG}.pot" if check else f"{LOCALES}/{CATALOG}.pot"
    session.run(
        "pybabel",
        "extract",
        "--no-location",
        "--sort-output",
        "-k",
        "_",
        "--project",
        CATALOG,
        "-o",
        pot,
        f"src/{PACKAGE}",
    )
    update = ["pybabel", "update", "--ignore-pot-creation-date", "-w", "100"]
    if check:
        session.run(*update, "--check", "-D", CATALOG, "-i", pot, "-d", LOCALES)
        return
    session.run(*update, "-D", CATALOG, "-i", pot, "-d", LOCALES)
    session.run("pybabel", "compile", "--statistics", "-D", CATALOG, "-d", LOCALES)


@nox.session(python="3.11")
def package(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check them (metadata, README, contents)."""
    session.install("-r", "requirements/package.txt")
    dist = HERE / "dist"
    for old in dist.glob("*"):
        old.unlink()
    session.run("python", "-m", "build", "--no-isolation", "--outdir", str(dist), ".")
    session.run("python", "-m", "twine", "check", "--strict", *map(str, sorted(dist.glob("*"))))
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in PACKAGE_DATA if f"{PACKAGE}/{name}" not in names]
    if missing:
        session.error(f"the wheel lacks {', '.join(missing)}")
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in names):
        session.error("the wheel carries no LICENSE")
    session.log(f"{wheel.name}: {len(names)} files, {wheel.stat().st_size:,} bytes")


@nox.session(python=list(COMPAT))
def compat(session: nox.Session) -> None:
    """Strict builds of compat/project with the built wheel: 5 themes x html/dirhtml."""
    session.install("-r", COMPAT[str(session.python)])
    wheels = session.create_tmp() + "/wheel"
    session.run("python", "-m", "flit_core.wheel", "--outdir", wheels)
    (wheel,) = Path(wheels).glob("*.whl")
    # Like an outside user: pip resolves the wheel's declared requirements (already pinned).
    session.install(str(wheel))
    # Chromium keeps a Unix socket in its profile, under TMPDIR, and a socket path is limited
    # to 108 bytes: nox's own TMPDIR (under .nox/, under the checkout) is too deep for many
    # checkout paths. A short folder under the system's temporary folder works from any path.
    short = tempfile.mkdtemp(prefix="sf-compat-", dir="/tmp" if Path("/tmp").is_dir() else None)
    try:
        session.run(
            "python",
            "-m",
            "pytest",
            "compat",
            "-p",
            "no:cacheprovider",
            *session.posargs,
            env={"TMPDIR": short},
        )
    finally:
        shutil.rmtree(short, ignore_errors=True)
