"""Links that never break: an article that moves or is renamed keeps its old ids in
``redirect_from``, and each old id gets a page that sends readers to it.

- ``redirect_problems``: a redirect may not take the address of a page, nor be claimed twice;
- ``renamed_ids`` and ``replacement``: where a reference to an old name should point now;
- the articles published at the merge base that are gone without a redirect are found with git
  by ``source/lost.py``.
Pure Python.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from . import addresses
from .frontmatter import Problem
from .schema import Article


def redirect_problems(
    articles: Iterable[tuple[str, Article]], docnames: Iterable[str], folder: str
) -> list[Problem]:
    """A redirect may not take a page's address (an old id naming an existing article, an old
    address naming a page's file), nor be claimed twice (two ids, two files, two queries)."""
    pages = set(docnames)
    files = {file: name for name in pages for file in addresses.page_files(name)}
    claimed: dict[str, str] = {}
    problems = []
    for path, article in sorted(articles, key=lambda pair: pair[0]):
        for old in article.redirect_from:
            key, taken = old, ""
            if addresses.is_address(old):
                address, _ = addresses.parse(old)
                if address is None:  # the schema reported it
                    continue
                key = f"?{address.query}" if address.query else address.file
                if key in files:
                    taken = f"{files[key]}.md"
            elif f"{folder}/{old}" in pages:
                taken = f"{folder}/{old}.md"
            if taken:
                message = (
                    f"« {old} » est l’adresse d’une page qui existe ({taken}) ; "
                    "une redirection ne peut pas la remplacer."
                )
            elif key in claimed:
                message = f"« {old} » est déjà redirigé vers {claimed[key]} ; gardez-en un seul."
            else:
                claimed[key] = path
                continue
            problems.append(Problem(path, 1, "redirect_from", message))
    return problems


def renamed_ids(articles: Iterable[Article], folder: str) -> dict[str, str]:
    """Each old docname (``<folder>/<old id>``) → the docname of the article redirecting it."""
    return {f"{folder}/{old}": a.docname for a in articles for old in a.old_ids}


def renamed_within(articles: Iterable[Article], folder: str) -> dict[str, str]:
    """Each old id (``redirect_from``) → the id of the article redirecting it, both relative
    to the articles folder: how data files name articles."""
    prefix = f"{folder.rstrip('/')}/"
    return {old: a.docname.removeprefix(prefix) for a in articles for old in a.old_ids}


def replacement(
    refdoc: str, new: str, anchor: str = "", *, markdown: bool, absolute: bool = False
) -> str:
    """What to write instead of a reference to an old name, from the document ``refdoc``, in
    the reference's own form: a ``.md`` link or a ``{doc}`` target, relative or absolute."""
    relative = "/" + new if absolute else posixpath.relpath(new, posixpath.dirname(refdoc) or ".")
    if not markdown:
        return relative
    return f"{relative}.md" + (f"#{anchor}" if anchor else "")


def has_queries(articles: Iterable[Article]) -> bool:
    """Whether an article keeps an old query address, such as ``/?p=42`` (the home page then
    loads the script that looks them up)."""
    return any(old.startswith("/?") for a in articles for old in a.old_addresses)
