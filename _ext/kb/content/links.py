"""Which articles an article links to, read from its Markdown with MyST's parser: links to
another article's ``.md`` file and ``{doc}`` roles (relative to the file, or absolute from the
source folder with a leading ``/``). ``{ref}`` labels need the build to resolve them: not here.

``python -m kb.content.links [SRCDIR]`` lists, without failing, the orphans (articles no other
article links to) and the dead ends (articles that link to none), for ``nox -s lint``.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .collection import article_files, docname_of, read_source


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


def graph(srcdir: Path, folder: str = "articles") -> dict[str, set[str]]:
    """Article → the other articles it links to."""
    texts = {}
    for path in article_files(srcdir, folder):
        text, _ = read_source(srcdir, path)
        if text is not None:
            texts[docname_of(srcdir, path)] = text
    return {name: (targets(name, text) & texts.keys()) - {name} for name, text in texts.items()}


def report(links: dict[str, set[str]]) -> Iterator[str]:
    cited = {target for found in links.values() for target in found}
    for name in sorted(links):
        if name not in cited:
            yield f"{name}.md : orphelin, aucun autre article ne renvoie vers lui."
        if not links[name]:
            yield f"{name}.md : impasse, il ne renvoie vers aucun autre article."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Articles orphelins et impasses.")
    parser.add_argument("srcdir", nargs="?", type=Path, default=Path())
    options = parser.parse_args(argv)
    lines = list(report(graph(options.srcdir)))
    print("\n".join(lines) if lines else "Chaque article est relié aux autres.")
    return 0  # a list for writers, not a failure


if __name__ == "__main__":
    sys.exit(main())
