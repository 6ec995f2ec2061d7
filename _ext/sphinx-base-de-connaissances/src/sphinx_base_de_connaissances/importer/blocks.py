"""Markdown as GitBook, MkDocs, VuePress and Obsidian write it, made MyST: GitBook's
``{% … %}`` blocks, ``!!!``/``???`` and ``::: name`` admonitions, images (Markdown, HTML,
``![[…]]``), links to other pages and files. Code (fenced or inline) is never touched."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.media import ACTIVE_SUFFIXES
from ..content.typography import with_spaces
from . import formulas, rawhtml
from .model import FILE, LINK, TITLE, Note, Seen, Source, link_to
from .outline import marker

# Source admonition kinds → MyST's (Material's list, GitBook's hint styles, VuePress's).
KINDS = {
    "note": "note",
    "info": "note",
    "abstract": "note",
    "summary": "note",
    "tldr": "note",
    "todo": "note",
    "question": "note",
    "help": "note",
    "faq": "note",
    "example": "note",
    "quote": "note",
    "cite": "note",
    "details": "note",
    "tip": "tip",
    "hint": "tip",
    "success": "tip",
    "check": "tip",
    "done": "tip",
    "important": "important",
    "warning": "warning",
    "caution": "warning",
    "attention": "warning",
    "danger": "danger",
    "failure": "danger",
    "fail": "danger",
    "missing": "danger",
    "error": "danger",
    "bug": "danger",
}
TAG = re.compile(r"\{%-?\s*(end)?([\w@/.-]+)((?:[^%]|%(?!\}))*?)-?%\}", re.DOTALL)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?^\1\2[`~]*[ \t]*$", re.DOTALL | re.MULTILINE)
INDENTED_FENCE = re.compile(  # in a list item, a tab, an admonition, a quote
    r"^([ \t]*>[ \t>]*|[ \t]+)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[`~]*[ \t]*$", re.DOTALL | re.MULTILINE
)
FENCE_MASK = "\x01{}\x01"
FENCE_BACK = re.compile(r"^([ \t>]*)\x01(\d+)\x01", re.MULTILINE)
SHOWN_TEMPLATE = re.compile(r"\\\{\\?[%{][^\n]*?[%}]\\?\\\}")
MACRO = re.compile(r"(?<!\]\()\{\{[^\n]*?\}\}")  # {{ macro() }}, {{ page.title }}
INLINE_CODE = re.compile(r"(`+)[^`\n]+?\1")
MASK = "\x00{}\x00"
IMAGE = re.compile(r'!\[([^\]]*)\]\(\s*(<[^>]+>|[^)\s]+)(?:\s+"[^"]*")?\s*\)')
LINK_MD = re.compile(r'(?<!!)\[([^\]]+)\]\(\s*(<[^>]+>|[^)\s]+)(?:\s+"[^"]*")?\s*\)')
HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.DOTALL | re.IGNORECASE)
HTML_FIGURE = re.compile(r"<figure>.*?</figure>|<img\b[^>]*>", re.DOTALL | re.IGNORECASE)
FENCE_OPENING = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s].*?)?[ \t]*$"
)
# Lines that are no prose: colon fences and the options under them, definitions, labels.
COLON_FENCE = re.compile(r"^[ \t>]*:{3,}")
OPTION = re.compile(r"^[ \t>]*:[\w-]+:")
DEFINITION_OR_LABEL = re.compile(r"^[ \t>]*(?:\[[^\]]+\]:|\([^)]*\)=)")
# In a line of prose, what is no text: link targets, tags, roles, masks, addresses, and the
# marks that end a text (« **Note:** », « [Utile?] », « Exemple:\\ »).
NOT_TEXT = re.compile(
    r"(\]\([^)]*\)|<[^>\n]*>|\{[\w:-]+\}|\x00\d+\x00|\b\w+://\S+|\*+|(?<!\w)_+|_+(?!\w)"
    r"|[\[\]]|\\$|&#?\w+;)"
)
SNIPPET = re.compile(r"^[ \t]*--8<--[ \t]+[\"']?(?P<path>[^\"'\s]+)[\"']?[ \t]*$", re.MULTILINE)
SNIPPET_SUFFIXES = (".md", ".markdown", ".txt")
_ATTRIBUTE = r"(?:[.#][\w.-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"
_ATTRIBUTES = rf"\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}"  # { .a #b c="d" }
ATTRIBUTES_LIST = re.compile(rf"[ \t]*{_ATTRIBUTES}")
HEADING_ATTRIBUTES = re.compile(
    rf"^(?P<heading>#{{1,6}}[ \t].*?)[ \t]*(?P<attrs>{_ATTRIBUTES})[ \t]*$", re.MULTILINE
)
# An icon shortcode and one space after it (a list item's text keeps its column).
SETTING_HEADING = re.compile(r"^(#{1,6})[ \t]+<!--\s*md:setting\s+([\w.-]+)\s*-->[ \t]*$", re.M)
ICON = re.compile(
    r"(?<![\w:]):(?:material|fontawesome|octicons|simple)-[\w-]+:(?:\{[^}\n]*\})?[ \t]?"
)
# In a content-ref card, a link whose text is its file's name (« [page.md](page.md) »).
CARD_LINK = re.compile(r"\[([^\]\n]*\.md|[^\]\n]*/)\]\((<[^>\n]*>|[^)\s]+)\)")
IMAGE_REFERENCE = re.compile(r"!\[((?:\\.|[^\]\\])*)\](?:\[((?:\\.|[^\]\\])*)\])?(?![(\[])")
DEFINITION = re.compile(  # [label]: target "title"
    r"^(?P<indent> {0,3})\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
    re.MULTILINE,
)
WIKI = re.compile(r"(!?)\[\[([^\]|#]+)(#[^\]|]+)?(?:\|([^\]]+))?\]\]")
RESIZED = re.compile(r"-\d+x\d+$")  # WordPress's copies: photo-300x200.jpg
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


@dataclass
class Context:
    """One page being converted: where it is, how names resolve, where notes go."""

    source: Source
    shown: str  # the file as the report names it
    folder: Path  # the page's folder, absolute
    root: Path  # the source's root, absolute
    page_key: Callable[[Path], str | None]  # a .md file → its page key, if imported
    original: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # lower-case stem → key (wikilinks)
    key: str = ""  # the page's own key: its « #anchor » links go through the writer too
    seen: Seen = field(default_factory=Seen)  # what the source page shows (images, links)

    def note(self, snippet: str, message: str) -> None:
        at = self.original.find(snippet.strip()[:60]) if snippet.strip() else -1
        line = self.original.count("\n", 0, at) + 1 if at >= 0 else 1
        self.source.notes.append(Note(self.shown, line, message))


def convert(text: str, context: Context) -> str:
    """The page's Markdown, made MyST (see the module's docstring)."""
    context.original = text
    masked: list[str] = []

    def keep(written: str) -> str:  # aside from the passes below, put back at the end
        masked.append(written)
        return MASK.format(len(masked) - 1)

    def mask(match: re.Match[str]) -> str:
        return keep(match.group(0))

    text = snippets(text, context)
    text = FENCE.sub(mask, text)
    # A fence inside a block (a tab, an admonition, a list item) is kept aside without its
    # indentation, and put back at the indentation its block ends up with.
    fences: list[str] = []

    def aside(match: re.Match[str]) -> str:
        indent = match.group(1)
        lines = match.group(0).split("\n")
        fences.append("\n".join(line.removeprefix(indent) for line in lines))
        return f"{indent}{FENCE_MASK.format(len(fences) - 1)}"

    text = INDENTED_FENCE.sub(aside, text)
    text = INLINE_CODE.sub(mask, text)
    # Template syntax the source shows as text (« \{%name%\} »): code, which the build
    # shows as written (it refuses such syntax in prose, as unconverted).
    text = SHOWN_TEMPLATE.sub(lambda m: mask_code(m, masked), text)
    text = formulas.converted(text, context.source.math, keep, context.note)

    # A macro of MkDocs's macros plugin, Jinja or Liquid (« {{ exercice() }} »): nothing runs
    # it here; it shows as written, in code, and the report says where.
    def macro(match: re.Match[str]) -> str:
        context.note(
            match.group(0), f"macro « {match.group(0)[:60]} » non exécutée : montrée en code."
        )
        return mask_code(match, masked)

    text = MACRO.sub(macro, text)
    text = attribute_lists(text, context)
    text = gitbook_blocks(text, context)
    text = admonitions(text, context)
    text = containers(text, context)
    text = HTML_TABLE.sub(lambda m: html_table(m.group(0), context), text)
    text = HTML_FIGURE.sub(lambda m: html_image(m.group(0), context), text)
    text = rawhtml.cleaned(text, lambda message: context.note("", f"{message}."))
    text = WIKI.sub(lambda m: wikilink(m, context), text)
    text = IMAGE.sub(lambda m: image(m.group(1), m.group(2), "", context), text)
    text = LINK_MD.sub(lambda m: link(m.group(1), m.group(2), context), text)
    text = definitions(text, context)
    text = french_spacing(text)
    for index in range(len(masked) - 1, -1, -1):  # masks may hold earlier masks
        text = text.replace(MASK.format(index), masked[index])

    def back(match: re.Match[str]) -> str:
        indent, fence = match.group(1), fences[int(match.group(2))]
        lines = fence.split("\n")
        return "\n".join(indent + line if line.strip() else indent.rstrip() for line in lines)

    text = FENCE_BACK.sub(back, text)
    text = fence_openings(text, context)
    # What check asks of every line, code included: no tab, no trailing space.
    text = "\n".join(line.rstrip() for line in text.expandtabs(4).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def mask_code(match: re.Match[str], masked: list[str]) -> str:
    shown = match.group(0).replace("\\", "")
    ticks = "``" if "`" in shown else "`"
    masked.append(f"{ticks}{shown}{ticks}")
    return MASK.format(len(masked) - 1)


def snippets(text: str, context: Context) -> str:
    """MkDocs's snippets (``--8<-- "file.md"``): a text file of the source put in place, as
    MkDocs does; any other (a drawing, a file outside the source) removed, noted."""

    def included(match: re.Match[str]) -> str:
        name = match.group("path")
        for base in (context.root.parent, context.root, context.folder):
            found = Path(posixpath.normpath((base / name).as_posix()))
            inside = found.resolve().is_relative_to(context.root.parent.resolve())
            if inside and found.is_file() and found.suffix.lower() in SNIPPET_SUFFIXES:
                return found.read_text("utf-8", errors="replace").strip("\n")
        context.note(
            match.group(0), f"extrait « {name} » (--8<--) introuvable ou pas du texte : retiré."
        )
        return ""

    return SNIPPET.sub(included, text)


def attribute_lists(text: str, context: Context) -> str:
    """Python-Markdown's attribute lists: a heading's id (``{ #id }``, ``{ id="x" }``) kept as
    an anchor; classes and other attributes (``{ .md-button }``, ``{: width=50% }``)
    removed, noted once; icon shortcodes (``:material-…:``) removed, noted once."""

    def heading(match: re.Match[str]) -> str:
        attributes = match.group("attrs")
        found = re.search(r'#([\w.-]+)|\bid=["\']?([\w.-]+)', attributes)
        anchor = next((g for g in found.groups() if g), "") if found else ""
        line = match.group("heading").rstrip()
        return f"{marker(anchor)}\n{line}" if anchor else line

    text = HEADING_ATTRIBUTES.sub(heading, text)
    # Material's documentation hook: « #### <!-- md:setting config.x --> » is a heading
    # titled and anchored by the setting's name.
    text = SETTING_HEADING.sub(
        lambda m: f"{marker(m.group(2))}\n{m.group(1)} `{m.group(2).rsplit('.', 1)[-1]}`", text
    )
    text, count = ATTRIBUTES_LIST.subn("", text)
    if count:
        context.note("", f"{count} listes d’attributs ({{: … }}, {{ .classe }}) retirées.")
    text, count = ICON.subn("", text)
    if count:
        context.note("", f"{count} icônes (:material-…:) retirées : le site n’en charge pas.")
    return text


def french_spacing(text: str) -> str:
    """The page's text (its code masked) with the spaces French typography wants before
    « : ; ! ? % » (``content.typography.with_spaces``), outside link targets, tags, roles,
    directive options and definitions; a line ending in two spaces (a hard break) keeps
    its break as MyST writes it (« \\ »), so that no line ends in spaces."""
    out = []
    lines = text.split("\n")
    options = False  # in the option lines right under a directive's opening
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.endswith("  ") and line.strip() and following.strip():
            line = line.rstrip() + "\\"
        options = bool(COLON_FENCE.match(line)) or (options and bool(OPTION.match(line)))
        if not (options or DEFINITION_OR_LABEL.match(line)):
            parts = NOT_TEXT.split(line)
            line = "".join(p if i % 2 else with_spaces(p) for i, p in enumerate(parts))
        out.append(line)
    return "\n".join(out)


def fence_openings(text: str, context: Context) -> str:
    """Each code fence's opening line (not those inside another fence) through
    ``fence_opening``, which reads the block's code too."""
    lines = text.split("\n")
    opened: tuple[int, re.Match[str]] | None = None
    for index, line in enumerate(lines):
        if opened is not None:
            closing = opened[1].group("fence")
            stripped = line.removeprefix(opened[1].group("indent").rstrip()).strip()
            if stripped.startswith(closing) and not stripped.strip(closing[0]):
                start, match = opened
                if match.group("info"):
                    prefix = match.group("indent")
                    inner = lines[start + 1 : index]
                    code = "\n".join(line.removeprefix(prefix) for line in inner)
                    lines[start] = fence_opening(match, code, context)
                opened = None
            continue
        match = FENCE_OPENING.match(line)
        if match:
            opened = (index, match)
    return "\n".join(lines)


def fence_opening(match: re.Match[str], code: str, context: Context) -> str:
    """A code fence's info string as MyST reads it: MkDocs's ``{ .yaml .copy }`` or
    ``python title="x" hl_lines="2"`` become the language (a code block with its caption
    when titled); a language Pygments does not know (``mermaid``), or cannot read this code
    in, is left out: the code shows as text."""
    indent, fence, info = match.group("indent"), match.group("fence"), match.group("info")
    if re.match(r"\{[\w:-]+\}", info):  # a MyST directive
        return match.group(0)
    options = dict(re.findall(r'([\w-]+)="([^"]*)"', info))
    words = re.sub(r'[\w-]+="[^"]*"|[{}]', " ", info).split()
    language = next((w.lstrip(".") for w in words if not w.startswith("#")), "")
    if language and not _lexes(language, code):
        context.note(
            info,
            f"bloc de code « {language} » : langage inconnu de Pygments ou code qu’il "
            "ne lit pas, montré en texte.",
        )
        language = ""
    if options.get("title"):
        title = " ".join(options["title"].split())
        # The blank line ends the options: code starting with « : » stays code.
        return f"{indent}{fence}{{code-block}} {language or 'text'}\n{indent}:caption: {title}\n"
    return f"{indent}{fence}{language}"


def _lexes(name: str, code: str) -> bool:
    """Whether Pygments knows ``name`` and reads ``code`` without an error token (Sphinx's
    strict build fails on one)."""
    from pygments.lexers import get_lexer_by_name
    from pygments.token import Error
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return not any(kind is Error for kind, _ in lexer.get_tokens(code))


def fence(depth: int) -> str:
    return ":" * (3 + depth)


def directive(kind: str, title: str, body: str, depth: int) -> str:
    """A MyST admonition (colon fence, longer around nested ones)."""
    mark = fence(depth)
    body = body.strip("\n")
    if not body.strip():  # a box with nothing in it (docutils refuses one): its title alone
        return f"\n**{escape_text(title)}**\n" if title.strip() else ""
    if title:
        return f"\n{mark}{{admonition}} {title}\n:class: {kind}\n\n{body}\n{mark}\n"
    return f"\n{mark}{{{kind}}}\n{body}\n{mark}\n"


def nested_depth(body: str) -> int:
    """How many colon fences deep ``body`` already is (its outer fence must be longer)."""
    lengths = [len(m.group(1)) - 2 for m in re.finditer(r"^(:{3,})\{", body, re.MULTILINE)]
    return max(lengths, default=0)


# GitBook --------------------------------------------------------------------------------------


@dataclass
class _Tag:
    name: str
    attributes: dict[str, str]
    raw: str
    children: list[_Tag | str] = field(default_factory=list)


def gitbook_blocks(text: str, context: Context) -> str:
    matches = list(TAG.finditer(text))
    if not matches:
        return text
    closed = {m.group(2) for m in matches if m.group(1)}  # tags with an end: containers
    root = _Tag("", {}, "")
    stack = [root]
    position = 0
    for match in matches:
        stack[-1].children.append(text[position : match.start()])
        position = match.end()
        end, name = bool(match.group(1)), match.group(2)
        if end:
            while len(stack) > 1 and stack[-1].name != name:
                stack.pop()
            if len(stack) > 1:
                stack.pop()
            continue
        tag = _Tag(name, dict(ATTRIBUTE.findall(match.group(3))), match.group(0))
        stack[-1].children.append(tag)
        if name in closed:
            stack.append(tag)
    stack[-1].children.append(text[position:])
    return _render(root, context)


def _render(tag: _Tag, context: Context) -> str:
    inner = "".join(
        child if isinstance(child, str) else _render(child, context) for child in tag.children
    )
    name, attributes = tag.name, tag.attributes
    if not name:
        return inner
    depth = nested_depth(inner)
    if name == "hint":
        kind = KINDS.get(attributes.get("style", "info"), "note")
        return directive(kind, "", inner, depth)
    if name == "tab":
        return directive("note", attributes.get("title", "Onglet"), inner, depth)
    if name == "content-ref":  # a card: the page's title, as GitBook shows it
        inner = CARD_LINK.sub(lambda m: f"[{TITLE}]({m.group(2)})", inner)
    if name in {"tabs", "content-ref", "code", "stepper", "columns", "column"}:
        return "\n" + inner.strip("\n") + "\n"
    if name == "step":
        return directive("note", "Étape", inner, depth)
    if name == "embed":
        url = attributes.get("url", "")
        caption = inner.strip() or url
        return f"\n[{escape_text(caption)}]({url})\n" if url else inner
    if name == "file":
        return file_link(attributes.get("src", ""), inner.strip(), context)
    context.note(tag.raw, f"balise GitBook « {name} » non convertie : son contenu est gardé.")
    return inner


def escape_text(text: str) -> str:
    return re.sub(r"([\[\]{}])", r"\\\1", text)


# MkDocs and VuePress ----------------------------------------------------------------------------

BANG = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+(?:inline|end))*"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
# MkDocs Material's content tabs: === "Title" (===! starts a new set, ===+ is selected).
TAB = re.compile(r'^(?P<indent>[ \t]*)===[!+]?[ \t]+"(?P<title>[^"]*)"[ \t]*$')
COLON_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<colons>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)(?P<title>[^\n]*)$"
)
AUTODOC = re.compile(r"^:::[ \t]+[\w]+(?:\.[\w]+)+[ \t]*$")
COLON_CLOSE = re.compile(r"^[ \t]*(?P<colons>:{3,})[ \t]*$")


