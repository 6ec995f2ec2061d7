"""Where the running engine was installed from, as its installer recorded it (PEP 610's
``direct_url.json``), and the requirements that install the same engine, with the share footer
beside it, on a fresh machine: from the package index at this version, or from the same git
repository at the same commit. ``new`` writes them into ``requirements/moteur.txt``, so that a
base's ``nox -s build``, its CI and Read the Docs install what its maker installed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .._version import SHARE_FOOTER_VERSION, __version__

ENGINE = "sphinx-base-de-connaissances"
FOOTER = "sphinx-share-footer"
# The share footer's folder beside the engine's, in this repository.
FOOTER_FOLDER = "sphinx-share-footer"
# Where a base keeps the wheels its engine was installed from (a release's assets).
WHEELS = "requirements/paquets"


@dataclass(frozen=True)
class Origin:
    kind: str  # "index", "git" or "local" (a folder or a file of this machine only)
    url: str = ""
    commit: str = ""
    subdirectory: str = ""

    def requirements(self) -> list[str]:
        """The lines of ``requirements/moteur.txt``."""
        wheels = dict(local_wheels())
        if wheels:  # installed from wheel files: the base carries them (see local_wheels)
            return [
                f"./{WHEELS}/{wheels[name].name}" if name in wheels else f"{name}=={version}"
                for name, version in ((ENGINE, __version__), (FOOTER, SHARE_FOOTER_VERSION))
            ]
        if self.kind == "git":
            folder = self.subdirectory.rstrip("/")
            footer = f"{folder.rpartition('/')[0]}/{FOOTER_FOLDER}".lstrip("/")
            source = f"git+{self.url}@{self.commit}"
            return [
                f"{ENGINE} @ {source}#subdirectory={folder}",
                f"{FOOTER} @ {source}#subdirectory={footer}",
            ]
        return [f"{ENGINE}=={__version__}", f"{FOOTER}=={SHARE_FOOTER_VERSION}"]

    def note(self) -> str:
        """What the writer of ``moteur.txt`` says about this origin, in French (a comment)."""
        if self.kind == "git":
            return f"depuis le dépôt git {self.url}, au commit {self.commit[:12]}"
        if self.kind == "local" and local_wheels():
            return f"depuis les fichiers .whl de {WHEELS}/ (le moteur a été installé ainsi)"
        if self.kind == "local":
            return (
                f"à la version {__version__} de l’index des paquets (le moteur avait été "
                "installé depuis un dossier de cette machine, qu’une autre n’a pas)"
            )
        return f"à la version {__version__} de l’index des paquets"


def of(direct_url: str | None) -> Origin:
    """The origin a ``direct_url.json`` text records (None: installed from an index)."""
    if not direct_url:
        return Origin("index")
    try:
        data = json.loads(direct_url)
    except ValueError:
        return Origin("index")
    vcs = data.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return Origin("git", str(data["url"]), str(vcs["commit_id"]), data.get("subdirectory", ""))
    return Origin("local", str(data.get("url", "")))


def installed() -> Origin:
    """How the running engine was installed."""
    try:
        return of(metadata.distribution(ENGINE).read_text("direct_url.json"))
    except metadata.PackageNotFoundError:  # running from a source tree
        return Origin("local")


def _wheel_of(name: str) -> Path | None:
    """The wheel file ``name`` was installed from, when it was one of this machine's."""
    try:
        found = of(metadata.distribution(name).read_text("direct_url.json"))
    except metadata.PackageNotFoundError:
        return None
    parts = urlsplit(found.url) if found.kind == "local" else urlsplit("")
    path = Path(unquote(parts.path))
    if parts.scheme != "file" or path.suffix != ".whl" or not path.is_file():
        return None
    return path


def local_wheels() -> list[tuple[str, Path]]:
    """(package, wheel file) of the engine and the share footer when they were installed
    from wheel files of this machine: ``new`` and ``upgrade`` copy them into the base."""
    return [(name, path) for name in (ENGINE, FOOTER) if (path := _wheel_of(name)) is not None]


def copy_wheels(base: Path) -> list[str]:
    """The local wheels copied into ``base`` (``WHEELS``); the paths written."""
    written = []
    for _, wheel in local_wheels():
        target = base / WHEELS / wheel.name
        if any(p.is_symlink() for p in (base / "requirements", base / WHEELS, target)):
            continue  # never written through a link
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(wheel.read_bytes())
        written.append(f"{WHEELS}/{wheel.name}")
    return written
