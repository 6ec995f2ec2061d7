"""Markdown style of articles, read with MyST's own parser (so directives, roles and front
matter are understood): each problem in French with its line.

Rules: no level-1 heading in the body (the title comes from the front matter); no skipped
heading level; every image has a text alternative; every link has a text; raw HTML only as
the build's policy allows it (content/sanitize.py: no script, frame, form, style or event handler);
no trailing white space, no tab; no sign glued to a word where French typography wants a space
(« Bonjour! », see typography.py), unless the line ends with `<!-- typographie: ok -->`.
"""

from __future__ import annotations

from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils.base import DocutilsRenderer
from myst_parser.parsers.mdit import create_md_parser

from . import sanitize
from .frontmatter import Problem
from .typography import missing_spaces

MESSAGES = {
    "h1": "titre de niveau 1 (« # ») interdit : le titre vient du champ « title ».",
    "skip": "intertitre de niveau {depth} après un niveau {level} ; n’en sautez pas.",
    "alt": "image sans texte alternatif : décrivez-la entre les crochets ![…](…).",
    "link": "lien sans texte : écrivez [texte du lien](adresse).",
    "spaces": "espaces en fin de ligne ; supprimez-les.",
    "tab": "tabulation ; utilisez des espaces.",
    "typo": "typographie : espace manquante {where} « {sign} » ; tapez une espace, le site la "
    "rend insécable (pour un nom comme « Yahoo! », ajoutez {marker} en fin de ligne).",
}
# Written at the end of a line, it silences the typography rule on that line.
TYPO_OK = "<!-- typographie: ok -->"
_PARSER = create_md_parser(
    MdParserConfig(enable_extensions={"colon_fence", "deflist"}), DocutilsRenderer
)


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def check_style(path: str, text: str) -> list[Problem]:
    problems: list[Problem] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if line != line.rstrip():
            problems.append(Problem(path, number, "", MESSAGES["spaces"]))
        if "\t" in line:
            problems.append(Problem(path, number, "", MESSAGES["tab"]))
    level = 1
    for token in _PARSER.parse(text):
        if token.type == "heading_open":
            depth = int(token.tag[1])
            if depth == 1:
                problems.append(Problem(path, _line(token), "", MESSAGES["h1"]))
            elif depth > level + 1:
                message = MESSAGES["skip"].format(depth=depth, level=level)
                problems.append(Problem(path, _line(token), "", message))
            level = depth
        elif token.type == "html_block" or token.type == "inline":
            # The build's own policy (content/sanitize.py), so that the lint and the build agree.
            fragments = (
                [token.content]
                if token.type == "html_block"
                else [
                    child.content for child in token.children or [] if child.type == "html_inline"
                ]
            )
            for fragment in fragments:
                problems += [
                    Problem(path, _line(token), "", refusal.message)
                    for refusal in sanitize.refusals(fragment)
                ]
        if token.type == "inline":
            problems += _inline(path, token)
            problems += _typography(path, token, lines)
    problems += _front_typography(path, lines)
    return sorted(problems, key=lambda p: p.line)


def _typo(path: str, number: int, text: str, lines: list[str]) -> list[Problem]:
    if number - 1 < len(lines) and TYPO_OK in lines[number - 1]:
        return []
    return [
        Problem(
            path,
            number,
            "",
            MESSAGES["typo"].format(
                where="après" if sign == "«" else "avant", sign=sign, marker=TYPO_OK
            ),
        )
        for sign in missing_spaces(text)
    ]


def _typography(path: str, token: Token, lines: list[str]) -> list[Problem]:
    """Signs glued to a word in the text of a paragraph or heading (not code, not URLs)."""
    problems = []
    number = _line(token)
    link_is_url = False
    for child in token.children or []:
        if child.type in {"softbreak", "hardbreak"}:
            number += 1
        elif child.type == "link_open":
            link_is_url = "://" in str(child.attrGet("href") or "")
        elif child.type == "link_close":
            link_is_url = False
        elif child.type == "text" and not (link_is_url and "://" in child.content):
            problems += _typo(path, number, child.content, lines)
    return problems


def _front_typography(path: str, lines: list[str]) -> list[Problem]:
    """The title and description of the front matter: pages show them as typed."""
    if not lines or lines[0].strip() != "---":
        return []
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        key, _, value = line.partition(":")
        if key.strip() in {"title", "description"}:
            problems += _typo(path, number, value, lines)
    return problems


def _inline(path: str, token: Token) -> list[Problem]:
    problems = []
    children = token.children or []
    for index, child in enumerate(children):
        if child.type == "image" and not child.content.strip():
            problems.append(Problem(path, _line(token), "", MESSAGES["alt"]))
        if child.type == "link_open":
            following = children[index + 1] if index + 1 < len(children) else None
            if following is None or following.type == "link_close":
                problems.append(Problem(path, _line(token), "", MESSAGES["link"]))
    return problems
