"""The book's HTML for the PDF, from its template (autoescaped: titles and descriptions are
untrusted text) and its stylesheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..content.vocab import Vocabulary
from ..writing.render import french_date
from .assemble import Chapter, author_names
from .plan import Book

HERE = Path(__file__).parent
FONTS = HERE.parent / "fonts"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["french_date"] = french_date
    return env


def book_html(
    book: Book,
    chapters: list[Chapter],
    *,
    project: str,
    base: str,
    url: dict[str, str],
    vocab: Vocabulary,
    edition: dt.date,
) -> str:
    env = environment()
    css = env.get_template("book.css").render(fonts=FONTS.resolve().as_uri())
    authors = {c.anchor: author_names(c.article, vocab) for c in chapters if c.article}
    return env.get_template("book.html").render(
        book=book,
        chapters=chapters,
        project=project,
        base=base,
        urls=url,
        authors=authors,
        edition=edition,
        css=css,
    )
