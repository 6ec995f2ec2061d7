"""Skip rewriting generated pages whose content and layout did not change.

Sphinx rewrites a document only when it changed; pages yielded at ``html-collect-pages`` are
rewritten on every build. This keeps a digest of each generated page (its content, its
navigation and what the layout depends on: Sphinx's config/tags hashes and the newest template),
beside the doctrees, and yields only the pages whose digest changed or whose file is missing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

STORE = "kb-generated.json"
SITE = "kb-site.json"


class Digests:
    def __init__(self, doctreedir: Path) -> None:
        self.path = doctreedir / STORE
        self.old: dict[str, str] = (
            json.loads(self.path.read_text("utf-8")) if self.path.is_file() else {}
        )
        self.new: dict[str, str] = {}

    @staticmethod
    def digest(*parts: str) -> str:
        hasher = hashlib.sha256()
        for part in parts:
            hasher.update(part.encode("utf-8"))
            hasher.update(b"\0")
        return hasher.hexdigest()

    def stale(self, pagename: str, digest: str, outfile: Path) -> bool:
        """Record ``digest``; True when the page must be (re)written."""
        self.new[pagename] = digest
        return self.old.get(pagename) != digest or not outfile.is_file()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.new, indent=0, sort_keys=True) + "\n", "utf-8")


@dataclass
class SiteState:
    """What the last successful build's site-wide outputs were made from (``inputs``, a
    digest) and the generated pages it had, in order."""

    inputs: str = ""
    generated: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, doctreedir: Path) -> SiteState:
        path = doctreedir / SITE
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text("utf-8"))
        return cls(data.get("inputs", ""), list(data.get("generated", [])))

    def save(self, doctreedir: Path) -> None:
        doctreedir.mkdir(parents=True, exist_ok=True)
        data = {"inputs": self.inputs, "generated": self.generated}
        (doctreedir / SITE).write_text(json.dumps(data, indent=0) + "\n", "utf-8")
