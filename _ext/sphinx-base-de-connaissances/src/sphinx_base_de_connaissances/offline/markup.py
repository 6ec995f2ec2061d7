"""An article's built HTML as Typst markup, for the PDF.

Every piece of text is escaped (titles, descriptions and bodies are untrusted: nothing a writer
types can become Typst code), whitespace is collapsed as a browser would (the no-break spaces of
French typography are not whitespace here, so they stay), code keeps its lines. Ids become
labels, and links to an id of the book become links inside the PDF.

What Sphinx writes in an article's body is covered: paragraphs, sections' headings, emphasis,
code, lists, definition lists (the glossary), quotes, tables, figures and images, admonitions,
footnotes, line breaks, rules, formulas (``formula``). Any other element is read through: its
text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4 import NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from .formula import equation

# Characters that mean something in Typst markup, each written escaped (\x).
_SPECIAL = re.compile(r"""([\\/#*_`$<>@\[\]=\-+~'".:;(){}])""")
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace: not U+00A0 nor U+202F
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")
ZWSP = "\u200b"
_START = re.compile(r"[0-9]{1,6}")  # what Typst numbers a list from (the policy's bound)
_SPAN = re.compile(r"[1-9][0-9]{0,2}")  # a table span the book lays out (1 to 999)
_LONG, _PIECE = 30, 20
# Typst breaks lines at spaces, hyphenation points, and after « / - . » in addresses: a run of
# characters that offers none of these could run off the page.
_LONG_RUN = re.compile(rf"[^\s\u200b/\-.?&=_:,;]{{{_LONG},}}")
# Characters of a code line at the book's size (9 pt DejaVu Sans Mono in an A4 column less
# the block's inset: 85 fit); longer lines continue on the next, marked.
CODE_COLUMNS = 84
CONTINUATION = "↪ "

BLOCKS = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "details", "summary",
}  # fmt: skip
_INLINE_CALLS = {
    "em": "emph", "i": "emph", "cite": "emph", "strong": "strong", "b": "strong",
    "sup": "super", "sub": "sub", "del": "strike", "s": "strike", "u": "underline",
    "ins": "underline", "mark": "highlight", "small": "kb-small",
}  # fmt: skip
SKIPPED = {"script", "style", "template", "button", "select", "textarea", "svg"}


def text(value: str) -> str:
    """Plain text in markup: Typst's markup signs escaped, so it prints as it reads; a run
    too long for a line (an address, a token) may break anywhere (``breakable``)."""
    return _SPECIAL.sub(r"\\\1", breakable(value))


def breakable(value: str) -> str:
    """``value`` with a zero-width space every ``_PIECE`` characters of each run of at least
    ``_LONG`` characters where Typst could not break a line (``_LONG_RUN``); words and
    addresses of ordinary length are left as they are, so that their copied text is too."""
    return _LONG_RUN.sub(
        lambda m: ZWSP.join(m[0][i : i + _PIECE] for i in range(0, len(m[0]), _PIECE)), value
    )


def code_lines(code: str, columns: int = CODE_COLUMNS) -> str:
    """A code block's text with each line longer than ``columns`` cut into lines that fit,
    each continuation marked at its start (``↪``), as printed listings do."""
    out = []
    for line in code.split("\n"):
        first, rest = line[:columns], line[columns:]
        out.append(first)
        while rest:
            out.append(CONTINUATION + rest[: columns - len(CONTINUATION)])
            rest = rest[columns - len(CONTINUATION) :]
    return "\n".join(out)


def string(value: str) -> str:
    """A Typst string literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def label(name: str) -> str:
    """A label's name: letters, digits and ``_.:-`` only, each other character encoded."""
    return _LABEL_UNSAFE.sub(lambda m: f"_{ord(m[0]):x}_", name)


def _span(cell: Tag, attribute: str) -> int:
    """A cell's ``colspan`` or ``rowspan`` as the book lays it out: 1 unless a plain number
    within bounds (the build refuses any other; a page read from elsewhere is bounded too)."""
    value = str(cell.get(attribute, "1")).strip()
    return int(value) if _SPAN.fullmatch(value) else 1


def ids(body: Tag) -> set[str]:
    """The labels the body defines (its elements' ids)."""
    return {label(str(element["id"])) for element in body.find_all(id=True)}


class Converter:
    """One book's HTML → Typst conversion. ``known``: every label the book defines (a link to
    any other id of the book goes to its chapter); ``image_path``: the path, under the Typst
    root, of an ``img`` (None: not an image the PDF can hold, its text is shown)."""

    def __init__(self, known: set[str], image_path: Callable[[Tag], str | None]) -> None:
        self.known = known
        self.image_path = image_path
        self.resolve: Callable[[str], str] = lambda href: href

    def convert(self, body: Tag, resolve: Callable[[str], str]) -> str:
        """A chapter's body; ``resolve``: where each of its links leads in this book (an
        ``#id`` of the book, or an address)."""
        self.resolve = resolve
        return self.blocks(body.children)

    # Blocks

    def blocks(self, nodes: Iterable[object], heading: int = 3) -> str:
        """Block content: runs of inline nodes become paragraphs. ``heading``: the Typst level
        of the body's first heading level (h2)."""
        out: list[str] = []
        run: list[object] = []

        def flush() -> None:
            paragraph = self.inline(run).strip()
            if paragraph:
                out.append(paragraph)
            run.clear()

        for node in nodes:
            if isinstance(node, Tag) and node.name in BLOCKS:
                flush()
                block = self.block(node, heading)
                if block.strip():
                    out.append(block)
            elif isinstance(node, Tag) and node.name == "img":
                flush()
                out.append(self.image(node))
            else:
                run.append(node)
        flush()
        return "\n\n".join(out)

    def block(self, node: Tag, heading: int) -> str:
        name = node.name
        anchor = self.anchor(node)
        classes = node.get("class") or []
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            level = min(6, max(1, int(name[1]) - 2 + heading))
            title = self.inline(node.children).strip()
            return f"#heading(level: {level})[{title}]" + (f" <{anchor}>" if anchor else "")
        inner = ""
        if name in {"ul", "ol"}:
            items = [
                f"[{self.blocks(li.children, heading)}]"
                for li in node.find_all("li", recursive=False)
            ]
            start = str(node.get("start") or "")
            if name == "ol":
                first = f"start: {int(start)}, " if _START.fullmatch(start) else ""
                inner = f"#enum({first}{', '.join(items)})" if items else ""
            else:
                inner = f"#list({', '.join(items)})" if items else ""
        elif name == "dl":
            inner = self.definitions(node, heading)
        elif name == "blockquote":
            inner = f"#quote(block: true)[{self.blocks(node.children, heading)}]"
        elif name == "pre":
            code = code_lines(node.get_text().rstrip("\n"))
            inner = f"#raw(block: true, {string(code)})"
        elif name == "figure":  # (the page is shared by every book: read, never changed)
            caption = node.find("figcaption", recursive=False)
            shown = [child for child in node.children if child is not caption]
            body = self.blocks(shown, heading)
            words = self.blocks(caption.children, heading) if caption is not None else ""
            inner = f"#kb-figure[{body}][{words}]"
        elif name == "table":
            inner = self.table(node)
        elif name == "hr":
            inner = "#line(length: 100%, stroke: 0.5pt + luma(60%))"
        elif name in {"div", "aside"} and ("admonition" in classes or "topic" in classes):
            inner = f"#kb-note[{self.blocks(node.children, heading)}]"
        elif name == "p" and ("admonition-title" in classes or "topic-title" in classes):
            inner = f"#strong[{self.inline(node.children).strip()}]"
        elif name == "p":
            inner = self.inline(node.children).strip()
        else:  # a wrapper: what it holds
            inner = self.blocks(node.children, heading)
        return (f"#metadata(none)<{anchor}>" if anchor else "") + inner

    def definitions(self, node: Tag, heading: int) -> str:
        parts = []
        for child in node.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                anchor = self.anchor(child)
                term = self.inline(child.children).strip()
                target = f" <{anchor}>" if anchor else ""
                parts.append(f"#kb-term[{term}]{target}")
            else:
                parts.append(f"#kb-definition[{self.blocks(child.children, heading)}]")
        return "\n\n".join(parts)

    def table(self, node: Tag) -> str:
        rows = node.find_all("tr")
        if not rows:
            return ""
        columns = max(
            sum(_span(c, "colspan") for c in row.find_all(["td", "th"], recursive=False))
            for row in rows
        )
        cells = []
        for row in rows:
            for cell in row.find_all(["td", "th"], recursive=False):
                span = []
                for attribute in ("colspan", "rowspan"):
                    value = _span(cell, attribute)
                    if value > 1:
                        span.append(f"{attribute}: {value}")
                body = self.blocks(cell.children)
                if cell.name == "th":
                    body = f"#strong[{body}]"
                cells.append(f"table.cell({', '.join(span)})[{body}]")
        return f"#table(columns: {max(1, columns)}, {', '.join(cells)})"

    def image(self, node: Tag) -> str:
        path = self.image_path(node)
        alt = str(node.get("alt", ""))
        if path is None:
            return text(alt)
        return f"#kb-image({string(path)}, {string(alt)})"

    # Inline

    def inline(self, nodes: Iterable[object]) -> str:
        return "".join(self.inline_node(node) for node in nodes)

    def inline_node(self, node: object) -> str:
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            return ""
        if isinstance(node, NavigableString):
            return text(_SPACES.sub(" ", str(node)))
        if not isinstance(node, Tag) or node.name in SKIPPED:
            return ""
        anchor = self.anchor(node)
        marker = f"#metadata(none)<{anchor}>" if anchor else ""
        name = node.name
        if name == "br":
            return marker + "#linebreak()"
        if name == "input":  # a task list's box, checked or not; any other input is left out
            if node.get("type") != "checkbox":
                return ""
            return marker + ("☑ " if node.has_attr("checked") else "☐ ")
        if name == "img":
            return marker + self.image(node)
        if name == "math":
            return marker + equation(node)
        if name in {"code", "kbd", "samp", "tt"}:
            return marker + f"#raw({string(breakable(_SPACES.sub(' ', node.get_text())))})"
        content = self.inline(node.children)
        if name == "a" and node.get("href"):
            return marker + self.link(str(node["href"]), content)
        if name in _INLINE_CALLS:
            return marker + f"#{_INLINE_CALLS[name]}[{content}]"
        return marker + content  # any other element, a block inside a paragraph too

    def link(self, href: str, content: str) -> str:
        href = self.resolve(href)
        if not content.strip():
            return content
        if href.startswith("#"):
            target = label(href[1:])
            if target not in self.known:
                target = label(href[1:].split("--", 1)[0])
            if target in self.known:
                return f"#link(<{target}>)[{content}]"
            return content
        return f"#link({string(href)})[{content}]"

    def anchor(self, node: Tag) -> str:
        value = node.get("id")
        return label(str(value)) if value else ""
