"""Reading paths (« Parcours »): ``data/parcours.yml`` maps a key to a ``title``, a
``description`` and the ``articles`` to read in order (ids: the path under ``articles/``
without ``.md``).

The file is optional. Every problem names the file and line; a path with a problem is left
out whole (never published half right). Which articles of a path are *published* (drafts and
future articles are left out) is decided later, against the catalog (``published``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import yaml

from .frontmatter import Problem, compose, undecodable
from .schema import Article
from .slugs import RESERVED, is_slug
from .typography import french_spacing
from .vocab import KEY_MAX, text_field, yaml_anchors

PATHS = "parcours.yml"
FIELDS = ("title", "description", "articles")


@dataclass(frozen=True)
class ReadingPath:
    """One path as written: its key (the page's address), what readers see, its steps as
    docnames (``articles/<id>``)."""

    key: str
    title: str
    description: str
    docnames: tuple[str, ...]


@dataclass(frozen=True)
class Paths:
    paths: tuple[ReadingPath, ...] = ()
    fingerprint: str = ""

    def containing(self, docname: str) -> list[ReadingPath]:
        return [path for path in self.paths if docname in path.docnames]


def _id_problem(article_id: str) -> str | None:
    if not article_id or article_id.startswith("/") or "\\" in article_id:
        return "attendu : un identifiant d’article relatif, sans barre oblique au début."
    if ".." in article_id.split("/") or article_id.endswith(".md"):
        return "attendu : le chemin sous « articles/ », sans « .. » ni extension « .md »."
    return None


def _articles(
    node: yaml.Node,
    shown: str,
    key: str,
    folder: str,
    exists: Callable[[str], bool],
    renamed: Mapping[str, str],
) -> tuple[tuple[str, ...], list[Problem]]:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.SequenceNode):
        return (), [Problem(shown, line, key, "champ « articles » : attendu : une liste d’ids.")]
    if not node.value:
        return (), [Problem(shown, line, key, "champ « articles » : la liste est vide.")]
    docnames: list[str] = []
    problems: list[Problem] = []
    for item in node.value:
        at = item.start_mark.line + 1
        if not isinstance(item, yaml.ScalarNode) or item.tag != "tag:yaml.org,2002:str":
            problems.append(
                Problem(shown, at, key, "champ « articles » : attendu : un id d’article (texte).")
            )
            continue
        article_id = str(item.value).strip()
        wrong = _id_problem(article_id)
        if wrong:
            problems.append(Problem(shown, at, key, f"article « {article_id} » : {wrong}"))
        elif not exists(article_id) and article_id in renamed:
            new = renamed[article_id]
            message = (
                f"article « {article_id} » renommé en « {new} » : remplacez la référence par "
                f"« {new} »."
            )
            problems.append(Problem(shown, at, key, message))
        elif not exists(article_id):
            problems.append(
                Problem(
                    shown,
                    at,
                    key,
                    f"article inconnu « {article_id} » : aucun fichier "
                    f"« {folder}/{article_id}.md ».",
                )
            )
        elif f"{folder}/{article_id}" in docnames:
            problems.append(
                Problem(
                    shown,
                    at,
                    key,
                    f"article « {article_id} » en double dans le parcours ; "
                    "chaque étape n’apparaît qu’une fois.",
                )
            )
        else:
            docnames.append(f"{folder}/{article_id}")
    return tuple(docnames), problems


def _path(
    key: str,
    line: int,
    node: yaml.Node,
    shown: str,
    folder: str,
    exists: Callable[[str], bool],
    renamed: Mapping[str, str],
) -> tuple[ReadingPath | None, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(shown, line, key, "attendu : un parcours avec « title » et « articles ».")
        ]
    problems: list[Problem] = []
    values: dict[str, yaml.Node] = {}
    for field_node, value_node in node.value:
        name = str(field_node.value)
        at = field_node.start_mark.line + 1
        if name not in FIELDS:
            problems.append(
                Problem(
                    shown,
                    at,
                    key,
                    f"champ inconnu « {name} » ; attendus : " + ", ".join(FIELDS) + ".",
                )
            )
        elif name in values:
            problems.append(Problem(shown, at, key, f"champ « {name} » en double."))
        else:
            values[name] = value_node
    title, found = text_field(values.get("title"), shown, key, "title")
    description, more = text_field(values.get("description"), shown, key, "description")
    problems += found + more
    if not title and not found:
        problems.append(Problem(shown, line, key, "attendu : un champ « title » non vide."))
    docnames: tuple[str, ...] = ()
    if "articles" in values:
        docnames, found = _articles(values["articles"], shown, key, folder, exists, renamed)
        problems += found
    else:
        problems.append(Problem(shown, line, key, "attendu : un champ « articles » (une liste)."))
    if problems:
        return None, problems
    return ReadingPath(key, french_spacing(title), french_spacing(description), docnames), []


def _key_problem(key: str, seen: Mapping[str, object]) -> str | None:
    if not is_slug(key) or len(key) > KEY_MAX:
        return (
            "identifiant invalide ; attendu : lettres minuscules sans accent, chiffres et "
            f"tirets, {KEY_MAX} caractères au plus."
        )
    if key in RESERVED:
        return "identifiant réservé aux pages du site ; choisissez-en un autre."
    if key in seen:
        return "identifiant en double ; la première fiche est gardée, fusionnez les deux."
    return None


def parse(
    text: str,
    shown: str,
    folder: str,
    exists: Callable[[str], bool],
    renamed: Mapping[str, str] | None = None,
) -> tuple[tuple[ReadingPath, ...], list[Problem]]:
    """The paths of one file's text, and every problem in it; ``renamed`` (old id → id, from
    the articles' ``redirect_from``) names where a moved article went."""
    try:
        problems = yaml_anchors(text, shown)
        if problems:
            return (), problems
        node = compose(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        return (), [Problem(shown, line, "", f"YAML invalide ({error.problem}).")]
    if node is None:
        return (), []
    if not isinstance(node, yaml.MappingNode):
        return (), [
            Problem(shown, 1, "", "le fichier doit associer des identifiants à des parcours.")
        ]
    paths: dict[str, ReadingPath | None] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        wrong = _key_problem(key, paths)
        if wrong:
            problems.append(Problem(shown, line, key[:KEY_MAX], wrong))
            continue
        paths[key], found = _path(key, line, value_node, shown, folder, exists, renamed or {})
        problems += found
    problems.sort(key=lambda problem: problem.line)  # in file order, as writers read it
    return tuple(path for path in paths.values() if path is not None), problems


def from_bytes(
    raw: bytes,
    shown: str,
    folder: str,
    exists: Callable[[str], bool],
    renamed: Mapping[str, str] | None = None,
) -> tuple[Paths, list[Problem]]:
    """The file ``shown`` from its bytes (see ``parse``); reading it is the caller's."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Paths(), [undecodable(shown, error)]
    paths, problems = parse(text, shown, folder.rstrip("/"), exists, renamed)
    return Paths(paths, hashlib.sha256(raw).hexdigest()), problems


def published(path: ReadingPath, shown: Callable[[str], Article | None]) -> list[Article]:
    """The steps readers see: the articles of the path that are published, in order."""
    return [article for name in path.docnames if (article := shown(name)) is not None]


def steps(
    paths: Iterable[ReadingPath], shown: Callable[[str], Article | None], docname: str
) -> list[tuple[ReadingPath, int, list[Article]]]:
    """For an article: each path it is a published step of, its number (from 1), the steps."""
    found = []
    for path in paths:
        visible = published(path, shown)
        for number, article in enumerate(visible, start=1):
            if article.docname == docname:
                found.append((path, number, visible))
    return found
