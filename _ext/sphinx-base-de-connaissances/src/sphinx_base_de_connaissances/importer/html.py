"""HTML (a WordPress post's) made MyST Markdown, element by element: paragraphs, headings
(shifted so the page's first level is ``##``), emphasis, links, lists, quotes, code, figures
with captions, tables. Text is escaped for MyST (``{``, ``[``, ``*``, ``<``… never become
markup); what has no Markdown form is named in a note. Images and links go through the
caller's ``image`` and ``link`` functions, which decide their targets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from bs4 import BeautifulSoup, NavigableString, Tag

from ..content.sanitize import url_refusal
from ..content.typography import with_spaces
from . import tables
from .model import code_span
from .outline import marker

BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figure",
    "table",
    "hr",
    "section",
    "article",
    "form",  # its labels and texts kept (a page cannot hold a form), noted
    "fieldset",
    "legend",
}
DROPPED = {
    "script",
    "style",
    "noscript",
    "input",
    "textarea",
    "iframe",
    "object",
    "embed",
}
# Elements nested deeper than this are unwrapped (text kept): no page needs it, and the
# conversion, MyST and every output recurse over the nesting.
MAX_DEPTH = 40
# Hard breaks at a paragraph's start or end (a <br> beside a block): they break nothing.
BREAKS_AT_EDGES = re.compile(r"^(?:\s*\\\n)+|(?:\\\n\s*)+$")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|$])")
# What would open a block at a line's start; a list number is escaped at its full stop
# (« 1\. », since « \1 » shows the backslash).
_LINE_START = re.compile(r"^(\s*)([#>+-]|:::)|^(\s*\d+)([.)])", re.MULTILINE)


@dataclass
class Converter:
    image: Callable[[str, str, str], str]  # (src, alt, caption) → Markdown
    link: Callable[[str], str]  # href → the target to write ("": no link, the text alone)
    note: Callable[[str], None]
    # The block editor's footnotes (id → their HTML), from the post's « footnotes » meta.
    footnotes: dict[str, str] = field(default_factory=dict)
    shift: int = 0
    cited: list[str] = field(default_factory=list)  # the footnotes met, in order

    def convert(self, html: str) -> str:
        soup = BeautifulSoup(html, "html.parser")
        flattened = flatten(soup, MAX_DEPTH)
        if flattened:
            self.note(
                f"{flattened} éléments imbriqués à plus de {MAX_DEPTH} niveaux : mis à plat "
                "(leur texte gardé)"
            )
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        self.shift = 2 - min(levels) if levels else 0
        self.cited = []
        text = self.blocks(soup)
        for number, key in enumerate(self.cited, start=1):
            inner = BeautifulSoup(self.footnotes[key], "html.parser")
            text += f"\n\n[^{number}]: {self.inline_of(inner).strip()}"
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    def blocks(self, parent: Tag) -> str:
        out: list[str] = []
        inline: list[str] = []
        ids: list[str] = []  # the ids of the inline elements met since the last block

        def flush() -> None:
            paragraph = " ".join(BREAKS_AT_EDGES.sub("", "".join(inline)).split(" ")).strip()
            if paragraph or ids:
                out.append("\n".join([*map(marker, ids), paragraph]).strip())
            inline.clear()
            ids.clear()

        for child in parent.children:
            if isinstance(child, Tag) and (child.name in BLOCKS or child.name in DROPPED):
                flush()
                block = self.block(child).strip("\n")
                own = [marker(str(child["id"]))] if child.get("id") else []
                if block.strip() or own:
                    out.append("\n".join([*own, block]).strip("\n"))
            else:
                if isinstance(child, Tag):
                    ids.extend(self.anchors(child))
                inline.append(self.inline(child))
        flush()
        return "\n\n".join(out)

    def block(self, tag: Tag) -> str:
        name = tag.name
        if name in DROPPED:
            if name == "iframe" and tag.get("src"):
                src = str(tag["src"])
                title = escape(" ".join(str(tag.get("title") or src).split()))
                return f"[{title}]({destination(src)})" if safe_target(src) else title
            self.note(f"élément <{name}> retiré")
            return ""
        if re.fullmatch(r"h[1-6]", name):
            level = min(6, max(2, int(name[1]) + self.shift))
            return "#" * level + " " + self.inline_of(tag).strip()
        if name in {"ul", "ol"}:
            return self.listing(tag)
        if name == "blockquote":
            inner = self.blocks(tag)
            return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
        if name == "pre":
            code = "\n".join(line.rstrip() for line in tag.get_text().expandtabs(4).split("\n"))
            ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
            return f"{ticks}\n{code.rstrip()}\n{ticks}"
        if name == "figure":
            images = tag.find_all("img")
            caption = tag.find("figcaption", recursive=False)
            if len(images) != 1 or tag.find("figure") is not None:  # a gallery, a table…
                return self.blocks(tag)
            img = images[0]
            text = self.inline_of(caption).strip() if caption else ""
            return self.image(str(img.get("src", "")), str(img.get("alt", "")), text)
        if name == "hr":
            return "---"
        if name == "table":
            return self.table(tag)
        if name == "form":
            self.note("formulaire retiré (le site n’en a pas) : ses libellés et textes gardés")
        return self.blocks(tag)

    def anchors(self, tag: Tag) -> list[str]:
        """The ids in an inline element (not those of a footnote call, which MyST numbers)."""
        found = [tag, *tag.find_all(id=True)]
        return [
            str(t["id"])
            for t in found
            if t.get("id")
            and not (t.name == "sup" and t.get("data-fn"))
            and t.find_parent("sup", attrs={"data-fn": True}) is None
        ]

    def listing(self, tag: Tag) -> str:
        lines = []
        for number, item in enumerate(tag.find_all("li", recursive=False), start=1):
            bullet = f"{number}." if tag.name == "ol" else "-"
            own = [marker(str(item["id"]))] if item.get("id") else []
            inner = [*own, *self.blocks(item).split("\n")]
            lines.append(f"{bullet} {inner[0]}".rstrip())
            lines.extend(("   " + line) if line else "" for line in inner[1:])
        return "\n".join(lines)

    def table(self, tag: Tag) -> str:
        return tables.table(self, tag)

    def inline_of(self, tag: Tag) -> str:
        return "".join(self.inline(child) for child in tag.children)

    def inline(self, node: object) -> str:
        if isinstance(node, NavigableString):
            if type(node).__name__ in {
                "Comment",
                "Doctype",
                "Declaration",
                "ProcessingInstruction",
            }:
                return ""
            return escape(with_spaces(re.sub(r"\s+", " ", str(node))))
        if not isinstance(node, Tag):
            return ""
        name = node.name
        if name in DROPPED:
            return self.block(node)
        if name == "br":
            return "\\\n"
        if name == "sup" and str(node.get("data-fn", "")) in self.footnotes:
            key = str(node["data-fn"])
            if key not in self.cited:
                self.cited.append(key)
            return f"[^{self.cited.index(key) + 1}]"
        inner = self.inline_of(node)
        if name in {"strong", "b"} and inner.strip():
            return f"**{inner.strip()}**"
        if name in {"em", "i"} and inner.strip():
            return f"*{inner.strip()}*"
        if name == "code":
            return code_span(node.get_text())
        if name == "a":
            href = str(node.get("href", "")).strip()
            if href.strip("#") == "" or not inner.strip():  # "#": a button leading nowhere
                return inner
            if node.find("img") is not None and not node.get_text(strip=True):
                return inner  # a linked image: the image alone
            target = self.link(href)
            return f"[{inner.strip()}]({target})" if target else inner
        if name == "img":
            return self.image(str(node.get("src", "")), str(node.get("alt", "")), "")
        return inner


def flatten(soup: BeautifulSoup, limit: int) -> int:
    """Unwrap every element deeper than ``limit`` (walked without recursion); how many."""
    deep: list[Tag] = []
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        for child in tag.children:
            if isinstance(child, Tag):
                if depth + 1 > limit:
                    deep.append(child)
                stack.append((child, depth + 1))
    for tag in reversed(deep):  # the deepest first: each unwraps into a kept parent
        tag.unwrap()
    return len(deep)


def safe_target(url: str) -> bool:
    """A target the site may link to (http, https, mailto or relative), as the build checks."""
    return url_refusal(url) is None


def destination(url: str) -> str:
    """A link's or an image's address as written in Markdown: one line, every character
    that could end it or start markup (space, parentheses, angle brackets, backslash,
    backticks, braces) percent-encoded; what was already encoded stays as it is."""
    cleaned = "".join(ch for ch in url if ch.isprintable()).strip()
    return quote(cleaned, safe="!#$%&'*+,/:;=?@[]~")


def escape(text: str) -> str:
    """Text that MyST shows as written."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}", text)
