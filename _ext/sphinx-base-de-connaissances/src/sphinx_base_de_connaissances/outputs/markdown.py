"""A page's Markdown twin: its resolved document as plain CommonMark, for readers and
assistants (``page.md`` beside ``page.html``, listed by ``llms.txt``).

MyST's blocks become what plain Markdown has: admonitions and side notes quoted blocks with
their title in bold, figures an image and its caption, glossary terms and citations the text
with their link, math TeX between dollars, definition lists bold terms. Every link and image is
absolute to the site; what the engine adds around the text (header, footer, popovers: raw HTML)
and comments are left out, unless ``raw`` gives that HTML's Markdown (the engine's listings).
A node this writer does not know gives its text, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from docutils import nodes
from sphinx import addnodes

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_MARK = re.compile(r"^(\s*)([#>+-])(\s)", re.M)
_NUMBER = re.compile(r"^(\s*\d+)([.)])(\s)", re.M)


def escaped(text: str) -> str:
    """Text as Markdown shows it literally (a line that would start a block kept text)."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _NUMBER.sub(r"\1\\\2\3", _MARK.sub(r"\1\\\2\3", text))


def front_matter(fields: dict[str, object]) -> str:
    """YAML between ``---`` lines, each value quoted as YAML needs it."""
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n"


