"""TeX formulas as the source writes them, made MyST's ``{math}`` role and directive, which
the engine typesets as MathML when it builds (no script, no third party).

Which syntax a source has depends on what renders it: MkDocs with Arithmatex and VitePress or
VuePress with a math plugin read ``$…$`` inline and ``$$…$$`` (or ``\\[…\\]``) on their own
lines; GitBook reads ``$$…$$`` only, inline inside a line and displayed alone on its lines.
Without such a renderer a dollar is a dollar, and nothing is changed. A formula the engine
could not typeset stays as typed, in code, and the report says where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..content.mathml import FormulaError, mathml
from .model import code_span

DOLLARS = "dollars"  # Arithmatex, markdown-it's math plugins: $…$ and $$…$$
GITBOOK = "gitbook"  # $$…$$ alone: inline in a line, displayed on its own lines

# $$ … $$ (or \[ … \]) opening at a line's start (after a list's or a quote's indentation).
DISPLAY = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<open>\$\$|\\\[)(?P<body>(?:(?!\$\$|\\\]).)*?)"
    r"(?P<close>\$\$|\\\])[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
INLINE_DOUBLE = re.compile(r"\$\$(?P<body>[^$\n]+?)\$\$")
# $x$: no space inside either dollar, no digit or letter just after the closing one (« 5 $ et
# 10 $ » is money), no escaped dollar.
INLINE = re.compile(
    r"(?<![\\$\w])\$(?![\s$])(?P<body>(?:\\.|[^$\\\n])+?)(?<![\s\\])\$(?![\w$])"
    r"|\\\((?P<paren>[^\n]+?)\\\)"
)
_VITE_MATH = re.compile(r"\bmath\s*:\s*true\b")
_VUEPRESS_MATH = re.compile(r"katex|mathjax|markdown-math", re.IGNORECASE)


def mkdocs_syntax(settings: dict[str, object]) -> str:
    """MkDocs renders TeX when Arithmatex is among its Markdown extensions."""
    extensions = settings.get("markdown_extensions") or []
    names = [
        next(iter(item), "") if isinstance(item, dict) else str(item)
        for item in (extensions if isinstance(extensions, list) else [])
    ]
    return DOLLARS if any("arithmatex" in str(name) for name in names) else ""


def vite_syntax(root: Path, kind: str) -> str:
    """VitePress with ``markdown: { math: true }``; VuePress with a KaTeX or MathJax plugin."""
    folder = root / f".{kind.lower()}"
    for config in sorted(folder.glob("config.*")) if folder.is_dir() else ():
        text = config.read_text("utf-8", errors="replace")
        pattern = _VITE_MATH if kind == "VitePress" else _VUEPRESS_MATH
        if pattern.search(text):
            return DOLLARS
    return ""


def converted(
    text: str, syntax: str, keep: Callable[[str], str], note: Callable[[str, str], None]
) -> str:
    """``text`` (code already masked) with its formulas as MyST math; ``keep`` puts a written
    piece aside from the later passes, ``note(snippet, message)`` reports."""
    if not syntax:
        return text

    def display(match: re.Match[str]) -> str:
        if syntax == GITBOOK and match.group("open") != "$$":
            return match.group(0)
        if (match.group("open") == "$$") != (match.group("close") == "$$"):
            return match.group(0)
        indent = match.group("indent")
        lines = [line.removeprefix(indent) for line in match.group("body").split("\n")]
        tex = "\n".join(lines).strip()
        if not tex or not _typeset(tex, True, match.group(0), note):
            return keep(code_span(" ".join(match.group(0).split())))
        body = "\n".join(f"{indent}{line}".rstrip() for line in tex.split("\n"))
        return keep(f"{indent}```{{math}}\n{body}\n{indent}```")

    def inline(match: re.Match[str]) -> str:
        tex = (match.groupdict().get("paren") or match.group("body")).strip()
        if not _typeset(tex, False, match.group(0), note):
            return keep(code_span(match.group(0)))
        return keep("{math}" + code_span(tex))

    text = DISPLAY.sub(display, text)
    text = INLINE_DOUBLE.sub(inline, text)
    return text if syntax == GITBOOK else INLINE.sub(inline, text)


def _typeset(tex: str, block: bool, snippet: str, note: Callable[[str, str], None]) -> bool:
    try:
        mathml(tex, display=block)
        return True
    except FormulaError as error:
        note(snippet, f"formule « {tex[:60]} » non convertie ({error}) : montrée en code.")
        return False
