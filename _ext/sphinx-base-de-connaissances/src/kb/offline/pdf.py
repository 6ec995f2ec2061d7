"""The PDF, typeset by Typst from the book's source: the engine's fonts embedded (no font of
the machine is looked at), the same bytes for the same inputs (the edition's day stands for
the creation date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .render import FONTS


class TypesettingError(Exception):
    """Typst refused the book: an image it cannot read, or a defect of kb (every text of the
    source is escaped). The message names the book and says what Typst said, in French."""


def write_pdf(source: str, target: Path, *, root: Path, edition: dt.date) -> None:
    import typst  # a heavy import, only when a book is made

    created = dt.datetime.combine(edition, dt.time(), tzinfo=dt.UTC)
    try:
        data = typst.compile(
            source.encode("utf-8"),
            root=str(root),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
            timestamp=created,
        )
    except typst.TypstError as error:
        where = f" ({error.diagnostic})" if getattr(error, "diagnostic", "") else ""
        raise TypesettingError(
            f"{target.name} : Typst n’a pas pu composer le livre : {error.message}{where}"
        ) from error
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
