"""The one rule for a text field of a YAML file (front matter, data files): a YAML string,
white space folded, no control character."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import yaml

STR_TAG = "tag:yaml.org,2002:str"


def control_character(text: str) -> str:
    """The first control character of ``text`` as ``U+XXXX`` (line breaks and tabs included,
    and the bidirectional overrides that disguise text), or ""."""
    for ch in text:
        if (
            unicodedata.category(ch) in {"Cc", "Cs", "Co"}
            or "\u202a" <= ch <= "\u202e"
            or ("\u2066" <= ch <= "\u2069")
        ):
            return f"U+{ord(ch):04X}"
    return ""


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
