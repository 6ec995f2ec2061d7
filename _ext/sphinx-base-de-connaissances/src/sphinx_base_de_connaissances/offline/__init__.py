"""The offline edition: the base and each reading path as a PDF (typeset by Typst from the
built pages' text) and an EPUB 3 (EbookLib), for reading away from the network.

- ``plan``: which books, and which published articles each holds, in which order (pure);
- ``assemble``: one book's chapters from the built pages, each page read once per edition;
- ``markup`` and ``render``: a chapter's HTML as Typst markup, and the whole book's source
  (cover, contents, parts, chapters) under the preamble ``templates/book.typ``;
- ``pdf`` and ``epub``: the two files, the same bytes for the same inputs;
- ``edition``: which books to make again (what they show changed), ``build``: in the build.

``base-de-connaissances offline`` runs it after the HTML build (``nox -s offline``).
"""

from __future__ import annotations

import importlib.util

# What the "offline" extra installs (import name: distribution).
EXTRA = {"typst": "typst", "ebooklib": "ebooklib", "bs4": "beautifulsoup4"}


def missing_extra() -> str | None:
    """Why the offline edition cannot be made here, in French, with the command that fixes it
    (None: everything it needs is installed)."""
    missing = [dist for name, dist in EXTRA.items() if importlib.util.find_spec(name) is None]
    if not missing:
        return None
    return (
        f"l’édition hors ligne demande l’extra « offline » ({', '.join(missing)} "
        f"{'manque' if len(missing) == 1 else 'manquent'}) : "
        'python -m pip install "sphinx-base-de-connaissances[offline]"'
    )