def admonitions(text: str, context: Context) -> str:
    """MkDocs Material's ``!!! kind "Title"`` (and collapsible ``???``) and content tabs
    (``=== "Title"``: a box titled by the tab, as GitBook's tabs are), body indented."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        match = BANG.match(lines[index]) or TAB.match(lines[index])
        if not match:
            out.append(lines[index])
            index += 1
            continue
        indent = len(match.group("indent").expandtabs(4))
        body: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip() and len(line) - len(line.lstrip()) < indent + 4:
                break
            body.append(line[indent + 4 :] if line.strip() else "")
            index += 1
        inner = admonitions("\n".join(body), context)
        kind = match.groupdict().get("kind", "note").lower()
        title = match.group("title")
        if title is None:
            title = "" if kind in KINDS else kind.capitalize()
        rendered = directive(KINDS.get(kind, "note"), title, inner, nested_depth(inner)).strip("\n")
        out.extend(" " * indent + line if line else "" for line in rendered.split("\n"))
        out.append("")  # what follows starts a block of its own
    return "\n".join(out)


def containers(text: str, context: Context) -> str:
    """VuePress's and Docusaurus's ``::: kind Title`` … ``:::`` (MyST's ``:::{…}`` left),
    at the start of a line or indented in a list item."""
    lines = text.split("\n")
    # Each open container: its indentation and colons, kind, title and lines (root first).
    stack: list[tuple[str, str, str, list[str]]] = [("", "", "", [])]
    colons = [""]
    options = False  # in the indented options of a mkdocstrings line
    for line in lines:
        options = options and (not line.strip() or line.startswith((" ", "\t")))
        if options:
            continue
        opening = COLON_OPEN.match(line)
        if AUTODOC.match(line):  # mkdocstrings: documentation made from code, not text
            options = True
            context.note(
                line,
                f"« {line.strip()[:80]} » (mkdocstrings) : documentation tirée du code, "
                "non importée ; retirée.",
            )
            continue
        if opening:
            title = opening.group("title").strip()
            stack.append((opening.group("indent"), opening.group("kind").lower(), title, []))
            colons.append(opening.group("colons"))
        elif (closing := COLON_CLOSE.match(line)) and closing.group("colons") == colons[-1]:
            indent, kind, title, body = stack.pop()
            colons.pop()
            inner = "\n".join(line.removeprefix(indent) for line in body)
            if kind not in KINDS:
                title = title or kind.capitalize()
            rendered = directive(KINDS.get(kind, "note"), title, inner, nested_depth(inner))
            stack[-1][3].append(
                "\n".join(indent + line if line else "" for line in rendered.split("\n"))
            )
        else:
            stack[-1][3].append(line)
    while len(stack) > 1:  # never closed: kept as text, reported
        indent, kind, title, body = stack.pop()
        context.note(f"::: {kind}", f"bloc « ::: {kind} » jamais fermé : laissé en texte.")
        stack[-1][3].extend([f"{indent}{kind} {title}".rstrip(), *body])
    return "\n".join(stack[0][3])


# Images, files and links ------------------------------------------------------------------------


def _target(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


def local(raw: str, context: Context) -> Path | None:
    """The source file a relative or rooted path names, inside the source (else None). A
    path that names no file is also read as its site wrote it: relative to the page's
    address (MkDocs serves « guide/page.md » at « guide/page/ », so « ../img/x.png » there
    is « img/x.png »), and as an address (« guide/page/ » for « guide/page.md »)."""
    path = unquote(urlsplit(_target(raw)).path)
    if not path:
        return None
    public = context.source.public
    if path.startswith("/"):  # from the site's root: the source, or its public folder
        bases = [context.root, context.root / ".vuepress/public", context.root / "public"]
        bases += [public] if public is not None else []
    else:
        bases = [context.folder]
        own = context.folder / Path(context.key).stem if context.key else None
        if own is not None and Path(context.key).stem not in {"index", "README"}:
            bases.append(own)
    candidates = []
    for base in bases:
        found = Path(posixpath.normpath((base / path.lstrip("/")).as_posix()))
        candidates += [found, found.with_name(found.name + ".md"), found / "index.md"]
        if found.suffix == ".html":  # VuePress and VitePress name a page by its address
            candidates.append(found.with_suffix(".md"))
        candidates.append(found / "README.md")
    inside = [
        c
        for c in candidates
        if _inside(c, context.root) or (public is not None and _inside(c, public))
    ]
    return next((c for c in inside if c.exists()), inside[0] if inside else None)


def _inside(path: Path, root: Path) -> bool:
    """Written inside ``root``, and inside once symbolic links are followed: a source never
    hands the base a file from elsewhere on the disk."""
    return path.is_relative_to(root) and path.resolve().is_relative_to(root)


def image(alt: str, raw: str, caption: str, context: Context) -> str:
    target = _target(raw)
    if target.startswith(FILE):  # placed already (an HTML figure made Markdown)
        return f"![{alt}]({target})"
    context.seen.images += 1
    if urlsplit(target).scheme in {"http", "https"} or target.startswith("//"):
        fetched, why = context.source.fetch(target) if context.source.fetch else (None, "")
        if fetched is not None:
            return placed(
                fetched, alt, caption, context.source, lambda m: context.note(target, f"{m}.")
            )
        context.note(
            target,
            f"image distante {target[:80]} : {why} ; remplacée par un lien."
            if why
            else f"image distante {target[:80]} : remplacée par un lien (le site ne charge "
            "rien d’ailleurs) ; --telecharger-medias la copie dans la base.",
        )
        shown = f"[{escape_text(alt or caption or 'Image')}]({target})"
        return f"\n{shown}\n\n{escape_text(caption)}\n" if caption and alt else shown
    found = local(target, context)
    if found is None or not found.is_file():  # no file in the source: broken there already
        context.seen.images -= 1
        context.seen.missing_images += 1
        context.note(target, f"image introuvable : {target[:80]} ; retirée.")
        return escape_text(alt)
    return placed(found, alt, caption, context.source, lambda m: context.note(target, f"{m}."))


def placed(found: Path, alt: str, caption: str, source: Source, note: Callable[[str], None]) -> str:
    """A file of the source shown in a page: a figure when it has a caption, else an image;
    a missing alt text is proposed from the caption or the file's name, and noted."""
    if not alt.strip():
        alt = caption or re.sub(r"[-_]+", " ", RESIZED.sub("", found.stem)).strip() or "Image"
        note(f"image {found.name} sans texte alternatif : « {alt} » proposé, à relire")
    token = source.file(found)
    alt = " ".join(alt.split())
    if caption:
        # Blank lines around: a figure inside an HTML block (« <div><figure>… ») ends it.
        return f"\n\n:::{{figure}} {token}\n:alt: {alt}\n\n{caption}\n:::\n\n"
    return f"![{escape_text(alt)}]({token})"


def html_table(html: str, context: Context) -> str:
    """An HTML table of the source as MyST (Markdown inside raw HTML is not read, so its
    links and images could not work there): a table stays a table, GitBook's card grid
    becomes a list of links; its links and images resolved like the page's."""
    from .html import Converter

    converter = Converter(
        image=lambda src, alt, caption: image(alt, src, caption, context),
        link=lambda href: destination(href, context) or "",
        note=lambda message: context.note(html[:60], f"{message}."),
    )
    return f"\n\n{converter.convert(html).strip()}\n\n"


def html_image(html: str, context: Context) -> str:
    src = re.search(r'\bsrc\s*=\s*"([^"]*)"', html)
    alt = re.search(r'\balt\s*=\s*"([^"]*)"', html)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.DOTALL)
    if src is None:
        return html
    text = re.sub(r"<[^>]+>", "", caption.group(1)).strip() if caption else ""
    return image(alt.group(1) if alt else "", src.group(1), " ".join(text.split()), context)


