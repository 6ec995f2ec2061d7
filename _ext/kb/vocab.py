"""The declared vocabularies: categories and authors (``data/*.yml``)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import Problem
from .slugs import is_slug

CATEGORIES = "categories.yml"
AUTHORS = "authors.yml"


@dataclass(frozen=True)
class Entry:
    """A category or an author: its key (the slug used in URLs) and what readers see."""

    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Vocabulary:
    categories: Mapping[str, Entry] = field(default_factory=dict)
    authors: Mapping[str, Entry] = field(default_factory=dict)
    fingerprint: str = ""


def _load_file(path: Path, shown: str) -> tuple[dict[str, Entry], list[Problem]]:
    if not path.is_file():
        return {}, [Problem(shown, 1, "", "fichier introuvable.")]
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        return {}, [Problem(shown, line, "", f"YAML invalide ({error.problem}).")]
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    if not isinstance(node, yaml.MappingNode):
        return {}, [
            Problem(shown, 1, "", "le fichier doit associer des identifiants à des fiches.")
        ]
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if not is_slug(key):
            problems.append(Problem(shown, line, key, "identifiant invalide ; attendu : lettres "
                                    "minuscules sans accent, chiffres et tirets."))  # fmt: skip
            continue
        values = {}
        if isinstance(value_node, yaml.MappingNode):
            values = {str(k.value): v for k, v in value_node.value}
        name = values.get("name")
        if not isinstance(name, yaml.ScalarNode) or not str(name.value).strip():
            problems.append(Problem(shown, line, key, "attendu : un champ « name » non vide."))
            continue
        description = values.get("description")
        text_description = str(description.value).strip() if description is not None else ""
        entries[key] = Entry(key, str(name.value).strip(), text_description)
    return entries, problems


def load(data_dir: Path, shown_dir: str = "data") -> tuple[Vocabulary, list[Problem]]:
    """Read both files; problems name the file and line."""
    categories, problems = _load_file(data_dir / CATEGORIES, f"{shown_dir}/{CATEGORIES}")
    authors, more = _load_file(data_dir / AUTHORS, f"{shown_dir}/{AUTHORS}")
    digest = hashlib.sha256()
    for name in (CATEGORIES, AUTHORS):
        path = data_dir / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return Vocabulary(categories, authors, digest.hexdigest()), problems + more
