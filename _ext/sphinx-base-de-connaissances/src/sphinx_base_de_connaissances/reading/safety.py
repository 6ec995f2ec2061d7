"""Untrusted content made inert when Sphinx reads it, whatever the lint said: every page of
the site, not only articles (the glossary, the home page and the guide arrive by pull request
too).

Connected to ``doctree-read`` before Sphinx's own collectors, so that the title Sphinx records
(for ``<title>``, navigation, previous/next, tables of contents) is already plain text, and so
that no refused image or download is ever copied into the site:

- an article's title is the front matter's ``title`` as text (MyST parses it as Markdown);
- raw HTML goes through the policy of `sanitize`: a refused element or attribute is a warning
  at its file and line and is left out of the page; allowed blocks are cleaned by nh3 anyway;
- links and images whose target has a dangerous scheme are refused the same way, including the
  ones markdown-it already left as literal text (the writer still deserves to be told);
- images and downloads must pass the boundary (``boundary``): a file of the base, not hidden,
  no symbolic link, within bounds, and what it holds shown or offered safely; remote images
  are refused (the site requests nothing from elsewhere);
- any file read while parsing that the boundary refuses (the guarded directives stop those
  they know before reading; this catches the rest) empties the page;
- the page's head belongs to the engine: ``meta`` nodes (``.. meta::``, MyST's ``html_meta``),
  the ``title`` directive's title and a document's header or footer decoration are refused;
- a node's classes are the ones docutils, Sphinx and MyST give it, an admonition's kind, or
  the base's ``kb_html_classes``: any other (``:class: d-none``, ``.. class::``, a container's
  name) is refused, since the theme's and the engine's classes hide, move or drop text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..content import media, sanitize
from ..diagnostics import Subtype, warn
from ..source.boundary import Boundary, Kind

_SPACES = re.compile(r"[ \t\r\n]+")
# What markdown-it leaves as text when it refuses a link target: [text](javascript:…).
_REFUSED_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)


def _warn(message: str, node: nodes.Node) -> None:
    warn(message, subtype=Subtype.HTML, location=node)


def title_as_text(doctree: nodes.document, title: str | None) -> None:
    """The document's first title becomes ``title`` (the validated front matter title), or
    its own text when the front matter was invalid: plain text either way."""
    heading = next(iter(doctree.findall(nodes.title)), None)
    if heading is not None:
        # Ordinary white space folded; the no-break spaces of French typography kept.
        text = _SPACES.sub(" ", title if title is not None else heading.astext()).strip()
        heading.children = []
        heading += nodes.Text(text)


# What MyST's "tasklist" writes for « - [ ] » and « - [x] »: a disabled checkbox, nothing else.
_TASK_BOX = re.compile(
    r'<input class="task-list-item-checkbox"( checked="checked")? disabled="disabled" '
    r'type="checkbox">'
)
# Another tool's syntax left as text by an import: GitBook and Jekyll, Hugo.
_LEFTOVER = re.compile(r"\{%.*?%\}|\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.DOTALL)


def sanitize_raw_html(doctree: nodes.document, folder: str, classes: Iterable[str]) -> None:
    """``folder``: the page's folder under the site's root (for the raw images' sources);
    ``classes``: the CSS classes raw HTML may carry (``kb_html_classes``)."""
    for node in list(doctree.findall(nodes.raw)):
        if "html" not in node.get("format", "").split():
            continue
        html = node.astext()
        if _TASK_BOX.fullmatch(html.strip()):
            continue  # a task list's checkbox, as MyST writes it
        refused = sanitize.refusals(html, folder, classes)
        for refusal in refused:
            _warn(refusal.message, node)
        if refused:
            node.parent.remove(node)
        elif not isinstance(node.parent, nodes.TextElement):  # a block: a whole fragment
            node.replace_self(nodes.raw("", sanitize.clean(html, classes), format="html"))


def refuse_head_writers(doctree: nodes.document, docname: str) -> None:
    """What would write into the page's ``<head>`` (a refresh that sends readers elsewhere, a
    second policy, another share image, ``robots``) or beside the page's own parts."""
    for node in list(doctree.findall(nodes.meta)):
        name = next((node.get(k) for k in ("name", "http-equiv", "property") if node.get(k)), "")
        _warn_at(
            f"balise <meta{' ' + str(name)[:40] if name else ''}> refusée : l’en-tête de la "
            "page appartient au moteur (titre, description et image viennent du front "
            "matter) ; retirez la directive « meta » ou le champ « html_meta ».",
            node,
            docname,
        )
        node.parent.remove(node)
    # A document's header or footer, and a directive whose work was left pending
    # (« rst-class » at the end of an eval-rst block: no writer knows it, Sphinx would stop).
    for node in [*doctree.findall(nodes.decoration), *doctree.findall(nodes.pending)]:
        if isinstance(node, nodes.decoration):
            message = (
                "en-tête ou pied de document refusé (directives « header », « footer ») : "
                "le moteur compose le haut et le bas de chaque page."
            )
        else:
            name = getattr(node.transform, "__name__", "?")
            message = f"directive sans effet ici ({name}) : elle ne s’applique à rien ; retirez-la."
        _warn_at(message, node, docname)
        node.parent.remove(node)
    if "title" in doctree:
        _warn_at(
            "directive « title » refusée : le titre de la page est celui du front matter "
            "ou du premier titre.",
            doctree,
            docname,
        )
        del doctree["title"]


