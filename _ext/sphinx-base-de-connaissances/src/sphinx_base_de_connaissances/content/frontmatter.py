"""Front matter as YAML nodes, with the file line of every value.

The nodes (not loaded values) are kept so that each problem can name its line, and so that an
impossible date such as 2026-02-30 is a reported problem rather than a crash of the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

FENCE = "---"
# PyYAML's most frequent complaints, said in French for writers.
YAML_PROBLEMS = {
    "mapping values are not allowed here": "deux-points inattendu",
    "could not find expected ':'": "deux-points manquant",
    "found character '\\t' that cannot start any token": "tabulation interdite",
    "found unexpected end of stream": "guillemet non refermé",
    "found undefined alias": "astérisque en début de valeur",
}


# libyaml's parser when PyYAML has it (five times faster: front matters are composed for every
# article of every full build); its nodes are PyYAML's, and on a syntax error the pure parser
# runs again so that messages and lines stay PyYAML's.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _located(error: yaml.reader.ReaderError, text: str) -> yaml.MarkedYAMLError:
    """A character YAML cannot read (a control character, U+FFFF…) as an error at its line,
    like the parser's own: the reader's error has a position, no line."""
    position = max(0, min(int(error.position), len(text)))
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    character = error.character
    code = character if isinstance(character, int) else ord(str(character)[:1] or "?")
    return yaml.MarkedYAMLError(
        problem=f"caractère de contrôle U+{code:04X} interdit ; retirez-le",
        problem_mark=yaml.Mark("", position, line, column, None, None),
    )


def compose(text: str) -> yaml.Node | None:
    """The YAML node of ``text``, as ``yaml.compose`` with the safe loader gives it; every
    failure, unreadable characters included, is a ``MarkedYAMLError`` with its line."""
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as error:
        raise _located(error, text) from None


def events(text: str) -> list[yaml.Event]:
    """The parser's events of ``text`` (anchors and aliases), as ``yaml.parse`` gives them."""
    try:
        return list(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        pass
    try:
        return list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.reader.ReaderError as error:
        raise _located(error, text) from None


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a source file, for the writer: where, which field, what to do."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return (
            f"{where}: champ « {self.field} » : {self.message}"
            if self.field
            else (f"{where}: {self.message}")
        )


@dataclass(frozen=True)
class FrontMatter:
    """The mapping node of a front matter; ``offset`` turns node lines into file lines."""

    node: yaml.MappingNode | None
    offset: int
    end_line: int  # file line of the closing fence

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.offset


def split(text: str) -> tuple[str, int] | None:
    """The YAML text between the opening and closing ``---``, and the file line of the closing
    fence; ``None`` when the file has no front matter."""
    # Sphinx reads sources as utf-8-sig: a byte-order mark is not part of the text.
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in (FENCE, "..."):
            return "\n".join(lines[1 : number - 1]) + "\n", number
    return None


def parse(path: str, text: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Compose the front matter of ``text``; YAML errors become problems with their line."""
    found = split(text)
    if found is None:
        message = "le fichier doit commencer par un front matter YAML entre deux lignes « --- »."
        return None, [Problem(path, 1, "", message)]
    yaml_text, end_line = found
    try:
        node = compose(yaml_text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        detail = YAML_PROBLEMS.get(error.problem or "", error.problem or "syntaxe incorrecte")
        message = (
            f"YAML invalide ({detail}) ; vérifiez l’indentation, les deux-points et les "
            "guillemets (un texte contenant « : » doit être entre guillemets)."
        )
        return None, [Problem(path, line, "", message)]
    if node is None:
        return FrontMatter(None, 2, end_line), []
    if not isinstance(node, yaml.MappingNode):
        message = "le front matter doit être une liste de champs « nom: valeur »."
        return None, [Problem(path, 2, "", message)]
    return FrontMatter(node, 2, end_line), []


def undecodable(path: str, error: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8, located at the line of its first bad byte."""
    line = error.object[: error.start].count(b"\n") + 1
    byte = error.object[error.start]
    return Problem(
        path,
        line,
        "",
        f"fichier illisible : l’octet 0x{byte:02x} n’est pas de "
        "l’UTF-8 ; enregistrez le fichier en UTF-8.",
    )


def title_of(front: FrontMatter | None) -> str | None:
    """The ``title`` field of a front matter when it is a string (any page's, not only an
    article's: its heading is shown as this text, never parsed as Markdown)."""
    if front is None or front.node is None:
        return None
    for key, value in front.node.value:
        if (
            key.value == "title"
            and isinstance(value, yaml.ScalarNode)
            and value.tag.endswith(":str")
        ):
            return " ".join(str(value.value).split())
    return None
