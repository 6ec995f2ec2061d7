"""HTML the engine rendered from its templates (a generated page's body, a listing on a
document page) as the same plain CommonMark as the documents' twins (``outputs.markdown``).

markdownify does the conversion (decision 0029); this keeps the twins' conventions: ATX
headings, ``-`` bullets, text escaped as the documents' twins escape it, links and images
absolute to the site between ``<…>``, and nothing a reader does not see (hidden elements,
scripts, icons)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from .markdown import escaped

# Never text for a reader: drawn, scripted or hidden elements.
_UNSEEN = ("script", "style", "svg", "template", "button", "form")


class _Converter(MarkdownConverter):  # type: ignore[misc] (markdownify is untyped)
    def __init__(self, page: Callable[[str], str]) -> None:
        super().__init__(heading_style="ATX", bullets="-", escape_misc=False)
        self.page = page

    def escape(self, text: str, parent_tags: set[str]) -> str:
        return escaped(text) if text else ""

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        href = el.get("href")
        if "_noformat" in parent_tags or not text.strip() or not isinstance(href, str):
            return text
        target = self.page(href)
        inner = text.strip()
        if inner.replace("\\", "") == target:
            return f"<{target}>"
        return f"[{inner}](<{target}>)"

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        source = el.get("src")
        if not isinstance(source, str):
            return ""
        return f"![{escaped(str(el.get('alt', '')))}](<{self.page(source)}>)"


def from_html(html: str, page: Callable[[str], str]) -> str:
    """``html``'s Markdown; ``page(href)`` makes an address written in it absolute."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_unseen):
        element.decompose()
    text: str = _Converter(page).convert_soup(soup)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"  # what was dropped leaves no gap


def _unseen(tag: Any) -> bool:
    return isinstance(tag, Tag) and (
        tag.name in _UNSEEN or tag.has_attr("hidden") or tag.get("aria-hidden") == "true"
    )
