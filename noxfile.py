"""The project's only entry point: `nox -l` lists the sessions.

Each session installs its own environment from the pinned files in `requirements/`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))  # tools/ (the serve command, shared with bench)

nox.options.default_venv_backend = "uv|virtualenv"
# Precompile bytecode at install time: with PYTHONDONTWRITEBYTECODE set (as on CI machines),
# every build would otherwise recompile ~700 modules (1.5 s measured on a no-change rebuild).
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
nox.options.sessions = ["lint", "check", "build", "tests"]
nox.options.error_on_missing_interpreters = True

SITE = "requirements/site.txt"
TESTS = "requirements/tests.txt"
LINT = "requirements/lint.txt"
# Our own packages (sphinx-share-footer), installed from their folders as wheels.
LOCAL = "requirements/local.txt"
# The share footer is a distribution of its own, with its own noxfile and pinned requirements.
SHARE_FOOTER = "_ext/sphinx-share-footer"
# The knowledge-base engine (kb, kb.css_bundle), a distribution of its own too.
ENGINE = "_ext/sphinx-base-de-connaissances"
# Files the engine's wheel must carry besides its modules.
ENGINE_DATA = tuple(
    f"sphinx_base_de_connaissances/{path}"
    for path in (
        "templates/kb-nav.html",
        "templates/kb/article-header.html",
        "static/kb.css",
        "static/kb-search.js",
        "fonts/Inter-Medium.otf",
        "fonts/Inter-MediumItalic.otf",
        "fonts/OFL.txt",
        "offline/templates/book.typ",
        "starter/conf.py",
        "starter/dot-github/workflows/site.yml",
    )
)


def install(session: nox.Session, requirements: str) -> None:
    """Pinned dependencies (hash-checked), then our own packages built from this repository."""
    session.install("-r", requirements)
    session.install("--no-deps", "--no-build-isolation", "-r", LOCAL)


def cms_cache(session: nox.Session) -> None:
    """Decap CMS (the editing space, kb_cms), downloaded as pinned into the user's cache now,
    with the other packages: the test suites build the site with no network (tests/conftest.py
    points the engine at no registry)."""
    fetch = "from sphinx_base_de_connaissances.outputs.cms import files; files()"
    session.run("python", "-c", fetch, env={"KB_NPM_REGISTRY": ""})


@contextlib.contextmanager
def short_tmp() -> Iterator[dict[str, str]]:
    """TMPDIR for a session that starts Chromium: its profile holds a Unix socket, whose path is
    limited to 108 bytes, so the folder must be short whatever the checkout's path."""
    short = "/tmp"  # noqa: S108 (mkdtemp makes a private folder with a random name in it)
    folder = tempfile.mkdtemp(prefix="kb-", dir=short if Path(short).is_dir() else None)
    try:
        yield {"TMPDIR": folder}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def delegate(session: nox.Session, name: str) -> None:
    """Run the session ``name`` of the share footer's own noxfile (arguments passed on)."""
    args = ["-f", f"{SHARE_FOOTER}/noxfile.py", "-s", name]
    session.run(sys.executable, "-m", "nox", *args, "--", *session.posargs, external=True)


@nox.session
def build(session: nox.Session) -> None:
    """Strict HTML build into _build/html (warnings are errors, same verdict as a clean build)."""
    install(session, SITE)
    session.run("python", "-m", "tools.sitebuild", "--builder", "html", *session.posargs)


@nox.session
def offline(session: nox.Session) -> None:
    """The offline edition in _build/offline/: base.pdf and base.epub, and a PDF and an EPUB
    for each reading path (data/parcours.yml), from a strict HTML build made first."""
    install(session, SITE)
    session.run("python", "-m", "tools.sitebuild", "--builder", "html")
    session.run(
        "python",
        "-m",
        "sphinx_base_de_connaissances",
        "offline",
        ".",
        "--html",
        "_build/html",
        "--out",
        "_build/offline",
    )


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every link of the articles; the report is _build/linkcheck/output.json."""
    install(session, SITE)
    session.run("python", "-m", "tools.sitebuild", "--builder", "linkcheck", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (pytest, on every core), without the browser suite, the outsider's and
    the slow tests (their own sessions), then the engine's and the share footer's own suites
    against the installed packages; extra arguments go to the site's pytest."""
    install(session, TESTS)
    cms_cache(session)
    ignored = ["--ignore=tests/browser", "--ignore=tests/engine", "-m", "not slow"]
    # On every core, each test module on one worker (its module-scoped builds made once).
    parallel = ["-n", "auto", "--dist", "loadscope"]
    session.run("python", "-m", "pytest", *parallel, *ignored, *session.posargs)
    for package in (ENGINE, SHARE_FOOTER):
        with session.chdir(package):
            session.run("python", "-m", "pytest")


