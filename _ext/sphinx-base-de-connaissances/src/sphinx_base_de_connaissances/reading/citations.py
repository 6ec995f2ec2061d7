"""Which articles an article cites, found as Sphinx reads it: MyST links to another ``.md``
file, ``{doc}`` roles and ``{ref}`` roles, each with the sentence around it (kept in the domain,
so parallel and incremental builds stay right); resolved into « Cité dans » once all documents
are read (a ``{ref}`` label names its document only then)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join

from .._compat import labels
from ..content.catalog import Catalog
from ..content.citations import Citation, quote
from ..content.schema import Article


def find(doctree: nodes.document, docname: str) -> tuple[Citation, ...]:
    found = []
    for xref in doctree.findall(addnodes.pending_xref):
        kind = (xref.get("refdomain"), xref.get("reftype"))
        target = str(xref.get("reftarget", ""))
        if kind == ("doc", "myst"):
            resolved = ("doc", target)
        elif kind == ("std", "doc"):
            absolute = target.startswith("/")
            resolved = ("doc", target.lstrip("/") if absolute else docname_join(docname, target))
        elif kind == ("std", "ref"):
            resolved = ("label", target.lower())
        else:
            continue
        block = xref.parent
        while block is not None and not isinstance(block, nodes.TextElement | nodes.Structural):
            block = block.parent
        text, link = (block.astext() if block is not None else ""), xref.astext()
        start = max(0, text.find(link))
        before, shown, after = quote(text, start, start + len(link))
        found.append(Citation(*resolved, before, shown, after))
    return tuple(found)


def target_of(citation: Citation, env: BuildEnvironment) -> str:
    if citation.kind == "doc":
        return citation.target
    label = labels(env).get(citation.target)
    return label[0] if label else ""


def cited_by(
    citations: Mapping[str, Iterable[Citation]], catalog: Catalog, env: BuildEnvironment
) -> dict[str, list[tuple[Article, Citation]]]:
    """Article → the published articles citing it (newest first), each with its first citation."""
    found: dict[str, dict[str, tuple[Article, Citation]]] = defaultdict(dict)
    for source, items in citations.items():
        citing = catalog.by_docname.get(source)
        if citing is None:
            continue
        for citation in items:
            target = target_of(citation, env)
            if target in catalog.by_docname and target != source:
                found[target].setdefault(source, (citing, citation))
    return {
        target: sorted(by.values(), key=lambda pair: catalog.position[pair[0].docname])
        for target, by in found.items()
    }


def targets(items: Iterable[Citation], env: BuildEnvironment) -> set[str]:
    return {target for citation in items if (target := target_of(citation, env))}
