"""A page's MathML (``content.mathml`` wrote it) as a Typst equation, for the PDF.

Every character of the formula is written as a Unicode escape, a Latin letter or a digit,
and text as a Typst string: nothing the writer typed can become Typst code. The structure
maps element by element (fractions, roots, scripts, limits, tables); an element the book does
not know gives its content.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

EMPTY = '""'  # an argument with nothing to show
_PLAIN = re.compile(r"[A-Za-z0-9]")
_WORD = re.compile(r"[A-Za-z]+")


def equation(node: Tag) -> str:
    """``<math>`` as ``$…$`` (inline) or ``$ … $`` (a display formula, on its own line)."""
    body = _group(node.children).strip() or EMPTY
    if node.get("display") == "block":
        return f"$ {body} $"
    return f"${body}$"


def _group(children: object) -> str:
    return " ".join(part for part in (_node(child) for child in children) if part)  # type: ignore[attr-defined]


def _argument(node: object) -> str:
    written = _node(node)
    return written if written.strip() else EMPTY


def _node(node: object) -> str:
    if isinstance(node, NavigableString):
        return _symbols(str(node).strip())
    if not isinstance(node, Tag):
        return ""
    name = node.name
    parts = [child for child in node.children if isinstance(child, Tag)]
    if name in {"mi", "mn", "mo"}:
        text = node.get_text().strip()
        if name != "mn" and len(text) > 1 and _WORD.fullmatch(text):
            return f"upright({_string(text)})"  # a function's name: lim, sin, log
        return _symbols(text)
    if name in {"mtext", "ms"}:
        return _string(node.get_text())
    if name == "mspace":
        return "space"
    if name == "mfrac" and len(parts) == 2:
        return f"frac({_argument(parts[0])}, {_argument(parts[1])})"
    if name == "msqrt":
        return f"sqrt({_group(node.children) or EMPTY})"
    if name == "mroot" and len(parts) == 2:
        return f"root({_argument(parts[1])}, {_argument(parts[0])})"
    scripts = {"msub": ("b",), "msup": ("t",), "msubsup": ("b", "t")}
    limits = {"munder": ("b",), "mover": ("t",), "munderover": ("b", "t")}
    if name in scripts | limits:
        keys = (scripts | limits)[name]
        if len(parts) == len(keys) + 1:
            base = _argument(parts[0])
            base = f"limits({base})" if name in limits else base
            pairs = zip(keys, parts[1:], strict=True)
            attached = ", ".join(f"{key}: {_argument(part)}" for key, part in pairs)
            return f"attach({base}, {attached})"
    if name == "mtable":
        rows = []
        for row in node.find_all("mtr", recursive=False):
            cells = [_argument(cell) for cell in row.find_all("mtd", recursive=False)]
            rows.append(", ".join(cells) or EMPTY)
        return f"mat(delim: #none, {'; '.join(rows)})" if rows else ""
    if name == "menclose":
        return f"cancel({_group(node.children) or EMPTY})"
    if name == "mphantom":
        return ""
    return _group(node.children)


def _symbols(text: str) -> str:
    """Characters of a formula: Latin letters and digits as typed (a space between letters,
    so that ``ab`` stays two variables), anything else as a Unicode escape."""
    out = []
    for character in text:
        if character.isspace():
            continue
        if character.isdigit() and character.isascii() and out and out[-1][-1:].isdigit():
            out[-1] += character  # a number's digits stay together
        elif _PLAIN.fullmatch(character):
            out.append(character)
        else:
            out.append(f"\\u{{{ord(character):x}}}")
    return " ".join(out)


def _string(text: str) -> str:
    escaped = "".join(c if _PLAIN.fullmatch(c) or c == " " else f"\\u{{{ord(c):x}}}" for c in text)
    return f'"{escaped}"'