@nox.session
def slow(session: nox.Session) -> None:
    """The tests of a minute or more each (marked slow): a 150-article corpus changed ten ways
    and compared with clean builds, the benchmark at a tiny size. CI runs them."""
    install(session, TESTS)
    cms_cache(session)
    session.run("python", "-m", "pytest", "-m", "slow", "--ignore=tests/browser", "tests")


@nox.session
def outsider(session: nox.Session) -> None:
    """The engine as another team meets it (slow: virtual environments, packages from PyPI):
    from a package index served on 127.0.0.1 and from a git URL, a new base that builds,
    passes its tests and upgrades (tests/engine)."""
    install(session, TESTS)
    cms_cache(session)
    session.run("python", "-m", "pytest", "tests/engine", *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """The site in Chromium (Debian's `chromium`): journeys, search, privacy, axe, HTML, weight.

    Needs npm for axe-core and the Nu HTML checker, and Java for the latter.
    """
    install(session, TESTS)
    cms_cache(session)
    modules = Path("tests/browser/node_modules")
    if not all((modules / name).is_dir() for name in ("axe-core", "vnu-jar", "decap-server")):
        session.run(
            "npm",
            "ci",
            "--prefix",
            "tests/browser",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            external=True,
        )
    with short_tmp() as env:
        session.run("python", "-m", "pytest", "tests/browser", *session.posargs, env=env)


@nox.session
def screenshots(session: nox.Session) -> None:
    """Screenshots of each page type, desktop and phone, into _build/screenshots/."""
    install(session, TESTS)
    cms_cache(session)
    session.run("python", "-m", "tools.sitebuild", "--builder", "html")
    with short_tmp() as env:
        session.run("python", "-m", "tools.screenshots", env=env)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000/, rebuilt on every change (drafts included)."""
    from tools.serve import PREVIEW_ENV, autobuild_args

    install(session, SITE)
    session.env.update(PREVIEW_ENV)
    out = Path("_build/serve")
    session.run("sphinx-autobuild", *autobuild_args(Path(), out, extra=session.posargs))


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark on synthetic corpora (default 100, 1,000, 10,000 articles); see tools/bench.py.

    `nox -s bench -- --sizes 100 1000` to choose the sizes. First-query bytes need Chromium.
    `nox -s bench -- --imports DIR`: each fetched site in DIR (WXR files, GitBook spaces,
    Markdown folders) imported into a new base and built strictly, with the import's measure
    (add --telecharger-medias to fetch their remote images, with the network); a file
    `<site>.options` beside a site holds the import options it needs.
    """
    install(session, TESTS)
    cms_cache(session)
    with short_tmp() as env:
        session.run("python", "-m", "tools.bench", *session.posargs, env=env)


@nox.session
def check(session: nox.Session) -> None:
    """Fast front-matter check of every article, without a build (for writers, pre-commit)."""
    install(session, SITE)
    session.run("python", "-m", "sphinx_base_de_connaissances", "check", ".")


@nox.session
def review(session: nox.Session) -> None:
    """Articles due for review (last review older than conf.py's ``kb_review_after_months``),
    oldest first, with authors, as a Markdown table (the monthly workflow writes it to its job
    summary)."""
    install(session, SITE)
    session.run("python", "-m", "sphinx_base_de_connaissances", "review", ".")


@nox.session
def lint(session: nox.Session) -> None:
    """Every fast check: ruff, articles (front matter, Markdown style, French spelling) and the
    GitHub workflows, ours and the starter's (validity with check-jsonschema, security with
    zizmor)."""
    install(session, LINT)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", "-m", "sphinx_base_de_connaissances", "check", ".")
    # Orphans and dead ends: listed for writers, never a failure.
    session.run("python", "-m", "sphinx_base_de_connaissances", "links", ".")
    session.run("python", "-m", "tools.spelling", env={"PYTHONPATH": "."})
    # Ours, and those `kb new` writes into a new base.
    starter = Path(ENGINE) / "src/sphinx_base_de_connaissances/starter/dot-github/workflows"
    workflows = sorted(
        str(p) for d in (Path(".github/workflows"), starter) for p in d.glob("*.yml")
    )
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run("zizmor", "--offline", *workflows)


@nox.session
def article(session: nox.Session) -> None:
    """Create an article: nox -s article -- "Titre de l’article" (a base is made by
    `base-de-connaissances new`)."""
    if not session.posargs:
        session.error('Indiquez le titre : nox -s article -- "Titre de l’article"')
    install(session, SITE)
    session.run("python", "-m", "tools.new_article", *session.posargs, env={"PYTHONPATH": "."})


@nox.session(name="new")
def new_article(session: nox.Session) -> None:
    """The article session's old name, kept for writers who learnt it: says the new one."""
    session.warn("« nox -s new » s’appelle désormais « nox -s article » : elle continue ici.")
    article(session)


@nox.session(venv_backend="none")
def translations(session: nox.Session) -> None:
    """The share footer's gettext catalogs: extract, update, compile (`-- check`: verify)."""
    delegate(session, "translations")


@nox.session(venv_backend="none")
def package(session: nox.Session) -> None:
    """Build both packages' sdists and wheels (into their dist/) and check them: the engine
    here, sphinx-share-footer by its own noxfile."""
    session.notify("package_engine")
    delegate(session, "package")


@nox.session
def package_engine(session: nox.Session) -> None:
    """The engine's sdist and wheel in _ext/sphinx-base-de-connaissances/dist/, checked with
    twine and by their contents (templates, static files, fonts, the console script)."""
    session.install("-r", f"{ENGINE}/requirements/package.txt")
    dist = Path(ENGINE) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--no-isolation", "--outdir", str(dist), ENGINE)
    session.run("python", "-m", "twine", "check", "--strict", *map(str, sorted(dist.glob("*"))))
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in ENGINE_DATA if name not in names]
    if missing:
        session.error(f"the wheel lacks {', '.join(missing)}")
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode().replace(" ", "")
    if "base-de-connaissances=sphinx_base_de_connaissances.__main__:main" not in scripts:
        session.error("the wheel has no `base-de-connaissances` console script")
    session.log(f"{wheel.name}: {len(names)} files, {wheel.stat().st_size:,} bytes")


