"""Stylesheets cut to the rules whose classes and ids can appear, then minified (tinycss2).

A selector is kept unless one of its classes or ids is unknown: what sits inside functional
pseudo-classes (``:not(.x)``, ``:is(.a, .b)``) and attribute selectors is not checked, so the
cut errs on the side of keeping. ``@media``, ``@supports``, ``@layer`` and ``@container`` are
cut inside and dropped when empty; other at-rules (``@font-face``, ``@keyframes``…) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import tinycss2
from tinycss2 import ast

NESTED = frozenset({"media", "supports", "layer", "container"})
DROPPED = frozenset({"charset", "import"})
URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")
# The local files a rewritten bundle references (rewrite_urls writes them quoted).
URL_TARGETS = re.compile(r'url\("(?![a-z]+:|/|#)([^"?#]+)')


def minified(tokens: Iterable[ast.Node]) -> str:
    """Tokens as CSS text, comments dropped and every run of whitespace one space."""
    parts: list[str] = []
    for token in tokens:
        if token.type == "whitespace":
            parts.append(" ")
        elif token.type == "comment":
            continue
        elif isinstance(token, ast.FunctionBlock):
            parts.append(f"{ast.serialize_identifier(token.name)}({minified(token.arguments)})")
        elif isinstance(token, ast.ParenthesesBlock):
            parts.append(f"({minified(token.content)})")
        elif isinstance(token, ast.SquareBracketsBlock):
            parts.append(f"[{minified(token.content)}]")
        elif isinstance(token, ast.CurlyBracketsBlock):
            parts.append(f"{{{minified(token.content)}}}")
        else:
            parts.append(token.serialize())
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    """A selector list split at its top-level commas."""
    result: list[list[ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            result.append([])
        else:
            result[-1].append(token)
    return result


def names(selector: list[ast.Node]) -> Iterable[str]:
    """The class and id names a selector requires (outside functions and brackets)."""
    previous: ast.Node | None = None
    for token in selector:
        if token.type == "ident" and previous is not None and previous.type == "literal":
            if previous.value == ".":
                yield token.value
        elif token.type == "hash" and token.is_identifier:
            yield token.value
        previous = token


def cut(css: str, known: Callable[[str], bool], where: str = "") -> tuple[str, list[str]]:
    """``css`` with only the rules whose names are all ``known``; also the problems met."""
    problems: list[str] = []
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_rules(rules, known, problems, where)), problems


def _rules(
    rules: Iterable[ast.Node], known: Callable[[str], bool], problems: list[str], where: str
) -> Iterable[str]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            kept = [s for s in selectors(rule.prelude) if all(map(known, names(s)))]
            if kept:
                prelude = ",".join(minified(s) for s in kept)
                yield f"{prelude}{{{minified(rule.content)}}}"
        elif isinstance(rule, ast.AtRule):
            keyword = rule.lower_at_keyword
            if keyword in DROPPED:
                if keyword == "import":
                    problems.append(f"{where}: @import {minified(rule.prelude)} not bundled")
            elif keyword in NESTED and rule.content is not None:
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                body = "".join(_rules(inner, known, problems, where))
                if body:
                    yield f"@{rule.at_keyword} {minified(rule.prelude)}{{{body}}}"
            else:
                prelude = minified(rule.prelude)
                head = f"@{rule.at_keyword} {prelude}" if prelude else f"@{rule.at_keyword}"
                body = "" if rule.content is None else f"{{{minified(rule.content)}}}"
                yield head + (body or ";")
        elif isinstance(rule, ast.ParseError):
            problems.append(f"{where}:{rule.source_line}: {rule.message}")


def rewrite_urls(css: str, rewrite: Callable[[str], str]) -> str:
    """Every ``url()`` of ``css`` passed through ``rewrite`` (which gets the URL as written)."""
    return URL.sub(lambda match: f'url("{rewrite(match.group(2))}")', css)
