"""French spacing, the way a French publisher sets text: the sign never starts a line.

- a narrow no-break space (U+202F) before ``;``, ``!``, ``?`` and ``»`` and after ``«``;
- a no-break space (U+00A0) before ``:``;
- a narrow no-break space between a number and ``%`` or a currency sign.

Only where the writer typed a space (or a no-break space of the other width): where none was
typed (« Bonjour! »), nothing is guessed; ``missing_spaces`` finds those for the lint. Times
(``10:30``), URLs and emoticons (`` :)``, `` ;-)``) have no space before the sign, or are
recognised, and stay as typed. Pure: the build applies it to the text nodes of documents (not
code, math, raw HTML or URLs), to front matter titles and descriptions and to data files.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
_TYPED = "[ \t\n\u00a0\u202f]+"  # what a writer's space can be in a source
# An emoticon after the sign: ":)", ";-)", ":D"… followed by a space, punctuation or the end.
_EMOTICON = r"-?[()DPpOo3|/\\*](?=$|[\s.,;:!?)])"
_BEFORE_HIGH = re.compile(rf"{_TYPED}(?=;(?!{_EMOTICON})|[!?])")
_BEFORE_COLON = re.compile(rf"[ \t\n\u00a0]+(?=:(?!{_EMOTICON}))")
_AFTER_OPENING = re.compile(rf"«{_TYPED}")
_BEFORE_CLOSING = re.compile(rf"{_TYPED}»")
_UNIT = re.compile(rf"(?<=\d){_TYPED}(?=[%‰€$£¥])")


def french_spacing(text: str) -> str:
    if not any(sign in text for sign in ";:!?«»%‰€$£¥"):
        return text  # most text: nothing to do, nothing allocated
    text = _BEFORE_HIGH.sub(NNBSP, text)
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    text = _BEFORE_CLOSING.sub(NNBSP + "»", text)
    return _UNIT.sub(NNBSP, text)


# A sign glued to the word before it (or «, » glued to the word inside), outside URLs and times.
_GLUED = re.compile(
    r"(?<=[^\W\d_])([;!?])(?![;!?]*[^\s;!?.,)»\"'’”])"  # "Bonjour!", not "a?b=1" (a URL)
    r"|(?<=[^\W\d_])(:)(?=\s|$)"  # "Note:" (a time or a URL has no space after)
    r"|(«)(?=\w)|(?<=\w)(»)"  # "«citation»"
    r"|(?<=\d)(%)"  # "25%"
)
# Where a sign is no punctuation: URLs, and HTML character references (« &lt; », « &#233; »).
_URL = re.compile(r"\b(?:https?|ftp|mailto):\S+|\bwww\.\S+|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")


def missing_spaces(text: str) -> list[str]:
    """The signs of ``text`` glued to a word where French wants a space, as they appear."""
    bare = _URL.sub(" ", text)
    return [next(group for group in match.groups() if group) for match in _GLUED.finditer(bare)]


def with_spaces(text: str) -> str:
    """``text`` with a space typed wherever ``missing_spaces`` finds a sign glued to a word
    (URLs left as they are): what an import writes, so that text typed for another language
    meets the lint; the build then makes each space the right no-break one. URLs and
    character references are left as they are."""
    out, last = [], 0
    for url in _URL.finditer(text):
        out.append(_GLUED.sub(_spaced, text[last : url.start()]))
        out.append(url.group(0))
        last = url.end()
    out.append(_GLUED.sub(_spaced, text[last:]))
    return "".join(out)


def _spaced(match: re.Match[str]) -> str:
    sign = next(group for group in match.groups() if group)
    return "« " if sign == "«" else f" {sign}"
