"""The declared vocabularies: categories and authors (``data/*.yml``)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from .frontmatter import Problem, compose, events, undecodable
from .slugs import RESERVED, is_slug
from .text import read_text
from .typography import french_spacing

CATEGORIES = "categories.yml"
AUTHORS = "authors.yml"
FILES = (CATEGORIES, AUTHORS)


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

    def snapshot(self) -> dict[str, dict[str, list[str]]]:
        """What readers see of each entry, kept with the environment to compare the next
        build's vocabulary with."""
        return {
            kind: {key: [entry.name, entry.description] for key, entry in entries.items()}
            for kind, entries in (("categories", self.categories), ("authors", self.authors))
        }


KEY_MAX = 60


def yaml_anchors(text: str, shown: str) -> list[Problem]:
    """Anchors and aliases have no use in these files, and aliases can multiply a text."""
    problems = []
    for event in events(text):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1
            problems.append(
                Problem(
                    shown,
                    line,
                    "",
                    "ancre ou alias YAML (& ou *) interdit ici ; écrivez chaque valeur en entier.",
                )
            )
    return problems


def text_field(
    node: yaml.Node | None, shown: str, key: str, field: str
) -> tuple[str, list[Problem]]:
    """A text field of an entry: a YAML string, without control characters."""
    if node is None:
        return "", []
    line = node.start_mark.line + 1
    text = read_text(node)  # the same rule as articles' fields
    if text.not_text:
        return "", [
            Problem(
                shown,
                line,
                key,
                f"champ « {field} » : attendu : du texte (mettez-le entre guillemets).",
            )
        ]
    if text.control:
        return "", [
            Problem(
                shown,
                line,
                key,
                f"champ « {field} » : caractère de contrôle {text.control} interdit.",
            )
        ]
    return text.value, []


def parse_entries(raw: bytes | None, shown: str) -> tuple[dict[str, Entry], list[Problem]]:
    """The entries of one file's bytes (None: there is no such file), and every problem."""
    if raw is None:
        example = "guide:\\n  name: Guide" if "categor" in shown else "equipe:\\n  name: L’équipe"
        message = (
            "fichier introuvable : créez-le ; il déclare une entrée par clé, avec son nom "
            f"(par exemple « {example} »)."
        )
        return {}, [Problem(shown, 1, "", message)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return {}, [undecodable(shown, error)]
    try:
        anchors = yaml_anchors(text, shown)
        if anchors:
            return {}, anchors
        node = compose(text)
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
        if not is_slug(key) or len(key) > KEY_MAX:
            problems.append(
                Problem(
                    shown,
                    line,
                    key[:KEY_MAX],
                    "identifiant invalide ; attendu : "
                    f"lettres minuscules sans accent, chiffres et tirets, "
                    f"{KEY_MAX} caractères au plus.",
                )
            )
            continue
        if key in RESERVED:
            problems.append(
                Problem(
                    shown,
                    line,
                    key,
                    "identifiant réservé aux pages du site ; choisissez-en un autre.",
                )
            )
            continue
        if key in entries:
            problems.append(
                Problem(
                    shown,
                    line,
                    key,
                    "identifiant en double ; la première fiche est gardée, fusionnez les deux.",
                )
            )
            continue
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(Problem(shown, line, key, "attendu : une fiche avec « name »."))
            continue
        values = {str(k.value): v for k, v in value_node.value}
        name, found = text_field(values.get("name"), shown, key, "name")
        description, more = text_field(values.get("description"), shown, key, "description")
        problems += found + more
        if not name and not found:
            problems.append(Problem(shown, line, key, "attendu : un champ « name » non vide."))
        if name:
            entries[key] = Entry(key, french_spacing(name), french_spacing(description))
    return entries, problems


def vocabulary(
    files: Mapping[str, bytes | None], shown_dir: str = "data"
) -> tuple[Vocabulary, list[Problem]]:
    """Both files from their bytes (``files``: name → bytes, None when missing); problems
    name the file and line. Reading them is the caller's (``source/files.py``)."""
    categories, problems = parse_entries(files.get(CATEGORIES), f"{shown_dir}/{CATEGORIES}")
    authors, more = parse_entries(files.get(AUTHORS), f"{shown_dir}/{AUTHORS}")
    digest = hashlib.sha256()
    for name in (CATEGORIES, AUTHORS):
        digest.update(files.get(name) or b"")
    return Vocabulary(categories, authors, digest.hexdigest()), problems + more