def file_link(src: str, caption: str, context: Context) -> str:
    found = local(src, context)
    if found is None or not found.is_file():
        context.note(src, f"fichier introuvable : {src[:80]} ; retiré.")
        return caption
    return f"\n{download(caption or found.name, context.source.file(found))}\n"


def download(label: str, token: str) -> str:
    """A file of the source offered (its ``FILE`` token), not linked."""
    return f"{{download}}`{escape_text(label)} <{token}>`"


def destination(raw: str, context: Context) -> str | None:
    """Where a link of the page leads once imported: another page's (or its own) token, a
    file's token, the address as written (external, or nothing the import knows), or None
    when the page it named is not in the source (the link is dropped, noted). A link to a
    page of the source counts in the measure (one to a file is a download, not a page); one
    to a page the source lacks is counted apart, as broken in the source."""
    found = _destination(raw, context)
    target = _target(raw)
    internal = not (urlsplit(target).scheme or target.startswith("//")) and target != "#"
    if internal and found is None:  # a page the source lacks: broken there already
        context.seen.missing += 1
    else:  # ("": a link the import had to drop, the old site's search, an active file)
        context.seen.links += internal and not (found or "").startswith(FILE)
    return found or None


def _destination(raw: str, context: Context) -> str | None:
    """``destination``'s answer, or "" for a link of the old site the import drops."""
    target = _target(raw)
    parts = urlsplit(target)
    if target.startswith("#") and context.key:
        return link_to(context.key, unquote(parts.fragment)) if parts.fragment else None
    if target.startswith("?"):  # a search of the old site: the base's search has no address
        context.note(target, f"lien {target[:80]} (une recherche de l’ancien site) retiré.")
        return ""
    if parts.scheme or target.startswith(("#", "//", "mailto:")):
        return target
    found = local(parts.path, context)
    if found is None:
        return target
    if found.is_dir():
        found = next((found / n for n in ("README.md", "index.md") if (found / n).is_file()), found)
    key = context.page_key(found)
    if key is not None:
        return link_to(key, unquote(parts.fragment))
    if found.is_file() and found.suffix.lower() in ACTIVE_SUFFIXES:  # the build refuses it
        context.note(
            target,
            f"lien vers {target[:80]} : un fichier {found.suffix.lower()} s’exécuterait dans "
            "le navigateur depuis le site ; non importé, lien retiré.",
        )
        return ""
    if found.is_file() and found.suffix.lower() != ".md":
        return context.source.file(found)
    context.note(target, f"lien vers {target[:80]} : page absente de la source ; lien retiré.")
    return None