def code_span(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def indented(text: str, first: str) -> str:
    pad = " " * len(first)
    lines = text.splitlines() or [""]
    rest = [f"{pad}{line}" if line else "" for line in lines[1:]]
    return "\n".join([f"{first}{lines[0]}", *rest])


def fence(node: nodes.Element) -> str:
    """A literal block between backtick fences longer than any run of backticks in it."""
    text = node.astext().rstrip("\n")
    marks = "```"
    while marks in text:
        marks += "`"
    language = str(node.get("language", "")).strip()
    language = "" if language in {"default", "none", "text"} else language
    return f"{marks}{language}\n{text}\n{marks}"


@dataclass(frozen=True)
class Links:
    """How the page's addresses become absolute: ``page(refuri)`` for a link written relative
    to the page, ``image(uri)`` for an image's source path, ``document(docname)`` for a
    table of contents' entry."""

    page: Callable[[str], str]
    image: Callable[[str], str]
    document: Callable[[str], tuple[str, str]]  # a document's title and address, by name


class Markdown:
    """One document's Markdown (``Markdown(links).document(doctree)``)."""

    def __init__(self, links: Links, raw: Callable[[nodes.raw], str] = lambda _: "") -> None:
        self.links = links
        self.raw = raw  # raw HTML's Markdown: only what is text for the reader
        self.notes: list[str] = []

    # -- inline ----------------------------------------------------------------------------
    def inline(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Text):
            return escaped(str(node))
        if isinstance(node, nodes.raw | nodes.comment | nodes.target | nodes.system_message):
            return ""
        inner = "".join(self.inline(child) for child in node.children)
        if isinstance(node, nodes.emphasis):
            return f"*{inner}*" if inner.strip() else inner
        if isinstance(node, nodes.strong):
            return f"**{inner}**" if inner.strip() else inner
        if isinstance(node, nodes.literal):
            return code_span(node.astext())
        if isinstance(node, nodes.math):
            return f"${node.astext()}$"
        if isinstance(node, nodes.footnote_reference):
            return f"[^{node.astext()}]"
        if isinstance(node, nodes.image):
            return self.image(node)
        if isinstance(node, nodes.reference):
            return self.reference(node, inner)
        return inner

    def reference(self, node: nodes.Element, text: str) -> str:
        if node.get("refuri"):
            target = self.links.page(str(node["refuri"]))
        elif node.get("refid"):
            target = self.links.page("#" + str(node["refid"]))
        else:
            return text
        return f"[{text or escaped(target)}](<{target}>)"

    def image(self, node: nodes.Element) -> str:
        source = self.links.image(str(node.get("uri", "")))
        return f"![{escaped(str(node.get('alt', '')))}](<{source}>)"

    # -- blocks ----------------------------------------------------------------------------
    def document(self, doctree: nodes.document, title: str = "") -> str:
        """The document's text; ``title`` as its heading when it has none of its own."""
        self.notes = []
        body = self.blocks(doctree.children, level=1)
        has_title = any(isinstance(n, nodes.section) for n in doctree.children)
        if title and not has_title:
            body = [f"# {escaped(title)}", *body]
        return "\n\n".join([*body, *self.notes]).strip() + "\n"

    def blocks(self, children: list[nodes.Node], level: int) -> list[str]:
        found = []
        for child in children:
            found += self.block(child, level)
        return [text for text in found if text.strip()]

    def block(self, node: nodes.Node, level: int) -> list[str]:
        if isinstance(node, nodes.raw):
            return [text] if (text := self.raw(node).strip()) else []
        if isinstance(node, nodes.raw | nodes.comment | nodes.target | nodes.system_message):
            return []
        if isinstance(node, nodes.substitution_definition | nodes.pending):
            return []
        if isinstance(node, addnodes.toctree):
            return [] if node.get("hidden") else [self.contents(node)]
        if isinstance(node, nodes.section):
            title = node.next_node(nodes.title)
            heading = [f"{'#' * min(level, 6)} {self.inline(title)}"] if title else []
            rest = [c for c in node.children if c is not title]
            return heading + self.blocks(rest, level + 1)
        if isinstance(node, nodes.title | nodes.rubric):
            return [f"**{self.inline(node)}**"]
        if isinstance(node, nodes.paragraph):
            return [self.inline(node)]
        if isinstance(node, nodes.literal_block):
            return [fence(node)]
        if isinstance(node, nodes.math_block):
            return [f"$$\n{node.astext()}\n$$"]
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            return [self.items(node, level)]
        if isinstance(node, nodes.definition_list):
            return [self.definitions(node, level)]
        if isinstance(node, nodes.field_list):
            return [self.fields(node, level)]
        if isinstance(node, nodes.block_quote):
            return [quoted("\n\n".join(self.blocks(node.children, level)))]
        if isinstance(node, nodes.Admonition | nodes.topic | nodes.sidebar):
            return [self.admonition(node, level)]
        if isinstance(node, nodes.figure):
            return self.figure(node)
        if isinstance(node, nodes.image):
            return [self.image(node)]
        if isinstance(node, nodes.table):
            return [self.table(node)]
        if isinstance(node, nodes.transition):
            return ["---"]
        if isinstance(node, nodes.line_block):
            return ["  \n".join(self.inline(line) for line in node.findall(nodes.line))]
        if isinstance(node, nodes.footnote):
            self.notes.append(self.footnote(node, level))
            return []
        if isinstance(node, nodes.Element) and node.children:
            if all(isinstance(c, nodes.Inline | nodes.Text) for c in node.children):
                return [self.inline(node)]
            return self.blocks(node.children, level)  # containers, compounds, toctrees…
        return [escaped(node.astext())] if node.astext().strip() else []

    def contents(self, node: nodes.Element) -> str:
        """A table of contents (not resolved yet): its entries as a list of links."""
        lines = []
        for title, ref in node["entries"]:
            if ref == "self":
                continue
            if "://" in ref:
                text, target = title or ref, ref
            else:
                own, target = self.links.document(ref)
                text = title or own
            lines.append(f"- [{escaped(text)}](<{target}>)")
        return "\n".join(lines)

    def items(self, node: nodes.Element, level: int) -> str:
        ordered = isinstance(node, nodes.enumerated_list)
        start = int(node.get("start", 1))
        lines = []
        for number, item in enumerate(node.children, start=start):
            marker = f"{number}. " if ordered else "- "
            text = "\n\n".join(self.blocks(item.children, level))
            lines.append(indented(text, marker))
        loose = any(len(item.children) > 1 for item in node.children)
        return ("\n\n" if loose else "\n").join(lines)

    def definitions(self, node: nodes.Element, level: int) -> str:
        entries = []
        for item in node.children:
            terms = [self.inline(t) for t in item.children if isinstance(t, nodes.term)]
            definition = item.next_node(nodes.definition)
            text = "\n\n".join(self.blocks(definition.children, level)) if definition else ""
            entries.append(f"**{' / '.join(terms)}**\n\n{indented(text, ': ')}")
        return "\n\n".join(entries)

    def fields(self, node: nodes.Element, level: int) -> str:
        entries = []
        for field in node.children:
            name = self.inline(field.children[0])
            text = "\n\n".join(self.blocks(field.children[1].children, level))
            entries.append(indented(f"**{name}** : {text}", "- "))
        return "\n".join(entries)

    def admonition(self, node: nodes.Element, level: int) -> str:
        title = node.next_node(nodes.title)
        if title is not None and title.parent is node:
            heading = self.inline(title)
        else:
            heading = ADMONITIONS.get(type(node).__name__, "")
        rest = [c for c in node.children if c is not title]
        text = "\n\n".join(self.blocks(rest, level))
        return quoted(f"**{heading}**\n\n{text}" if heading else text)

    def figure(self, node: nodes.Element) -> list[str]:
        found = [self.image(image) for image in node.findall(nodes.image)]
        caption = node.next_node(nodes.caption)
        if caption is not None:
            found.append(f"*{self.inline(caption)}*")
        legend = node.next_node(nodes.legend)
        if legend is not None:
            found += self.blocks(legend.children, 1)
        return found

    def table(self, node: nodes.Element) -> str:
        rows = []
        for row in node.findall(nodes.row):
            cells = []
            for entry in row.children:
                text = " ".join(self.blocks(entry.children, 1)).replace("\n", " ")
                cells.append(text.replace("|", "\\|"))
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        head = node.next_node(nodes.thead)
        if head is None:  # a table without a header row: an empty one, as GFM needs it
            rows.insert(0, [""] * width)
        lines = [f"| {' | '.join(row)} |" for row in rows]
        lines.insert(1, "|" + "---|" * width)
        title = node.next_node(nodes.title)
        caption = [f"*{self.inline(title)}*"] if title is not None else []
        return "\n".join([*caption, *lines])

    def footnote(self, node: nodes.Element, level: int) -> str:
        label = node.next_node(nodes.label)
        name = label.astext() if label is not None else ""
        rest = [c for c in node.children if not isinstance(c, nodes.label)]
        return indented("\n\n".join(self.blocks(rest, level)), f"[^{name}]: ")


# What each kind of admonition is called when it has no title of its own (as the site says).
ADMONITIONS = {
    "note": "Remarque",
    "tip": "Astuce",
    "hint": "Indice",
    "important": "Important",
    "warning": "Avertissement",
    "caution": "Prudence",
    "attention": "Attention",
    "danger": "Danger",
    "error": "Erreur",
    "seealso": "Voir aussi",
}
