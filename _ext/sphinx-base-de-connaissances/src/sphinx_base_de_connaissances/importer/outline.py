"""Each imported page's headings and anchors, whatever the source, made what the strict
build accepts: heading levels renumbered without gaps (the first at ``##``: the title is the
page's ``#``), and every anchor a link targets made to exist. A heading MyST gives an anchor
to (down to ``HEADING_ANCHORS``) keeps its own; a deeper heading or an element's id (the
readers leave an ``ANCHOR`` marker where one stood) gets a label named after the page, so it
is unique in the base."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.slugs import slugify
from .model import ANCHOR

HEADING_ANCHORS = 3  # the starter's ``myst_heading_anchors``
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
RULE = re.compile(r"^[ \t>]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:")
MARKER = re.compile(r"^\s*(?:> )*\(" + re.escape(ANCHOR) + r"([^)\s]*)\)=[ \t]*$")


@dataclass(frozen=True)
class Anchored:
    body: str
    fragments: dict[str, str]  # each anchor wanted and found → the fragment links now take
    missing: tuple[str, ...]  # each anchor wanted and found nowhere


def marker(anchor: str) -> str:
    """The line a reader writes before the block an element's id stood on."""
    return f"({ANCHOR}{slugify(anchor) or 'ancre'})="


def headings(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line index, level, title) of each ATX heading, outside code fences."""
    fenced = _fenced(lines)
    for index, line in enumerate(lines):
        found = None if index in fenced else HEADING.match(line)
        if found:
            yield index, len(found.group(1)), found.group(2)


def renumbered(body: str) -> str:
    """``body`` with its headings nested without gaps from ``##``: each takes one level
    below the nearest heading above it that the source put higher."""
    lines = body.split("\n")
    stack: list[tuple[int, int]] = []  # (source level, new level) of the open sections
    for index, level, title in list(headings(lines)):
        while stack and stack[-1][0] >= level:
            stack.pop()
        new = min(6, stack[-1][1] + 1 if stack else 2)
        stack.append((level, new))
        if new != level:
            lines[index] = f"{'#' * new} {title}"
    return "\n".join(lines)


def without_stray_rules(body: str) -> str:
    """``body`` without the thematic breaks docutils refuses: inside anything (a list, a
    quote, a directive), at the start or end of the page or of a section, or beside another.
    (A ``---`` right under a line of text is a heading's underline.)"""
    lines = body.split("\n")
    heads = {index for index, _, _ in headings(lines)}
    fenced = _fenced(lines)
    nested = _in_directives(lines, fenced)
    blocks = [
        index
        for index, line in enumerate(lines)
        if line.strip()
        and index not in fenced
        and not MARKER.match(line)
        and not FOOTNOTE.match(line)  # MyST moves definitions out of the flow
    ]

    def rule(index: int) -> bool:
        return bool(RULE.match(lines[index])) and (index == 0 or not lines[index - 1].strip())

    dropped = set()
    last = None  # the last block kept before the one looked at
    for position, index in enumerate(blocks):
        if rule(index):
            after = next((i for i in blocks[position + 1 :] if not rule(i)), None)
            if (
                lines[index] != lines[index].lstrip()
                or lines[index].startswith(">")
                or index in nested
                or last is None
                or last in heads
                or rule(last)
                or after is None
                or after in heads
            ):
                dropped.add(index)
                continue
        last = index
    kept = [line for index, line in enumerate(lines) if index not in dropped]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


def _in_directives(lines: list[str], fenced: set[int]) -> set[int]:
    """The indices of the lines inside colon-fenced directives (``:::{note}`` … ``:::``)."""
    inside: set[int] = set()
    depth = 0
    for index, line in enumerate(lines):
        if index in fenced:
            continue
        if re.match(r"^:{3,}\{", line):
            depth += 1
        elif re.match(r"^:{3,}\s*$", line) and depth:
            depth -= 1
        elif depth:
            inside.add(index)
    return inside


def _fenced(lines: list[str]) -> set[int]:
    """The indices of the lines inside (or opening, closing) code fences."""
    inside: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            inside.add(index)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        opened = FENCE.match(line)
        if opened:
            fence = opened.group(1)
            inside.add(index)
    return inside


def slugs(title: str) -> set[str]:
    """The anchors MyST (GitHub-style slug) and docutils (id) give a heading."""
    from docutils.nodes import make_id
    from myst_parser.slugs import github_slugify

    return {github_slugify(title), make_id(title)}


def anchored(body: str, wanted: set[str], page: str) -> Anchored:
    """``body`` with a label before each wanted anchor MyST would not make, every unused
    marker removed; ``page`` (the article's unique stem) prefixes the labels."""
    lines = body.split("\n")
    found = list(headings(lines))
    shallow = {s for _, level, title in found if level <= HEADING_ANCHORS for s in slugs(title)}
    deep = {s: index for index, _, title in found for s in slugs(title)}
    markers: dict[str, int] = {}
    for index, line in enumerate(lines):
        matched = MARKER.match(line)
        if matched:
            markers.setdefault(matched.group(1), index)
    fragments: dict[str, str] = {}
    labels: dict[int, str] = {}  # line index → the label to put before it (or in its place)
    missing = []
    for anchor in sorted(wanted):
        if anchor in shallow:
            fragments[anchor] = anchor
            continue
        at = markers.get(slugify(anchor) or "ancre", deep.get(anchor))
        if at is None:
            missing.append(anchor)
            continue
        label = labels.get(at) or slugify(f"{page}-{anchor}") or "ancre"
        labels[at] = label
        fragments[anchor] = label
    out = []
    for index, line in enumerate(lines):
        matched = MARKER.match(line)
        label = labels.get(index)
        if label is not None:
            prefix = line[: len(line) - len(line.lstrip(" >"))] if matched else ""
            out.append(f"{prefix}({label})=")
        if not matched:
            out.append(line)
    text = "\n".join(out)
    return Anchored(re.sub(r"\n{3,}", "\n\n", text), fragments, tuple(missing))


def holds(body: str, anchor: str) -> bool:
    """Whether a heading of ``body`` (any level) or an element's marker gives ``anchor``."""
    lines = body.split("\n")
    if any(anchor in slugs(title) for _, _, title in headings(lines)):
        return True
    wanted = slugify(anchor) or "ancre"
    return any((m := MARKER.match(line)) and m.group(1) == wanted for line in lines)


def placed(body: str, wanted: set[str], page: str) -> Anchored:
    """What the writer places of a page's body: renumbered, without stray rules, anchored."""
    return anchored(without_stray_rules(renumbered(body)), wanted, page)


def split(body: str, max_headings: int, max_bytes: int) -> list[str]:
    """``body`` cut before its top-level headings into parts that each stay within
    ``max_headings`` headings and ``max_bytes`` bytes (a section alone larger stays whole).
    Each part but the first starts with a heading."""
    lines = body.split("\n")
    found = list(headings(lines))
    if len(found) <= max_headings and len(body.encode("utf-8")) <= max_bytes:
        return [body]
    # Cut before the headings of the highest level whose sections each fit (a changelog's
    # one « ## » holds hundreds of « ### »: cut before those).
    for top in sorted({level for _, level, _ in found}):
        cuts = [index for index, level, _ in found if level <= top and index > 0]
        bounds = list(zip([0, *cuts], [*cuts, len(lines)], strict=True))
        if all(
            sum(1 for index, _, _ in found if a <= index < b) <= max_headings
            and len("\n".join(lines[a:b]).encode("utf-8")) < max_bytes
            for a, b in bounds
        ):
            break
    parts: list[list[str]] = [[]]
    size = heads = 0
    for start, end in zip([0, *cuts], [*cuts, len(lines)], strict=True):
        section = lines[start:end]
        section_heads = sum(1 for index, _, _ in found if start <= index < end)
        section_size = len("\n".join(section).encode("utf-8")) + 1
        if parts[-1] and (heads + section_heads > max_headings or size + section_size > max_bytes):
            parts.append([])
            size = heads = 0
        parts[-1] += section
        size += section_size
        heads += section_heads
    return ["\n".join(part).strip("\n") + "\n" for part in parts]