# Classes docutils, Sphinx and MyST give the nodes they make while parsing (roles add
# "xref", the domain and "<domain>-<role>"; a titled admonition "admonition-<title>").
STRUCTURAL_CLASSES = frozenset(
    {
        "admonition",
        "amsmath",
        "auto-toc",
        "block_break",
        "code",
        "compound",
        "contains-task-list",
        "contents",
        "doc",
        "doctest",
        "download",  # a link to a file of the base, as Sphinx marks it
        "epigraph",
        "footnotes",
        "glossary",
        "highlights",
        "iref",
        "literal-block-wrapper",
        "local",
        "mathjax_ignore",  # MyST's dollarmath marks a page so MathJax leaves its dollars
        "myst",
        "num",
        "pull-quote",
        "rfc2822",
        "section-ref",
        "sectnum",
        "simple",
        "system-messages",
        "task-list-item",
        "tex2jax_ignore",  # the same, for MathJax 2
        "toctree-wrapper",
        "xref",
    }
)
# Kinds of admonition: « :::{admonition} Titre » with « :class: tip » takes a kind's look.
ADMONITION_KINDS = frozenset(
    {
        "attention",
        "caution",
        "danger",
        "error",
        "hint",
        "important",
        "note",
        "seealso",
        "tip",
        "warning",
        "todo",
    }
)
_GENERATED_CLASS = re.compile(r"(admonition|colwidths|align)-[\w-]+|text-(left|center|right)")


def refuse_foreign_classes(
    doctree: nodes.document, docname: str, allowed: Iterable[str], domains: Iterable[str]
) -> None:
    """Every class outside ``allowed`` (``kb_html_classes``), the structural ones, the
    admonitions' kinds and ``domains``' role classes is refused at its line and removed."""
    permitted = STRUCTURAL_CLASSES | ADMONITION_KINDS | set(allowed) | set(domains)
    prefixes = tuple(f"{domain}-" for domain in domains)
    for node in doctree.findall(nodes.Element):
        classes = node.get("classes")
        if not classes or (
            isinstance(node, nodes.field) and isinstance(node.parent, nodes.docinfo)
        ):
            continue  # a front matter field is classed by its name; Sphinx removes them
        if isinstance(node, addnodes.desc) or type(node).__name__.startswith("desc_"):
            continue  # an object's description: Sphinx's domain and signature classes
        if isinstance(node, (nodes.literal, nodes.literal_block)) or isinstance(
            node.parent, nodes.literal
        ):
            continue  # code: its language and the highlighter's token classes
        role = "xref" in classes or isinstance(node.parent, addnodes.pending_xref)
        refused = [
            c
            for c in classes
            if c not in permitted
            and not _GENERATED_CLASS.fullmatch(c)
            and not (role and c.startswith(prefixes))  # a role's "<domain>-<role>"
        ]
        if refused:
            names = ", ".join(f"« {c[:40]} »" for c in refused)
            shown = ", ".join(sorted(allowed)) or "aucune (kb_html_classes est vide)"
            _warn_at(
                f"classe {names} refusée : les classes du thème et du moteur masquent, "
                f"déplacent ou retirent du texte ; classes permises ici : {shown}, et le type "
                "d’un encadré (note, tip, warning…).",
                node,
                docname,
            )
            node["classes"] = [c for c in classes if c not in refused]


