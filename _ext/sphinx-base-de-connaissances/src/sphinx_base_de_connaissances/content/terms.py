"""Glossary terms as readers see them in a popover: the entry's label, its definition as plain
text and where it lives. Pure data: the reading phase collects them from ``{glossary}``
directives, the writing phase puts the ones a page uses into that page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    docname: str  # the page holding the glossary
    anchor: str  # the entry's id in that page (``term-…``)
    label: str
    definition: str
