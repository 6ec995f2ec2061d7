"""Where the running engine was installed from, as its installer recorded it (PEP 610's
``direct_url.json``), and the requirements that install the same engine, with the share footer
beside it, on a fresh machine: from the package index at this version, or from the same git
repository at the same commit. ``new`` writes them into ``requirements/moteur.txt``, so that a
base's ``nox -s build``, its CI and Read the Docs install what its maker installed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata

from .._version import SHARE_FOOTER_VERSION, __version__

ENGINE = "sphinx-base-de-connaissances"
FOOTER = "sphinx-share-footer"
# The share footer's folder beside the engine's, in this repository.
FOOTER_FOLDER = "sphinx-share-footer"


@dataclass(frozen=True)
class Origin:
    kind: str  # "index", "git" or "local" (a folder or a file of this machine only)
    url: str = ""
    commit: str = ""
    subdirectory: str = ""

    def requirements(self) -> list[str]:
        """The lines of ``requirements/moteur.txt``."""
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
        if self.kind == "local":
            return (
                f"à la version {__version__} de l’index des paquets (le moteur avait été "
                "installé depuis un fichier de cette machine, qu’une autre n’a pas)"
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
