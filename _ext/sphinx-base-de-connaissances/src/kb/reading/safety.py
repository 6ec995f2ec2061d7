"""Untrusted article content made inert when Sphinx reads it, whatever the lint said.

Connected to ``doctree-read`` before Sphinx's own collectors, so that the title Sphinx records
(for ``<title>``, navigation, previous/next, tables of contents) is already plain text:

- the title is the front matter's ``title`` as text (MyST parses it as Markdown with raw HTML);
- raw HTML goes through the policy of `sanitize`: a refused element or attribute is a warning
  at its file and line and is left out of the page; allowed blocks are cleaned by nh3 anyway;
- links and images whose target has a dangerous scheme are refused the same way, including the
  ones markdown-it already left as literal text (the writer still deserves to be told);
- an ``{include}`` of a file outside the source folder empties the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..content import sanitize
from ..diagnostics import Subtype, warn

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


def sanitize_raw_html(doctree: nodes.document) -> None:
    for node in list(doctree.findall(nodes.raw)):
        if "html" not in node.get("format", "").split():
            continue
        html = node.astext()
        refused = sanitize.refusals(html)
        for refusal in refused:
            _warn(refusal.message, node)
        if refused:
            node.parent.remove(node)
        elif not isinstance(node.parent, nodes.TextElement):  # a block: a whole fragment
            node.replace_self(nodes.raw("", sanitize.clean(html), format="html"))


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


def refuse_outside_includes(app: Sphinx, docname: str, doctree: nodes.document) -> None:
    # What directives read while parsing (docutils records it; Sphinx copies it into
    # env.dependencies only after this handler): paths relative to the working directory.
    srcdir = Path(app.srcdir).resolve()
    recorded = getattr(doctree.settings.record_dependencies, "list", [])
    outside = sorted(
        str(dependency)
        for dependency in recorded
        if srcdir not in (Path.cwd() / dependency).resolve().parents
    )
    if outside:
        warn(
            "inclusion refusée : %s est hors du dépôt ; le contenu de la page est retiré.",
            ", ".join(outside),
            subtype=Subtype.INCLUDE,
            location=docname,
        )
        for child in list(doctree.children):
            doctree.remove(child)