def _warn_at(message: str, node: nodes.Node, docname: str) -> None:
    """A warning at ``node``'s line, or at the page when the node knows none."""
    node = located(node)
    location: object = node if node.line else docname
    warn(message, subtype=Subtype.HTML, location=location)


def refuse_dangerous_targets(doctree: nodes.document) -> None:
    for node in list(doctree.findall(nodes.reference)):
        refusal = sanitize.url_refusal(node.get("refuri", ""))
        if refusal is not None:
            _warn("lien refusé : " + refusal.message, node)
            node.replace_self(nodes.Text(node.astext()))
    for node in list(doctree.findall(nodes.image)):
        refusal = sanitize.url_refusal(node.get("uri", ""))
        if refusal is not None:
            _warn("image refusée : " + refusal.message, node)
            node.parent.remove(node)
    for node in doctree.findall(nodes.Text):
        if isinstance(node.parent, (nodes.literal, nodes.literal_block, nodes.raw)):
            continue  # code that shows such a link is not a link
        for match in _REFUSED_LINK.finditer(node.astext()):
            _warn(
                f"lien refusé : schéma « {match.group(1).lower()}: » interdit ; attendu : "
                "http, https, mailto ou un chemin relatif",
                node.parent or node,
            )


def refuse_long_code(doctree: nodes.document) -> None:
    """A code block past the bounds (``content.media``) is left out of the page: every output
    lays it out whole (the PDF page by page), so a huge one would cost minutes."""
    for node in list(doctree.findall(nodes.literal_block)):
        code = node.astext()
        lines = len(code.splitlines())
        if lines > media.MAX_CODE_LINES or len(code) > media.MAX_CODE_CHARACTERS:
            warn(
                f"bloc de code refusé : {lines} lignes et {len(code)} caractères ; au plus "
                f"{media.MAX_CODE_LINES} lignes et {media.MAX_CODE_CHARACTERS} caractères : "
                "coupez-le, ou proposez le fichier en téléchargement.",
                subtype=Subtype.HTML,
                location=node,
            )
            node.parent.remove(node)


def refuse_leftovers(doctree: nodes.document) -> None:
    """Syntax of another tool that no importer converted (GitBook's « {% hint %} », Hugo's
    « {{< … >}} », VuePress's « ::: tip ») would be shown as it is, or silently lose its title:
    each is a warning at its line (the strict build fails)."""
    for node in doctree.findall(nodes.container):
        if node.get("is_div"):  # « ::: name » without {braces}: MyST makes a bare box of it
            name = " ".join(node.get("classes", [])) or "…"
            warn(
                f"conteneur « ::: {name} » non converti : écrivez « :::{{{name}}} » (une "
                "directive : note, tip, warning…) ou « :::{admonition} Titre ».",
                subtype=Subtype.HTML,
                location=node,
            )
    for node in doctree.findall(nodes.paragraph):
        if any(isinstance(p, (nodes.literal_block, nodes.raw)) for p in _ancestors(node)):
            continue
        text = "".join(
            child.astext()
            for child in node.findall(nodes.Text)
            if not isinstance(child.parent, (nodes.literal, nodes.literal_block))
        )
        bare = re.match(r"\s*:{3,}\s*([\w-]+)", text)
        if bare:  # « ::: tip » where MyST has no colon fences: left as text
            warn(
                f"conteneur « ::: {bare[1]} » non converti : écrivez « :::{{{bare[1]}}} » (une "
                "directive : note, tip, warning…) ou « :::{admonition} Titre ».",
                subtype=Subtype.HTML,
                location=located(node),
            )
            continue
        found = _LEFTOVER.search(text)
        if found:
            opening, *words = found.group()[:3], *found.group()[3:].split()[:1]
            closing = found.group()[-3:] if found.group().startswith("{{") else found.group()[-2:]
            shown = f"{opening} {' '.join(words)} … {closing}".replace("  ", " ")
            warn(
                f"syntaxe d’un autre outil non convertie : « {shown} » ; convertissez-la "
                "(base-de-connaissances import) ou écrivez-la entre accents graves pour "
                "l’afficher telle quelle.",
                subtype=Subtype.HTML,
                location=node,
            )


