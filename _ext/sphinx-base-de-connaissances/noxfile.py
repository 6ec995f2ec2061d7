"""sphinx-base-de-connaissances' own sessions: `nox -l` in this folder lists them.

- tests: the engine's test suite (tests/: Sphinx's test fixtures on the small bases of
  tests/roots, the importer's converters on their fixture files) against the installed
  package, a wheel of this folder, not the source tree.

Dependencies are pinned with hashes in requirements/ (compiled by `nox -s lock` at the root of
the repository this folder lives in).
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests"]


@nox.session(python="3.11")
def tests(session: nox.Session) -> None:
    """The test suite; extra arguments go to pytest."""
    session.install("-r", "requirements/tests.txt")
    session.install("--no-deps", "--no-build-isolation", ".")
    session.run("python", "-m", "pytest", *session.posargs)
