"""Articles under other articles: a category's pages as a tree (``parent`` in the front
matter), as a guide of several levels has it. The sidebar shows the tree, an article's header
its ancestors; listings keep the category's order, each article after its parent.

A parent is an article of the same category; a chain of parents never loops and is at most
``DEPTH`` deep. What breaks these rules is a problem at the ``parent`` field; the article then
sits at its category's top level, so that a build without ``-W`` still shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .frontmatter import Problem
from .schema import Article

DEPTH = 6  # levels under a category, the top one included


@dataclass(frozen=True)
class Tree:
    """One category's articles in reading order (each parent before its children) with their
    depth (0 at the top) and their parent's docname."""

    ordered: tuple[Article, ...]
    depth: dict[str, int]
    parent: dict[str, str]  # docname → its parent's docname


def parents(articles: Iterable[Article]) -> tuple[dict[str, str], dict[str, str]]:
    """(docname → its parent's docname, docname → the problem of its ``parent`` field) for the
    given articles: a parent that is missing, of another category, or makes a loop or too deep
    a chain is a problem, and the article keeps no parent."""
    by_slug = {a.slug: a for a in articles}
    found: dict[str, str] = {}
    problems: dict[str, str] = {}
    for article in by_slug.values():
        if not article.parent:
            continue
        parent = by_slug.get(article.parent)
        if parent is None:
            problems[article.docname] = (
                f"« {article.parent} » : aucun article de ce nom ; attendu : le nom d’un "
                "article de la même catégorie (son fichier sans .md)."
            )
        elif parent.category != article.category:
            problems[article.docname] = (
                f"« {article.parent} » est dans la catégorie « {parent.category} » ; un article "
                f"ne peut être rangé que sous un article de sa catégorie ({article.category})."
            )
        else:
            found[article.docname] = parent.docname
    for docname in list(found):
        chain, seen = docname, [docname]
        while chain in found:
            chain = found[chain]
            if chain in seen:
                problems[docname] = "ce parent fait une boucle (un article est son propre parent)."
                break
            seen.append(chain)
        else:
            if len(seen) > DEPTH:
                problems[docname] = f"plus de {DEPTH} niveaux d’articles les uns sous les autres."
    return {k: v for k, v in found.items() if k not in problems}, problems


def tree(
    found: Sequence[Article], parent: dict[str, str], key: Callable[[Article], tuple[bool, int]]
) -> Tree:
    """``found`` (one category) in reading order: the articles without a parent by ``key``,
    each followed by its children, by ``key`` too."""
    members = {a.docname for a in found}
    children: dict[str, list[Article]] = {}
    top: list[Article] = []
    for article in sorted(found, key=key):
        above = parent.get(article.docname)
        if above in members:
            children.setdefault(above, []).append(article)
        else:
            top.append(article)
    ordered: list[Article] = []
    depth: dict[str, int] = {}

    def walk(article: Article, level: int) -> None:
        ordered.append(article)
        depth[article.docname] = level
        for child in children.get(article.docname, ()):
            walk(child, level + 1)

    for article in top:
        walk(article, 0)
    shown = {a.docname: parent[a.docname] for a in ordered if parent.get(a.docname) in members}
    return Tree(tuple(ordered), depth, shown)


def problems(pairs: Iterable[tuple[str, Article]]) -> list[Problem]:
    """The ``parent`` problems of the articles given as (path, article), at the field's line."""
    listed = list(pairs)
    _, found = parents(article for _, article in listed)
    return [
        Problem(path, article.parent_line or 1, "parent", found[article.docname])
        for path, article in listed
        if article.docname in found
    ]
