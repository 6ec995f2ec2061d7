"""The offline edition in the build (``kb_offline``): after the pages are written, the books of
the published articles go into ``telechargements/`` beside them (each made again only when it
changed), and every page that links to them gets their sizes written in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..clock import today
from ..content.catalog import Catalog
from ..content.paths import Paths
from ..content.vocab import Vocabulary
from ..diagnostics import Subtype, info, warn
from ..settings import Settings
from ..site import OFFLINE_FOLDER
from ..state import write_whole
from . import edition, plan
from .pdf import TypesettingError

_SIZE = re.compile(r'(<span class="kb-downloads__size" data-kb-size="([^"]+)">)[^<]*(</span>)')


def _source(app: Any, docname: str) -> tuple[str, str]:
    """A document's source file, as writers see it (relative to the source folder), and its
    text."""
    path = Path(app.env.doc2path(docname))
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    return path.relative_to(app.srcdir).as_posix(), text


def publish(
    app: Any,
    settings: Settings,
    catalog: Catalog,
    vocab: Vocabulary,
    paths: Paths,
    linking: Iterable[str],
) -> None:
    """Make the books, then write their sizes into the pages ``linking`` to them."""
    if app.builder.name != "html":
        warn(
            "kb_offline : l’édition hors ligne se fait avec le constructeur html seulement.",
            subtype=Subtype.OFFLINE,
        )
        return
    outdir = Path(app.outdir)
    books = plan.books(
        catalog.articles,
        vocab,
        paths,
        today(),
        title=settings.project,
        description=settings.site_description,
    )
    try:
        files = edition.write_books(
            books,
            outdir,
            outdir / OFFLINE_FOLDER,
            project=settings.project,
            base=settings.base_url,
            vocab=vocab,
            state=Path(app.doctreedir),
            log=info,
            sources=lambda docname: _source(app, docname),
        )
    except TypesettingError as error:
        for problem in error.problems:
            warn(f"kb_offline : {problem}", subtype=Subtype.OFFLINE)
        return
    for other in (outdir / OFFLINE_FOLDER).glob("*"):  # the folder is the edition's alone
        if other not in files and other.is_file():
            other.unlink()
    shown = edition.sizes(files)
    for name in sorted(set(linking)):
        page = Path(app.builder.get_outfilename(name))
        if not page.is_file():
            continue
        text = page.read_text("utf-8")
        sized = _SIZE.sub(
            lambda m: f"{m[1]}\u00a0({shown[m[2]]}){m[3]}" if m[2] in shown else m[0], text
        )
        if sized != text:
            write_whole(page, sized.encode("utf-8"))
