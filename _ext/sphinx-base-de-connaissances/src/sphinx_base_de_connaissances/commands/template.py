"""The starter: the files ``new`` writes into a base and ``upgrade`` brings up to date, and the
values put into them as data, never as code.

A placeholder names a value and how it is written: ``@@TITRE|py@@`` (a Python literal, by
``repr``), ``@@TITRE|yaml@@`` (a YAML scalar, by the YAML writer), ``@@TITRE|md@@`` (Markdown
text: every sign escaped, so that neither HTML nor a MyST role nor a substitution can come of
it). Only the values the engine makes itself (dates, version) may be written as they are
(``|brut``). What a base writer types reaches no workflow file, and no file without one of
these encodings.

Who owns each file after ``new`` (``OWNERSHIP``): the base (its identity, text and data:
written once, never touched again), the engine (pins: replaced by ``upgrade``), or both
(commands, CI, hosting: ``upgrade`` merges the engine's changes into the base's edits).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

# Package data cannot hold dotfiles reliably: "dot-x" in the starter is ".x" in the base.
DOT = "dot-"
TEXT_SUFFIXES = {".py", ".md", ".yml", ".yaml", ".txt", ".in", ".json", ""}
RECORD = ".base-de-connaissances.json"  # in the base: what upgrade needs (see Record)
_PLACEHOLDER = re.compile(r"@@([A-Z]+)\|([a-z]+)@@")


class Owner(enum.Enum):
    BASE = "base"  # written once by new
    ENGINE = "engine"  # replaced by upgrade
    SHARED = "shared"  # upgrade merges the engine's changes into the base's edits


def owner(path: str) -> Owner:
    """Who owns the starter's file ``path`` in a base."""
    if path.startswith("requirements/") and path.endswith(".txt"):
        return Owner.ENGINE
    if path in {"noxfile.py", ".ci/run", ".readthedocs.yaml", ".gitignore"} or path.startswith(
        (".github/", "tests/", "requirements/")
    ):
        return Owner.SHARED
    return Owner.BASE


@dataclass(frozen=True)
class Values:
    """What ``new`` was told, and what it adds (the day, the engine's version and origin)."""

    titre: str
    url: str
    depot: str
    region: str
    date: str
    annee: str
    version: str
    moteur: str  # requirements/moteur.txt's lines: how the engine and share footer install
    # data/editeur.yml and data/accessibilite.yml (bases made before them have none).
    editeur: str = ""  # the publisher's name, from the title
    contact: str = ""  # where to write: the repository's issues
    signalement: str = ""  # where to report an accessibility defect: a new issue
    hebergeur: str = ""  # the host's YAML block, from a fixed table
    cms: str = ""  # kb_cms: "decap" (the editing space), "" with --sans-edition or before it

    def get(self, name: str) -> str:
        return str(getattr(self, name.lower()))


# The values a writer types: never written as they are.
TYPED = frozenset({"TITRE", "URL", "DEPOT", "REGION", "EDITEUR", "CONTACT", "SIGNALEMENT"})


def markdown_text(value: str) -> str:
    """``value`` as Markdown text that reads as typed: each ASCII sign escaped by a backslash
    (CommonMark lets any be), so that no markup, HTML, role or substitution comes of it."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", value)


def yaml_scalar(value: str) -> str:
    """``value`` as one YAML scalar, written by the YAML writer (quoted as it needs)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_style='"', width=10_000)
    return text.removesuffix("\n...\n").strip()


def python_string(value: str) -> str:
    """``value`` as a Python string literal, exact as ``repr``, quoted as the base's own
    formatter wants it (its ``nox -s lint``): double quotes, unless that takes more escapes."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    body = repr(value)[1:-1]  # escapes of repr, for one quote or the other
    body = body.replace("\\'", "'") if repr(value)[0] == "'" else body.replace('\\"', '"')
    return quote + body.replace(quote, "\\" + quote) + quote


ENCODERS: dict[str, Callable[[str], str]] = {
    "py": python_string,
    "yaml": yaml_scalar,
    "md": markdown_text,
    "brut": lambda value: value,
}


def render(text: str, values: Values) -> str:
    """``text`` with each placeholder replaced by its value in its encoding."""

    def value(match: re.Match[str]) -> str:
        name, encoding = match[1], match[2]
        if encoding == "brut" and name in TYPED:
            raise ValueError(f"@@{name}|brut@@: a typed value is never written as it is")
        return ENCODERS[encoding](values.get(name))

    return _PLACEHOLDER.sub(value, text)


def packaged() -> Traversable:
    return resources.files(__package__.rpartition(".")[0]) / "starter"


def files(root: Traversable | None = None, prefix: str = "") -> list[tuple[str, Traversable]]:
    """(path in the base, packaged file) of every file of the starter."""
    root = packaged() if root is None else root
    found = []
    for item in sorted(root.iterdir(), key=lambda entry: entry.name):
        if item.name == "__pycache__":
            continue
        name = "." + item.name.removeprefix(DOT) if item.name.startswith(DOT) else item.name
        if item.is_dir():
            found += files(item, f"{prefix}{name}/")
        else:
            found.append((prefix + name, item))
    return found


def rendered(values: Values) -> dict[str, bytes]:
    """Every file of the starter as the base gets it."""
    out = {}
    for path, item in files():
        data = item.read_bytes()
        if Path(path).suffix in TEXT_SUFFIXES:
            data = render(data.decode("utf-8"), values).encode("utf-8")
        out[path] = data
    return out


@dataclass
class Record:
    """What ``upgrade`` needs to merge: the values, and the text the engine gave each file it
    shares with the base (the common ancestor of a three-way merge)."""

    values: Values
    shared: dict[str, str]

    def save(self, base: Path) -> None:
        data = {"valeurs": asdict(self.values), "fichiers": self.shared}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (base / RECORD).write_text(text, "utf-8")

    @classmethod
    def load(cls, base: Path) -> Record:
        data = json.loads((base / RECORD).read_text("utf-8"))
        return cls(Values(**data["valeurs"]), dict(data["fichiers"]))
