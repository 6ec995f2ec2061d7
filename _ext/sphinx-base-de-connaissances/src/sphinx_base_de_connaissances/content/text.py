"""The one rule for a text field of a YAML file (front matter, data files): a YAML string,
white space folded, no control character; and the characters no source text may hold, since
XML (feeds, sitemap, EPUB) cannot carry them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from .frontmatter import Problem

STR_TAG = "tag:yaml.org,2002:str"


# What XML 1.0 forbids or discourages (C0 and C1 controls but tab and line breaks, surrogates)
# and Unicode's noncharacters (U+FDD0–U+FDEF, U+xFFFE and U+xFFFF): never text.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def is_noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def control_character(text: str) -> str:
    """The first control character of ``text`` as ``U+XXXX`` (line breaks and tabs included,
    the bidirectional overrides that disguise text, and the noncharacters), or ""."""
    for ch in text:
        if (
            unicodedata.category(ch) in {"Cc", "Cs", "Co"}
            or "\u202a" <= ch <= "\u202e"
            or ("\u2066" <= ch <= "\u2069")
            or is_noncharacter(ch)
        ):
            return f"U+{ord(ch):04X}"
    return ""


def unwritable(text: str) -> list[tuple[int, str]]:
    """(line, ``U+XXXX``) of the first character on each line of ``text`` that no output can
    carry (XML forbids it, or it is a noncharacter)."""
    found = []
    for match in _UNWRITABLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if not found or found[-1][0] != line:
            found.append((line, f"U+{ord(match[0]):04X}"))
    return found


def without_unwritable(text: str) -> str:
    """``text`` with each such character replaced by U+FFFD (what readers see of a bad byte)."""
    return _UNWRITABLE.sub("\ufffd", text)


@dataclass(frozen=True)
class Text:
    """What a node holds as text: ``value``, or why it is refused (``not_text``: not a YAML
    string; ``control``: the control character it contains)."""

    value: str = ""
    not_text: bool = False
    control: str = ""


def read_text(node: yaml.Node) -> Text:
    if not isinstance(node, yaml.ScalarNode) or node.tag != STR_TAG:
        return Text(not_text=True)
    value = " ".join(str(node.value).split())
    control = control_character(value)
    return Text(control=control) if control else Text(value)


def count(number: int, word: str) -> str:
    """« 0 dessinée », « 1 dessinée », « 2 dessinées »: French puts 0 and 1 in the singular."""
    return f"{number} {word}{'s' if number > 1 else ''}"


def character_problems(path: str, text: str) -> list[Problem]:
    """One problem per line of a source file holding a character no output can carry."""
    return [
        Problem(
            path,
            line,
            "",
            f"caractère {code} interdit : ni les flux, ni le plan du site, ni les livres ne "
            "peuvent le porter ; retirez-le.",
        )
        for line, code in unwritable(text)
    ]
