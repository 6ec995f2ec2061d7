"""``llms.txt`` and ``llms-full.txt`` at the site's root (which is the sub-path form when the
site lives under a path): what an assistant reads of the base, by the llms.txt specification.

``llms.txt``: the site's name (H1), its description (blockquote), then one H2 section per
category listing each published article's Markdown twin with its description, the reading
paths, and under « Optional » the pages a reader rarely needs. ``llms-full.txt``: every
published article's twin, in the base's order (categories, then each one's reading order).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..state import write_whole

_SPACES = re.compile(r"[ \t\r\n]+")
FILE = "llms.txt"
FULL = "llms-full.txt"
OPTIONAL = "Optional"  # the specification's name for the section that may be skipped


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    note: str = ""


def _text(value: str) -> str:
    """One line of Markdown text: no line break, brackets kept literal."""
    line = _SPACES.sub(" ", value).strip()  # no-break spaces kept (French typography)
    return line.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def index(name: str, description: str, sections: Sequence[tuple[str, Sequence[Entry]]]) -> str:
    lines = [f"# {_text(name)}", ""]
    if description:
        lines += [f"> {_text(description)}", ""]
    for heading, entries in sections:
        if not entries:
            continue
        lines += [f"## {_text(heading)}", ""]
        for entry in entries:
            note = f": {_text(entry.note)}" if entry.note else ""
            lines.append(f"- [{_text(entry.title)}](<{entry.url}>){note}")
        lines.append("")
    return "\n".join(lines)


def write(outdir: Path, text: str, twins: Sequence[Path]) -> None:
    """``llms.txt`` from ``text``; ``llms-full.txt`` from the ``twins`` in their order."""
    write_whole(outdir / FILE, text.encode("utf-8"))
    parts = []
    for path in twins:  # as bytes: at 10,000 articles, decoding them doubled the cost
        with contextlib.suppress(FileNotFoundError):
            parts.append(path.read_bytes())
    write_whole(outdir / FULL, b"\n\n".join(parts))
