"""Which article each imported page sits under (the engine's ``parent``): its place in the
source's hierarchy (a GitBook sub-page, a MkDocs section's index, a folder's README), or the
first part of a page cut in parts. Kept only within one category and down to the engine's
depth; the report says where it was not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from ..content.hierarchy import DEPTH
from .model import Note, Page


def parents(
    pages: list[Page],
    paths: dict[str, str],
    categories: dict[str, str],
    note: Callable[[Note], None],
) -> dict[str, str]:
    """Page key → the name (file stem) of the article it sits under; ``paths``: each page's
    article file."""
    by_key = {page.key: page for page in pages}
    above: dict[str, str] = {}
    for page in pages:
        key = page.part_of or page.parent
        parent = by_key.get(key) if key and key != page.key else None
        if parent is None:
            continue
        if categories[parent.category] != categories[page.category]:
            note(
                Note(
                    page.source,
                    1,
                    f"sous « {parent.title[:60]} » dans la source, mais d’une autre catégorie : "
                    "au premier niveau de la sienne.",
                )
            )
            continue
        above[page.key] = key
    found = {}
    for key in above:
        chain = [key]
        while chain[-1] in above and above[chain[-1]] not in chain:
            chain.append(above[chain[-1]])
        if len(chain) > DEPTH:  # deeper than the engine shows: under the deepest it allows
            note(
                Note(
                    by_key[key].source,
                    1,
                    f"plus de {DEPTH} niveaux dans la source : rangée au {DEPTH}e niveau.",
                )
            )
            found[key] = PurePosixPath(paths[chain[len(chain) - DEPTH + 1]]).stem
        else:
            found[key] = PurePosixPath(paths[above[key]]).stem
    return found
