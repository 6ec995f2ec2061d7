"""« Cité dans »: the places where an article is cited by another one, each with the sentence
holding the link, cut at word boundaries. Pure: the reading phase finds the links, the writing
phase shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = 16  # at most this many words on each side of the link text
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


@dataclass(frozen=True)
class Citation:
    kind: str  # "doc": ``target`` is a docname; "label": a label the build resolves
    target: str
    before: str
    text: str
    after: str


def quote(paragraph: str, start: int, end: int, words: int = WORDS) -> tuple[str, str, str]:
    """(before, link text, after): the sentence of ``paragraph`` around ``[start:end]``, at most
    ``words`` words on each side, an ellipsis where it is cut."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(paragraph, 0, start)), default=0)
    stop = _SENTENCE_END.search(paragraph, end)
    finish = stop.end() if stop else len(paragraph)
    before, after = paragraph[begin:start].split(), paragraph[end:finish].split()
    head = ("… " if len(before) > words else "") + " ".join(before[-words:])
    tail = " ".join(after[:words]) + (" …" if len(after) > words else "")
    # Punctuation glued to the link text stays glued ("link," not "link ,").
    joiner = " " if paragraph[end : end + 1].isspace() else ""
    return head, " ".join(paragraph[start:end].split()), (joiner + tail) if tail else ""