@nox.session(venv_backend="none")
def compat(session: nox.Session) -> None:
    """sphinx-share-footer's wheel under 5 themes x html/dirhtml x oldest and newest Sphinx."""
    delegate(session, "compat")


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin every requirements/*.txt from its *.in (needs uv and the network)."""
    session.install("uv")
    compile_ = ["uv", "pip", "compile", "--quiet", "--generate-hashes", "--python-version", "3.11"]
    for name in ("site", "tests", "lint", "ci"):
        session.run(*compile_, f"requirements/{name}.in", "-o", f"requirements/{name}.txt")
    # What `new` pins in a new base: the same versions as this repository's, with a header
    # naming the base's own command, not this repository's paths.
    ours = Path.cwd() / "requirements"
    starter = f"{ENGINE}/src/sphinx_base_de_connaissances/starter/requirements"
    for name in ("site", "tests", "ci"):
        with session.chdir(starter):
            session.run(
                *compile_,
                "--custom-compile-command",
                "nox -s lock",
                "--no-annotate",  # the constraint's path is this repository's
                "-c",
                str(ours / f"{name}.txt"),
                f"{name}.in",
                "-o",
                f"{name}.txt",
            )
    # The engine's own suite: its versions are this repository's.
    with session.chdir(f"{ENGINE}/requirements"):
        session.run(
            *compile_,
            "--custom-compile-command",
            "nox -s lock",
            "--no-annotate",
            "-c",
            str(ours / "tests.txt"),
            "tests.in",
            "-o",
            "tests.txt",
        )
    session.chdir(f"{SHARE_FOOTER}/requirements")
    for name, python in (
        ("tests", "3.11"),
        ("package", "3.11"),
        ("compat-lowest", "3.9"),
        ("compat-newest", "3.13"),
    ):
        session.run(*compile_[:-2], "--python-version", python, f"{name}.in", "-o", f"{name}.txt")
