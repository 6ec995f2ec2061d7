"""French spacing in every document as Sphinx reads it (``content.typography``): the text of
paragraphs, headings, lists, tables, admonitions, glossaries; not code, literal blocks, math,
raw HTML, comments or link text that is a URL. Runs after Sphinx's smart quotes and before
``doctree-read``, so the titles Sphinx records (``<title>``, navigation, previous/next) have it
too. The source files are never written."""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..content.typography import french_spacing

# Where text is shown as typed: code, math, raw HTML, comments.
VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw, nodes.comment)


def _verbatim(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, VERBATIM):
            return True
        if isinstance(parent, nodes.reference) and "://" in parent.astext():
            return True  # a URL shown as its own link text
        parent = parent.parent
    return False


def space(document: nodes.document) -> None:
    """French spacing in the text nodes of ``document`` that are not verbatim."""
    for text in list(document.findall(nodes.Text)):
        spaced = french_spacing(str(text))
        if spaced != str(text) and not _verbatim(text):
            text.parent.replace(text, nodes.Text(spaced))


class FrenchSpacing(SphinxTransform):
    # After Sphinx's smart quotes (750), before the doctree-read event (880).
    default_priority = 870

    def apply(self, **kwargs: object) -> None:
        if (self.config.language or "").startswith("fr"):
            space(self.document)
