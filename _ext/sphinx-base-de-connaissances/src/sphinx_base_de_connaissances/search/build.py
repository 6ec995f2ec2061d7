"""Search at the edges of a build: whether Pagefind serves it (``builder-inited``) and the
indexing of the written pages (``build-finished``), in the build or in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..diagnostics import Subtype, warn
from . import indexer


def available() -> bool:
    """Pagefind installed; warns otherwise (Sphinx's heavier index is used instead)."""
    if indexer.available():
        return True
    warn(
        "Pagefind n’est pas installé : la recherche utilisera l’index de Sphinx, "
        "plus lourd et sans repli des accents (pip install 'pagefind[bin]').",
        subtype=Subtype.SEARCH,
    )
    return False


def document_files(app: Sphinx) -> list[str]:
    """The output files of the documents whose text search indexes (all but the home page,
    whose text is only listings), as strings (10,000 paths cost a second in pathlib)."""
    builder: Any = app.builder
    names = sorted(app.env.found_docs - {app.config.root_doc})
    if builder.name != "html":
        return [str(builder.get_outfilename(name)) for name in names]
    outdir, suffix = str(app.outdir), builder.out_suffix
    return [f"{outdir}/{name}{suffix}" for name in names]


def index_site(app: Sphinx, per_shard: int, background: bool) -> None:
    """``per_shard``: kb_search_shard_pages; ``background``: kb_search_background."""
    outdir, doctreedir = Path(app.outdir), Path(app.doctreedir)
    (outdir / "searchindex.js").unlink(missing_ok=True)  # left by a build without Pagefind
    documents = document_files(app)
    if background:
        indexer.index_in_background(outdir, doctreedir, documents, per_shard)
        return
    failure = indexer.index(outdir, doctreedir, documents, per_shard)
    if failure:
        warn(
            "Pagefind n’a pas pu indexer le site (%s) ; la recherche ne fonctionnera pas.",
            failure,
            subtype=Subtype.SEARCH,
        )
