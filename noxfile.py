"""The project's only entry point: `nox -l` lists the sessions.

Each session installs its own environment from the pinned files in `requirements/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
# Precompile bytecode at install time: with PYTHONDONTWRITEBYTECODE set (as on CI machines),
# every build would otherwise recompile ~700 modules (1.5 s measured on a no-change rebuild).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.sessions = ["lint", "check", "build", "tests"]
nox.options.error_on_missing_interpreters = True

SITE = "requirements/site.txt"
TESTS = "requirements/tests.txt"
LINT = "requirements/lint.txt"
# Extensions in _ext/ that ship a gettext catalog (domain = folder name).
EXTENSION_CATALOGS = ("share_footer",)


@nox.session
def build(session: nox.Session) -> None:
    """Strict HTML build into _build/html (warnings are errors, same verdict as a clean build)."""
    session.install("-r", SITE)
    session.run("python", "-m", "tools.sitebuild", "--builder", "html", *session.posargs)


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every link of the articles; the report is _build/linkcheck/output.json."""
    session.install("-r", SITE)
    session.run("python", "-m", "tools.sitebuild", "--builder", "linkcheck", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (pytest), without the browser suite; extra arguments go to pytest."""
    session.install("-r", TESTS)
    session.run("python", "-m", "pytest", "--ignore=tests/browser", *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """The site in Chromium (Debian's `chromium`): journeys, search, privacy, axe, HTML, weight.

    Needs npm for axe-core and the Nu HTML checker, and Java for the latter.
    """
    session.install("-r", TESTS)
    if not Path("tests/browser/node_modules").is_dir():
        session.run("npm", "ci", "--prefix", "tests/browser", "--no-audit", "--no-fund",
                    "--ignore-scripts", external=True)  # fmt: skip
    session.run("python", "-m", "pytest", "tests/browser", *session.posargs)


@nox.session
def screenshots(session: nox.Session) -> None:
    """Screenshots of each page type, desktop and phone, into _build/screenshots/."""
    session.install("-r", TESTS)
    session.run("python", "-m", "tools.sitebuild", "--builder", "html")
    session.run("python", "-m", "tools.screenshots")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000/, rebuilt on every change (drafts included)."""
    session.install("-r", SITE)
    session.env["KB_PREVIEW"] = "1"
    session.run(
        "sphinx-autobuild",
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        "--watch",
        "_ext",
        "--watch",
        "data",
        "--ignore",
        "*/.nox/*",
        "-d",
        "_build/doctrees/serve",
        ".",
        "_build/serve",
        *session.posargs,
    )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark on synthetic corpora (default 100, 1,000, 10,000 articles); see tools/bench.py.

    `nox -s bench -- --sizes 100 1000` to choose the sizes. First-query bytes need Chromium.
    """
    session.install("-r", TESTS)
    session.run("python", "-m", "tools.bench", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Fast front-matter check of every article, without a build (for writers, pre-commit)."""
    session.install("-r", SITE)
    session.run("python", "-m", "kb.check", ".", env={"PYTHONPATH": "_ext"})


@nox.session
def lint(session: nox.Session) -> None:
    """Every fast check: ruff, articles (front matter, Markdown style, French spelling) and the
    GitHub workflows (validity with check-jsonschema, security with zizmor)."""
    session.install("-r", LINT)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", "-m", "kb.check", ".", env={"PYTHONPATH": "_ext"})
    session.run("python", "-m", "tools.spelling", env={"PYTHONPATH": ".:_ext"})
    workflows = sorted(str(path) for path in Path(".github/workflows").glob("*.yml"))
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run("zizmor", "--offline", *workflows)


@nox.session
def new(session: nox.Session) -> None:
    """Create an article: nox -s new -- "Titre de l’article"."""
    if not session.posargs:
        session.error('Indiquez le titre : nox -s new -- "Titre de l’article"')
    session.install("-r", SITE)
    session.run("python", "-m", "tools.new_article", *session.posargs,
                env={"PYTHONPATH": ".:_ext"})  # fmt: skip


@nox.session
def translations(session: nox.Session) -> None:
    """Gettext workflow of our extensions: extract .pot, update each .po, compile .mo.

    `nox -s translations -- check` only verifies that the catalogs are up to date.
    """
    session.install("-r", SITE)
    check = "check" in session.posargs
    for domain in EXTENSION_CATALOGS:
        locales = f"_ext/{domain}/locales"
        pot = f"{session.create_tmp()}/{domain}.pot" if check else f"{locales}/{domain}.pot"
        session.run("pybabel", "extract", "--no-location", "--sort-output", "-k", "_",
                    "--project", domain, "-o", pot, f"_ext/{domain}")  # fmt: skip
        update = ["pybabel", "update", "--ignore-pot-creation-date", "-w", "100"]
        if check:
            session.run(*update, "--check", "-D", domain, "-i", pot, "-d", locales)
            continue
        session.run(*update, "-D", domain, "-i", pot, "-d", locales)
        session.run("pybabel", "compile", "--statistics", "-D", domain, "-d", locales)


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin requirements/*.txt from requirements/*.in (needs uv and the network)."""
    session.install("uv")
    for name in ("site", "tests", "lint", "ci"):
        session.run(
            "uv",
            "pip",
            "compile",
            "--quiet",
            "--python-version",
            "3.11",
            "--generate-hashes",
            f"requirements/{name}.in",
            "-o",
            f"requirements/{name}.txt",
        )
