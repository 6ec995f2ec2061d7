"""Which articles an article links to, read from its Markdown with MyST's parser: links to
another article's ``.md`` file and ``{doc}`` roles (relative to the file, or absolute from the
source folder with a leading ``/``). ``{ref}`` labels need the build to resolve them: not here.

``report`` names the orphans (articles no other article links to) and the dead ends (articles
that link to none); ``base-de-connaissances links`` lists them for ``nox -s lint``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator


def targets(docname: str, text: str) -> set[str]:
    """The docnames ``docname``'s text links to (any page; the caller keeps the articles)."""
    from .style import _PARSER  # MyST's parser loads docutils: only when asked

    found = set()
    folder = posixpath.dirname(docname)
    for token in _PARSER.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                target = str(child.attrGet("href") or "")
            elif child.type == "myst_role" and child.meta.get("name") == "doc":
                target = child.content.strip()
                target = target.rsplit("<", 1)[-1].rstrip(">") if target.endswith(">") else target
            else:
                continue
            if "://" in target or target.startswith(("mailto:", "#")):
                continue
            path = target.split("#", 1)[0]
            if child.type == "link_open" and not path.endswith(".md"):
                continue
            path = path.removesuffix(".md")
            found.add(
                path.lstrip("/")
                if path.startswith("/")
                else posixpath.normpath(posixpath.join(folder, path))
            )
    return found


def report(links: dict[str, set[str]]) -> Iterator[str]:
    cited = {target for found in links.values() for target in found}
    for name in sorted(links):
        if name not in cited:
            yield f"{name}.md : orphelin, aucun autre article ne renvoie vers lui."
        if not links[name]:
            yield f"{name}.md : impasse, il ne renvoie vers aucun autre article."
