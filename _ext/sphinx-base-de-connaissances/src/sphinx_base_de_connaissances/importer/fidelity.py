"""How much of the source a reader finds in the base: the import's own measure, per page
and for the whole source. Words kept (each word of the source's text found in the written
page, as many times), images shown (placed from a file, not left as a link), links to the
source's own pages that still lead to one, old addresses that still answer, and pages where
markup the engine cannot render would show as text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .model import Page

WORD = re.compile(r"\w+")
# Markup of another tool, shown as text once escaped: macros, Liquid tags, attribute lists,
# MkDocs tabs and admonitions, wikilinks, snippets, icon shortcodes, TeX math. (Raw HTML the
# build accepts is rendered, and so are entities: neither shows.)
RAW = re.compile(
    r"\{\{|\{%|\{:|\{\s*[.#][\w-]|\{\s*[\w-]+=|^\s*===? \"|^\s*(?:!!!|\?\?\?\+?) |\[\[|--8<--"
    r"|(?<![\w$])\$[^$\s][^$\n]*\$(?![\w$])|\$\$|(?<![\w:]):(?:material|fontawesome|octicons|simple)"
    r"-[\w-]+:",
    re.MULTILINE,
)
# HTML the import escaped (it would not pass the build): its tags show as text.
ESCAPED_TAG = re.compile(r"\\<[A-Za-z/]")
# What a page's markup places: an image from a file, a figure, a link's target.
IMAGE_PLACED = re.compile(r"!\[[^\]]*\]\((?!https?:|//)[^)]+\)|^:::+\{figure\} ", re.MULTILINE)
TARGET = re.compile(r"\]\([^)]*\)|^\([^)\s]*\)=$|^:::+\{\w+\}.*$|^:\w+:.*$", re.MULTILINE)


LINKED = re.compile(r"!?(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)]*\)")  # [text](target) → text
CODE = re.compile(
    r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$|(`+)[^`]*?\2", re.DOTALL | re.MULTILINE
)


def visible(body: str) -> str:
    """The text of ``body`` a reader sees as text: no code, no link target, no label, no
    directive line, escapes undone."""
    text = LINKED.sub(r"\1", CODE.sub(" ", body))
    return re.sub(r"\\(?=[^\w\s])", "", TARGET.sub(" ", text))


def markdown_text(markdown: str) -> str:
    """A Markdown source page's text as its site showed it: no link target or definition,
    no tag of HTML or of a template, no attribute list, icon or snippet line."""
    from .blocks import ATTRIBUTES_LIST, DEFINITION, ICON, SNIPPET

    autodoc = re.compile(r"^:::[ \t]+\w+(?:\.\w+)+[ \t]*\n(?:(?:[ \t]+.*)?\n)*", re.MULTILINE)
    for markup in (DEFINITION, ATTRIBUTES_LIST, ICON, SNIPPET, autodoc):
        markdown = markup.sub(" ", markdown)
    return re.sub(r"\]\([^)]*\)|<[^>]*>|\{%.*?%\}", " ", markdown, flags=re.DOTALL)


def html_text(html: str) -> str:
    """An HTML source page's text, as a browser shows it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(["script", "style", "noscript", "template"]):
        hidden.decompose()
    return soup.get_text(" ")


def shown_images(body: str) -> int:
    """The images ``body`` shows from the base's files: inline ones, figures, and those by
    reference (``![alt][label]``) whose definition names a file."""
    from .blocks import DEFINITION, IMAGE_REFERENCE

    local = {
        " ".join(m.group("label").split()).casefold()
        for m in DEFINITION.finditer(body)
        if not re.match(r"<?(?:https?:)?//", m.group("target"))
    }
    by_reference = sum(
        " ".join((m.group(2) or m.group(1)).split()).casefold() in local
        for m in IMAGE_REFERENCE.finditer(body)
    )
    return len(IMAGE_PLACED.findall(body)) + by_reference


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


@dataclass
class Tally:
    words: int = 0
    words_kept: int = 0
    images: int = 0
    images_kept: int = 0
    links: int = 0
    links_kept: int = 0
    links_missing: int = 0  # to a page the source itself lacks
    images_missing: int = 0  # naming a file the source itself lacks
    olds: int = 0
    olds_kept: int = 0
    pages: int = 0
    raw: list[str] = field(default_factory=list)  # the pages showing foreign markup

    def add(self, page: Page, body: str, links_kept: int, olds_kept: int) -> None:
        """Count ``page`` as written (``body``: its MyST)."""
        source = words(page.seen.text)
        self.words += sum(source.values())
        self.words_kept += sum((source & words(TARGET.sub(" ", body))).values())
        self.images += page.seen.images
        self.images_kept += min(page.seen.images, shown_images(body))
        self.links += page.seen.links
        self.links_kept += min(page.seen.links, links_kept)
        self.links_missing += page.seen.missing
        self.images_missing += page.seen.missing_images
        self.olds += len(set(page.old))
        self.olds_kept += olds_kept
        self.pages += 1
        # Only what the source did not show as text itself (a post about HTML shows tags).
        shown = {m.group(0) for m in RAW.finditer(page.seen.text)}
        escaped = ESCAPED_TAG.search(CODE.sub(" ", body)) and "<" not in page.seen.text
        if escaped or any(m.group(0) not in shown for m in RAW.finditer(visible(body))):
            self.raw.append(page.source)

    def lines(self) -> list[str]:
        """The report's lines, in French."""

        def rate(kept: int, total: int) -> str:
            if not total:
                return "– (aucun)"
            shown = f"{100 * kept / total:.1f}".replace(".", ",")
            return f"{shown} % ({kept}/{total})"

        lines = [
            f"  mots gardés : {rate(self.words_kept, self.words)}",
            f"  images montrées : {rate(self.images_kept, self.images)}",
            *(
                [f"    et {self.images_missing} que la source n’a pas (déjà cassées)"]
                if self.images_missing
                else []
            ),
            f"  liens internes qui mènent à leur page : {rate(self.links_kept, self.links)}",
            *(
                [f"    et {self.links_missing} vers une page que la source n’a pas (déjà cassés)"]
                if self.links_missing
                else []
            ),
            f"  anciennes adresses qui répondent : {rate(self.olds_kept, self.olds)}",
            f"  pages montrant une syntaxe brute : {rate(len(self.raw), self.pages)}",
        ]
        lines += [f"    {source}" for source in self.raw[:20]]
        if len(self.raw) > 20:
            lines.append(f"    … et {len(self.raw) - 20} autres")
        return lines