def link(text: str, raw: str, context: Context) -> str:
    found = destination(raw, context)
    if text == TITLE and not (found or "").startswith(LINK):  # a card to no page: its name
        text = escape_text(_target(raw))
    if found is None:
        return text
    if found.startswith(FILE):
        return download(text, found)
    return f"[{text}]({found})"


def definitions(text: str, context: Context) -> str:
    """Reference-style link definitions (``[label]: target``) resolved like inline links;
    a label defined twice keeps its first definition, as Markdown does. A definition an image
    uses (``![alt][label]``) is an image's: a remote one is fetched when the import may,
    else the image becomes a link (the site loads nothing from elsewhere)."""
    images = {_label(m.group(2) or m.group(1)) for m in IMAGE_REFERENCE.finditer(text)}
    seen: set[str] = set()
    linked: set[str] = set()  # labels of remote images left as links

    def define(match: re.Match[str]) -> str:
        label = _label(match.group("label"))
        if label in seen:
            return ""
        seen.add(label)
        target = _target(match.group("target"))
        if label in images and (urlsplit(target).scheme or target.startswith("//")):
            context.seen.images += 1
            fetched, why = context.source.fetch(target) if context.source.fetch else (None, "")
            if fetched is not None:
                found = context.source.file(fetched)
            else:
                linked.add(label)
                why = why or "--telecharger-medias la copie dans la base"
                context.note(target, f"image distante {target[:80]} : en lien ; {why}.")
                found = target
        else:
            context.seen.images += label in images
            found = destination(match.group("target"), context)
        if found is None:
            return ""
        title = match.group("title") or ""
        return f"{match.group('indent')}[{match.group('label')}]: {found}{title}"

    text = DEFINITION.sub(define, text)

    def image(match: re.Match[str]) -> str:
        if _label(match.group(2) or match.group(1)) not in linked:
            return match.group(0)
        before, after = text[match.start() - 1 : match.start()], text[match.end() :]
        inside_link = before == "[" and after.startswith("]")
        return match.group(1) if inside_link else match.group(0)[1:]  # no link in a link

    return IMAGE_REFERENCE.sub(image, text)


def _label(text: str) -> str:
    """A reference label as Markdown matches it: case and spacing ignored."""
    return " ".join(text.split()).casefold()


def wikilink(match: re.Match[str], context: Context) -> str:
    bang, name, anchor, label = match.groups()
    name = name.strip()
    if bang:
        candidates = [p for p in context.root.rglob(name) if p.is_file()]
        if candidates and name.lower().endswith(IMAGE_SUFFIXES):
            rel = posixpath.relpath(candidates[0].as_posix(), context.folder.as_posix())
            return image(label or "", f"<{rel}>", "", context)
    context.seen.links += 1
    key = context.titles.get(name.lower().removesuffix(".md"))
    if key is not None:
        slug = (anchor or "").lstrip("#").strip().lower().replace(" ", "-")
        return f"[{label or name}]({link_to(key, slug)})"
    context.note(match.group(0), f"lien « {match.group(0)} » : page introuvable ; gardé en texte.")
    return label or name
