"""A package of the npm registry, pinned by version and integrity, fetched once into a cache
and read from there: the editing space's CMS (``outputs.cms``). No Node: the registry's
tarball over HTTPS, its SHA-512 checked against the pin before a byte of it is used; the
files are then copied into the site, so readers' browsers never ask a CDN for them.

``KB_NPM_REGISTRY`` names another registry (a mirror; the tests' server on 127.0.0.1) and
``KB_CACHE`` another cache folder (default: ``$XDG_CACHE_HOME`` or ``~/.cache``, then
``sphinx-base-de-connaissances/npm``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..state import write_whole

REGISTRY = "https://registry.npmjs.org"
TIMEOUT = 60  # seconds for the whole download to start answering


class FetchError(Exception):
    """A package that could not be had as pinned; the message says why, in French."""


@dataclass(frozen=True)
class Pinned:
    name: str  # « decap-cms », « @scope/name »
    version: str
    integrity: str  # « sha512-… », as the registry and package-lock.json give it

    @property
    def tarball(self) -> str:
        """The tarball's path on the registry."""
        return f"{self.name}/-/{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"

    def matches(self, data: bytes) -> bool:
        algorithm, _, expected = self.integrity.partition("-")
        if algorithm != "sha512":
            return False
        return base64.b64encode(hashlib.sha512(data).digest()).decode() == expected


def cache_folder() -> Path:
    if os.environ.get("KB_CACHE"):
        return Path(os.environ["KB_CACHE"]) / "npm"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sphinx-base-de-connaissances" / "npm"


def fetch(pinned: Pinned) -> bytes:
    """The package's tarball, from the cache, else from the registry (then cached)."""
    cached = cache_folder() / pinned.tarball.replace("/", "_")
    if cached.is_file():
        data = cached.read_bytes()
        if pinned.matches(data):
            return data
    registry = (os.environ.get("KB_NPM_REGISTRY") or REGISTRY).rstrip("/")
    url = f"{registry}/{pinned.tarball}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:  # noqa: S310 (https or ours)
            data = answer.read()
    except OSError as error:
        raise FetchError(
            f"{pinned.name} {pinned.version} n’a pas pu être téléchargé depuis {registry} "
            f"({error}) ; une fois connecté, relancez la construction : le paquet est ensuite "
            "gardé en cache."
        ) from error
    if not pinned.matches(data):
        raise FetchError(
            f"{pinned.name} {pinned.version} téléchargé depuis {registry} ne correspond pas à "
            "son empreinte (integrity) : il n’est pas utilisé."
        )
    cached.parent.mkdir(parents=True, exist_ok=True)
    write_whole(cached, data)
    return data


def members(data: bytes, wanted: Callable[[str], bool]) -> dict[str, bytes]:
    """The regular files of the tarball whose path in the package (``package/`` removed)
    ``wanted`` accepts, by that path; links, devices and paths leaving the package skipped."""
    found = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            path = PurePosixPath(member.name)
            inside = path.parts[1:] if path.parts[:1] == ("package",) else ()
            name = "/".join(inside)
            if not member.isreg() or not inside or ".." in inside or not wanted(name):
                continue
            extracted = archive.extractfile(member)
            if extracted is not None:
                found[name] = extracted.read()
    return found
