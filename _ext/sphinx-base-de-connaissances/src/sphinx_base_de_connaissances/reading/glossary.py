"""Glossary terms, found as Sphinx reads each page: the entries of ``{glossary}`` directives
(kept in the domain with their definitions) and the terms a page uses with ``{term}`` (so that
editing a definition rewrites exactly the pages that show it in a popover)."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

from ..content.terms import Term

_SPACES = re.compile(r"[ \t\r\n]+")


def entries(doctree: nodes.document, docname: str) -> dict[str, Term]:
    """Lower-cased term (as ``{term}`` looks it up) → its entry, for each glossary entry."""
    found: dict[str, Term] = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = item.next_node(nodes.definition)
            # Folds line breaks, keeps the no-break spaces of French typography.
            text = _SPACES.sub(" ", definition.astext()) if definition else ""
            for term in item.findall(nodes.term):
                if term["ids"]:
                    label = term.astext()
                    found[label.lower()] = Term(docname, term["ids"][0], label, text.strip())
    return found


def uses(doctree: nodes.document) -> frozenset[str]:
    """The terms the page refers to (``{term}`` lower-cases its target)."""
    return frozenset(
        str(xref["reftarget"]).lower()
        for xref in doctree.findall(addnodes.pending_xref)
        if xref.get("reftype") == "term"
    )
