"""HTML of the knowledge base's blocks and pages, from autoescaping Jinja templates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..content.dates import duration, french_date, lasting, machine_date
from ..content.text import count

TEMPLATES = Path(__file__).parents[1] / "templates"


def striptags(value: object) -> Markup:
    """Jinja's ``striptags`` (themes print ``<title>`` and previous/next with it), keeping the
    no-break spaces of French typography: Jinja folds all white space, those included."""
    text = str(value).replace("\u00a0", "&nbsp;").replace("\u202f", "&#8239;")
    return Markup(text).striptags()  # noqa: S704 (the filter's own input, as Jinja does)


_NAMED_URL = re.compile(r"(?P<name>[^()]+?) \((?P<url>https?://[^\s()]+)\)")
_BEFORE_NAME = ("licence ", " — ", ", ", " et ")  # what ends the words before a name


def named_links(text: str) -> Markup:
    """Text as a reader reads it: « sous licence CC BY-SA 4.0 (https://…) » (what feeds
    carry) becomes « sous licence » and a link on « CC BY-SA 4.0 »: the name is what follows
    the last « licence », dash, comma or « et » before the address."""

    def link(match: re.Match[str]) -> str:
        text = match["name"]
        cut = max(
            (text.rfind(mark) + len(mark) for mark in _BEFORE_NAME if mark in text), default=0
        )
        name = text[cut:]
        return str(escape(text[:cut]) + Markup('<a href="{}">{}</a>').format(match["url"], name))

    parts, end = [], 0
    for match in _NAMED_URL.finditer(text):
        parts.append(str(escape(text[end : match.start()])) + link(match))
        end = match.end()
    return Markup("".join(parts) + str(escape(text[end:])))  # noqa: S704 (each part escaped)


def keep_no_break_spaces(environments: list[Environment]) -> None:
    for environment in environments:
        environment.filters["striptags"] = striptags


class Renderer:
    """One per application; renders a template with the knowledge base's helpers."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["french_date"] = french_date
        self.env.filters["iso"] = machine_date
        self.env.filters["duration"] = duration
        self.env.filters["lasting"] = lasting
        self.env.filters["named_links"] = named_links
        self.env.filters["count"] = count

    def search(self, folders: list[Path]) -> None:
        """Look for each template in ``folders`` first (a site's ``templates_path``): a site's
        ``_templates/kb/article-header.html`` replaces the engine's, as its other templates
        replace the theme's."""
        self.env.loader = FileSystemLoader([*folders, TEMPLATES])

    def render(self, name: str, link: Callable[[str], str], **context: Any) -> Markup:
        """Render ``kb/<name>``; ``link(pagename)`` gives a relative URL from the current page."""
        html = self.env.get_template(f"kb/{name}").render(link=link, **context)
        return Markup(html)  # noqa: S704 (autoescaped template)


def cache_compiled_templates(environments: list[Environment], folder: Path) -> None:
    """Keep Jinja's compiled templates in ``folder`` between builds: each build compiled the
    same templates again (the theme's and ours: 0.7 s of a one-page rebuild). Jinja keys each
    entry by the template's name and a checksum of its source, so an edited template is
    compiled again."""
    folder.mkdir(parents=True, exist_ok=True)
    for environment in environments:
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
