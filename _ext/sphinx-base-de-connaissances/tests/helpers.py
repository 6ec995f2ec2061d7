"""What the engine's tests share: an article's file, the warnings of a build, a page read."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_base_de_connaissances.content.schema import Article, Tag

ARTICLE = """---
title: "{title}"
description: "Un article d’essai, assez long pour passer la validation du schéma."
date: {date}
authors: [alice]
category: {category}
{extra}---

{body}"""


def article(
    body: str = "Texte.\n",
    *,
    title: str = "Un article d’essai",
    date: str = "2026-01-15",
    category: str = "strategie",
    extra: str = "",
) -> str:
    return ARTICLE.format(title=title, date=date, category=category, extra=extra, body=body)


def write(srcdir: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        target = srcdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, "utf-8")


def warnings_of(text: str) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines() if "WARNING" in line]


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


def pages_written(outdir: Path) -> dict[str, bytes]:
    """Every page of a build and its Markdown twin, and llms.txt, as {relative path: bytes}."""
    found = sorted([*outdir.rglob("*.html"), *outdir.rglob("*.md"), *outdir.glob("llms*.txt")])
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in found
        if "_sources" not in path.parts
    }


def article_record(
    name: str, day: int, category: str = "a", tags: str = "", **fields: object
) -> Article:
    """An article as the engine holds it (no file), published on ``day`` of January 2026."""
    return Article(
        docname=f"articles/{name}",
        slug=name,
        title=f"Titre {name}",
        description="Une description assez longue pour être valide ici.",
        date=dt.date(2026, 1, day),
        category=category,
        authors=("alice",),
        tags=tuple(Tag(t, t) for t in tags.split()),
        **fields,
    )
