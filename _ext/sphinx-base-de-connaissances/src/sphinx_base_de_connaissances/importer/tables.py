"""HTML tables made MyST (by the HTML converter, for WordPress posts and the tables of
Markdown sources): a table stays a pipe table, each row on one line; GitBook's card grid
(``<table data-view="cards">``) becomes a list of links to its pages, with their covers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from bs4 import Tag

from .model import TITLE


class Converter(Protocol):
    """What a table needs of the HTML converter (``html.Converter``)."""

    image: Callable[[str, str, str], str]
    link: Callable[[str], str]

    def inline_of(self, tag: Tag) -> str: ...


def table(converter: Converter, tag: Tag) -> str:
    """A table as MyST: a pipe table, or a card grid's list."""
    if tag.get("data-view") == "cards":
        return cards(converter, tag)
    rows = tag.find_all("tr")
    if not rows:
        return ""
    cells = [[cell(converter, c) for c in r.find_all(["td", "th"])] for r in rows]
    width = max(len(r) for r in cells)
    cells = [r + [""] * (width - len(r)) for r in cells]
    head, *body = cells
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def cell(converter: Converter, tag: Tag) -> str:
    """A table cell's content on one line (a pipe table's row is one line)."""
    text = converter.inline_of(tag).replace("\\\n", " ").replace("\n", " ")
    return re.sub(r"(?<!\\)\|", r"\\|", " ".join(text.split(" ")).strip())  # escaped once


def cards(converter: Converter, tag: Tag) -> str:
    """GitBook's card grid (``<table data-view="cards">``) as a list: each card's text
    leading to its page, its cover image after it. The header says which column is the
    target (``data-card-target``), the cover (``data-card-cover``), or hidden."""
    heads = tag.find("thead")
    roles = [
        "target"
        if th.has_attr("data-card-target")
        else "cover"
        if th.has_attr("data-card-cover")
        else "hidden"
        if th.has_attr("data-hidden")
        else "text"
        for th in (heads.find_all("th") if heads else [])
    ]
    items = []
    for row in tag.find_all("tr"):
        cells = row.find_all("td")
        if not cells:
            continue
        texts, target, cover = [], "", ""
        for index, column in enumerate(cells):
            role = roles[index] if index < len(roles) else "text"
            link = column.find("a", href=True)
            if role == "target" and link is not None:
                target = converter.link(str(link["href"]))
            elif role == "cover" and link is not None:
                cover = converter.image(str(link["href"]), "", "")
            elif role == "text":
                texts.append(cell(converter, column))
        # No text: the page's own title, which the writer knows.
        title = " — ".join(t for t in texts if t) or (TITLE if target else "")
        if not title:
            continue
        item = f"- [{title}]({target})" if target else f"- {title}"
        items.append(item + (f"\n\n  {cover}" if cover and cover.startswith("!") else ""))
    return "\n".join(items)