def located(node: nodes.Node) -> nodes.Node:
    """``node``, or its nearest ancestor that knows its line (MyST leaves some images
    without one)."""
    while not node.line and node.parent is not None:
        node = node.parent
    return node


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def require_alt_text(doctree: nodes.document) -> None:
    """An image without a text for who cannot see it fails the build, as it fails ``check``."""
    for node in list(doctree.findall(nodes.image)):
        if not str(node.get("alt", "")).strip():
            warn(
                f"image « {str(node.get('uri', ''))[:60]} » sans texte alternatif : décrivez-la "
                "entre les crochets, ![ce que montre l’image](…), ou avec « :alt: ».",
                subtype=Subtype.HTML,
                location=located(node),
            )


def _refuse_file(message: str, node: nodes.Node) -> None:
    warn(f"{message}.", subtype=Subtype.FILE, location=located(node))


def refuse_files(doctree: nodes.document, boundary: Boundary, folder: Path) -> None:
    """Images and downloads of the page in ``folder`` (absolute) that the boundary refuses
    are left out (a download keeps its text), before Sphinx's collectors copy them."""
    for node in list(doctree.findall(nodes.image)):
        uri = str(node.get("uri", ""))
        if uri.startswith("data:"):
            continue  # refused by its scheme
        if "://" in uri or uri.startswith("//"):
            _refuse_file(
                f"image refusée : « {uri[:80]} » est une image distante, et le site ne demande "
                "rien à un autre ; "
                "enregistrez l’image dans le dépôt, à côté de la page",
                node,
            )
            node.parent.remove(node)
            continue
        if "%" in uri and not boundary.locate(uri, folder).exists():
            # MyST percent-encodes a Markdown image's address: « schéma.png » is the file.
            node["uri"] = uri = unquote(uri)
        names = [uri]
        if "*" in uri:  # Sphinx's candidates: one file per format, "*" in the file's name
            located = boundary.locate(uri, folder)
            found = sorted(located.parent.glob(located.name))
            names = [os.path.relpath(path, folder) for path in found] or [uri]
        problems = [p for name in names if (p := boundary.check(name, folder, Kind.IMAGE))]
        for problem in problems:
            _refuse_file(problem, node)
        if problems:
            node.parent.remove(node)
    for node in list(doctree.findall(addnodes.download_reference)):
        target = str(node.get("reftarget", ""))
        if "://" in target:
            continue  # a link to elsewhere, not a file of the base
        problem = boundary.check(target, folder, Kind.DOWNLOAD)
        if problem is not None:
            _refuse_file(problem, node)
            node.replace_self(nodes.Text(node.astext()))


def refuse_outside_reads(
    app: Sphinx, docname: str, doctree: nodes.document, boundary: Boundary
) -> None:
    """What parsing read (docutils records it; Sphinx copies it into ``env.dependencies`` only
    after this handler), for any directive the guarded ones do not cover: a file the boundary
    refuses empties the page."""
    recorded = getattr(doctree.settings.record_dependencies, "list", [])
    read = [boundary.locate(str(name), Path.cwd(), rooted=False) for name in recorded] + [
        boundary.locate(str(name), boundary.srcdir, rooted=False)
        for name in app.env.dependencies.get(docname, ())
    ]
    refused = sorted(
        {
            problem
            for path in read
            if path.exists() and (problem := boundary.refusal(path, str(path), Kind.TEXT))
        }
    )
    if refused:
        for problem in refused:
            warn(
                "%s ; le contenu de la page est retiré.",
                problem,
                subtype=Subtype.FILE,
                location=docname,
            )
        for child in list(doctree.children):
            doctree.remove(child)
