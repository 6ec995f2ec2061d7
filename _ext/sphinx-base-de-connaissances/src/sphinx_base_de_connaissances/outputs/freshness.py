"""Skip rewriting generated pages whose content and layout did not change.

Sphinx rewrites a document only when it changed; pages yielded at ``html-collect-pages`` are
rewritten on every build. This keeps a digest of each generated page (its content, its
navigation and what the layout depends on: Sphinx's config/tags hashes and the newest template),
beside the doctrees, and yields only the pages whose digest changed or whose file is missing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..state import StateFile, mapping_of, stamp

DIGESTS = StateFile("kb-generated.json", 1, mapping_of(str))


def _site_shape(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("inputs"), str)
        and isinstance(data.get("stamp"), str)
        and all(
            isinstance(data.get(key), list) and all(isinstance(name, str) for name in data[key])
            for key in ("generated", "files")
        )
    )


SITE = StateFile("kb-site.json", 2, _site_shape)


class Digests:
    def __init__(self, doctreedir: Path) -> None:
        self.folder = doctreedir
        self.old: dict[str, str] = DIGESTS.load(doctreedir) or {}
        self.new: dict[str, str] = {}

    @staticmethod
    def digest(*parts: str) -> str:
        hasher = hashlib.sha256()
        for part in parts:
            hasher.update(part.encode("utf-8"))
            hasher.update(b"\0")
        return hasher.hexdigest()

    def stale(self, pagename: str, digest: str) -> bool:
        """Record ``digest``; True when it differs from the last build's."""
        self.new[pagename] = digest
        return self.old.get(pagename) != digest

    def save(self) -> None:
        DIGESTS.save(self.folder, self.new, indent=0)


@dataclass
class SiteState:
    """What the last successful build's site-wide outputs were made from (``inputs``, a
    digest), the generated pages it had, in order, and the files it wrote besides pages
    (feeds, sitemap, redirects) with their ``stamp`` when written."""

    inputs: str = ""
    generated: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # relative to the output folder
    stamp: str = ""

    @classmethod
    def load(cls, doctreedir: Path) -> SiteState:
        data = SITE.load(doctreedir)
        if not data:
            return cls()
        return cls(data["inputs"], data["generated"], data["files"], data["stamp"])

    def intact(self, outdir: Path) -> bool:
        """Whether the files it wrote are still as it wrote them."""
        return stamp(outdir / name for name in self.files) == self.stamp

    def save(self, doctreedir: Path) -> None:
        data = {
            "inputs": self.inputs,
            "generated": self.generated,
            "files": self.files,
            "stamp": self.stamp,
        }
        SITE.save(doctreedir, data, indent=0)
